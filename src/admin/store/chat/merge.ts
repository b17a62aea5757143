/**
 * Pure helpers of the chat store: merging messages by id and keeping each
 * conversation's summary (last message, unread count) in step with them.
 */

/**
 * Internal dependencies
 */
import type { ChatMessage, Conversation } from '../../../protocol';

/** Length of the excerpt a conversation keeps of its newest message (as the server cuts it). */
export const EXCERPT_MAX = 140;

/**
 * Merges messages into a list ordered by id: each id once (a later copy
 * replaces an earlier one, e.g. with `read_at` set), order by id. Returns
 * `list` itself when nothing changes.
 *
 * @param list     Messages ordered by id.
 * @param incoming Messages in any order, possibly repeated.
 */
export function mergeMessages(
	list: readonly ChatMessage[],
	incoming: readonly ChatMessage[]
): ChatMessage[] {
	if ( incoming.length === 0 ) {
		return list as ChatMessage[];
	}
	const byId = new Map< number, ChatMessage >();
	list.forEach( ( message ) => byId.set( message.id, message ) );
	let changed = false;
	for ( const message of incoming ) {
		const known = byId.get( message.id );
		if ( known === message || ( known && sameMessage( known, message ) ) ) {
			continue;
		}
		byId.set( message.id, message );
		changed = true;
	}
	if ( ! changed ) {
		return list as ChatMessage[];
	}
	return [ ...byId.values() ].sort( ( a, b ) => a.id - b.id );
}

function sameMessage( a: ChatMessage, b: ChatMessage ): boolean {
	return (
		a.body === b.body &&
		a.read_at === b.read_at &&
		a.client_id === b.client_id &&
		a.agent_name === b.agent_name
	);
}

/**
 * Messages grouped by their conversation's id.
 *
 * @param list Messages of any conversations.
 */
export function byConversation(
	list: readonly ChatMessage[]
): Map< string, ChatMessage[] > {
	const groups = new Map< string, ChatMessage[] >();
	list.forEach( ( message ) => {
		const group = groups.get( message.conversation_id ) ?? [];
		group.push( message );
		groups.set( message.conversation_id, group );
	} );
	return groups;
}

/**
 * A conversation's activity time for ordering: its last message, else its start.
 *
 * @param conversation The conversation.
 */
export function activityTime( conversation: Conversation ): number {
	const time = Date.parse(
		conversation.last_message_at ?? conversation.created_at
	);
	return Number.isNaN( time ) ? 0 : time;
}

/**
 * List order: latest activity first; ties by id so the order is stable.
 *
 * @param a A conversation.
 * @param b Another.
 */
export function compareConversations( a: Conversation, b: Conversation ) {
	const diff = activityTime( b ) - activityTime( a );
	if ( diff !== 0 ) {
		return diff;
	}
	if ( a.id === b.id ) {
		return 0;
	}
	return a.id < b.id ? -1 : 1;
}

/**
 * The conversation after a newly pushed message: newest message, activity
 * time and (for a visitor's message) one more unread. A message the summary
 * already covers changes nothing, so a push and a conversation update that
 * arrive in either order count a message once.
 *
 * @param conversation The conversation as known.
 * @param message      A message of it.
 */
export function withNewMessage(
	conversation: Conversation,
	message: ChatMessage
): Conversation {
	if ( message.id <= ( conversation.last_message?.id ?? 0 ) ) {
		return conversation;
	}
	return {
		...conversation,
		last_message: {
			id: message.id,
			author: message.author,
			body: message.body.slice( 0, EXCERPT_MAX ),
			created_at: message.created_at,
		},
		last_message_at: message.created_at,
		unread_count:
			conversation.unread_count +
			( message.author === 'visitor' ? 1 : 0 ),
	};
}

/**
 * Whether a conversation update may replace the known one: not when it is
 * older (a slow REST answer after a live push).
 *
 * @param known    The conversation as known, if at all.
 * @param incoming The update.
 */
export function isNewer(
	known: Conversation | undefined,
	incoming: Conversation
): boolean {
	if ( ! known ) {
		return true;
	}
	const before = Date.parse( known.updated_at );
	const after = Date.parse( incoming.updated_at );
	if ( Number.isNaN( before ) || Number.isNaN( after ) ) {
		return true;
	}
	// Same time: the later answer wins (it is at least as fresh).
	return after >= before;
}
