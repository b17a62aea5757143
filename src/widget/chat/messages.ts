/**
 * Internal dependencies
 */
import type { ChatMessage } from '../../protocol';

const AUTHORS: readonly unknown[] = [ 'visitor', 'agent', 'system' ];

/**
 * Whether a pushed or fetched value is a message we can show (the server's
 * word is checked, not trusted, before the panel uses it).
 *
 * @param value A message from the server.
 */
export function isChatMessage( value: unknown ): value is ChatMessage {
	const m = ( value ?? {} ) as Record< string, unknown >;
	return (
		typeof m.id === 'number' &&
		m.id > 0 &&
		typeof m.client_id === 'string' &&
		typeof m.body === 'string' &&
		typeof m.created_at === 'string' &&
		AUTHORS.includes( m.author )
	);
}

/** The messages the panel shows, one per id, in id order. */
export interface MessageStore {
	/** Adds what it does not have yet; returns the messages that were new, in id order. */
	merge: ( messages: readonly unknown[] ) => ChatMessage[];
	list: () => readonly ChatMessage[];
	/** The highest id held (0 for none): where catching up starts. */
	lastId: () => number;
}

/** An empty message store. */
export function createMessageStore(): MessageStore {
	const byId = new Map< number, ChatMessage >();
	let sorted: ChatMessage[] = [];
	let last = 0;
	return {
		merge( messages ) {
			const added: ChatMessage[] = [];
			messages.forEach( ( m ) => {
				if ( isChatMessage( m ) && ! byId.has( m.id ) ) {
					byId.set( m.id, m );
					added.push( m );
					last = Math.max( last, m.id );
				}
			} );
			if ( added.length ) {
				sorted = [ ...byId.values() ].sort( ( a, b ) => a.id - b.id );
			}
			return added.sort( ( a, b ) => a.id - b.id );
		},
		list: () => sorted,
		lastId: () => last,
	};
}
