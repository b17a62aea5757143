/*
 * @jest-environment node
 *
 * AgentConnection with the real socket.io client against a real socket.io
 * server (the version the sidecar runs) whose `/agent` middleware checks
 * `auth.token`: proves that the handshake token comes from the auth function
 * on every (re)connection and that `session:refresh` works over the wire.
 * (A plain block comment: jest reads the pragma, JSDoc lint does not.)
 */

/* eslint-disable import/no-extraneous-dependencies -- socket.io is the sidecar's dependency, installed at the root by the npm workspace. */

/**
 * External dependencies
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Namespace, Socket as ServerSocket } from 'socket.io';

/**
 * Internal dependencies
 */
import { AGENT_NAMESPACE, EVENTS } from '../../../protocol';
import type {
	AgentClientToServerEvents,
	AgentServerToClientEvents,
	PresenceSnapshot,
} from '../../../protocol';
import { AgentConnection } from '../agent-connection';
import type { Timers } from '../timers';
import type { AgentTokenGrant } from '../types';

type AgentServerSocket = ServerSocket<
	AgentClientToServerEvents,
	AgentServerToClientEvents
>;

const SNAPSHOT: PresenceSnapshot = {
	visitors: [],
	counts: {
		live: 0,
		online: 0,
		chatting: 0,
		offline: 0,
		overCap: 0,
		cap: 500,
		tracking: true,
	},
	serverTime: 1,
};

/** Timers the test fires by hand; socket.io keeps its real ones. */
class ManualTimers implements Timers {
	private readonly pending = new Map<
		number,
		{ callback: () => void; ms: number }
	>();
	private lastId = 0;

	set( callback: () => void, ms: number ): number {
		this.pending.set( ++this.lastId, { callback, ms } );
		return this.lastId;
	}

	clear( handle: unknown ): void {
		this.pending.delete( handle as number );
	}

	/** Delays of the timers waiting now. */
	delays(): number[] {
		return [ ...this.pending.values() ].map( ( { ms } ) => ms );
	}

	/** Fires every timer waiting now (not those they set). */
	fireAll(): void {
		const due = [ ...this.pending ];
		due.forEach( ( [ id ] ) => this.pending.delete( id ) );
		due.forEach( ( [ , { callback } ] ) => callback() );
	}
}

