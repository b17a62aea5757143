/**
 * The reducers of what happens inside conversations: messages merged by id,
 * the agent's outbox, who is typing, and how far each side has read.
 */

/**
 * Internal dependencies
 */
import { byConversation, mergeMessages } from './merge';
import type {
	ChatAction,
	MessagesState,
	OutboxItem,
	ReadMarks,
	TypingEntry,
} from './types';

/** A conversation's messages before anything was loaded. */
export const NO_MESSAGES: MessagesState = {
	list: [],
	status: 'idle',
	error: null,
};

/**
 * Each conversation's messages, merged by id from every source.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function messages(
	state: Record< string, MessagesState > = {},
	action: ChatAction
): Record< string, MessagesState > {
	switch ( action.type ) {
		case 'FETCH_MESSAGES_START': {
			const known = state[ action.conversationId ] ?? NO_MESSAGES;
			// A catch-up of a loaded conversation keeps showing it as loaded.
			return known.status === 'ready'
				? state
				: {
						...state,
						[ action.conversationId ]: {
							...known,
							status: 'loading',
							error: null,
						},
					};
		}
		case 'RECEIVE_MESSAGES': {
			let next = state;
			const groups = byConversation( action.messages );
			if (
				action.conversationId &&
				! groups.has( action.conversationId )
			) {
				groups.set( action.conversationId, [] );
			}
			groups.forEach( ( incoming, id ) => {
				const known = next[ id ] ?? NO_MESSAGES;
				const list = mergeMessages( known.list, incoming );
				const status =
					action.conversationId === id ? 'ready' : known.status;
				if ( list !== known.list || status !== known.status ) {
					next = {
						...next,
						[ id ]: {
							list,
							status,
							error: status === 'ready' ? null : known.error,
						},
					};
				}
			} );
			return next;
		}
		case 'RECEIVE_MESSAGES_ERROR': {
			const known = state[ action.conversationId ] ?? NO_MESSAGES;
			// A failed catch-up leaves loaded messages in place.
			if ( known.status === 'ready' ) {
				return state;
			}
			return {
				...state,
				[ action.conversationId ]: {
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

function updateItem(
	state: OutboxItem[],
	clientId: string,
	change: ( item: OutboxItem ) => OutboxItem
): OutboxItem[] {
	let changed = false;
	const next = state.map( ( item ) => {
		if ( item.client_id !== clientId ) {
			return item;
		}
		changed = true;
		return change( item );
	} );
	return changed ? next : state;
}

/**
 * The agent's unacknowledged messages, oldest first. A stored message with
 * the same conversation and `client_id` (an ack, a push or a catch-up)
 * takes its item out.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function outbox(
	state: OutboxItem[] = [],
	action: ChatAction
): OutboxItem[] {
	switch ( action.type ) {
		case 'QUEUE_MESSAGE':
			return state.some(
				( item ) => item.client_id === action.item.client_id
			)
				? state
				: [ ...state, action.item ];
		case 'SENDING_MESSAGE':
			return updateItem( state, action.clientId, ( item ) => ( {
				...item,
				state: 'sending',
				attempts: item.attempts + 1,
			} ) );
		case 'SEND_MESSAGE_FAILED':
			return updateItem( state, action.clientId, ( item ) => ( {
				...item,
				state: action.retryable ? 'queued' : 'failed',
				error: action.error,
			} ) );
		case 'RETRY_MESSAGE':
			return updateItem( state, action.clientId, ( item ) => ( {
				...item,
				state: 'queued',
				attempts: 0,
				error: null,
			} ) );
		case 'DISCARD_MESSAGE': {
			const next = state.filter(
				( item ) =>
					item.client_id !== action.clientId ||
					item.state === 'sending'
			);
			return next.length === state.length ? state : next;
		}
		case 'RECEIVE_MESSAGES': {
			const stored = new Set(
				action.messages.map(
					( message ) =>
						`${ message.conversation_id }\n${ message.client_id }`
				)
			);
			const next = state.filter(
				( item ) =>
					! stored.has(
						`${ item.conversation_id }\n${ item.client_id }`
					)
			);
			return next.length === state.length ? state : next;
		}
		default:
			return state;
	}
}

function typingKey( author: 'visitor' | 'agent', agentId: number | null ) {
	return author === 'visitor' ? 'visitor' : `agent:${ agentId ?? 0 }`;
}

/**
 * Who is typing where; a message from someone ends their typing.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function typing(
	state: Record< string, Record< string, TypingEntry > > = {},
	action: ChatAction
): Record< string, Record< string, TypingEntry > > {
	switch ( action.type ) {
		case 'RECEIVE_TYPING': {
			const { notice } = action;
			const key = typingKey( notice.author, notice.agent_id );
			const entries = state[ notice.conversation_id ] ?? {};
			if ( ! notice.typing && ! entries[ key ] ) {
				return state;
			}
			const next = { ...entries };
			if ( notice.typing ) {
				next[ key ] = {
					author: notice.author,
					name: notice.agent_name ?? '',
					at: action.at,
				};
			} else {
				delete next[ key ];
			}
			return { ...state, [ notice.conversation_id ]: next };
		}
		case 'RECEIVE_MESSAGES': {
			if ( ! action.live ) {
				return state;
			}
			let next = state;
			action.messages.forEach( ( message ) => {
				if ( message.author === 'system' ) {
					return;
				}
				const key = typingKey( message.author, message.agent_id );
				const entries = next[ message.conversation_id ];
				if ( entries?.[ key ] ) {
					const rest = { ...entries };
					delete rest[ key ];
					next = { ...next, [ message.conversation_id ]: rest };
				}
			} );
			return next;
		}
		case 'EXPIRE_TYPING': {
			let next = state;
			Object.entries( state ).forEach( ( [ id, entries ] ) => {
				const kept = Object.entries( entries ).filter(
					( [ , entry ] ) => entry.at >= action.before
				);
				if ( kept.length !== Object.keys( entries ).length ) {
					next = { ...next, [ id ]: Object.fromEntries( kept ) };
				}
			} );
			return next;
		}
		default:
			return state;
	}
}

/**
 * The highest message id each side has read, per conversation.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function reads(
	state: Record< string, ReadMarks > = {},
	action: ChatAction
): Record< string, ReadMarks > {
	let id: string;
	let side: keyof ReadMarks;
	let upTo: number;
	switch ( action.type ) {
		case 'RECEIVE_READ':
			id = action.receipt.conversation_id;
			side = action.receipt.by;
			upTo = action.receipt.up_to_id;
			break;
		case 'MARK_READ':
			id = action.conversationId;
			side = 'agent';
			upTo = action.upToId;
			break;
		default:
			return state;
	}
	const known = state[ id ] ?? { visitor: 0, agent: 0 };
	if ( upTo <= known[ side ] ) {
		return state;
	}
	return { ...state, [ id ]: { ...known, [ side ]: upTo } };
}
