/**
 * Internal dependencies
 */
import {
	AgentConnection,
	REFRESH_ACK_TIMEOUT_MS,
	REFRESH_RETRY_MS,
} from '../agent-connection';
import type { AgentConnectionOptions } from '../agent-connection';
import type { AgentTokenGrant, ConnectionState } from '../types';
import { fakeSocketFactory } from './fake-socket';

jest.mock( '@wordpress/api-fetch' );

const SIDECAR = 'http://127.0.0.1:8787/livedesk-sidecar/';
const START = Date.UTC( 2025, 0, 1 );
// With random() = 0.5 the n-th own retry waits 500 · 2^n ms.
const FIRST_RETRY = 500;

const SNAPSHOT = {
	visitors: [],
	counts: {
		live: 0,
		online: 0,
		chatting: 0,
		offline: 0,
		overCap: 0,
		cap: 500,
	},
	serverTime: START,
};

// Lets pending promise callbacks (token requests, handshakes) run.
async function flush() {
	for ( let i = 0; i < 20; i++ ) {
		await Promise.resolve();
	}
}

function restError( code: string, status: number ) {
	return { code, message: `${ code } message`, data: { status } };
}

function setUp( options: AgentConnectionOptions = {} ) {
	let minted = 0;
	const fetchToken = jest.fn( async (): Promise< AgentTokenGrant > => ( {
		token: `t${ ++minted }`,
		expiresIn: 600,
		sidecarUrl: '',
	} ) );
	const { sockets, createSocket } = fakeSocketFactory();
	const connection = new AgentConnection( {
		sidecarUrl: SIDECAR,
		fetchToken,
		createSocket,
		random: () => 0.5,
		...options,
	} );
	const statuses: ConnectionState[] = [];
	connection.on( 'status', ( state ) => statuses.push( state ) );
	const socket = () => {
		const first = sockets[ 0 ];
		if ( ! first ) {
			throw new Error( 'no socket was created' );
		}
		return first;
	};
	return { connection, fetchToken, sockets, socket, statuses };
}

/**
 * Opens and accepts the first handshake.
 *
 * @param options Connection options.
 */
async function live( options: AgentConnectionOptions = {} ) {
	const setup = setUp( options );
	setup.connection.open();
	await flush();
	setup.socket().accept();
	return setup;
}

beforeEach( () => {
	jest.useFakeTimers( { now: START } );
} );

afterEach( () => {
	jest.useRealTimers();
} );

