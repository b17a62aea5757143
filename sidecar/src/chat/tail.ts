/**
 * The chat tail (docs/chat.md): every LIVEDESK_CHAT_TAIL_MS it reads the
 * messages and conversation changes that WordPress (REST) or another sidecar
 * stored and hands them to the hub, which pushes what this sidecar has not
 * pushed yet. Its first run also loads the open conversations.
 */

/**
 * Internal dependencies
 */
import type { Pool } from 'mysql2/promise';
import type { ConversationsRepository } from '../db/conversations-repository';
import type { MessagesRepository } from '../db/messages-repository';
import type { Logger } from '../log';
import { Poller } from '../poller';
import type { ChatHub } from '../transport/chat-hub';
import { ConversationCursor } from './conversation-cursor';
import { MessageCursor } from './message-cursor';

/** Most rows one read of the tail takes (the rest next time, soon). */
export const TAIL_BATCH = 500;

/** Collaborators of a {@link ChatTail}. */
export interface ChatTailDeps {
	pool: Pool;
	conversations: ConversationsRepository;
	messages: MessagesRepository;
	hub: ChatHub;
	intervalMs: number;
	log: Logger;
	describeError: ( error: unknown ) => string;
	now: () => number;
}

/** Reads what others stored and has the hub push it. */
export class ChatTail {
	private readonly deps: ChatTailDeps;
	private readonly poller: Poller;
	private ready = false;
	private failing: string | null = null;

	constructor( deps: ChatTailDeps ) {
		this.deps = deps;
		this.poller = new Poller( () => this.run(), deps.intervalMs );
	}

	/** Runs now (never throws), then on the interval. */
	start(): Promise< void > {
		return this.poller.start();
	}

	/** Stops and waits for a run in flight. */
	stop(): Promise< void > {
		return this.poller.stop();
	}

	/** Why the last run could not read the database, or null when it could. */
	error(): string | null {
		return this.failing;
	}

	/** Runs once now (tests). */
	runNow(): Promise< void > {
		return this.poller.runNow();
	}

	private async run(): Promise< void > {
		try {
			if ( this.ready ) {
				// Conversations first: agents hear of a conversation started
				// over REST before its first message.
				await this.changes();
				await this.messages();
			} else {
				await this.load();
			}
			if ( this.failing !== null ) {
				this.deps.log.info( 'chat tail reads the database again' );
			}
			this.failing = null;
		} catch ( error ) {
			const problem = this.deps.describeError( error );
			// One warning per outage, not one per run.
			if ( this.failing === null ) {
				this.deps.log.warn(
					{ error: problem },
					'chat tail cannot read the database; retrying'
				);
			}
			this.failing = problem;
		}
	}

	// Where to start: history before now is the clients' to sync.
	private async load(): Promise< void > {
		const { pool, conversations, messages, hub, now } = this.deps;
		const [ maxId, newest, open ] = await Promise.all( [
			messages.maxId( pool ),
			conversations.latestUpdate( pool ),
			conversations.allOpen( pool ),
		] );
		hub.startCursors(
			new MessageCursor( maxId, now ),
			new ConversationCursor( newest )
		);
		for ( const record of open ) {
			hub.follow( record, false );
		}
		this.ready = true;
		this.deps.log.info(
			{ openConversations: open.length, lastMessageId: maxId },
			'chat tail started'
		);
	}

	private async messages(): Promise< void > {
		const { pool, messages, hub } = this.deps;
		const cursor = hub.cursors.messages;
		if ( ! cursor ) {
			return;
		}
		const after = cursor.after;
		const rows = await messages.tail(
			pool,
			after,
			cursor.awaited(),
			TAIL_BATCH
		);
		if ( rows.length === 0 ) {
			return;
		}
		await hub.messagesStored( rows );
		const above = rows.filter( ( row ) => row.id > after );
		const last = above[ above.length - 1 ];
		if ( last ) {
			cursor.advance(
				last.id,
				new Set( above.map( ( row ) => row.id ) )
			);
		}
	}

	private async changes(): Promise< void > {
		const { pool, conversations, hub } = this.deps;
		const cursor = hub.cursors.conversations;
		if ( ! cursor ) {
			return;
		}
		const rows = await conversations.changedSince(
			pool,
			cursor.floor(),
			TAIL_BATCH
		);
		await hub.conversationsChanged( rows, false );
		cursor.prune();
	}
}
