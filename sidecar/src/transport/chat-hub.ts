/**
 * Where chat changes go once stored, whoever stored them (this sidecar's
 * sockets, or WordPress and other sidecars through the tail): every agent
 * gets each message and conversation change, a conversation's visitor gets
 * its messages and status in their own rooms, and presence learns who is
 * chatting (an archive removes the visitor's map entry at once). A message is
 * pushed at most once by this sidecar; clients also merge by id.
 */

/**
 * Internal dependencies
 */
import type {
	ChatMessage,
	VisitorChatStatus,
	VisitorConversation,
} from '../../../src/protocol';
import { EVENTS } from '../../../src/protocol';
import type { ConversationCursor } from '../chat/conversation-cursor';
import type { ChatDirectory, OpenConversation } from '../chat/directory';
import { conversationRooms } from '../chat/keys';
import type { MessageCursor } from '../chat/message-cursor';
import { toVisitorConversation } from '../chat/payloads';
import type { ChatViews } from '../chat/views';
import type { ChatService } from '../chat/service';
import type { ConversationRecord } from '../db/conversation-record';
import type { MessageRecord } from '../db/messages-repository';
import type { Logger } from '../log';
import type { PresenceEngine } from '../presence/engine';
import type { SiteSettings } from '../settings/site-settings';
import type { PresenceFanout } from './fanout';
import type { AgentNamespace, VisitorNamespace } from './types';

/** Room of every chat connection (not the tracker's tabs). */
export const CHAT_CONNECTIONS_ROOM = 'chat';

/** Collaborators of a {@link ChatHub}. */
export interface ChatHubDeps {
	service: ChatService;
	views: ChatViews;
	directory: ChatDirectory;
	visitors: VisitorNamespace;
	agents: AgentNamespace;
	engine: PresenceEngine;
	fanout: PresenceFanout;
	settings: () => SiteSettings | null;
	log: Logger;
	now: () => number;
}

/** Who the tail has pushed; null until the tail has read where to start. */
export interface ChatCursors {
	messages: MessageCursor | null;
	conversations: ConversationCursor | null;
}

/**
 * The directory's record of an open conversation.
 *
 * @param record The row.
 */
export function openConversationOf(
	record: ConversationRecord
): OpenConversation | null {
	if ( record.status !== 'open' || record.openKey === null ) {
		return null;
	}
	return {
		rowId: record.rowId,
		id: record.id,
		openKey: record.openKey,
		visitorKey: record.visitorKey,
		name: record.name,
		email: record.email,
		verified: record.verified,
	};
}

/** Pushes stored chat changes to sockets and presence. */
export class ChatHub {
	readonly cursors: ChatCursors = { messages: null, conversations: null };
	private readonly deps: ChatHubDeps;
	/** Agents connected here who may answer (`livedesk_chat`). */
	private answering = 0;
	/** Ids pushed before the tail knew where to start. */
	private readonly early = new Set< number >();
	/** What visitors were last told of each open conversation. */
	private readonly told = new Map< string, string >();

	constructor( deps: ChatHubDeps ) {
		this.deps = deps;
	}

	/**
	 * The tail knows where to start: from now on pushes are claimed in
	 * these cursors.
	 *
	 * @param messages      Message ids pushed.
	 * @param conversations Conversation changes pushed.
	 */
	startCursors(
		messages: MessageCursor,
		conversations: ConversationCursor
	): void {
		for ( const id of this.early ) {
			messages.claim( id );
		}
		this.early.clear();
		this.cursors.messages = messages;
		this.cursors.conversations = conversations;
	}

	/**
	 * Whether a visitor could get an answer now.
	 */
	agentsOnline(): boolean {
		return this.answering > 0 && this.deps.settings()?.chatEnabled === true;
	}

	/** How many agents here may answer (for /healthz). */
	answeringCount(): number {
		return this.answering;
	}

	/**
	 * An agent who may answer connected (+1) or left (-1): visitors hear
	 * when the first arrives and when the last leaves.
	 *
	 * @param delta +1 or -1.
	 */
	answeringAgents( delta: 1 | -1 ): void {
		const before = this.agentsOnline();
		this.answering = Math.max( 0, this.answering + delta );
		if ( this.agentsOnline() !== before ) {
			this.broadcastStatus().catch( ( error: unknown ) =>
				this.deps.log.warn( { err: error }, 'chat status not sent' )
			);
		}
	}

