/**
 * Internal dependencies
 */
import { conversationRooms, openKeysFor } from '../keys';
import { mergeCustomData } from '../service';

describe( 'open keys and rooms', () => {
	it( 'prefers the verified identity’s conversation', () => {
		expect( openKeysFor( 'abc', null ) ).toEqual( [ 'v:abc' ] );
		expect( openKeysFor( 'abc', 'wp:3' ) ).toEqual( [ 'i:wp:3', 'v:abc' ] );
	} );

	it( 'reaches an identity’s room only when it was verified', () => {
		expect(
			conversationRooms( {
				visitorKey: 'abc',
				identityId: 'wp:3',
				verified: false,
			} )
		).toEqual( [ 'chat:v:abc' ] );
		expect(
			conversationRooms( {
				visitorKey: 'abc',
				identityId: 'wp:3',
				verified: true,
			} )
		).toEqual( [ 'chat:v:abc', 'chat:i:wp:3' ] );
		expect(
			conversationRooms( {
				visitorKey: '',
				identityId: '',
				verified: false,
			} )
		).toEqual( [] );
	} );
} );

describe( 'mergeCustomData', () => {
	it( 'lets the newest keys win and keeps at most 20', () => {
		const current = Object.fromEntries(
			Array.from( { length: 20 }, ( _, i ) => [ `k${ i }`, 'old' ] )
		);
		const merged = mergeCustomData( current, { k5: 'new', extra: 'x' } );
		expect( Object.keys( merged ) ).toHaveLength( 20 );
		expect( merged.k5 ).toBe( 'new' );
		expect( merged.extra ).toBe( 'x' );
		expect( merged.k0 ).toBeUndefined();
	} );
} );