async function waitFor( what: string, condition: () => boolean ) {
	const deadline = Date.now() + 5000;
	while ( ! condition() ) {
		if ( Date.now() > deadline ) {
			throw new Error( `timed out waiting for ${ what }` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
	}
}

let io: Server;
let nsp: Namespace< AgentClientToServerEvents, AgentServerToClientEvents >;
let baseUrl: string;
let connection: AgentConnection | undefined;
/** Tokens the fake WordPress minted and the fake sidecar accepts. */
let valid: Set< string >;
/** `auth.token` of every handshake, in order. */
let handshakes: unknown[];
/** Tokens handed in with `session:refresh`. */
let refreshed: unknown[];
let serverSockets: AgentServerSocket[];
/** A code the middleware refuses the next handshake with. */
let refuseNext: string | null;
let minted: number;

beforeEach( async () => {
	valid = new Set();
	handshakes = [];
	refreshed = [];
	serverSockets = [];
	refuseNext = null;
	minted = 0;
	const http = createServer();
	io = new Server( http, { path: '/livedesk-sidecar/socket.io' } );
	nsp = io.of( AGENT_NAMESPACE ) as unknown as typeof nsp;
	nsp.use( ( socket, next ) => {
		const token: unknown = socket.handshake.auth?.token;
		handshakes.push( token );
		const code =
			refuseNext ??
			( typeof token === 'string' && valid.has( token )
				? null
				: 'token_bad_signature' );
		refuseNext = null;
		if ( code ) {
			next( Object.assign( new Error( 'refused' ), { data: { code } } ) );
			return;
		}
		next();
	} );
	nsp.on( 'connection', ( socket ) => {
		serverSockets.push( socket );
		socket.on( EVENTS.sessionRefresh, ( token, ack ) => {
			refreshed.push( token );
			ack(
				typeof token === 'string' && valid.has( token )
					? { ok: true, exp: 2_000_000_000 }
					: { ok: false, code: 'token_bad_signature', message: 'no' }
			);
		} );
		socket.emit( EVENTS.presenceSnapshot, SNAPSHOT );
	} );
	await new Promise< void >( ( resolve ) =>
		http.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = http.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${ port }/livedesk-sidecar/`;
} );

afterEach( async () => {
	connection?.close();
	connection = undefined;
	await io.close();
} );

function connect( clock: { now: number }, timers: ManualTimers ) {
	const fetchToken = jest.fn( async (): Promise< AgentTokenGrant > => {
		const token = `t${ ++minted }`;
		valid.add( token );
		return { token, expiresIn: 600, sidecarUrl: '' };
	} );
	const snapshots: PresenceSnapshot[] = [];
	connection = new AgentConnection( {
		sidecarUrl: baseUrl,
		fetchToken,
		timers,
		now: () => clock.now,
		random: () => 0,
		// Quick socket.io reconnection, so the test does not wait long.
		socketOptions: {
			reconnectionDelay: 20,
			reconnectionDelayMax: 50,
			randomizationFactor: 0,
		},
	} );
	connection.on( 'snapshot', ( snapshot ) => snapshots.push( snapshot ) );
	connection.open();
	return { connection, fetchToken, snapshots };
}

describe( 'AgentConnection against a real socket.io server', () => {
	it( 'connects with the token from the auth function, refreshes it in session, and re-tokens after token_expired', async () => {
		const clock = { now: Date.now() };
		const timers = new ManualTimers();
		const { connection: agent, snapshots } = connect( clock, timers );

		await waitFor( 'the snapshot', () => snapshots.length === 1 );
		expect( snapshots[ 0 ] ).toEqual( SNAPSHOT );
		expect( agent.getState() ).toEqual( { status: 'live', reason: null } );
		expect( handshakes ).toEqual( [ 't1' ] );
		expect( timers.delays() ).toEqual( [ 540_000 ] );

		// The refresh is due: a new token goes over the live socket.
		clock.now += 540_000;
		timers.fireAll();
		await waitFor( 'the refresh', () => refreshed.length === 1 );
		expect( refreshed ).toEqual( [ 't2' ] );
		// Acknowledged: the ack timeout is gone, the next refresh is armed,
		// and no reconnection happened.
		await waitFor(
			'the next refresh',
			() => timers.delays().join() === '540000'
		);
		expect( serverSockets ).toHaveLength( 1 );
		expect( handshakes ).toEqual( [ 't1' ] );

		// The sidecar ends the session as it does when a token runs out.
		valid.clear();
		const [ session ] = serverSockets;
		session?.emit( EVENTS.sessionError, {
			code: 'token_expired',
			message: 'agent token expired; reconnect with a new token',
		} );
		session?.disconnect();
		await waitFor(
			'reconnecting',
			() => agent.getState().status === 'reconnecting'
		);
		expect( agent.getState().reason?.code ).toBe( 'token_expired' );

		timers.fireAll(); // the retry
		await waitFor( 'the second snapshot', () => snapshots.length === 2 );
		expect( handshakes ).toEqual( [ 't1', 't3' ] );
		expect( agent.getState().status ).toBe( 'live' );
	} );

	it( 'gets a new token when the handshake refuses the first one', async () => {
		const timers = new ManualTimers();
		refuseNext = 'token_expired';
		const { connection: agent, snapshots } = connect(
			{ now: Date.now() },
			timers
		);

		await waitFor( 'the retry', () => timers.delays().length === 1 );
		expect( agent.getState() ).toMatchObject( {
			status: 'connecting',
			reason: { source: 'sidecar', code: 'token_expired' },
		} );
		timers.fireAll();
		await waitFor( 'the snapshot', () => snapshots.length === 1 );
		expect( handshakes ).toEqual( [ 't1', 't2' ] );
	} );

	it( 'lets socket.io reconnect after a network loss, asking the auth function each time', async () => {
		const clock = { now: Date.now() };
		const timers = new ManualTimers();
		const {
			connection: agent,
			fetchToken,
			snapshots,
		} = connect( clock, timers );
		await waitFor( 'the snapshot', () => snapshots.length === 1 );

		// The transport drops: socket.io reconnects by itself.
		serverSockets[ 0 ]?.conn.close();
		await waitFor( 'the reconnection', () => snapshots.length === 2 );
		expect( agent.getState().status ).toBe( 'live' );
		// The token was still good, so it was presented again.
		expect( handshakes ).toEqual( [ 't1', 't1' ] );
		expect( fetchToken ).toHaveBeenCalledTimes( 1 );

		// Later, past the token's refresh time, the next reconnection gets a new one.
		clock.now += 541_000;
		serverSockets[ 1 ]?.conn.close();
		await waitFor(
			'the second reconnection',
			() => snapshots.length === 3
		);
		expect( handshakes ).toEqual( [ 't1', 't1', 't2' ] );
	} );
} );
