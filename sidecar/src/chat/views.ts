/**
 * What clients read of chat: catch-up pages and the wire shapes of
 * conversations and messages (newest message, unread count and agents'
 * display names added), built from the chat tables.
 */

/**
 * External dependencies
 */
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { CHAT_SYNC_PAGE } from '../../../src/protocol';
import type { ChatMessage, Conversation } from '../../../src/protocol';
import type { ConversationRecord } from '../db/conversation-record';
import type { ConversationsRepository } from '../db/conversations-repository';
import type {
	MessageRecord,
	MessagesRepository,
} from '../db/messages-repository';
import type { AgentNames } from './agent-names';
import { toChatMessage, toConversation } from './payloads';
import type { Audience } from './payloads';

/** Collaborators of {@link ChatViews}. */
export interface ChatViewsDeps {
	pool: Pool;
	conversations: ConversationsRepository;
	messages: MessagesRepository;
	names: AgentNames;
}

/** Reads for clients. */
export class ChatViews {
	private readonly deps: ChatViewsDeps;

	constructor( deps: ChatViewsDeps ) {
		this.deps = deps;
	}

	/**
	 * A page of one conversation's messages after an id.
	 *
	 * @param conversationRowId Row id.
	 * @param afterId           Exclusive lower bound.
	 */
	async history(
		conversationRowId: number,
		afterId: number
	): Promise< { messages: MessageRecord[]; more: boolean } > {
		const rows = await this.deps.messages.after(
			this.deps.pool,
			afterId,
			CHAT_SYNC_PAGE + 1,
			conversationRowId
		);
		return {
			messages: rows.slice( 0, CHAT_SYNC_PAGE ),
			more: rows.length > CHAT_SYNC_PAGE,
		};
	}

	/**
	 * A page of every conversation's messages after an id, with those
	 * conversations as they are now.
	 *
	 * @param afterId Exclusive lower bound.
	 */
	async historyAll( afterId: number ): Promise< {
		messages: ChatMessage[];
		conversations: Conversation[];
		more: boolean;
	} > {
		const { pool, conversations, messages } = this.deps;
		const rows = await messages.after( pool, afterId, CHAT_SYNC_PAGE + 1 );
		const page = rows.slice( 0, CHAT_SYNC_PAGE );
		const rowIds = [
			...new Set( page.map( ( m ) => m.conversationRowId ) ),
		];
		const records = await conversations.byRowIds( pool, rowIds );
		return {
			messages: await this.messagePayloads( page, 'agent' ),
			conversations: await this.conversationPayloads( records ),
			more: rows.length > CHAT_SYNC_PAGE,
		};
	}

	/**
	 * Conversations as agents see them (newest message, unread count,
	 * assignee's name), in the order given.
	 *
	 * @param records Conversation rows.
	 */
	async conversationPayloads(
		records: readonly ConversationRecord[]
	): Promise< Conversation[] > {
		if ( records.length === 0 ) {
			return [];
		}
		const { pool, messages, names } = this.deps;
		const rowIds = records.map( ( r ) => r.rowId );
		const [ newest, unread, agents ] = await Promise.all( [
			messages.newest( pool, rowIds ),
			messages.unreadCounts( pool, rowIds ),
			names.names( records.map( ( r ) => r.assignedAgentId ) ),
		] );
		return records.map( ( record ) =>
			toConversation( record, {
				newest: newest.get( record.rowId ) ?? null,
				unread: unread.get( record.rowId ) ?? 0,
				assignedAgentName:
					record.assignedAgentId === null
						? ''
						: ( agents.get( record.assignedAgentId ) ?? '' ),
			} )
		);
	}

	/**
	 * One conversation as agents see it.
	 *
	 * @param record The row.
	 */
	async conversationPayload(
		record: ConversationRecord
	): Promise< Conversation > {
		const [ payload ] = await this.conversationPayloads( [ record ] );
		return payload as Conversation;
	}

	/**
	 * One message for agents or the visitor.
	 *
	 * @param record   The message.
	 * @param audience Who receives it.
	 */
	async messagePayload(
		record: MessageRecord,
		audience: Audience
	): Promise< ChatMessage > {
		const [ payload ] = await this.messagePayloads( [ record ], audience );
		return payload as ChatMessage;
	}

	/**
	 * Messages for agents or the visitor, with agents' display names.
	 *
	 * @param records  Messages.
	 * @param audience Who receives them.
	 */
	async messagePayloads(
		records: readonly MessageRecord[],
		audience: Audience
	): Promise< ChatMessage[] > {
		const agents = await this.deps.names.names(
			records.map( ( m ) => ( m.author === 'agent' ? m.agentId : null ) )
		);
		return records.map( ( record ) =>
			toChatMessage(
				record,
				record.agentId === null
					? ''
					: ( agents.get( record.agentId ) ?? '' ),
				audience
			)
		);
	}
}
