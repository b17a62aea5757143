/**
 * Internal dependencies
 */
import type { ChatSendResult } from '../../../protocol';
import { ACK_TIMEOUT_MS, createDelivery } from '../delivery';
import type { DeliveryOptions } from '../delivery';
import { createOutbox } from '../outbox';
import type { OutboxItem } from '../outbox';
import { message } from './fixtures';

let n = 0;

/**
 * A delivery over an in-memory outbox whose transport records what it was handed.
 * @param ready Whether a transport takes messages.
 */
function setup( ready = { value: true } ) {
	const outbox = createOutbox( null, 'k', () => `client-id-${ ++n }` );
	const sent: OutboxItem[] = [];
	const options = {
		outbox,
		send: jest.fn( ( item: OutboxItem ) => {
			if ( ready.value ) {
				sent.push( item );
			}
			return ready.value;
		} ),
		onStored: jest.fn(),
		onRefused: jest.fn(),
		onChange: jest.fn(),
		// No jitter: the backoff delay is its ceiling's start, 0 ms.
		random: () => 0,
	} satisfies DeliveryOptions;
	const delivery = createDelivery( options );
	return { outbox, sent, options, delivery, ready };
}

function ok( item: OutboxItem, id: number ): ChatSendResult {
	return {
		ok: true,
		client_id: item.client_id,
		message: message( id, {
			author: 'visitor',
			client_id: item.client_id,
			body: item.body,
		} ),
	};
}

beforeEach( () => jest.useFakeTimers() );
afterEach( () => jest.useRealTimers() );

describe( 'createDelivery', () => {
	it( 'sends one message at a time, in order, the next only after the ack', () => {
		const { outbox, sent, delivery, options } = setup();
		const a = outbox.add( 'one' );
		const b = outbox.add( 'two' );
		delivery.pump();
		delivery.pump();
		expect( sent ).toEqual( [ a ] );

		delivery.ack( ok( a, 10 ) );
		expect( options.onStored ).toHaveBeenCalledWith(
			expect.objectContaining( { id: 10, client_id: a.client_id } )
		);
		expect( sent ).toEqual( [ a, b ] );
		delivery.ack( ok( b, 11 ) );
		expect( outbox.items() ).toEqual( [] );
	} );

	it( 'resends the head with the same client id when no ack comes in time', () => {
		const { outbox, sent, delivery } = setup();
		const a = outbox.add( 'hello' );
		outbox.add( 'after' );
		delivery.pump();
		expect( delivery.state( a.client_id ) ).toBe( 'sent' );
		jest.advanceTimersByTime( ACK_TIMEOUT_MS + 1 );
		expect( sent.map( ( item ) => item.client_id ) ).toEqual( [
			a.client_id,
			a.client_id,
		] );
		expect( delivery.state( a.client_id ) ).toBe( 'retrying' );
	} );

	it( 'resends after a retryable refusal, with backoff, and keeps the order', () => {
		const { outbox, sent, delivery, options } = setup();
		const a = outbox.add( 'hello' );
		outbox.add( 'after' );
		delivery.pump();
		delivery.ack( {
			ok: false,
			client_id: a.client_id,
			code: 'storage_unavailable',
			message: 'database down',
			retryable: true,
		} );
		expect( sent ).toHaveLength( 1 );
		jest.advanceTimersByTime( 1000 );
		expect( sent.map( ( item ) => item.body ) ).toEqual( [
			'hello',
			'hello',
		] );
		expect( sent[ 1 ]?.client_id ).toBe( a.client_id );
		expect( options.onRefused ).not.toHaveBeenCalled();
	} );

	it( 'drops a message refused for good and goes on with the next', () => {
		const { outbox, sent, delivery, options } = setup();
		const a = outbox.add( 'x'.repeat( 10 ) );
		const b = outbox.add( 'next' );
		delivery.pump();
		const refusal = {
			ok: false as const,
			client_id: a.client_id,
			code: 'identity_required' as const,
			message: 'no identity',
			retryable: false,
		};
		delivery.ack( refusal );
		expect( options.onRefused ).toHaveBeenCalledWith( a, refusal );
		expect( outbox.items() ).toEqual( [ b ] );
		expect( sent ).toEqual( [ a, b ] );
	} );

	it( 'waits while no transport can take the message, then sends the same one', () => {
		const ready = { value: false };
		const { outbox, sent, delivery } = setup( ready );
		const a = outbox.add( 'queued offline' );
		delivery.pump();
		expect( sent ).toEqual( [] );
		expect( delivery.state( a.client_id ) ).toBe( 'sending' );
		ready.value = true;
		delivery.pump();
		expect( sent ).toEqual( [ a ] );
	} );

	it( 'resends the head on reconnect, without waiting for the ack timeout', () => {
		const { outbox, sent, delivery } = setup();
		const a = outbox.add( 'in flight when the connection dropped' );
		delivery.pump();
		delivery.interrupted();
		delivery.pump();
		expect( sent ).toEqual( [ a, a ] );
	} );

	it( 'lets a message seen in the history leave the outbox (stored before its ack came)', () => {
		const { outbox, sent, delivery, options } = setup();
		const a = outbox.add( 'sent before a reload' );
		const b = outbox.add( 'next' );
		delivery.pump();
		delivery.stored(
			message( 40, { author: 'visitor', client_id: a.client_id } )
		);
		expect( outbox.items() ).toEqual( [ b ] );
		expect( sent ).toEqual( [ a, b ] );
		// The late ack of the earlier send changes nothing more.
		delivery.ack( ok( a, 40 ) );
		expect( outbox.items() ).toEqual( [ b ] );
		expect( options.onStored ).toHaveBeenCalledTimes( 1 );
		// An agent's message with a colliding client id is not ours.
		delivery.stored(
			message( 41, { author: 'agent', client_id: b.client_id } )
		);
		expect( outbox.items() ).toEqual( [ b ] );
	} );

	it( 'ignores a refusal for a message that is not on its way', () => {
		const { outbox, delivery, options } = setup();
		const a = outbox.add( 'one' );
		delivery.ack( {
			ok: false,
			client_id: a.client_id,
			code: 'invalid_payload',
			message: '',
			retryable: false,
		} );
		expect( outbox.items() ).toEqual( [ a ] );
		expect( options.onRefused ).not.toHaveBeenCalled();
	} );
} );
