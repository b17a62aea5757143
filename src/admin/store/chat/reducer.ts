/**
 * The `livedesk/chat` reducer: conversations, listings, catch-up cursors,
 * the connection and per-conversation requests here; messages, outbox,
 * typing and read marks in reducer-thread.ts; settings in reducer-settings.ts.
 */

/**
 * WordPress dependencies
 */
import { combineReducers } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ChatMessage, Conversation } from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import { byConversation, isNewer, withNewMessage } from './merge';
import { settings } from './reducer-settings';
import { messages, outbox, reads, typing } from './reducer-thread';
import type { ActionStatus, ChatAction, ChatState, ListState } from './types';

export { NO_MESSAGES } from './reducer-thread';

/** A listing before anything was loaded. */
export const EMPTY_LIST: ListState = {
	ids: [],
	page: 0,
	hasMore: false,
	status: 'idle',
	error: null,
};

/**
 * Every conversation heard of, by id: replaced by newer copies, summaries
 * moved on by live messages, unread cleared when the agent reads.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function conversations(
	state: Record< string, Conversation > = {},
	action: ChatAction
): Record< string, Conversation > {
	switch ( action.type ) {
		case 'RECEIVE_CONVERSATIONS': {
			let next = state;
			action.conversations.forEach( ( conversation ) => {
				if ( isNewer( next[ conversation.id ], conversation ) ) {
					next = { ...next, [ conversation.id ]: conversation };
				}
			} );
			return next;
		}
		case 'RECEIVE_MESSAGES': {
			if ( ! action.live ) {
				return state;
			}
			let next = state;
			byConversation( action.messages ).forEach( ( group, id ) => {
				const known = next[ id ];
				if ( ! known ) {
					return; // its summary comes with the conversation
				}
				const updated = [ ...group ]
					.sort( ( a, b ) => a.id - b.id )
					.reduce( withNewMessage, known );
				if ( updated !== known ) {
					next = { ...next, [ id ]: updated };
				}
			} );
			return next;
		}
		case 'MARK_READ': {
			const known = state[ action.conversationId ];
			if ( ! known || known.unread_count === 0 ) {
				return state;
			}
			return {
				...state,
				[ action.conversationId ]: { ...known, unread_count: 0 },
			};
		}
		default:
			return state;
	}
}

/**
 * What the server answered per listing (tab + search), page by page.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function lists(
	state: Record< string, ListState > = {},
	action: ChatAction
): Record< string, ListState > {
	switch ( action.type ) {
		case 'FETCH_LIST_START': {
			const known = state[ action.key ] ?? EMPTY_LIST;
			return {
				...state,
				[ action.key ]: { ...known, status: 'loading', error: null },
			};
		}
		case 'RECEIVE_LIST': {
			const known = state[ action.key ] ?? EMPTY_LIST;
			// Page 1 starts over; a later page extends what is there.
			const before = action.page === 1 ? [] : known.ids;
			const kept = new Set( before );
			return {
				...state,
				[ action.key ]: {
					ids: [
						...before,
						...action.ids.filter( ( id ) => ! kept.has( id ) ),
					],
					page: action.page,
					hasMore: action.hasMore,
					status: 'ready',
					error: null,
				},
			};
		}
		case 'RECEIVE_LIST_ERROR': {
			const known = state[ action.key ] ?? EMPTY_LIST;
			return {
				...state,
				[ action.key ]: {
					...known,
					status: 'error',
					error: action.error,
				},
			};
		}
		default:
			return state;
	}
}

function maxId( list: readonly ChatMessage[], start: number ): number {
	return list.reduce(
		( highest, message ) => Math.max( highest, message.id ),
		start
	);
}

/**
 * The highest message id the live connection delivered.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function cursor( state: number = 0, action: ChatAction ): number {
	return action.type === 'RECEIVE_MESSAGES' && action.live
		? maxId( action.messages, state )
		: state;
}

/**
 * The highest message id seen anywhere.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function seen( state: number = 0, action: ChatAction ): number {
	switch ( action.type ) {
		case 'RECEIVE_MESSAGES':
			return maxId( action.messages, state );
		case 'RECEIVE_CONVERSATIONS':
			return action.conversations.reduce(
				( highest, conversation ) =>
					Math.max( highest, conversation.last_message?.id ?? 0 ),
				state
			);
		default:
			return state;
	}
}

const CONNECTING: ConnectionState = { status: 'connecting', reason: null };

/**
 * The live connection's status, as the chat screen shows it.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function connection(
	state: ConnectionState = CONNECTING,
	action: ChatAction
): ConnectionState {
	if ( action.type !== 'SET_CHAT_CONNECTION' ) {
		return state;
	}
	return action.connection.status === state.status &&
		action.connection.reason === state.reason
		? state
		: action.connection;
}

/**
 * Archive / assign requests in flight or failed, per conversation.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function actions(
	state: Record< string, ActionStatus > = {},
	action: ChatAction
): Record< string, ActionStatus > {
	switch ( action.type ) {
		case 'CONVERSATION_ACTION_START':
			return {
				...state,
				[ action.conversationId ]: {
					status: 'pending',
					action: action.action,
				},
			};
		case 'CONVERSATION_ACTION_DONE': {
			if ( action.error ) {
				return {
					...state,
					[ action.conversationId ]: {
						status: 'error',
						action: action.action,
						error: action.error,
					},
				};
			}
			const next = { ...state };
			delete next[ action.conversationId ];
			return next;
		}
		default:
			return state;
	}
}

/** The `livedesk/chat` store's reducer. */
const reducer: (
	state: ChatState | undefined,
	action: ChatAction
) => ChatState = combineReducers( {
	conversations,
	lists,
	messages,
	outbox,
	typing,
	reads,
	cursor,
	seen,
	connection,
	actions,
	settings,
} );

export default reducer;
