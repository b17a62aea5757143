/**
 * The chat store's plain actions, and the thunks that load conversations and
 * messages and write to the outbox. Conversation requests (read, archive,
 * assign) are in conversation-actions.ts, the chat settings in
 * settings-actions.ts.
 */

/**
 * Internal dependencies
 */
import { MESSAGE_MAX } from '../../../protocol';
import type {
	AgentTypingNotice,
	ChatMessage,
	Conversation,
	ReadReceipt,
} from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import { toRequestError } from '../settings/api';
import { fetchConversation, fetchConversations, fetchMessages } from './api';
import { newClientId } from './client-id';
import { queryKey } from './query';
import type {
	ChatAction,
	ChatSettings,
	ChatThunkArgs,
	ConversationQuery,
	OutboxItem,
	RequestError,
	SendFailure,
} from './types';

/**
 * Conversations from the server (REST) or the sidecar (live).
 *
 * @param conversations The conversations.
 * @param live          Whether they came over the live connection.
 */
export function receiveConversations(
	conversations: Conversation[],
	live = false
): ChatAction {
	return { type: 'RECEIVE_CONVERSATIONS', conversations, live };
}

/**
 * Messages from the server (REST) or the sidecar (live pushes and catch-up).
 *
 * @param messages The messages.
 * @param live     Whether they came over the live connection.
 */
export function receiveMessages(
	messages: ChatMessage[],
	live = false
): ChatAction {
	return { type: 'RECEIVE_MESSAGES', messages, live };
}

/**
 * Someone started or stopped typing.
 *
 * @param notice The sidecar's notice.
 * @param at     When it arrived (ms).
 */
export function receiveTyping(
	notice: AgentTypingNotice,
	at: number = Date.now()
): ChatAction {
	return { type: 'RECEIVE_TYPING', notice, at };
}

/**
 * Forgets typing notices older than a moment (their "stopped" was lost).
 *
 * @param before Notices that arrived before this (ms) go.
 */
export function expireTyping( before: number ): ChatAction {
	return { type: 'EXPIRE_TYPING', before };
}

/**
 * A read receipt from either side.
 *
 * @param receipt The receipt.
 */
export function receiveRead( receipt: ReadReceipt ): ChatAction {
	return { type: 'RECEIVE_READ', receipt };
}

/**
 * Records where the live connection stands.
 *
 * @param connection Status and reason.
 */
export function setChatConnection( connection: ConnectionState ): ChatAction {
	return { type: 'SET_CHAT_CONNECTION', connection };
}

/**
 * The outbox sends (or resends) a message.
 *
 * @param clientId Its client id.
 */
export function sendingMessage( clientId: string ): ChatAction {
	return { type: 'SENDING_MESSAGE', clientId };
}

/**
 * A send failed; a retryable failure puts it back in the queue.
 *
 * @param clientId  Its client id.
 * @param error     Why.
 * @param retryable Whether sending it again may work.
 */
export function sendMessageFailed(
	clientId: string,
	error: SendFailure,
	retryable: boolean
): ChatAction {
	return { type: 'SEND_MESSAGE_FAILED', clientId, error, retryable };
}

/**
 * Puts a failed message back in the queue (same client id).
 *
 * @param clientId Its client id.
 */
export function retryMessage( clientId: string ): ChatAction {
	return { type: 'RETRY_MESSAGE', clientId };
}

/**
 * Drops an unsent message (not one that is being sent right now).
 *
 * @param clientId Its client id.
 */
export function discardMessage( clientId: string ): ChatAction {
	return { type: 'DISCARD_MESSAGE', clientId };
}

/**
 * Puts an item (e.g. one kept from before a reload) into the outbox.
 *
 * @param item The outbox item.
 */
export function queueOutboxItem( item: OutboxItem ): ChatAction {
	return { type: 'QUEUE_MESSAGE', item };
}

/**
 * Chat settings loaded elsewhere (e.g. with the rest of the settings).
 *
 * @param settings The chat settings.
 */
export function receiveChatSettings( settings: ChatSettings ): ChatAction {
	return { type: 'RECEIVE_CHAT_SETTINGS', settings };
}

/**
 * Writes a message into the outbox, which sends it (live, or over REST while
 * the live connection is down) until the server stores it. Resolves to its
 * client id, or null when there is nothing to send.
 *
 * @param conversationId Public id.
 * @param body           What the agent wrote.
 */
