/**
 * Internal dependencies
 */
import { cleanCustomData, cleanIdentity, fetchWpIdentity } from '../site-api';

const IDENTITY = {
	id: 'customer-42',
	name: 'Ada',
	email: 'ada@example.com',
	expires: 1798761600,
	signature: 'f'.repeat( 64 ),
};

describe( 'cleanIdentity', () => {
	it( 'keeps the fields a SignedIdentity has', () => {
		expect( cleanIdentity( { ...IDENTITY, admin: true } ) ).toEqual(
			IDENTITY
		);
		expect(
			cleanIdentity( { id: 'x', expires: 1, signature: 's' } )
		).toEqual( { id: 'x', expires: 1, signature: 's' } );
	} );

	it( 'refuses what cannot be one', () => {
		for ( const value of [
			null,
			'customer-42',
			{ ...IDENTITY, id: '' },
			{ ...IDENTITY, id: 'x'.repeat( 192 ) },
			{ ...IDENTITY, expires: '1798761600' },
			{ ...IDENTITY, expires: Infinity },
			{ ...IDENTITY, signature: undefined },
		] ) {
			expect( cleanIdentity( value ) ).toBeNull();
		}
	} );
} );

describe( 'cleanCustomData', () => {
	it( 'keeps strings, numbers and booleans as strings, within the limits', () => {
		expect(
			cleanCustomData( {
				plan: 'Pro',
				seats: 12,
				trial: false,
				nested: { a: 1 },
				list: [ 1 ],
				nothing: null,
				'': 'empty key',
				[ 'k'.repeat( 65 ) ]: 'long key',
				long: 'v'.repeat( 600 ),
				'tab\tkey': 'line\nbreak',
			} )
		).toEqual( {
			plan: 'Pro',
			seats: '12',
			trial: 'false',
			long: 'v'.repeat( 500 ),
			'tab key': 'line break',
		} );
	} );

	it( 'keeps at most 20 keys and ignores what is not an object', () => {
		const many = Object.fromEntries(
			Array.from( { length: 30 }, ( _, i ) => [ `k${ i }`, i ] )
		);
		expect( Object.keys( cleanCustomData( many ) ) ).toHaveLength( 20 );
		expect( cleanCustomData( [ 'a' ] ) ).toEqual( {} );
		expect( cleanCustomData( 'a=b' ) ).toEqual( {} );
	} );
} );

describe( 'fetchWpIdentity', () => {
	const AJAX = 'https://shop.example/wp-admin/admin-ajax.php';
	const REST = 'https://shop.example/wp-json/livedesk/v1/';

	it( 'asks admin-ajax for a nonce, then chat/identity with it', async () => {
		const fetch = jest.fn( async ( url: string ) =>
			url.startsWith( AJAX )
				? { ok: true, status: 200, text: async () => 'a1b2c3d4e5\n' }
				: { status: 201, json: async () => IDENTITY }
		);
		await expect(
			fetchWpIdentity(
				fetch as unknown as typeof window.fetch,
				AJAX,
				REST
			)
		).resolves.toEqual( IDENTITY );
		expect( fetch.mock.calls[ 0 ]?.[ 0 ] ).toBe(
			`${ AJAX }?action=rest-nonce`
		);
		expect( fetch.mock.calls[ 1 ] ).toEqual( [
			`${ REST }chat/identity`,
			expect.objectContaining( {
				method: 'POST',
				headers: expect.objectContaining( {
					'X-WP-Nonce': 'a1b2c3d4e5',
				} ),
			} ),
		] );
	} );

	it( 'is null for a visitor who is not logged in', async () => {
		const fetch = jest.fn( async () => ( {
			ok: false,
			status: 400,
			text: async () => '0',
		} ) );
		await expect(
			fetchWpIdentity(
				fetch as unknown as typeof window.fetch,
				AJAX,
				REST
			)
		).resolves.toBeNull();
		expect( fetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'is null when the identity request fails', async () => {
		const fetch = jest.fn( async ( url: string ) =>
			url.startsWith( AJAX )
				? { ok: true, status: 200, text: async () => 'a1b2c3d4e5' }
				: {
						status: 403,
						json: async () => ( { code: 'chat_disabled' } ),
					}
		);
		await expect(
			fetchWpIdentity(
				fetch as unknown as typeof window.fetch,
				AJAX,
				REST
			)
		).resolves.toBeNull();
	} );
} );
