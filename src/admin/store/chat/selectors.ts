/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { ChatMessage, Conversation } from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import { activityTime, compareConversations } from './merge';
import { queryKey } from './query';
import { EMPTY_LIST, NO_MESSAGES } from './reducer';
import type {
	ActionStatus,
	ChatSettings,
	ChatSettingsState,
	ChatState,
	ConversationQuery,
	ListState,
	MessagesState,
	OutboxItem,
	ReadMarks,
	TypingEntry,
} from './types';

/** One entry of a conversation's thread: a stored message, or one still in the outbox. */
export type ThreadItem =
	| { kind: 'message'; message: ChatMessage }
	| { kind: 'pending'; item: OutboxItem };

const NO_READS: ReadMarks = { visitor: 0, agent: 0 };
const NO_TYPING: TypingEntry[] = [];

/**
 * A conversation by public id, or null.
 *
 * @param state Store state.
 * @param id    Public id.
 */
export function getConversation(
	state: ChatState,
	id: string
): Conversation | null {
	return state.conversations[ id ] ?? null;
}

/**
 * The open conversation of a visitor, if this screen knows it.
 *
 * @param state     Store state.
 * @param visitorId Visitor id (32 hex).
 */
export function getOpenConversationOfVisitor(
	state: ChatState,
	visitorId: string
): Conversation | null {
	if ( visitorId === '' ) {
		return null;
	}
	return (
		Object.values( state.conversations ).find(
			( conversation ) =>
				conversation.visitor_id === visitorId &&
				conversation.status === 'open'
		) ?? null
	);
}

/**
 * Where a listing stands: ids, pages loaded, more or not, errors.
 *
 * @param state Store state.
 * @param query Tab and search.
 */
export function getListState(
	state: ChatState,
	query: ConversationQuery
): ListState {
	return state.lists[ queryKey( query ) ] ?? EMPTY_LIST;
}

/**
 * The conversations to list for a tab (and search), latest activity first.
 * Without a search every known conversation of the tab is listed, so pushed
 * ones appear at once; while more pages wait, those older than the loaded
 * pages are held back so the list has no holes. With a search, only the
 * server's matches are listed (live changes of those included).
 */
export const getConversationList = createSelector(
	( state: ChatState, query: ConversationQuery ): Conversation[] => {
		const list = getListState( state, query );
		const matching =
			query.search === ''
				? Object.values( state.conversations )
				: list.ids
						.map( ( id ) => state.conversations[ id ] )
						.filter(
							( conversation ): conversation is Conversation =>
								conversation !== undefined
						);
		let shown = matching.filter(
			( conversation ) => conversation.status === query.status
		);
		if ( query.search === '' && list.hasMore ) {
			const oldestLoaded = list.ids.reduce( ( oldest, id ) => {
				const conversation = state.conversations[ id ];
				return conversation
					? Math.min( oldest, activityTime( conversation ) )
					: oldest;
			}, Infinity );
			shown = shown.filter(
				( conversation ) => activityTime( conversation ) >= oldestLoaded
			);
		}
		return shown.sort( compareConversations );
	},
	( state: ChatState, query: ConversationQuery ) => [
		state.conversations,
		state.lists[ queryKey( query ) ],
	]
);

/**
 * Visitor messages no agent has read, over the open conversations (the page title's count).
 *
 * @param state Store state.
 */
export const getUnreadTotal = createSelector(
	( state: ChatState ): number =>
		Object.values( state.conversations ).reduce(
			( total, conversation ) =>
				conversation.status === 'open'
					? total + Math.max( 0, conversation.unread_count )
					: total,
			0
		),
	( state: ChatState ) => [ state.conversations ]
);

/**
 * A conversation's stored messages and whether they are loaded.
 *
 * @param state Store state.
 * @param id    Conversation id.
 */
export function getMessagesState(
	state: ChatState,
	id: string
): MessagesState {
	return state.messages[ id ] ?? NO_MESSAGES;
}

/**
 * A conversation's thread: stored messages by id, then its outbox messages
 * in the order they were written.
 */