	/** Tells every chat connection its status (agents came or went, chat switched). */
	async broadcastStatus(): Promise< void > {
		const sockets = await this.deps.visitors
			.in( CHAT_CONNECTIONS_ROOM )
			.fetchSockets();
		for ( const socket of sockets ) {
			socket.emit(
				EVENTS.chatStatus,
				this.status( socket.data.chatKeys )
			);
		}
	}

	/**
	 * A chat connection's status from what the directory knows.
	 *
	 * @param keys The connection's open keys.
	 */
	status( keys: readonly string[] ): VisitorChatStatus {
		const open = this.deps.directory.find( keys );
		return {
			agents_online: this.agentsOnline(),
			conversation: open
				? {
						id: open.id,
						status: 'open',
						name: open.name,
						email: open.email,
						verified: open.verified,
					}
				: null,
		};
	}

	/**
	 * Messages were stored: each goes out once (agents, and the visitor side
	 * of its conversation), with its conversation when that changed.
	 *
	 * @param records      Stored messages, in id order.
	 * @param conversation Their conversation as the caller has it, if one.
	 * @param except       A socket id not to echo the message to (its sender).
	 */
	async messagesStored(
		records: readonly MessageRecord[],
		conversation: ConversationRecord | null = null,
		except?: string
	): Promise< void > {
		const cursor = this.cursors.messages;
		const candidates = records.filter(
			( record ) => ! cursor?.pushed( record.id )
		);
		if ( candidates.length === 0 ) {
			return;
		}
		const { views, agents, visitors } = this.deps;
		// Everything is read before anything is claimed: a read that fails
		// leaves the messages to the tail.
		const rowIds = [
			...new Set( candidates.map( ( m ) => m.conversationRowId ) ),
		];
		const conversations = new Map< number, ConversationRecord >();
		for ( const record of await this.load( rowIds, conversation ) ) {
			conversations.set( record.rowId, record );
		}
		const forAgents = await views.messagePayloads( candidates, 'agent' );
		const forVisitor = await views.messagePayloads( candidates, 'visitor' );
		candidates.forEach( ( record, index ) => {
			if (
				cursor
					? ! cursor.claim( record.id )
					: this.early.has( record.id )
			) {
				return;
			}
			if ( ! cursor ) {
				this.early.add( record.id );
			}
			agents.emit(
				EVENTS.chatMessage,
				forAgents[ index ] as ChatMessage
			);
			const owner = conversations.get( record.conversationRowId );
			const rooms = owner ? conversationRooms( owner ) : [];
			if ( rooms.length > 0 ) {
				const target = except
					? visitors.to( rooms ).except( except )
					: visitors.to( rooms );
				target.emit(
					EVENTS.chatMessage,
					forVisitor[ index ] as ChatMessage
				);
			}
		} );
	}

	/**
	 * A visitor is typing (or stopped) in their open conversation, if any.
	 *
	 * @param keys   The connection's open keys.
	 * @param typing Typing or not.
	 */
	visitorTyping( keys: readonly string[], typing: boolean ): void {
		const open = this.deps.directory.find( keys );
		if ( open ) {
			this.deps.agents.emit( EVENTS.chatTyping, {
				conversation_id: open.id,
				author: 'visitor',
				agent_id: null,
				agent_name: '',
				typing,
			} );
		}
	}

	/**
	 * An agent is typing (or stopped) in a conversation: its visitor and the
	 * other agents hear so.
	 *
	 * @param conversation The conversation.
	 * @param agent        The agent's id and display name.
	 * @param agent.id     WordPress user id.
	 * @param agent.name   Display name.
	 * @param typing       Typing or not.
	 * @param except       The typing agent's socket id.
	 */
	agentTyping(
		conversation: ConversationRecord,
		agent: { id: number; name: string },
		typing: boolean,
		except: string
	): void {
		const rooms = conversationRooms( conversation );
		if ( rooms.length > 0 && conversation.status === 'open' ) {
			this.deps.visitors.to( rooms ).emit( EVENTS.chatTyping, {
				typing,
				agent_name: agent.name,
			} );
		}
		this.deps.agents.except( except ).emit( EVENTS.chatTyping, {
			conversation_id: conversation.id,
			author: 'agent',
			agent_id: agent.id,
			agent_name: agent.name,
			typing,
		} );
	}

	/**
	 * One side read the other's messages up to an id: both sides hear so.
	 *
	 * @param conversation The conversation.
	 * @param by           Who read.
	 * @param upToId       Inclusive message id.
	 */
	readReceipt(
		conversation: ConversationRecord,
		by: 'visitor' | 'agent',
		upToId: number
	): void {
		const receipt = {
			conversation_id: conversation.id,
			by,
			up_to_id: upToId,
			at: new Date( this.deps.now() ).toISOString(),
		};
		this.deps.agents.emit( EVENTS.chatRead, receipt );
		const rooms = conversationRooms( conversation );
		if ( rooms.length > 0 ) {
			this.deps.visitors.to( rooms ).emit( EVENTS.chatRead, receipt );
		}
	}

