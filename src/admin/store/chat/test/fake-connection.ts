/**
 * A stand-in for a lease on the `/agent` connection that a test drives: it
 * records chat requests (answered by the test) and plays the sidecar's pushes.
 */

/**
 * Internal dependencies
 */
import type { AgentConnectionEvents } from '../../../live/agent-connection';
import type { ConnectionState } from '../../../live/types';
import type { ChatSource } from '../start';

type Listener = ( payload: unknown ) => void;

/** A request the code made, waiting for the test's answer. */
export interface PendingRequest {
	event: string;
	payload: unknown;
	answer: ( value: unknown ) => void;
}

/** A fake connection lease. */
export function fakeConnection() {
	const listeners = new Map< string, Set< Listener > >();
	const requests: PendingRequest[] = [];
	const emitted: Array< { event: string; payload: unknown } > = [];
	let state: ConnectionState = { status: 'connecting', reason: null };
	const request =
		( event: string ) =>
		( payload: unknown ): Promise< never > =>
			new Promise( ( resolve ) => {
				if ( state.status !== 'live' ) {
					resolve( null as never );
					return;
				}
				requests.push( {
					event,
					payload,
					answer: resolve as ( value: unknown ) => void,
				} );
			} );
	const fire = ( event: string, payload: unknown ) =>
		[ ...( listeners.get( event ) ?? [] ) ].forEach( ( listener ) =>
			listener( payload )
		);

	const connection: ChatSource = {
		open: jest.fn(),
		close: jest.fn(),
		getState: () => state,
		isLive: () => state.status === 'live',
		on: ( event, listener ) => {
			const set = listeners.get( event ) ?? new Set();
			listeners.set( event, set );
			set.add( listener as Listener );
			return () => set.delete( listener as Listener );
		},
		sendMessage: request( 'chat:send' ),
		syncChat: request( 'chat:sync' ),
		archiveConversation: request( 'chat:archive' ),
		assignConversation: request( 'chat:assign' ),
		sendTyping: ( payload ) => {
			if ( state.status !== 'live' ) {
				return false;
			}
			emitted.push( { event: 'chat:typing', payload } );
			return true;
		},
		sendRead: ( payload ) => {
			if ( state.status !== 'live' ) {
				return false;
			}
			emitted.push( { event: 'chat:read', payload } );
			return true;
		},
	};

	return {
		connection,
		requests,
		emitted,
		/** The connection came up (a handshake was accepted). */
		goLive() {
			state = { status: 'live', reason: null };
			fire( 'status', state );
			fire( 'connect', null );
		},
		/** The connection was lost. */
		goDown() {
			state = {
				status: 'reconnecting',
				reason: {
					source: 'network',
					code: 'connection_lost',
					message: 'transport close',
					httpStatus: null,
					retrying: true,
				},
			};
			fire( 'status', state );
		},
		/**
		 * The sidecar pushed an event.
		 *
		 * @param event   Listener name, e.g. `chatMessage`.
		 * @param payload Its payload.
		 */
		push< K extends keyof AgentConnectionEvents >(
			event: K,
			payload: AgentConnectionEvents[ K ]
		) {
			fire( event, payload );
		},
		/**
		 * Takes the oldest pending request of an event.
		 *
		 * @param event e.g. `chat:send`.
		 */
		take( event: string ): PendingRequest {
			const index = requests.findIndex( ( r ) => r.event === event );
			const [ found ] = index >= 0 ? requests.splice( index, 1 ) : [];
			if ( ! found ) {
				throw new Error( `no pending ${ event }` );
			}
			return found;
		},
	};
}
