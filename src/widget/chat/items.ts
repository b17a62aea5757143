/**
 * Internal dependencies
 */
import { ARCHIVED_MESSAGE_CLIENT_ID } from '../../protocol';
import type { ChatMessage } from '../../protocol';
import type { OutboxState } from './delivery';
import type { OutboxItem } from './outbox';
import type { Strings } from './strings';
import type { ViewItem } from './view/message-list';

const STATE_TEXT = {
	sending: 'sending',
	sent: 'sent',
	retrying: 'error_not_sent',
} as const;

/** A "conversation ended" line, shown after the message with id `after`. */
export interface EndedMark {
	key: string;
	after: number;
}

/** What the conversation is made of right now. */
export interface ItemsInput {
	messages: readonly ChatMessage[];
	/** Unacknowledged messages, oldest first. */
	outbox: readonly OutboxItem[];
	/** Messages the server refused for good (this page only). */
	refused: readonly OutboxItem[];
	ended: readonly EndedMark[];
	/** The agents read the visitor's messages up to this id. */
	seenUpTo: number;
	outboxState: ( clientId: string ) => OutboxState;
	strings: Strings;
	/** Formats a stored time for display. */
	time: ( iso: string ) => string;
}

/**
 * The time of day of an ISO time in the browser's locale and zone ('' when
 * it cannot be read).
 *
 * @param iso An ISO 8601 time.
 */
export function formatTime( iso: string ): string {
	const date = new Date( iso );
	return isNaN( date.getTime() )
		? ''
		: date.toLocaleTimeString( [], { hour: '2-digit', minute: '2-digit' } );
}

/**
 * The lines the panel shows, in order: stored messages by id (with the
 * "ended" lines after the message they follow), then what is still on its
 * way, then what was refused (with a Retry action). A message of ours keeps the key
 * `m:<client id>` from the outbox to seen, so its element is updated in place.
 *
 * @param input See {@link ItemsInput}.
 */
export function buildItems( input: ItemsInput ): ViewItem[] {
	const { strings } = input;
	const items: ViewItem[] = [];
	const mine = ( item: OutboxItem, state: string, failed: boolean ) =>
		( {
			key: 'm:' + item.client_id,
			author: 'visitor',
			name: strings.you,
			body: item.body,
			time: '',
			state,
			failed,
			action: failed ? strings.retry : '',
		} ) as const;
	let marks = [ ...input.ended ].sort( ( a, b ) => a.after - b.after );
	const flushMarks = ( upTo: number ) => {
		marks = marks.filter( ( mark ) => {
			if ( mark.after > upTo ) {
				return true;
			}
			items.push( {
				key: mark.key,
				author: 'system',
				name: '',
				body: strings.conversation_ended,
				time: '',
				state: '',
				failed: false,
				action: '',
			} );
			return false;
		} );
	};
	input.messages.forEach( ( m ) => {
		flushMarks( m.id - 1 );
		const visitor = m.author === 'visitor';
		const system = m.author === 'system';
		const seen = m.read_at !== null || m.id <= input.seenUpTo;
		let name = strings.you;
		if ( ! visitor ) {
			name = system ? '' : m.agent_name || strings.agent_fallback_name;
		}
		items.push( {
			key: visitor ? 'm:' + m.client_id : 'id:' + m.id,
			author: m.author,
			name,
			// The archive note is stored in English: show it in the visitor's words.
			body:
				system && m.client_id === ARCHIVED_MESSAGE_CLIENT_ID
					? strings.conversation_ended
					: m.body,
			time: input.time( m.created_at ),
			state: visitor ? strings[ seen ? 'seen' : 'delivered' ] : '',
			failed: false,
			action: '',
		} );
	} );
	flushMarks( Infinity );
	const stored = new Set( items.map( ( item ) => item.key ) );
	input.outbox.forEach( ( item ) => {
		// Stored but not acknowledged yet (e.g. it came back in the history).
		if ( ! stored.has( 'm:' + item.client_id ) ) {
			items.push(
				mine(
					item,
					strings[
						STATE_TEXT[ input.outboxState( item.client_id ) ]
					],
					false
				)
			);
		}
	} );
	input.refused.forEach( ( item ) =>
		items.push( mine( item, strings.not_sent, true ) )
	);
	return items;
}