	/**
	 * The open conversation under the first of `keys`, as far as known here.
	 *
	 * @param keys Open keys, preferred first.
	 */
	find( keys: readonly string[] ): OpenConversation | undefined {
		return this.deps.directory.find( keys );
	}

	/**
	 * A tab connected or showed a page: the visitor's entry says whether they
	 * are chatting, and under which name.
	 *
	 * @param visitorId The visitor.
	 */
	tabSeen( visitorId: string ): void {
		const { directory, engine } = this.deps;
		engine.setChatting( visitorId, directory.isChatting( visitorId ) );
		const name = directory.nameOf( visitorId );
		if ( name !== '' ) {
			engine.setName( visitorId, name );
		}
	}

	/**
	 * Conversations changed (started, archived, renamed, assigned, read…):
	 * agents get each new state once; directory, presence and the visitor's
	 * status follow.
	 *
	 * @param records The conversations as stored now.
	 * @param local   This sidecar made the change: push it even if a state
	 *                with the same `updated_at` went out already.
	 */
	async conversationsChanged(
		records: readonly ConversationRecord[],
		local = true
	): Promise< void > {
		const cursor = this.cursors.conversations;
		const fresh = records.filter( ( record ) => {
			const claimed =
				cursor?.claim( record.rowId, record.updatedAtRaw ) ?? true;
			return claimed || local;
		} );
		if ( fresh.length === 0 ) {
			return;
		}
		const payloads = await this.deps.views.conversationPayloads( fresh );
		for ( const payload of payloads ) {
			this.deps.agents.emit( EVENTS.chatConversation, payload );
		}
		for ( const record of fresh ) {
			this.follow( record );
		}
	}

	/**
	 * The directory, presence and the visitor's status after a conversation
	 * changed (also for changes agents already heard of).
	 *
	 * @param record The conversation as stored now.
	 * @param tell   Whether its visitor hears of it (not when loading).
	 */
	follow( record: ConversationRecord, tell = true ): void {
		const { directory, engine, fanout, visitors } = this.deps;
		const open = openConversationOf( record );
		let released: string[];
		if ( open ) {
			const result = directory.open( open );
			released = result.released;
			for ( const visitorId of result.chatting ) {
				engine.setChatting( visitorId, true );
			}
			if ( record.visitorKey !== '' && record.name !== '' ) {
				engine.setName( record.visitorKey, record.name );
			}
		} else {
			released = directory.close( record.id );
		}
		// Archived: off the map at once, number freed (docs/chat.md).
		for ( const visitorId of released ) {
			engine.release( visitorId );
		}
		fanout.changed();
		const conversation = toVisitorConversation(
			record
		) as VisitorConversation;
		// The visitor hears when what they see of it changed, not per message.
		const seen = JSON.stringify( conversation );
		const changed = this.told.get( record.id ) !== seen;
		if ( record.status === 'open' ) {
			this.told.set( record.id, seen );
		} else {
			this.told.delete( record.id );
		}
		const rooms = conversationRooms( record );
		if ( tell && changed && rooms.length > 0 ) {
			visitors.to( rooms ).emit( EVENTS.chatStatus, {
				agents_online: this.agentsOnline(),
				conversation,
			} );
		}
	}

	/**
	 * A visitor's chat connection reached an open conversation (e.g. through
	 * its identity): the visitor counts as chatting in it.
	 *
	 * @param visitorId The visitor.
	 * @param open      The conversation.
	 */
	attach( visitorId: string, open: OpenConversation ): void {
		const { directory, engine, fanout } = this.deps;
		const chatting = directory.get( open.id )
			? []
			: directory.open( open ).chatting;
		chatting.push( ...directory.attach( visitorId, open.id ) );
		for ( const id of chatting ) {
			engine.setChatting( id, true );
		}
		if ( chatting.length > 0 ) {
			fanout.changed();
		}
	}

	private async load(
		rowIds: number[],
		known: ConversationRecord | null
	): Promise< ConversationRecord[] > {
		const missing = rowIds.filter( ( id ) => id !== known?.rowId );
		const loaded =
			missing.length > 0
				? await this.deps.service.conversationsByRowId( missing )
				: [];
		return known ? [ known, ...loaded ] : loaded;
	}
}
