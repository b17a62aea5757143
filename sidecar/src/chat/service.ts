/**
 * Live chat's storage rules (docs/chat.md), shared by the socket handlers:
 * a message is acknowledged only once committed, a retry (same client id)
 * gets the stored row back instead of a second one, a message never lands in
 * a conversation archived meanwhile, and one visitor (or verified identity)
 * has one open conversation. Database errors are thrown; the transport turns
 * them into `storage_unavailable` answers. The PHP side
 * (plugin/Database/*Repository.php) follows the same rules over REST.
 */

/**
 * External dependencies
 */
import type { Pool, PoolConnection } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import {
	ARCHIVED_MESSAGE_BODY,
	ARCHIVED_MESSAGE_CLIENT_ID,
	CUSTOM_DATA_MAX_KEYS,
} from '../../../src/protocol';
import type {
	ChatCustomData,
	ChatErrorCode,
	ChatFailure,
	ChatProfile,
} from '../../../src/protocol';
import { transaction } from '../db/chat-sql';
import type {
	ConversationRecord,
	NewConversation,
} from '../db/conversation-record';
import type { ConversationsRepository } from '../db/conversations-repository';
import type {
	MessageRecord,
	MessagesRepository,
	NewMessage,
} from '../db/messages-repository';
import type { VerifiedIdentity } from './identity';

/** Collaborators of a {@link ChatService}. */
export interface ChatServiceDeps {
	pool: Pool;
	conversations: ConversationsRepository;
	messages: MessagesRepository;
	now: () => number;
}

/** A stored message (new, or found again for a retry). */
export interface SendOk {
	ok: true;
	message: MessageRecord;
	/** False when the client id was already stored (a retry). */
	stored: boolean;
	/** The conversation it is in, as read before the message. */
	conversation: ConversationRecord | null;
	/** The message started the conversation. */
	created: boolean;
}

/** The outcome of a send. */
export type SendOutcome = SendOk | ChatFailure;

/** A visitor's message, with who they proved to be. */
export interface VisitorSend {
	visitorId: string;
	identity: VerifiedIdentity | null;
	/** Open keys the visitor reaches, preferred first. */
	keys: string[];
	clientId: string;
	body: string;
	/** The conversation to start when there is none (called only then). */
	start: () => Promise< NewConversation >;
}

/** An agent's message. */
export interface AgentSend {
	agentId: number;
	conversationId: string;
	clientId: string;
	body: string;
}

/** A conversation after archive / assign / read. */
export type ConversationOutcome =
	| {
			ok: true;
			conversation: ConversationRecord;
			/** The system message archiving added (null when already archived). */
			message: MessageRecord | null;
			/** Whether anything changed. */
			changed: boolean;
	  }
	| ChatFailure;

type Stored =
	{ message: MessageRecord; stored: boolean } | 'archived' | 'missing';

/** Times a visitor's send looks for its conversation again after a race. */
const SEND_ATTEMPTS = 3;

/**
 * A refusal.
 *
 * @param code      Why.
 * @param message   English explanation.
 * @param retryable Whether the same request may work later.
 */
export function failure(
	code: ChatErrorCode,
	message: string,
	retryable = false
): ChatFailure {
	return { ok: false, code, message, retryable };
}

/** Chat storage and the payloads built from it. */
export class ChatService {
	private readonly deps: ChatServiceDeps;

	constructor( deps: ChatServiceDeps ) {
		this.deps = deps;
	}

	/**
	 * The open conversation under the first of `keys` that has one.
	 *
	 * @param keys Open keys, preferred first.
	 */
	findOpen( keys: readonly string[] ): Promise< ConversationRecord | null > {
		return this.deps.conversations.findOpen( this.deps.pool, keys );
	}

	/**
	 * A conversation by public id.
	 *
	 * @param id Public id.
	 */
	byId( id: string ): Promise< ConversationRecord | null > {
		return this.deps.conversations.byPublicId( this.deps.pool, id );
	}

