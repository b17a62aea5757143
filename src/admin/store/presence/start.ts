/**
 * Wires the live connection to the `livedesk/presence` store.
 */

/**
 * WordPress dependencies
 */
import { dispatch } from '@wordpress/data';
import type { DataRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { AgentConnection } from '../../live/agent-connection';
import type { AgentConnectionEvents } from '../../live/agent-connection';
import { defaultTimers } from '../../live/timers';
import type { Timers } from '../../live/timers';
import type { ConnectionState } from '../../live/types';
import { PresenceBuffer } from './batch';
import { store } from './index';

/** What startPresence needs of a connection (an AgentConnection, or a fake). */
export interface PresenceSource {
	open: () => void;
	close: () => void;
	getState: () => ConnectionState;
	on: < K extends keyof AgentConnectionEvents >(
		event: K,
		listener: ( payload: AgentConnectionEvents[ K ] ) => void
	) => () => void;
}

/** Options of startPresence; without any, every caller shares one connection. */
export interface StartPresenceOptions {
	/** Connection to use (opened now, closed by stop); default: a new AgentConnection. */
	connection?: PresenceSource;
	/** Registry holding the store; default: the default registry. */
	registry?: Pick< DataRegistry, 'dispatch' >;
	/** At most one dispatch of presence data per this many ms (the first goes at once). */
	batchMs?: number;
	/** Clock in ms (`Date.now` by default; receipt times are taken from it). */
	now?: () => number;
	timers?: Timers;
}

/** Default of StartPresenceOptions.batchMs. */
export const PRESENCE_BATCH_MS = 100;

// Opens the connection and feeds the store; returns what undoes it.
function wire( options: StartPresenceOptions ): () => void {
	const connection = options.connection ?? new AgentConnection();
	const actions = options.registry
		? options.registry.dispatch( store )
		: dispatch( store );
	const now = options.now ?? Date.now;
	const timers = options.timers ?? defaultTimers;
	const batchMs = options.batchMs ?? PRESENCE_BATCH_MS;
	const buffer = new PresenceBuffer();
	let timer: unknown = null;
	let lastFlush = -Infinity;

	const flush = () => {
		if ( timer !== null ) {
			timers.clear( timer );
			timer = null;
		}
		lastFlush = now();
		const { snapshot, update } = buffer.take();
		if ( snapshot ) {
			actions.receiveSnapshot( snapshot.value, snapshot.receivedAt );
		}
		if ( update ) {
			actions.receiveUpdate( update.value, update.receivedAt );
		}
	};
	// Leading edge: a lone message is dispatched at once; a burst is merged.
	const schedule = () => {
		if ( timer !== null ) {
			return;
		}
		const wait = lastFlush + batchMs - now();
		if ( wait <= 0 ) {
			flush();
		} else {
			timer = timers.set( flush, wait );
		}
	};

	const { status, reason } = connection.getState();
	actions.setConnectionStatus( status, reason );
	const unsubscribe = [
		connection.on( 'snapshot', ( snapshot ) => {
			buffer.addSnapshot( snapshot, now() );
			schedule();
		} ),
		connection.on( 'update', ( update ) => {
			buffer.addUpdate( update, now() );
			schedule();
		} ),
		connection.on( 'status', ( state ) => {
			if ( ! buffer.isEmpty() ) {
				flush(); // data that came before the change goes first
			}
			actions.setConnectionStatus( state.status, state.reason );
		} ),
	];
	connection.open();

	return () => {
		if ( timer !== null ) {
			timers.clear( timer );
			timer = null;
		}
		buffer.take(); // nobody is waiting for it any more
		connection.close(); // reports `offline` (closed) to the store
		unsubscribe.forEach( ( stop ) => stop() );
	};
}

let shared: { users: number; stop: () => void } | null = null;

/**
 * Connects the admin to the sidecar and keeps the `livedesk/presence` store
 * up to date until the returned function is called (e.g. from an effect's
 * clean-up). Called without options, all callers share one connection,
 * closed when the last one stops.
 *
 * @param options Collaborators (tests); see StartPresenceOptions.
 * @return Stops this caller's use of the connection (calling it again does nothing).
 */
export function startPresence(
	options: StartPresenceOptions = {}
): () => void {
	let stop: () => void;
	if ( Object.keys( options ).length > 0 ) {
		stop = wire( options );
	} else {
		const current = shared ?? { users: 0, stop: wire( {} ) };
		shared = current;
		current.users += 1;
		stop = () => {
			current.users -= 1;
			if ( current.users === 0 ) {
				shared = null;
				current.stop();
			}
		};
	}
	let stopped = false;
	return () => {
		if ( ! stopped ) {
			stopped = true;
			stop();
		}
	};
}
