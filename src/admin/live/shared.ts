/**
 * One `/agent` connection per page, shared by the stores that need it (the
 * Live Chat screen feeds both `livedesk/presence` and `livedesk/chat`): each
 * user takes a lease, which looks like a connection of its own (open, close,
 * listeners, chat requests) but only the last lease's close() disconnects.
 */

/**
 * Internal dependencies
 */
import { AgentConnection } from './agent-connection';
import type {
	AgentChatChannel,
	AgentConnectionEvents,
} from './agent-connection';
import type { ConnectionState } from './types';

/** What a lease offers: the connection's life cycle, events and chat requests. */
export interface AgentConnectionLease extends AgentChatChannel {
	/** Opens the shared connection (once for all leases). */
	open: () => void;
	/** Stops this lease's listeners; the last lease closes the connection. */
	close: () => void;
	getState: () => ConnectionState;
	isLive: () => boolean;
	on: < K extends keyof AgentConnectionEvents >(
		event: K,
		listener: ( payload: AgentConnectionEvents[ K ] ) => void
	) => () => void;
}

/** What leases need of the underlying connection (an AgentConnection, or a fake). */
export type LeasableConnection = AgentConnectionLease;

interface Shared {
	connection: LeasableConnection;
	leases: number;
}

let shared: Shared | null = null;

/**
 * A lease on the page's shared `/agent` connection, created on first use.
 *
 * @param create Makes the connection when there is none (tests pass a fake).
 */
export function leaseAgentConnection(
	create: () => LeasableConnection = () => new AgentConnection()
): AgentConnectionLease {
	const current: Shared = shared ?? { connection: create(), leases: 0 };
	shared = current;
	current.leases += 1;
	const { connection } = current;
	const stops = new Set< () => void >();
	let closed = false;

	return {
		open: () => {
			if ( ! closed ) {
				connection.open();
			}
		},
		close: () => {
			if ( closed ) {
				return;
			}
			closed = true;
			stops.forEach( ( stop ) => stop() );
			stops.clear();
			current.leases -= 1;
			if ( current.leases === 0 ) {
				if ( shared === current ) {
					shared = null;
				}
				connection.close();
			}
		},
		getState: () => connection.getState(),
		isLive: () => ! closed && connection.isLive(),
		on: ( event, listener ) => {
			const stop = connection.on( event, listener );
			stops.add( stop );
			return () => {
				stops.delete( stop );
				stop();
			};
		},
		sendMessage: ( message, timeoutMs ) =>
			connection.sendMessage( message, timeoutMs ),
		syncChat: ( request, timeoutMs ) =>
			connection.syncChat( request, timeoutMs ),
		archiveConversation: ( ref, timeoutMs ) =>
			connection.archiveConversation( ref, timeoutMs ),
		assignConversation: ( assign, timeoutMs ) =>
			connection.assignConversation( assign, timeoutMs ),
		sendTyping: ( typing ) => ! closed && connection.sendTyping( typing ),
		sendRead: ( read ) => ! closed && connection.sendRead( read ),
	};
}