	/**
	 * Stores a visitor's message in their open conversation, starting one
	 * when there is none.
	 *
	 * @param send The message and the visitor.
	 */
	async sendVisitor( send: VisitorSend ): Promise< SendOutcome > {
		const { pool, conversations } = this.deps;
		for ( let attempt = 0; attempt < SEND_ATTEMPTS; attempt++ ) {
			let conversation = await conversations.findOpen( pool, send.keys );
			let created = false;
			if ( ! conversation ) {
				// A retry of a message whose conversation was archived since.
				const prior = await this.priorVisitorMessage( pool, send );
				if ( prior ) {
					return this.sent( prior, false, null, false );
				}
				const opened = await conversations.openOrGet(
					pool,
					await send.start()
				);
				conversation = opened.record;
				created = opened.created;
			}
			const result = await this.store(
				conversation.rowId,
				{
					conversationRowId: conversation.rowId,
					clientId: send.clientId,
					author: 'visitor',
					agentId: null,
					body: send.body,
					time: this.deps.now(),
				},
				send
			);
			if ( typeof result !== 'string' ) {
				const same =
					result.message.conversationRowId === conversation.rowId;
				return this.sent(
					result.message,
					result.stored,
					same ? conversation : null,
					created && result.stored
				);
			}
			// Archived (or gone) between the lookup and the lock: look again.
		}
		return failure(
			'archived',
			'the conversation kept changing; send again',
			true
		);
	}

	/**
	 * Stores an agent's message in an open conversation.
	 *
	 * @param send The message.
	 */
	async sendAgent( send: AgentSend ): Promise< SendOutcome > {
		const conversation = await this.byId( send.conversationId );
		if ( ! conversation ) {
			return failure( 'not_found', 'no such conversation' );
		}
		const result = await this.store( conversation.rowId, {
			conversationRowId: conversation.rowId,
			clientId: send.clientId,
			author: 'agent',
			agentId: send.agentId,
			body: send.body,
			time: this.deps.now(),
		} );
		if ( result === 'missing' ) {
			return failure( 'not_found', 'no such conversation' );
		}
		if ( result === 'archived' ) {
			return failure( 'archived', 'the conversation is archived' );
		}
		return this.sent( result.message, result.stored, conversation, false );
	}

	/**
	 * Archives a conversation and adds the system message; archiving an
	 * archived conversation changes nothing and succeeds.
	 *
	 * @param id Public id.
	 */
	async archive( id: string ): Promise< ConversationOutcome > {
		const { pool, conversations, now } = this.deps;
		const conversation = await this.byId( id );
		if ( ! conversation ) {
			return failure( 'not_found', 'no such conversation' );
		}
		const rowId = conversation.rowId;
		const outcome = await transaction( pool, async ( db ) => {
			const status = await conversations.lockStatus( db, rowId );
			if ( status !== 'open' ) {
				return { status, message: null };
			}
			const time = now();
			await conversations.archive( db, rowId, time );
			const message = await this.insertOnce( db, {
				conversationRowId: rowId,
				clientId: ARCHIVED_MESSAGE_CLIENT_ID,
				author: 'system',
				agentId: null,
				body: ARCHIVED_MESSAGE_BODY,
				time,
			} );
			await conversations.touchMessage( db, rowId, time, false );
			return { status, message: message.message };
		} );
		if ( outcome.status === null ) {
			return failure( 'not_found', 'no such conversation' );
		}
		return this.outcome(
			rowId,
			outcome.message,
			outcome.status === 'open'
		);
	}

	/**
	 * Assigns a conversation to an agent, or to nobody (archived ones too,
	 * as over REST: e.g. to follow up).
	 *
	 * @param id      Public id.
	 * @param agentId WordPress user id, or null.
	 */
	async assign(
		id: string,
		agentId: number | null
	): Promise< ConversationOutcome > {
		const conversation = await this.byId( id );
		if ( ! conversation ) {
			return failure( 'not_found', 'no such conversation' );
		}
		const changed = conversation.assignedAgentId !== agentId;
		if ( changed ) {
			await this.deps.conversations.assign(
				this.deps.pool,
				conversation.rowId,
				agentId,
				this.deps.now()
			);
		}
		return this.outcome( conversation.rowId, null, changed );
	}

