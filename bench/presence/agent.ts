/**
 * The measuring agent: one `/agent` socket.io client, run in a worker thread
 * so that the thousands of simulated visitors on the main thread never delay
 * the moment an update is seen. It timestamps every `presence:update` and
 * reads the page views' send times from the paths the visitors sent
 * (`/bench/<visitor>/<sendTimeMs>`, same machine, same clock).
 */

/**
 * External dependencies
 */
// The sidecar workspace installs socket.io-client for its tests.

import { io } from 'socket.io-client';
import { Worker, parentPort } from 'node:worker_threads';

/**
 * Internal dependencies
 */
import { signAgentToken } from '../../sidecar/src/auth/agent-token';
import { AGENT_NAMESPACE, EVENTS } from '../../src/protocol';
import type {
	PresenceCounts,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
} from '../../src/protocol';
import type { BenchDb } from '../lib/db';

/** What the worker needs to connect. */
export interface AgentWorkerData {
	role: 'agent';
	/** The sidecar's base URL, e.g. `http://127.0.0.1:8838`. */
	url: string;
	/** A signed agent token. */
	token: string;
}

/** What the agent saw, as parallel arrays (cheap to pass between threads). */
export interface AgentRecord {
	/** Per measured page view: when it was sent (unix ms). */
	sendTimes: number[];
	/** Per measured page view: ms from sending it to the update that showed it. */
	latencies: number[];
	/** Per `presence:update`: when it arrived (unix ms). */
	updateTimes: number[];
	/** Per `presence:update`: how many visitors it upserted. */
	updateUpserts: number[];
	/** Per `presence:update`: size of its JSON, in characters. */
	updateSizes: number[];
}

type AgentMessage =
	| { type: 'counts'; counts: PresenceCounts; listed: number }
	| { type: 'refused'; message: string }
	| { type: 'closed'; reason: string }
	| { type: 'record'; record: AgentRecord };

/**
 * The page path of a measured page view: who sent it, and when.
 *
 * @param visitor  The visitor's index.
 * @param sendTime When it was sent, unix milliseconds.
 */
export function benchPath( visitor: number, sendTime: number ): string {
	return `/bench/${ visitor }/${ sendTime }`;
}

const MEASURED_PATH = /^\/bench\/(\d+)\/(\d+)$/;

/**
 * Runs inside the worker: connects, records, and answers `collect`.
 *
 * @param data What to connect to.
 */
export function runAgentWorker( data: AgentWorkerData ): void {
	const port = parentPort;
	if ( ! port ) {
		throw new Error( 'runAgentWorker must run in a worker thread' );
	}
	const post = ( message: AgentMessage ) => port.postMessage( message );
	const record: AgentRecord = {
		sendTimes: [],
		latencies: [],
		updateTimes: [],
		updateUpserts: [],
		updateSizes: [],
	};
	// Latest measured send per visitor: an entry re-sent unchanged is counted once.
	const lastSend = new Map< number, number >();
	const listed = new Set< string >();
	const measure = ( visitor: PresenceVisitor, receivedAt: number ) => {
		const match = MEASURED_PATH.exec( visitor.page.path );
		if ( ! match ) {
			return;
		}
		const index = Number( match[ 1 ] );
		const sentAt = Number( match[ 2 ] );
		if ( sentAt > ( lastSend.get( index ) ?? 0 ) ) {
			lastSend.set( index, sentAt );
			record.sendTimes.push( sentAt );
			record.latencies.push( receivedAt - sentAt );
		}
	};

	const socket = io( data.url + AGENT_NAMESPACE, {
		auth: { token: data.token },
		transports: [ 'websocket' ],
		reconnection: false,
	} );
	socket.on( EVENTS.presenceSnapshot, ( snapshot: PresenceSnapshot ) => {
		snapshot.visitors.forEach( ( visitor ) => listed.add( visitor.id ) );
		post( {
			type: 'counts',
			counts: snapshot.counts,
			listed: listed.size,
		} );
	} );
	socket.on( EVENTS.presenceUpdate, ( update: PresenceUpdate ) => {
		const receivedAt = Date.now();
		for ( const visitor of update.upserts ) {
			listed.add( visitor.id );
			measure( visitor, receivedAt );
		}
		update.removals.forEach( ( id ) => listed.delete( id ) );
		record.updateTimes.push( receivedAt );
		record.updateUpserts.push( update.upserts.length );
		record.updateSizes.push( JSON.stringify( update ).length );
		post( { type: 'counts', counts: update.counts, listed: listed.size } );
	} );
	socket.on( 'connect_error', ( error ) =>
		post( { type: 'refused', message: error.message } )
	);
	socket.on( 'disconnect', ( reason ) =>
		post( { type: 'closed', reason: String( reason ) } )
	);
	port.on( 'message', ( message: unknown ) => {
		if ( message === 'collect' ) {
			post( { type: 'record', record } );
		} else if ( message === 'stop' ) {
			socket.close();
			port.close();
		}
	} );
}

