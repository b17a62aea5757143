/**
 * Sends the agent's outbox (docs/chat.md "The promise"): one message at a
 * time, oldest first; over the live connection while it is up, else over
 * REST; the same `client_id` on every attempt, so the server stores each
 * message once however often it is sent; retried after a timeout, a
 * reconnect or a retryable failure, with backoff; a refusal leaves the
 * message shown as not sent (Retry / Discard) and the queue moves on.
 */

/**
 * Internal dependencies
 */
import type { ChatMessage, ChatSendResult } from '../../../protocol';
import type { Timers } from '../../live/timers';
import { defaultTimers } from '../../live/timers';
import { toRequestError } from '../settings/api';
import { postMessage } from './api';
import { isClientId } from './client-id';
import {
	chatErrorSentence,
	failureToRequestError,
	isRetryableRequestError,
} from './errors';
import type { OutboxItem, SendFailure } from './types';

/** First retry delay; doubles per failed attempt up to OUTBOX_RETRY_MAX_MS. */
export const OUTBOX_RETRY_BASE_MS = 1000;

/** Longest wait between two attempts of one message. */
export const OUTBOX_RETRY_MAX_MS = 30_000;

/** How long a live send waits for its ack before it counts as unanswered. */
export const OUTBOX_ACK_TIMEOUT_MS = 10_000;

/** sessionStorage key of the outbox, so a reload does not lose a message. */
export const OUTBOX_STORAGE_KEY = 'livedesk.agent.outbox';

/** How the outbox reaches the server. */
export interface OutboxTransport {
	/** Whether the live connection is up now. */
	isLive: () => boolean;
	/** A live send: the ack, or null without one in time. */
	sendLive: ( item: OutboxItem ) => Promise< ChatSendResult | null >;
	/** A REST send: the stored message; throws the REST error. */
	sendRest: ( item: OutboxItem ) => Promise< ChatMessage >;
}

/** What the runner needs of the store (the chat store's selector and actions). */
export interface OutboxStore {
	getOutbox: () => readonly OutboxItem[];
	queueOutboxItem: ( item: OutboxItem ) => unknown;
	sendingMessage: ( clientId: string ) => unknown;
	sendMessageFailed: (
		clientId: string,
		error: SendFailure,
		retryable: boolean
	) => unknown;
	/** Stores messages; one with an item's conversation and client id takes the item out. */
	receiveMessages: ( messages: ChatMessage[] ) => unknown;
	/** Calls the listener after every store change; returns the unsubscribe. */
	subscribe: ( listener: () => void ) => () => void;
}

/** Options of OutboxRunner; every collaborator but the store has a default. */
export interface OutboxRunnerOptions {
	store: OutboxStore;
	transport: OutboxTransport;
	timers?: Timers;
	/** Where to keep the outbox across reloads; null keeps it in memory only. */
	storage?: Storage | null;
}

/**
 * The REST transport: `POST conversations/{id}/messages`.
 * @param item
 */
export function restSend( item: OutboxItem ): Promise< ChatMessage > {
	return postMessage( item.conversation_id, {
		body: item.body,
		client_id: item.client_id,
	} );
}

type Outcome =
	| { kind: 'stored'; message: ChatMessage }
	| { kind: 'failed'; code: string; message: string; retryable: boolean };

/** Sends the outbox until stop(). */
export class OutboxRunner {
	private readonly store: OutboxStore;
	private readonly transport: OutboxTransport;
	private readonly timers: Timers;
	private readonly storage: Storage | null;
	private busy = false;
	private retryTimer: unknown = null;
	private stopped = false;
	private unsubscribe: () => void = () => undefined;
	private saved = '';

	/**
	 * Sets the runner up; nothing is sent until start().
	 *
	 * @param options Store, transport and timers.
	 */
	constructor( options: OutboxRunnerOptions ) {
		this.store = options.store;
		this.transport = options.transport;
		this.timers = options.timers ?? defaultTimers;
		this.storage = options.storage ?? null;
	}

	/** Restores a kept outbox, then sends whenever there is something to send. */
	start(): void {
		this.restore();
		this.unsubscribe = this.store.subscribe( () => {
			this.persist();
			this.kick();
		} );
		this.kick();
	}