	/**
	 * An agent read the visitor's messages up to an id.
	 *
	 * @param id     Public id.
	 * @param upToId Inclusive message id.
	 */
	async readByAgent(
		id: string,
		upToId: number
	): Promise< ConversationOutcome > {
		const { pool, conversations, messages, now } = this.deps;
		const conversation = await this.byId( id );
		if ( ! conversation ) {
			return failure( 'not_found', 'no such conversation' );
		}
		const time = now();
		const read = await messages.markRead(
			pool,
			conversation.rowId,
			upToId,
			[ 'visitor' ],
			time
		);
		if ( read > 0 ) {
			// The unread count is part of the conversation: others re-read it.
			await conversations.touch( pool, conversation.rowId, time );
		}
		return this.outcome( conversation.rowId, null, read > 0 );
	}

	/**
	 * The visitor read the agents' messages up to an id.
	 *
	 * @param conversationRowId Their conversation's row id.
	 * @param upToId            Inclusive message id.
	 * @return How many messages became read.
	 */
	readByVisitor(
		conversationRowId: number,
		upToId: number
	): Promise< number > {
		return this.deps.messages.markRead(
			this.deps.pool,
			conversationRowId,
			upToId,
			[ 'agent' ],
			this.deps.now()
		);
	}

	/**
	 * The pre-chat form's answers for an open conversation.
	 *
	 * @param conversation The conversation.
	 * @param profile      Name and / or e-mail.
	 * @return The conversation as stored now, when it changed.
	 */
	async setProfile(
		conversation: ConversationRecord,
		profile: ChatProfile
	): Promise< ConversationRecord | null > {
		// The widget repeats its answers on every connection (each page):
		// nothing to write, nothing to tell agents, when they are the same.
		const unchanged =
			( profile.name === undefined ||
				profile.name === conversation.name ) &&
			( profile.email === undefined ||
				profile.email === conversation.email );
		if ( conversation.verified || unchanged ) {
			return null;
		}
		const changed = await this.deps.conversations.setProfile(
			this.deps.pool,
			conversation.rowId,
			profile,
			this.deps.now()
		);
		return changed ? this.reload( conversation.rowId ) : null;
	}

	/**
	 * Merges custom data into a conversation's (newest keys win; the oldest
	 * keys go when there are more than CUSTOM_DATA_MAX_KEYS).
	 *
	 * @param conversation The conversation.
	 * @param data         Key → value strings, checked.
	 * @return The conversation as stored now, when it changed.
	 */
	async setCustomData(
		conversation: ConversationRecord,
		data: ChatCustomData
	): Promise< ConversationRecord | null > {
		// The widget sends the site's data again on every connection (each
		// page): nothing to write, nothing to tell agents, when it is the same.
		if ( includesCustomData( conversation.customData, data ) ) {
			return null;
		}
		const merged = mergeCustomData( conversation.customData, data );
		await this.deps.conversations.setCustomData(
			this.deps.pool,
			conversation.rowId,
			merged,
			this.deps.now()
		);
		return this.reload( conversation.rowId );
	}

	/**
	 * Records a verified identity on an open conversation.
	 *
	 * @param conversation The conversation.
	 * @param identity     The verified identity.
	 * @return The conversation as stored now.
	 */
	async setIdentity(
		conversation: ConversationRecord,
		identity: VerifiedIdentity
	): Promise< ConversationRecord | null > {
		await this.deps.conversations.setIdentity(
			this.deps.pool,
			conversation.rowId,
			identity,
			this.deps.now()
		);
		return this.reload( conversation.rowId );
	}

	/**
	 * When the visitor was last connected.
	 *
	 * @param conversationRowId Row id.
	 */
	touchLastSeen( conversationRowId: number ): Promise< void > {
		return this.deps.conversations.touchLastSeen(
			this.deps.pool,
			conversationRowId,
			this.deps.now()
		);
	}

	/**
	 * Conversations by row id, as stored now.
	 *
	 * @param rowIds Row ids.
	 */
	conversationsByRowId(
		rowIds: readonly number[]
	): Promise< ConversationRecord[] > {
		return this.deps.conversations.byRowIds( this.deps.pool, rowIds );
	}

