/**
 * External dependencies
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

/**
 * Internal dependencies
 */
import { stackEnv } from './support/env';

const env = stackEnv();
const publicUrl = new URL( env.sidecarPublicUrl );

/**
 * Connects through nginx on the site's origin, WebSocket only (no polling fallback).
 * @param namespace
 * @param auth
 * @param origin
 */
function connectThroughSite(
	namespace: string,
	auth = {},
	origin = new URL( env.siteUrl ).origin
): Socket {
	return io( `${ publicUrl.origin }${ namespace }`, {
		path: `${ publicUrl.pathname }socket.io`,
		transports: [ 'websocket' ],
		reconnection: false,
		timeout: 5000,
		auth,
		extraHeaders: { origin },
	} );
}

function outcome( socket: Socket ): Promise< string > {
	return new Promise( ( resolve ) => {
		socket.on( 'connect', () => resolve( 'connected' ) );
		socket.on( 'connect_error', ( error ) =>
			resolve( `connect_error: ${ error.message }` )
		);
	} );
}

describe( 'the running stack', () => {
	it( 'serves the WordPress site through nginx + PHP-FPM', async () => {
		const response = await fetch( `${ env.siteUrl }/` );
		expect( response.status ).toBe( 200 );
		expect( await response.text() ).toContain( '<title>' );
	} );

	it( 'reports a healthy sidecar, with details only to local callers', async () => {
		const direct = await fetch( `${ env.sidecarUrl }/healthz` );
		expect( direct.status ).toBe( 200 );
		const report = await direct.json();
		expect( report.status ).toBe( 'ok' );
		expect( report.db.ok ).toBe( true );
		expect( report.secret.loaded ).toBe( true );

		// Through nginx on the public origin: the status, nothing else.
		const proxied = await fetch( `${ env.sidecarPublicUrl }healthz` );
		expect( proxied.status ).toBe( 200 );
		expect( await proxied.json() ).toEqual( { status: 'ok' } );
	} );

	it( 'upgrades a /visitor connection to WebSocket through nginx', async () => {
		const socket = connectThroughSite( '/visitor' );
		try {
			await expect( outcome( socket ) ).resolves.toBe( 'connected' );
			expect( socket.io.engine.transport.name ).toBe( 'websocket' );
		} finally {
			socket.close();
		}
	} );

	it( 'refuses a /visitor connection from another origin', async () => {
		const socket = connectThroughSite(
			'/visitor',
			{},
			'https://elsewhere.example'
		);
		try {
			await expect( outcome( socket ) ).resolves.toMatch(
				/^connect_error: this origin may not connect/
			);
		} finally {
			socket.close();
		}
	} );

	it( 'refuses an /agent connection without a token', async () => {
		const socket = connectThroughSite( '/agent' );
		try {
			await expect( outcome( socket ) ).resolves.toMatch(
				/^connect_error/
			);
		} finally {
			socket.close();
		}
	} );
} );