describe( 'AgentConnection', () => {
	describe( 'connecting', () => {
		it( 'does nothing until opened', async () => {
			const { fetchToken, sockets, connection } = setUp();
			await flush();
			expect( fetchToken ).not.toHaveBeenCalled();
			expect( sockets ).toHaveLength( 0 );
			expect( connection.getState() ).toEqual( {
				status: 'connecting',
				reason: null,
			} );
		} );

		it( 'gets a token, connects to /agent under the sidecar path, and becomes live', async () => {
			const { connection, fetchToken, socket, statuses } = setUp();
			connection.open();
			connection.open(); // once is enough
			await flush();

			expect( fetchToken ).toHaveBeenCalledTimes( 1 );
			expect( socket().uri ).toBe( 'http://127.0.0.1:8787/agent' );
			expect( socket().options ).toMatchObject( {
				path: '/livedesk-sidecar/socket.io',
				transports: [ 'websocket' ],
				autoConnect: false,
				forceNew: true,
			} );
			expect( typeof socket().options.auth ).toBe( 'function' );
			expect( socket().connectCalls ).toBe( 1 );
			expect( socket().handshakes ).toEqual( [ { token: 't1' } ] );
			expect( connection.getState().status ).toBe( 'connecting' );

			socket().accept();
			expect( statuses ).toEqual( [ { status: 'live', reason: null } ] );
		} );

		it( 'uses the sidecar URL of the token response when it has none', async () => {
			const { connection, socket } = setUp( {
				sidecarUrl: '',
				fetchToken: async () => ( {
					token: 't',
					expiresIn: 600,
					sidecarUrl: 'https://shop.example/livedesk-sidecar/',
				} ),
			} );
			connection.open();
			await flush();
			expect( socket().uri ).toBe( 'https://shop.example/agent' );
			expect( socket().options.path ).toBe(
				'/livedesk-sidecar/socket.io'
			);
		} );

		it( 'is offline for good without a valid sidecar URL', async () => {
			const { connection, sockets } = setUp( { sidecarUrl: '' } );
			connection.open();
			await flush();
			expect( sockets ).toHaveLength( 0 );
			expect( connection.getState() ).toMatchObject( {
				status: 'offline',
				reason: {
					source: 'client',
					code: 'no_sidecar_url',
					retrying: false,
				},
			} );
		} );

		it( 'forwards snapshots and updates, and drops malformed ones', async () => {
			const { connection, socket } = await live();
			const snapshots = jest.fn();
			const updates = jest.fn();
			connection.on( 'snapshot', snapshots );
			const stop = connection.on( 'update', updates );

			socket().push( 'presence:snapshot', SNAPSHOT );
			socket().push( 'presence:snapshot', { visitors: 'all' } );
			const update = {
				upserts: [],
				removals: [ 'x' ],
				counts: SNAPSHOT.counts,
				serverTime: START + 1,
			};
			socket().push( 'presence:update', update );
			socket().push( 'presence:update', { ...update, removals: [ 1 ] } );
			stop();
			socket().push( 'presence:update', update );

			expect( snapshots.mock.calls ).toEqual( [ [ SNAPSHOT ] ] );
			expect( updates.mock.calls ).toEqual( [ [ update ] ] );
		} );
	} );

	describe( 'token refresh', () => {
		it( 'hands in a new token a minute before expiry, and again after each success', async () => {
			const { connection, fetchToken, socket } = await live();

			await jest.advanceTimersByTimeAsync( 539_999 );
			expect( fetchToken ).toHaveBeenCalledTimes( 1 );
			await jest.advanceTimersByTimeAsync( 1 );
			expect( fetchToken ).toHaveBeenCalledTimes( 2 );
			const [ first ] = socket().refreshes();
			expect( first?.token ).toBe( 't2' );
			first?.ack( { ok: true, exp: START / 1000 + 1140 } );

			await jest.advanceTimersByTimeAsync( 540_000 );
			expect(
				socket()
					.refreshes()
					.map( ( r ) => r.token )
			).toEqual( [ 't2', 't3' ] );
			// The session stayed up throughout.
			expect( socket().connectCalls ).toBe( 1 );
			expect( connection.getState().status ).toBe( 'live' );
		} );

		it( 'tries again when the sidecar refuses the new token or does not answer', async () => {
			const { socket } = await live();
			await jest.advanceTimersByTimeAsync( 540_000 );
			socket().refreshes()[ 0 ]?.ack( {
				ok: false,
				code: 'token_bad_signature',
				message: 'no',
			} );

			await jest.advanceTimersByTimeAsync( REFRESH_RETRY_MS );
			expect( socket().refreshes() ).toHaveLength( 2 );

			// No answer at all: the same, after the ack timeout.
			await jest.advanceTimersByTimeAsync(
				REFRESH_ACK_TIMEOUT_MS + REFRESH_RETRY_MS - 1
			);
			expect( socket().refreshes() ).toHaveLength( 2 );
			await jest.advanceTimersByTimeAsync( 1 );
			expect( socket().refreshes() ).toHaveLength( 3 );
			// A late answer to an abandoned request changes nothing.
			socket().refreshes()[ 1 ]?.ack( { ok: true, exp: 0 } );
			await jest.advanceTimersByTimeAsync( REFRESH_ACK_TIMEOUT_MS - 1 );
			expect( socket().refreshes() ).toHaveLength( 3 );
		} );

		it( 'keeps the session when a token request fails during refresh', async () => {
			const { connection, fetchToken, socket } = await live();
			fetchToken.mockRejectedValueOnce( restError( 'fetch_error', 0 ) );
			await jest.advanceTimersByTimeAsync( 540_000 );
			expect( socket().refreshes() ).toHaveLength( 0 );
			expect( connection.getState().status ).toBe( 'live' );

			await jest.advanceTimersByTimeAsync( REFRESH_RETRY_MS );
			expect(
				socket()
					.refreshes()
					.map( ( r ) => r.token )
			).toEqual( [ 't2' ] );
		} );
	} );

	describe( 'reconnecting', () => {
		it( 'reconnects with a new token when the sidecar ends the session for token_expired', async () => {
			const { connection, fetchToken, socket, statuses } = await live();
			socket().kick( 'token_expired' );
			expect( connection.getState() ).toMatchObject( {
				status: 'reconnecting',
				reason: {
					source: 'sidecar',
					code: 'token_expired',
					retrying: true,
				},
			} );

			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( socket().connectCalls ).toBe( 2 );
			expect( fetchToken ).toHaveBeenCalledTimes( 2 );
			expect( socket().lastToken() ).toBe( 't2' );

			socket().accept();
			expect( statuses.map( ( s ) => s.status ) ).toEqual( [
				'live',
				'reconnecting',
				'live',
			] );
		} );

		it( 'fetches a new token when the handshake refuses the token', async () => {
			const { connection, fetchToken, socket } = setUp();
			connection.open();
			await flush();
			socket().refuse( 'token_bad_signature' );
			expect( connection.getState() ).toMatchObject( {
				status: 'connecting',
				reason: { code: 'token_bad_signature' },
			} );

			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( fetchToken ).toHaveBeenCalledTimes( 2 );
			expect( socket().lastToken() ).toBe( 't2' );
			socket().accept();
			expect( connection.getState().status ).toBe( 'live' );
		} );

		it( 'backs off while the sidecar is not ready, offline after three refusals', async () => {
			const { connection, fetchToken, socket } = setUp();
			connection.open();
			await flush();
			const refuse = () =>
				socket().refuse(
					'server_not_ready',
					'shared secret not loaded'
				);

			refuse();
			expect( connection.getState().status ).toBe( 'connecting' );
			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( socket().connectCalls ).toBe( 2 );
			refuse();
			expect( connection.getState().status ).toBe( 'connecting' );
			await jest.advanceTimersByTimeAsync( 2 * FIRST_RETRY - 1 );
			expect( socket().connectCalls ).toBe( 2 );
			await jest.advanceTimersByTimeAsync( 1 );
			expect( socket().connectCalls ).toBe( 3 );
			refuse();
			expect( connection.getState() ).toEqual( {
				status: 'offline',
				reason: {
					source: 'sidecar',
					code: 'server_not_ready',
					message: 'shared secret not loaded',
					httpStatus: null,
					retrying: true,
				},
			} );

			await jest.advanceTimersByTimeAsync( 4 * FIRST_RETRY );
			expect( socket().connectCalls ).toBe( 4 );
			socket().accept();
			expect( connection.getState() ).toEqual( {
				status: 'live',
				reason: null,
			} );
			// The token was still good: one request for all attempts.
			expect( fetchToken ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'stops for good when the user lacks the capability', async () => {
			const { connection, socket } = setUp();
			connection.open();
			await flush();
			socket().refuse( 'token_missing_cap' );
			expect( connection.getState() ).toMatchObject( {
				status: 'offline',
				reason: { code: 'token_missing_cap', retrying: false },
			} );
			await jest.advanceTimersByTimeAsync( 3_600_000 );
			expect( socket().connectCalls ).toBe( 1 );
		} );

		it( 'lets socket.io reconnect after a network loss, presenting a token that is still good', async () => {
			const { connection, fetchToken, socket } = await live();
			socket().drop( 'ping timeout' );
			expect( connection.getState() ).toMatchObject( {
				status: 'reconnecting',
				reason: {
					source: 'network',
					code: 'connection_lost',
					message: 'ping timeout',
				},
			} );

			// socket.io's own reconnection opens the transport again.
			socket().open();
			await flush();
			expect( socket().lastToken() ).toBe( 't1' );
			expect( fetchToken ).toHaveBeenCalledTimes( 1 );
			socket().accept();
			expect( connection.getState().status ).toBe( 'live' );
			// We did not reconnect on top of socket.io.
			expect( socket().connectCalls ).toBe( 1 );
		} );

		it( 'presents a new token when socket.io reconnects after the old one is due', async () => {
			const { fetchToken, socket } = await live();
			socket().drop();
			await jest.advanceTimersByTimeAsync( 541_000 );
			expect( fetchToken ).toHaveBeenCalledTimes( 1 );

			socket().open();
			await flush();
			expect( fetchToken ).toHaveBeenCalledTimes( 2 );
			expect( socket().lastToken() ).toBe( 't2' );
		} );

		it( 'stays reconnecting through two failed transport attempts, then goes offline', async () => {
			const { connection, socket } = await live();
			socket().drop();
			socket().failTransport();
			socket().failTransport();
			expect( connection.getState() ).toMatchObject( {
				status: 'reconnecting',
				reason: { source: 'network', code: 'unreachable' },
			} );
			socket().failTransport();
			expect( connection.getState() ).toMatchObject( {
				status: 'offline',
				reason: {
					source: 'network',
					code: 'unreachable',
					retrying: true,
				},
			} );
			// socket.io does the retrying here, not this class.
			await jest.advanceTimersByTimeAsync( 120_000 );
			expect( socket().connectCalls ).toBe( 1 );
		} );

		it( 'abandons a handshake when no token can be had, and tries again later', async () => {
			const { connection, fetchToken, socket } = await live();
			socket().kick( 'token_expired' );
			fetchToken.mockRejectedValueOnce( restError( 'fetch_error', 0 ) );

			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( socket().disconnectCalls ).toBe( 1 );
			expect( socket().active ).toBe( false );
			expect( connection.getState() ).toMatchObject( {
				status: 'reconnecting',
				reason: {
					source: 'token',
					code: 'fetch_error',
					retrying: true,
				},
			} );

			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( socket().connectCalls ).toBe( 3 );
			expect( socket().lastToken() ).toBe( 't2' );
		} );
	} );

	describe( 'token request failures', () => {
		it( 'is offline for good when WordPress refuses the token (403)', async () => {
			const refusing = jest.fn( () =>
				Promise.reject( restError( 'rest_forbidden', 403 ) )
			);
			const { connection, sockets } = setUp( { fetchToken: refusing } );
			connection.open();
			await flush();
			expect( connection.getState() ).toEqual( {
				status: 'offline',
				reason: {
					source: 'token',
					code: 'rest_forbidden',
					message: 'rest_forbidden message',
					httpStatus: 403,
					retrying: false,
				},
			} );
			await jest.advanceTimersByTimeAsync( 3_600_000 );
			expect( sockets ).toHaveLength( 0 );
			expect( refusing ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'retries a failing token request with growing delays', async () => {
			const failing = jest.fn( () =>
				Promise.reject( restError( 'livedesk_no_secret', 500 ) )
			);
			const { connection } = setUp( { fetchToken: failing } );
			connection.open();
			await flush();
			expect( failing ).toHaveBeenCalledTimes( 1 );
			expect( connection.getState() ).toMatchObject( {
				status: 'connecting',
				reason: { code: 'livedesk_no_secret', httpStatus: 500 },
			} );
			await jest.advanceTimersByTimeAsync( FIRST_RETRY );
			expect( failing ).toHaveBeenCalledTimes( 2 );
			await jest.advanceTimersByTimeAsync( 2 * FIRST_RETRY );
			expect( failing ).toHaveBeenCalledTimes( 3 );
			expect( connection.getState().status ).toBe( 'offline' );
			await jest.advanceTimersByTimeAsync( 4 * FIRST_RETRY );
			expect( failing ).toHaveBeenCalledTimes( 4 );
		} );
	} );

	describe( 'close', () => {
		it( 'disconnects, cancels the refresh and forgets listeners', async () => {
			const { connection, fetchToken, socket, statuses } = await live();
			const snapshots = jest.fn();
			connection.on( 'snapshot', snapshots );

			connection.close();
			expect( socket().disconnectCalls ).toBe( 1 );
			expect( socket().connected ).toBe( false );
			expect( connection.getState() ).toMatchObject( {
				status: 'offline',
				reason: { source: 'client', code: 'closed', retrying: false },
			} );
			expect( statuses.at( -1 )?.status ).toBe( 'offline' );

			socket().push( 'presence:snapshot', SNAPSHOT );
			await jest.advanceTimersByTimeAsync( 3_600_000 );
			expect( snapshots ).not.toHaveBeenCalled();
			expect( fetchToken ).toHaveBeenCalledTimes( 1 );

			connection.open();
			await flush();
			expect( socket().connectCalls ).toBe( 1 );
		} );

		it( 'creates no socket when closed while the first token is on its way', async () => {
			const { connection, sockets } = setUp();
			connection.open();
			connection.close();
			await flush();
			expect( sockets ).toHaveLength( 0 );
		} );

		it( 'cancels a pending retry', async () => {
			const { connection, socket } = setUp();
			connection.open();
			await flush();
			socket().refuse( 'server_not_ready' );
			connection.close();
			await jest.advanceTimersByTimeAsync( 60_000 );
			expect( socket().connectCalls ).toBe( 1 );
		} );
	} );
} );
