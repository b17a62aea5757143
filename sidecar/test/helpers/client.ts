/**
 * socket.io clients and small waits for integration tests.
 */

/**
 * External dependencies
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

/**
 * Internal dependencies
 */
import type { ConnectErrorData } from '../../../src/protocol';

/** How a connection attempt ended. */
export type Outcome =
	| { connected: true }
	| { connected: false; message: string; code: string | undefined };

const open: Socket[] = [];

/**
 * Opens a client that never reconnects on its own, tracked for cleanup.
 *
 * @param port       Sidecar port.
 * @param namespace  `/agent`, `/visitor`, ...
 * @param auth       Handshake `auth` object.
 * @param transports Transports to allow; WebSocket only by default.
 */
export function connect(
	port: number,
	namespace: string,
	auth: Record< string, unknown > = {},
	transports: Array< 'polling' | 'websocket' > = [ 'websocket' ]
): Socket {
	const socket = io( `http://127.0.0.1:${ port }${ namespace }`, {
		auth,
		transports,
		reconnection: false,
		forceNew: true,
	} );
	open.push( socket );
	return socket;
}

/**
 * Opens a `/visitor` connection the way a browser on `origin` would.
 *
 * @param port       Sidecar port.
 * @param auth       Handshake `auth` (identity, first page).
 * @param headers    Request headers; `origin` defaults to the test site's
 *                   (set the `home` option to http://site.test).
 * @param transports Transports to allow; WebSocket only by default.
 */
export function connectVisitor(
	port: number,
	auth: Record< string, unknown > = {},
	headers: Record< string, string > = {},
	transports: Array< 'polling' | 'websocket' > = [ 'websocket' ]
): Socket {
	const socket = io( `http://127.0.0.1:${ port }/visitor`, {
		auth,
		transports,
		reconnection: false,
		forceNew: true,
		extraHeaders: { origin: 'http://site.test', ...headers },
	} );
	open.push( socket );
	return socket;
}

/**
 * Resolves with the next `event` the socket receives, or fails after a while.
 *
 * @param socket    Client socket.
 * @param event     Event name.
 * @param timeoutMs How long to wait.
 */
export function nextEvent< T = unknown >(
	socket: Socket,
	event: string,
	timeoutMs = 5000
): Promise< T > {
	return new Promise( ( resolve, reject ) => {
		const timer = setTimeout( () => {
			socket.off( event, listener );
			reject( new Error( `no "${ event }" within ${ timeoutMs } ms` ) );
		}, timeoutMs );
		const listener = ( payload: T ) => {
			clearTimeout( timer );
			resolve( payload );
		};
		socket.once( event, listener );
	} );
}

/** Closes every client opened by {@link connect}. */
export function closeClients(): void {
	for ( const socket of open.splice( 0 ) ) {
		socket.close();
	}
}

/**
 * Resolves with the first `connect` or `connect_error`.
 *
 * @param socket Client socket.
 */
export function outcome( socket: Socket ): Promise< Outcome > {
	return new Promise( ( resolve ) => {
		socket.once( 'connect', () => resolve( { connected: true } ) );
		socket.once(
			'connect_error',
			( error: Error & { data?: ConnectErrorData } ) =>
				resolve( {
					connected: false,
					message: error.message,
					code: error.data?.code,
				} )
		);
	} );
}

/**
 * Polls until `check` resolves true, or fails after `timeoutMs`.
 *
 * @param check     Condition to wait for.
 * @param timeoutMs How long to wait.
 */
export async function waitFor(
	check: () => Promise< boolean >,
	timeoutMs = 5000
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	while ( ! ( await check() ) ) {
		if ( Date.now() > deadline ) {
			throw new Error( `condition not met within ${ timeoutMs } ms` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
}
