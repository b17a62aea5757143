/**
 * Internal dependencies
 */
import type { ChatProfile } from '../../protocol';
import { base64Url } from './rest';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxItem {
	client_id: string;
	body: string;
	/** The pre-chat form's answers, sent with the message that starts the conversation. */
	profile?: ChatProfile;
}

/** Unacknowledged messages, oldest first, kept where a reload does not lose them. */
export interface Outbox {
	items: () => readonly OutboxItem[];
	/** The oldest message: the only one on its way. */
	head: () => OutboxItem | undefined;
	/** Adds a message with a fresh client id. */
	add: ( body: string, profile?: ChatProfile ) => OutboxItem;
	/** Drops a message (acknowledged or refused); false when it was not there. */
	remove: ( clientId: string ) => boolean;
}

/** sessionStorage key of the widget's outbox. */
export const OUTBOX_KEY = 'livedesk_chat_outbox';

/**
 * A client message id: 16 random bytes as base64url (22 characters), from
 * the browser's cryptographic random source when there is one.
 *
 * @param random Uniform numbers in [0, 1), when there is no crypto.
 */
export function newClientId( random: () => number = Math.random ): string {
	const bytes = new Uint8Array( 16 );
	if ( globalThis.crypto?.getRandomValues ) {
		globalThis.crypto.getRandomValues( bytes );
	} else {
		bytes.forEach(
			( _, i ) => ( bytes[ i ] = Math.floor( random() * 256 ) )
		);
	}
	return base64Url( String.fromCharCode( ...bytes ) );
}

function isItem( value: unknown ): value is OutboxItem {
	const { client_id: id, body } = ( value ?? {} ) as Record<
		string,
		unknown
	>;
	return typeof id === 'string' && typeof body === 'string';
}

/**
 * An outbox kept in `storage` under `key` (in memory only when storage is
 * null, blocked or full).
 *
 * @param storage Where to keep it (the window's sessionStorage), or null.
 * @param key     The storage key.
 * @param makeId  Makes client ids.
 */
export function createOutbox(
	storage: Storage | null,
	key: string = OUTBOX_KEY,
	makeId: () => string = newClientId
): Outbox {
	let items: OutboxItem[] = [];
	try {
		const stored: unknown = JSON.parse( storage?.getItem( key ) || '[]' );
		items = Array.isArray( stored ) ? stored.filter( isItem ) : [];
	} catch {
		// Unreadable: start empty.
	}
	const save = () => {
		try {
			if ( items.length ) {
				storage?.setItem( key, JSON.stringify( items ) );
			} else {
				storage?.removeItem( key );
			}
		} catch {
			// Memory only.
		}
	};
	return {
		items: () => items,
		head: () => items[ 0 ],
		add( body, profile ) {
			const item: OutboxItem = { client_id: makeId(), body };
			if ( profile ) {
				item.profile = profile;
			}
			items = [ ...items, item ];
			save();
			return item;
		},
		remove( clientId ) {
			const before = items.length;
			items = items.filter( ( item ) => item.client_id !== clientId );
			if ( items.length === before ) {
				// Not ours (e.g. every stored message of a restored history).
				return false;
			}
			save();
			return true;
		},
	};
}
