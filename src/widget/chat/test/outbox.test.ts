/**
 * Internal dependencies
 */
import { CLIENT_MESSAGE_ID_PATTERN } from '../../../protocol';
import { OUTBOX_KEY, createOutbox, newClientId } from '../outbox';

beforeEach( () => sessionStorage.clear() );

describe( 'newClientId', () => {
	it( 'makes 22-character base64url ids the protocol accepts, all different', () => {
		const ids = new Set(
			Array.from( { length: 200 }, () => newClientId() )
		);
		expect( ids.size ).toBe( 200 );
		ids.forEach( ( id ) => {
			expect( id ).toMatch( CLIENT_MESSAGE_ID_PATTERN );
			expect( id ).toHaveLength( 22 );
		} );
	} );
} );

describe( 'createOutbox', () => {
	let n = 0;
	const ids = () => `client-id-${ ++n }`;

	it( 'keeps messages in the order they were written', () => {
		const outbox = createOutbox( sessionStorage, OUTBOX_KEY, ids );
		const a = outbox.add( 'first' );
		const b = outbox.add( 'second', { name: 'Ada' } );
		expect( outbox.head() ).toEqual( a );
		expect( outbox.items() ).toEqual( [
			a,
			{
				client_id: b.client_id,
				body: 'second',
				profile: { name: 'Ada' },
			},
		] );
		expect( outbox.remove( a.client_id ) ).toBe( true );
		expect( outbox.remove( a.client_id ) ).toBe( false );
		expect( outbox.head() ).toEqual( b );
	} );

	it( 'survives a reload through sessionStorage, and forgets itself when empty', () => {
		const first = createOutbox( sessionStorage, OUTBOX_KEY, ids );
		const item = first.add( 'typed before the reload' );
		const reloaded = createOutbox( sessionStorage, OUTBOX_KEY, ids );
		expect( reloaded.items() ).toEqual( [ item ] );
		reloaded.remove( item.client_id );
		expect( sessionStorage.getItem( OUTBOX_KEY ) ).toBeNull();
	} );

	it( 'does not write storage when it removes nothing', () => {
		const outbox = createOutbox( sessionStorage, OUTBOX_KEY, ids );
		outbox.add( 'pending' );
		const write = jest.spyOn( Storage.prototype, 'setItem' );
		const remove = jest.spyOn( Storage.prototype, 'removeItem' );
		expect( outbox.remove( 'someone-elses-id' ) ).toBe( false );
		expect( write ).not.toHaveBeenCalled();
		expect( remove ).not.toHaveBeenCalled();
		write.mockRestore();
		remove.mockRestore();
	} );

	it( 'ignores unreadable or foreign storage contents', () => {
		sessionStorage.setItem( OUTBOX_KEY, '{not json' );
		expect( createOutbox( sessionStorage ).items() ).toEqual( [] );
		sessionStorage.setItem(
			OUTBOX_KEY,
			JSON.stringify( [
				{ client_id: 'abcdefgh', body: 'ok' },
				{ body: 1 },
				'x',
			] )
		);
		expect( createOutbox( sessionStorage ).items() ).toEqual( [
			{ client_id: 'abcdefgh', body: 'ok' },
		] );
	} );

	it( 'works in memory when there is no storage or it is full', () => {
		const memory = createOutbox( null, OUTBOX_KEY, ids );
		memory.add( 'kept in memory' );
		expect( memory.items() ).toHaveLength( 1 );

		const full = {
			getItem: () => null,
			setItem: () => {
				throw new Error( 'QuotaExceededError' );
			},
			removeItem: () => undefined,
		} as unknown as Storage;
		const outbox = createOutbox( full, OUTBOX_KEY, ids );
		expect( () => outbox.add( 'still queued' ) ).not.toThrow();
		expect( outbox.items() ).toHaveLength( 1 );
	} );
} );