/** The agent as the main thread sees it. */
export interface AgentHandle {
	/** Counts of the latest snapshot or update; null before the first. */
	counts: () => PresenceCounts | null;
	/** Visitors currently listed for this agent. */
	listed: () => number;
	/** Why the agent stopped receiving (refused, disconnected, crashed); null while fine. */
	failure: () => string | null;
	/**
	 * Resolves once `test` holds for the latest counts, or with false after
	 * `timeoutMs`.
	 */
	waitFor: (
		test: ( counts: PresenceCounts ) => boolean,
		timeoutMs: number
	) => Promise< boolean >;
	/** Everything recorded so far. */
	collect: () => Promise< AgentRecord >;
	/** Disconnects and ends the worker. */
	stop: () => Promise< void >;
}

/**
 * Starts the agent worker and waits for its first snapshot.
 *
 * @param script The file the worker runs (the bundle, which calls
 *               runAgentWorker when it finds itself in a worker).
 * @param data   What to connect to.
 */
export function startAgent(
	script: string,
	data: AgentWorkerData
): Promise< AgentHandle > {
	const worker = new Worker( script, { workerData: data } );
	let counts: PresenceCounts | null = null;
	let listed = 0;
	let failure: string | null = null;
	const watchers = new Set< () => void >();
	const collectors: Array< {
		resolve: ( record: AgentRecord ) => void;
		reject: ( error: Error ) => void;
	} > = [];
	const notify = () => watchers.forEach( ( watch ) => watch() );
	const fail = ( why: string ) => {
		failure ??= why;
		collectors.splice( 0 ).forEach( ( c ) => c.reject( new Error( why ) ) );
		notify();
	};

	worker.on( 'message', ( message: AgentMessage ) => {
		if ( message.type === 'counts' ) {
			counts = message.counts;
			listed = message.listed;
		} else if ( message.type === 'record' ) {
			collectors.shift()?.resolve( message.record );
		} else {
			failure ??= `agent ${ message.type }: ${
				'message' in message ? message.message : message.reason
			}`;
		}
		notify();
	} );
	worker.on( 'error', ( error ) =>
		fail( `agent worker failed: ${ error.message }` )
	);
	worker.on( 'exit', ( code ) =>
		fail( `agent worker exited (code ${ code })` )
	);

	const waitFor: AgentHandle[ 'waitFor' ] = ( test, timeoutMs ) =>
		new Promise( ( resolve ) => {
			const check = () => {
				if (
					failure !== null ||
					( counts !== null && test( counts ) )
				) {
					watchers.delete( check );
					clearTimeout( timer );
					resolve( failure === null );
				}
			};
			const timer = setTimeout( () => {
				watchers.delete( check );
				resolve( false );
			}, timeoutMs );
			watchers.add( check );
			check();
		} );

	const handle: AgentHandle = {
		counts: () => counts,
		listed: () => listed,
		failure: () => failure,
		waitFor,
		collect: () =>
			new Promise( ( resolve, reject ) => {
				collectors.push( { resolve, reject } );
				worker.postMessage( 'collect' );
			} ),
		stop: async () => {
			worker.postMessage( 'stop' );
			await worker.terminate();
		},
	};
	return waitFor( () => true, 15_000 ).then( async ( ok ) => {
		if ( ok ) {
			return handle;
		}
		await worker.terminate();
		throw new Error(
			failure ?? 'the agent got no presence snapshot within 15 s'
		);
	} );
}

/**
 * Starts the agent worker with a token signed by the site's
 * `livedesk_secret` (read from the stack's database), as WordPress would
 * sign one for an administrator.
 *
 * @param script     The bundle the worker runs.
 * @param sidecarUrl The sidecar's base URL.
 * @param db         The stack's database.
 */
export async function connectAgent(
	script: string,
	sidecarUrl: string,
	db: BenchDb
): Promise< AgentHandle > {
	const secret = await db.option( 'livedesk_secret' );
	if ( ! secret ) {
		throw new Error(
			'option livedesk_secret is not set: is the plugin active?'
		);
	}
	const iat = Math.floor( Date.now() / 1000 );
	const token = signAgentToken(
		{ sub: 1, caps: [ 'livedesk_view' ], iat, exp: iat + 4 * 3600 },
		secret
	);
	return startAgent( script, { role: 'agent', url: sidecarUrl, token } );
}