export const sendMessage =
	( conversationId: string, body: string ) =>
	async ( { dispatch }: ChatThunkArgs ): Promise< string | null > => {
		const text = body.trim();
		if ( text === '' || text.length > MESSAGE_MAX ) {
			return null;
		}
		const item: OutboxItem = {
			client_id: newClientId(),
			conversation_id: conversationId,
			body: text,
			queued_at: new Date().toISOString(),
			state: 'queued',
			attempts: 0,
			error: null,
		};
		dispatch( queueOutboxItem( item ) );
		return item.client_id;
	};

/**
 * Loads one page of a listing (page 1 starts it over).
 *
 * @param query Tab and search.
 * @param page  1-based page.
 */
export const fetchList =
	( query: ConversationQuery, page = 1 ) =>
	async ( { dispatch }: ChatThunkArgs ): Promise< void > => {
		const key = queryKey( query );
		dispatch( { type: 'FETCH_LIST_START', key, page } );
		try {
			const result = await fetchConversations( query, page );
			dispatch( receiveConversations( result.conversations ) );
			dispatch( {
				type: 'RECEIVE_LIST',
				key,
				page,
				ids: result.conversations.map( ( item ) => item.id ),
				hasMore: result.hasMore,
			} );
		} catch ( error ) {
			dispatch( {
				type: 'RECEIVE_LIST_ERROR',
				key,
				error: toRequestError( error ),
			} );
		}
	};

/**
 * Loads the next page of a listing, unless one is loading or none is left.
 *
 * @param query Tab and search.
 */
export const fetchMore =
	( query: ConversationQuery ) =>
	async ( args: ChatThunkArgs ): Promise< void > => {
		const list = args.select.getListState( query );
		if ( list.status === 'loading' || ! list.hasMore ) {
			return;
		}
		await fetchList( query, list.page + 1 )( args );
	};

// Requests under way, by public id: messages pushed for a conversation not
// yet listed each ask for it, and one request answers them all.
const loadingConversations = new Map<
	string,
	Promise< RequestError | null >
>();

/**
 * Loads one conversation (e.g. opened by URL) over REST.
 *
 * @param id Public id.
 */
export const loadConversation =
	( id: string ) =>
	( { dispatch }: ChatThunkArgs ): Promise< RequestError | null > => {
		let loading = loadingConversations.get( id );
		if ( ! loading ) {
			loading = fetchConversation( id )
				.then( ( conversation ) => {
					dispatch( receiveConversations( [ conversation ] ) );
					return null;
				} )
				.catch( toRequestError )
				.finally( () => loadingConversations.delete( id ) );
			loadingConversations.set( id, loading );
		}
		return loading;
	};

const loadingMessages = new Set< string >();

/**
 * Loads a conversation's messages over REST: all of them the first time,
 * then those after the newest one held (a catch-up, e.g. while the live
 * connection is down or when the conversation is opened again).
 *
 * @param id Public id.
 */
export const loadMessages =
	( id: string ) =>
	async ( { dispatch, select }: ChatThunkArgs ): Promise< void > => {
		if ( loadingMessages.has( id ) ) {
			return;
		}
		loadingMessages.add( id );
		const known = select.getMessagesState( id );
		let after =
			known.status === 'ready'
				? ( known.list[ known.list.length - 1 ]?.id ?? 0 )
				: 0;
		dispatch( { type: 'FETCH_MESSAGES_START', conversationId: id } );
		const loaded: ChatMessage[] = [];
		try {
			for (;;) {
				const page = await fetchMessages( id, after );
				loaded.push( ...page.messages );
				const last = page.messages[ page.messages.length - 1 ];
				if ( ! page.more || ! last || last.id <= after ) {
					break;
				}
				after = last.id;
			}
			dispatch( {
				type: 'RECEIVE_MESSAGES',
				messages: loaded,
				conversationId: id,
				live: false,
			} );
		} catch ( error ) {
			dispatch( receiveMessages( loaded ) );
			dispatch( {
				type: 'RECEIVE_MESSAGES_ERROR',
				conversationId: id,
				error: toRequestError( error ),
			} );
		} finally {
			loadingMessages.delete( id );
		}
	};