export const getThread = createSelector(
	( state: ChatState, id: string ): ThreadItem[] => [
		...getMessagesState( state, id ).list.map(
			( message ): ThreadItem => ( { kind: 'message', message } )
		),
		...state.outbox
			.filter( ( item ) => item.conversation_id === id )
			.map( ( item ): ThreadItem => ( { kind: 'pending', item } ) ),
	],
	( state: ChatState, id: string ) => [ state.messages[ id ], state.outbox ]
);

/**
 * Whether a message is already held (pushes of a known id are not news).
 *
 * @param state     Store state.
 * @param id        Conversation id.
 * @param messageId Message id.
 */
export function hasMessage(
	state: ChatState,
	id: string,
	messageId: number
): boolean {
	return getMessagesState( state, id ).list.some(
		( message ) => message.id === messageId
	);
}

/**
 * The listings loaded so far (to refresh after a reconnect or while polling).
 *
 * @param state Store state.
 */
export function getLoadedQueries( state: ChatState ): ConversationQuery[] {
	return Object.entries( state.lists )
		.filter( ( [ , list ] ) => list.page > 0 )
		.map( ( [ key ] ) => {
			const split = key.indexOf( ':' );
			return {
				status:
					key.slice( 0, split ) === 'archived' ? 'archived' : 'open',
				search: key.slice( split + 1 ),
			};
		} );
}

/**
 * Whether anyone is typing anywhere (typing notices may need expiring).
 *
 * @param state Store state.
 */
export function hasTyping( state: ChatState ): boolean {
	return Object.values( state.typing ).some(
		( entries ) => Object.keys( entries ).length > 0
	);
}

/**
 * Every unacknowledged message, oldest first.
 *
 * @param state Store state.
 */
export function getOutbox( state: ChatState ): readonly OutboxItem[] {
	return state.outbox;
}

/**
 * Who is typing in a conversation (the visitor, other agents).
 */
export const getTyping = createSelector(
	( state: ChatState, id: string ): TypingEntry[] => {
		const entries = state.typing[ id ];
		return entries ? Object.values( entries ) : NO_TYPING;
	},
	( state: ChatState, id: string ) => [ state.typing[ id ] ]
);

const NO_IDS: ReadonlySet< string > = new Set();

/**
 * The conversations someone is typing in (for the list).
 */
export const getTypingConversationIds = createSelector(
	( state: ChatState ): ReadonlySet< string > => {
		const ids = Object.entries( state.typing )
			.filter( ( [ , entries ] ) => Object.keys( entries ).length > 0 )
			.map( ( [ id ] ) => id );
		return ids.length === 0 ? NO_IDS : new Set( ids );
	},
	( state: ChatState ) => [ state.typing ]
);

/**
 * The highest message id the visitor and the agents have read.
 *
 * @param state Store state.
 * @param id    Conversation id.
 */
export function getReadMarks( state: ChatState, id: string ): ReadMarks {
	return state.reads[ id ] ?? NO_READS;
}

/**
 * Where the next catch-up starts: the last id the live connection
 * delivered, else the newest id seen anywhere (0: nothing known yet).
 *
 * @param state Store state.
 */
export function getSyncCursor( state: ChatState ): number {
	return state.cursor > 0 ? state.cursor : state.seen;
}

/**
 * The live connection's status, as the chat store last heard it.
 *
 * @param state Store state.
 */
export function getConnection( state: ChatState ): ConnectionState {
	return state.connection;
}

/**
 * An archive / assign request of a conversation in flight or failed, or null.
 *
 * @param state Store state.
 * @param id    Conversation id.
 */
export function getConversationAction(
	state: ChatState,
	id: string
): ActionStatus | null {
	return state.actions[ id ] ?? null;
}

/**
 * The chat settings, or null until loaded.
 *
 * @param state Store state.
 */
export function getChatSettings( state: ChatState ): ChatSettings | null {
	return state.settings.values;
}

/**
 * The chat settings with their load and save status.
 *
 * @param state Store state.
 */
export function getChatSettingsState( state: ChatState ): ChatSettingsState {
	return state.settings;
}
