/**
 * Internal dependencies
 */
import { createMessageStore, isChatMessage } from '../messages';
import { message } from './fixtures';

describe( 'createMessageStore', () => {
	it( 'holds each id once, in id order, whatever order and however often they come', () => {
		const store = createMessageStore();
		expect(
			store.merge( [ message( 5 ), message( 2 ) ] ).map( ( m ) => m.id )
		).toEqual( [ 2, 5 ] );
		expect(
			store
				.merge( [ message( 5 ), message( 3 ), message( 3 ) ] )
				.map( ( m ) => m.id )
		).toEqual( [ 3 ] );
		expect( store.merge( [ message( 2 ) ] ) ).toEqual( [] );
		expect( store.list().map( ( m ) => m.id ) ).toEqual( [ 2, 3, 5 ] );
		expect( store.lastId() ).toBe( 5 );
	} );

	it( 'keeps the first copy of a message (a retry answer is the same row)', () => {
		const store = createMessageStore();
		store.merge( [ message( 7, { body: 'original' } ) ] );
		store.merge( [ message( 7, { body: 'again' } ) ] );
		expect( store.list()[ 0 ]?.body ).toBe( 'original' );
	} );

	it( 'refuses what is not a message', () => {
		const store = createMessageStore();
		const bad = [
			null,
			'text',
			{ ...message( 1 ), id: '1' },
			{ ...message( 2 ), id: 0 },
			{ ...message( 3 ), author: 'admin' },
			{ ...message( 4 ), body: { html: '<b>' } },
		];
		bad.forEach( ( value ) =>
			expect( isChatMessage( value ) ).toBe( false )
		);
		expect( store.merge( bad ) ).toEqual( [] );
		expect( store.lastId() ).toBe( 0 );
	} );
} );
