/**
 * Internal dependencies
 */
import type { ChatFailure, ChatMessage, ChatSendResult } from '../../protocol';
import { backoffDelay } from '../backoff';
import type { Outbox, OutboxItem } from './outbox';

/** How long to wait for the ack of a sent message before sending it again. */
export const ACK_TIMEOUT_MS = 10000;

/**
 * Where an unacknowledged message is: not handed to a transport yet, handed
 * (waiting for its ack), or handed and then retried (no ack in time, or a
 * retryable refusal).
 */
export type OutboxState = 'sending' | 'sent' | 'retrying';

/** Options of {@link createDelivery}. */
export interface DeliveryOptions {
	outbox: Outbox;
	/** Hands a message to the transport; false when none can take it now. */
	send: ( item: OutboxItem ) => boolean;
	/** A message of ours is stored (its ack came). */
	onStored: ( message: ChatMessage ) => void;
	/** The server refused a message for good; it left the outbox. */
	onRefused: ( item: OutboxItem, failure: ChatFailure ) => void;
	/** The outbox or a message's state changed. */
	onChange: () => void;
	/** Uniform numbers in [0, 1) for the retry jitter. */
	random?: () => number;
}

/** Sends the outbox one message at a time, in order, until each is acknowledged. */
export interface Delivery {
	/** Sends the head if nothing is on its way (call when a transport is ready or a message was added). */
	pump: () => void;
	/** A `chat:ack` (or the REST answer made into one). */
	ack: ( result: ChatSendResult ) => void;
	/** A stored message arrived another way (history, push): ours leaves the outbox. */
	stored: ( message: ChatMessage ) => void;
	/** The transport was lost: the head goes again once one is ready. */
	interrupted: () => void;
	state: ( clientId: string ) => OutboxState;
	stop: () => void;
}

/**
 * The delivery promise of docs/chat.md on the visitor's side: the head of the
 * outbox is sent, and sent again with the same client id after ACK_TIMEOUT_MS,
 * after a retryable refusal (with jittered backoff) or after the transport
 * came back; the next message goes only once the head is acknowledged, so
 * messages are stored in the order they were written.
 *
 * @param options See {@link DeliveryOptions}.
 */
export function createDelivery( options: DeliveryOptions ): Delivery {
	const { outbox, send, onStored, onRefused, onChange, random } = options;
	const handed = new Set< string >();
	const retried = new Set< string >();
	let inFlight: string | undefined;
	let ackTimer: ReturnType< typeof setTimeout > | undefined;
	let retryTimer: ReturnType< typeof setTimeout > | undefined;
	let waiting = false;
	let stopped = false;
	let attempt = 0;

	const settle = () => {
		clearTimeout( ackTimer );
		inFlight = undefined;
	};

	const retryLater = () => {
		if ( inFlight && ! retried.has( inFlight ) ) {
			retried.add( inFlight );
			onChange();
		}
		settle();
		waiting = true;
		retryTimer = setTimeout(
			() => {
				waiting = false;
				pump();
			},
			backoffDelay( attempt++, random )
		);
	};

	function pump() {
		const head = outbox.head();
		if ( stopped || inFlight || waiting || ! head || ! send( head ) ) {
			return;
		}
		inFlight = head.client_id;
		if ( ! handed.has( inFlight ) ) {
			handed.add( inFlight );
			onChange();
		}
		ackTimer = setTimeout( retryLater, ACK_TIMEOUT_MS );
	}

	const done = ( clientId: string ) => {
		if ( inFlight === clientId ) {
			settle();
			attempt = 0;
		}
		handed.delete( clientId );
		retried.delete( clientId );
		return outbox.remove( clientId );
	};

	return {
		pump,
		ack( result ) {
			if ( result.ok ) {
				done( result.client_id );
				onStored( result.message );
				onChange();
				pump();
			} else if ( result.client_id === inFlight ) {
				if ( result.retryable ) {
					retryLater();
					return;
				}
				const item = outbox.head();
				done( result.client_id );
				if ( item ) {
					onRefused( item, result );
				}
				onChange();
				pump();
			}
		},
		stored( message ) {
			if ( message.author === 'visitor' && done( message.client_id ) ) {
				onChange();
				pump();
			}
		},
		interrupted() {
			settle();
			clearTimeout( retryTimer );
			waiting = false;
		},
		state( clientId ) {
			if ( retried.has( clientId ) ) {
				return 'retrying';
			}
			return handed.has( clientId ) ? 'sent' : 'sending';
		},
		stop() {
			stopped = true;
			settle();
			clearTimeout( retryTimer );
		},
	};
}
