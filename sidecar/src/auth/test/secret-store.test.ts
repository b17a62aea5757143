/**
 * External dependencies
 */
import pino from 'pino';

/**
 * Internal dependencies
 */
import { SecretStore } from '../secret-store';
import type { SecretSource } from '../secret-store';

const A = 'a'.repeat( 64 );
const B = 'b'.repeat( 64 );

function fakeSource(
	values: Array< string | null | Error >
): SecretSource & { calls: number } {
	const source = {
		table: 'wp_options',
		calls: 0,
		get: async () => {
			const value = values[ Math.min( source.calls, values.length - 1 ) ];
			source.calls++;
			if ( value instanceof Error ) {
				throw value;
			}
			return value ?? null;
		},
	};
	return source;
}

function storeFor( source: SecretSource ) {
	return new SecretStore( {
		source,
		intervalMs: 1000,
		log: pino( { level: 'silent' } ),
		describeError: ( error ) => `db says ${ ( error as Error ).message }`,
	} );
}

describe( 'SecretStore', () => {
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'reports not loaded before the first read', () => {
		expect( storeFor( fakeSource( [ A ] ) ).status() ).toEqual( {
			loaded: false,
			error: 'not read yet',
		} );
	} );

	it( 'loads the secret on start and picks up a rotation', async () => {
		jest.useFakeTimers();
		const source = fakeSource( [ A, B ] );
		const store = storeFor( source );
		await store.start();
		expect( store.current() ).toBe( A );
		expect( store.status() ).toEqual( { loaded: true } );
		await jest.advanceTimersByTimeAsync( 1000 );
		expect( store.current() ).toBe( B );
		await store.stop();
		await jest.advanceTimersByTimeAsync( 5000 );
		expect( source.calls ).toBe( 2 );
	} );

	it( 'keeps the last good secret while the database is down', async () => {
		const store = storeFor(
			fakeSource( [ A, new Error( 'ECONNREFUSED' ) ] )
		);
		await store.refresh();
		await store.refresh();
		expect( store.current() ).toBe( A );
		expect( store.status() ).toEqual( { loaded: true } );
	} );

	it( 'explains a database failure before anything was loaded', async () => {
		const store = storeFor( fakeSource( [ new Error( 'ENOENT' ) ] ) );
		await store.refresh();
		expect( store.status() ).toEqual( {
			loaded: false,
			error: 'cannot read option livedesk_secret: db says ENOENT',
		} );
	} );

	it( 'drops the secret when the option is deleted', async () => {
		const store = storeFor( fakeSource( [ A, null ] ) );
		await store.refresh();
		await store.refresh();
		expect( store.current() ).toBeNull();
		expect( store.status() ).toEqual( {
			loaded: false,
			error: 'option livedesk_secret not found in wp_options; is the LiveDesk plugin active?',
		} );
	} );

	it.each( [ 'short', 'g'.repeat( 64 ), ` ${ A }` ] )(
		'refuses the malformed secret %p',
		async ( value ) => {
			const store = storeFor( fakeSource( [ value ] ) );
			await store.refresh();
			expect( store.current() ).toBeNull();
			expect( store.status().error ).toBe(
				'option livedesk_secret in wp_options is not 64 hex characters'
			);
		}
	);

	it( 'shares one read between concurrent refreshes', async () => {
		const source = fakeSource( [ A ] );
		const store = storeFor( source );
		await Promise.all( [ store.refresh(), store.refresh() ] );
		expect( source.calls ).toBe( 1 );
	} );
} );