	/** Stops sending (a request in flight finishes; nothing new starts). */
	stop(): void {
		this.stopped = true;
		this.unsubscribe();
		this.clearRetry();
	}

	/** Tries the head now, e.g. after a reconnect (cancels a backoff wait). */
	wake(): void {
		this.clearRetry();
		this.kick();
	}

	private head(): OutboxItem | undefined {
		return this.store
			.getOutbox()
			.find( ( item ) => item.state !== 'failed' );
	}

	private kick(): void {
		if ( this.stopped || this.busy || this.retryTimer !== null ) {
			return;
		}
		const item = this.head();
		if ( ! item ) {
			return;
		}
		this.busy = true;
		void this.attempt( item ).finally( () => {
			this.busy = false;
			this.kick();
		} );
	}

	private async attempt( item: OutboxItem ): Promise< void > {
		this.store.sendingMessage( item.client_id );
		const outcome = await this.send( item );
		if ( outcome.kind === 'stored' ) {
			this.store.receiveMessages( [ outcome.message ] );
			return;
		}
		this.store.sendMessageFailed(
			item.client_id,
			{ code: outcome.code, message: outcome.message },
			outcome.retryable
		);
		if ( outcome.retryable && ! this.stopped ) {
			const delay = Math.min(
				OUTBOX_RETRY_MAX_MS,
				OUTBOX_RETRY_BASE_MS * 2 ** Math.max( 0, item.attempts )
			);
			this.retryTimer = this.timers.set( () => {
				this.retryTimer = null;
				this.kick();
			}, delay );
		}
	}

	private async send( item: OutboxItem ): Promise< Outcome > {
		if ( this.transport.isLive() ) {
			const answer = await this.transport.sendLive( item );
			if ( answer === null ) {
				return {
					kind: 'failed',
					code: 'no_answer',
					message: chatErrorSentence( 'no_answer' ) ?? '',
					retryable: true,
				};
			}
			if ( answer.ok ) {
				return { kind: 'stored', message: answer.message };
			}
			const error = failureToRequestError( answer );
			return {
				kind: 'failed',
				code: error.code,
				message: error.message,
				retryable: answer.retryable,
			};
		}
		try {
			return {
				kind: 'stored',
				message: await this.transport.sendRest( item ),
			};
		} catch ( thrown ) {
			const error = toRequestError( thrown );
			return {
				kind: 'failed',
				code: error.code,
				message: chatErrorSentence( error.code ) ?? error.message,
				retryable: isRetryableRequestError( error ),
			};
		}
	}

	private clearRetry(): void {
		if ( this.retryTimer !== null ) {
			this.timers.clear( this.retryTimer );
			this.retryTimer = null;
		}
	}

	// Keeps unsent messages for a reload of this tab (sessionStorage is per tab).
	private persist(): void {
		if ( ! this.storage ) {
			return;
		}
		const items = this.store.getOutbox();
		const json = items.length === 0 ? '' : JSON.stringify( items );
		if ( json === this.saved ) {
			return;
		}
		this.saved = json;
		try {
			if ( json === '' ) {
				this.storage.removeItem( OUTBOX_STORAGE_KEY );
			} else {
				this.storage.setItem( OUTBOX_STORAGE_KEY, json );
			}
		} catch {
			// Storage full or blocked: the outbox still works in memory.
		}
	}

	private restore(): void {
		let kept: unknown;
		try {
			kept = JSON.parse(
				this.storage?.getItem( OUTBOX_STORAGE_KEY ) ?? '[]'
			);
		} catch {
			return;
		}
		if ( ! Array.isArray( kept ) ) {
			return;
		}
		kept.filter( isOutboxItem ).forEach( ( item ) =>
			// An attempt cut short by the reload is simply made again.
			this.store.queueOutboxItem( {
				...item,
				state: item.state === 'failed' ? 'failed' : 'queued',
				error: item.error ?? null,
			} )
		);
	}
}

function isOutboxItem( value: unknown ): value is OutboxItem {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const item = value as Record< string, unknown >;
	return (
		isClientId( item.client_id ) &&
		typeof item.conversation_id === 'string' &&
		typeof item.body === 'string' &&
		typeof item.queued_at === 'string' &&
		( item.state === 'queued' ||
			item.state === 'sending' ||
			item.state === 'failed' ) &&
		Number.isSafeInteger( item.attempts )
	);
}