	/**
	 * One conversation as stored now.
	 *
	 * @param rowId Row id.
	 */
	async reload( rowId: number ): Promise< ConversationRecord | null > {
		const [ record ] = await this.deps.conversations.byRowIds(
			this.deps.pool,
			[ rowId ]
		);
		return record ?? null;
	}

	private async outcome(
		rowId: number,
		message: MessageRecord | null,
		changed: boolean
	): Promise< ConversationOutcome > {
		const conversation = await this.reload( rowId );
		return conversation
			? { ok: true, conversation, message, changed }
			: failure( 'not_found', 'no such conversation' );
	}

	private sent(
		message: MessageRecord,
		stored: boolean,
		conversation: ConversationRecord | null,
		created: boolean
	): SendOk {
		return { ok: true, message, stored, conversation, created };
	}

	private priorVisitorMessage(
		db: Pool | PoolConnection,
		send: VisitorSend
	): Promise< MessageRecord | null > {
		return this.deps.messages.findVisitorMessage(
			db,
			send.visitorId,
			send.identity?.id ?? '',
			send.clientId
		);
	}

	// One transaction: lock the conversation, answer a retry with the row it
	// already has, refuse an archived conversation, else insert and commit.
	private store(
		rowId: number,
		message: NewMessage,
		visitor?: VisitorSend
	): Promise< Stored > {
		const { pool, conversations, messages } = this.deps;
		return transaction( pool, async ( db ): Promise< Stored > => {
			const status = await conversations.lockStatus( db, rowId );
			if ( status === null ) {
				return 'missing';
			}
			const existing =
				( await messages.findByClientId(
					db,
					rowId,
					message.clientId
				) ) ??
				( visitor
					? await this.priorVisitorMessage( db, visitor )
					: null );
			if ( existing ) {
				return { message: existing, stored: false };
			}
			if ( status !== 'open' ) {
				return 'archived';
			}
			// Looked for above, with the conversation locked: insert it.
			const stored = await this.insert( db, message );
			await conversations.touchMessage(
				db,
				rowId,
				message.time,
				message.author === 'visitor'
			);
			return stored;
		} );
	}

	private async insertOnce(
		db: PoolConnection,
		message: NewMessage
	): Promise< { message: MessageRecord; stored: boolean } > {
		const { messages } = this.deps;
		const existing = await messages.findByClientId(
			db,
			message.conversationRowId,
			message.clientId
		);
		if ( existing ) {
			return { message: existing, stored: false };
		}
		return this.insert( db, message );
	}

	// Inserts a message its caller knows is new, and reads the row back.
	private async insert(
		db: PoolConnection,
		message: NewMessage
	): Promise< { message: MessageRecord; stored: true } > {
		const { messages } = this.deps;
		await messages.insert( db, message );
		const stored = await messages.findByClientId(
			db,
			message.conversationRowId,
			message.clientId
		);
		if ( ! stored ) {
			throw new Error( 'a message just inserted cannot be read back' );
		}
		return { message: stored, stored: true };
	}
}

/**
 * Custom data after a `chat:data`: newest keys win, at most
 * CUSTOM_DATA_MAX_KEYS (the oldest others go first).
 *
 * @param current  Stored data.
 * @param incoming New data.
 */
export function mergeCustomData(
	current: ChatCustomData,
	incoming: ChatCustomData
): ChatCustomData {
	const merged = new Map( Object.entries( current ) );
	for ( const [ key, value ] of Object.entries( incoming ) ) {
		merged.delete( key );
		merged.set( key, value );
	}
	const entries = [ ...merged ].slice( -CUSTOM_DATA_MAX_KEYS );
	const data: ChatCustomData = Object.create( null ) as ChatCustomData;
	for ( const [ key, value ] of entries ) {
		data[ key ] = value;
	}
	return data;
}

/**
 * Whether every key of `incoming` already has that value in `current` (so
 * merging it would change nothing but the keys' order).
 *
 * @param current  Stored custom data.
 * @param incoming Data sent now.
 */
export function includesCustomData(
	current: ChatCustomData,
	incoming: ChatCustomData
): boolean {
	return Object.entries( incoming ).every(
		( [ key, value ] ) =>
			Object.prototype.hasOwnProperty.call( current, key ) &&
			current[ key ] === value
	);
}
