/**
 * Stored rows as the wire shapes of src/protocol/chat.ts. Pure. Towards a
 * visitor a message never names the agent's user id, and a conversation
 * shows only what the visitor gave or proved.
 */

/**
 * Internal dependencies
 */
import type {
	ChatMessage,
	Conversation,
	VisitorConversation,
} from '../../../src/protocol';
import type { ConversationRecord } from '../db/conversation-record';
import type { MessageRecord } from '../db/messages-repository';
import { clip } from '../persist/sql';

/** Characters of the newest message a conversation carries. */
export const LAST_MESSAGE_PREVIEW = 140;

/** Who a payload is for. */
export type Audience = 'agent' | 'visitor';

/** What a conversation payload needs besides its row. */
export interface ConversationExtras {
	newest: MessageRecord | null;
	unread: number;
	/** Display name of the assigned agent ('' when none or unknown). */
	assignedAgentName: string;
}

/**
 * A stored message for agents or for the visitor.
 *
 * @param record    The message.
 * @param agentName The author's display name ('' unless an agent wrote it).
 * @param audience  Who receives it.
 */
export function toChatMessage(
	record: MessageRecord,
	agentName: string,
	audience: Audience
): ChatMessage {
	const byAgent = record.author === 'agent';
	return {
		id: record.id,
		conversation_id: record.conversationId,
		client_id: record.clientId,
		author: record.author,
		agent_id: byAgent && audience === 'agent' ? record.agentId : null,
		agent_name: byAgent ? agentName : '',
		body: record.body,
		created_at: record.createdAt,
		read_at: record.readAt,
	};
}

/**
 * A conversation as agents see it.
 *
 * @param record The row.
 * @param extras Newest message, unread count, assignee's name.
 */
export function toConversation(
	record: ConversationRecord,
	extras: ConversationExtras
): Conversation {
	const { newest } = extras;
	return {
		id: record.id,
		status: record.status,
		source: record.source,
		visitor_id: record.visitorKey,
		name: record.name,
		email: record.email,
		identity_id: record.verified ? record.identityId : '',
		verified: record.verified,
		custom_data: { ...record.customData },
		assigned_agent_id: record.assignedAgentId,
		assigned_agent_name:
			record.assignedAgentId === null ? '' : extras.assignedAgentName,
		created_at: record.createdAt,
		updated_at: record.updatedAt,
		last_message_at: record.lastMessageAt,
		archived_at: record.archivedAt,
		last_message: newest && {
			id: newest.id,
			author: newest.author,
			body: clip( newest.body, LAST_MESSAGE_PREVIEW ),
			created_at: newest.createdAt,
		},
		unread_count: extras.unread,
		visitor: {
			...record.visitor,
			pages: record.visitor.pages.map( ( page ) => ( { ...page } ) ),
		},
	};
}

/**
 * What a visitor sees of their own conversation.
 *
 * @param record The row, or null when there is none.
 */
export function toVisitorConversation(
	record: Pick<
		ConversationRecord,
		'id' | 'status' | 'name' | 'email' | 'verified'
	> | null
): VisitorConversation | null {
	return (
		record && {
			id: record.id,
			status: record.status,
			name: record.name,
			email: record.email,
			verified: record.verified,
		}
	);
}
