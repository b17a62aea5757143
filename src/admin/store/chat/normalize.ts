/**
 * Conversations and messages as the REST API and the sidecar send them,
 * checked and normalised to the shapes of src/protocol/chat.ts before they
 * reach the store, so an empty JSON object that PHP encoded as `[]` (or a
 * field an older server leaves out) never breaks a screen.
 */

/**
 * Internal dependencies
 */
import type {
	ChatMessage,
	Conversation,
	ConversationPage,
	ConversationVisitorSnapshot,
} from '../../../protocol';
import { isChatMessage, isConversation } from '../../live/payloads';

/**
 * Whether a value is a plain JSON object.
 *
 * @param value Anything.
 */
export function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * The value when it is a string, else ''.
 *
 * @param value Anything.
 */
export function text( value: unknown ): string {
	return typeof value === 'string' ? value : '';
}

function nullableText( value: unknown ): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function nullableId( value: unknown ): number | null {
	return Number.isSafeInteger( value ) && ( value as number ) > 0
		? ( value as number )
		: null;
}

/**
 * A message from the server or the sidecar, or null when it is not one.
 *
 * @param value A parsed JSON value.
 */
export function toChatMessage( value: unknown ): ChatMessage | null {
	if ( ! isChatMessage( value ) ) {
		return null;
	}
	return {
		id: value.id,
		conversation_id: value.conversation_id,
		client_id: value.client_id,
		author: value.author,
		agent_id: nullableId( value.agent_id ),
		agent_name: text( value.agent_name ),
		body: value.body,
		created_at: value.created_at,
		read_at: nullableText( value.read_at ),
	};
}

function toPage( value: unknown ): ConversationPage | null {
	return isRecord( value ) && typeof value.path === 'string'
		? {
				path: value.path,
				title: text( value.title ),
				viewed_at: text( value.viewed_at ),
			}
		: null;
}

function toStringMap( value: unknown ): Record< string, string > {
	if ( ! isRecord( value ) ) {
		return {}; // `[]` is how PHP encodes an empty object
	}
	const map: Record< string, string > = {};
	Object.entries( value ).forEach( ( [ key, entry ] ) => {
		if ( typeof entry === 'string' || typeof entry === 'number' ) {
			map[ key ] = String( entry );
		}
	} );
	return map;
}

function toSnapshot( value: unknown ): ConversationVisitorSnapshot {
	const source = isRecord( value ) ? value : {};
	return {
		ip: text( source.ip ),
		country: text( source.country ),
		region: text( source.region ),
		city: text( source.city ),
		timezone: text( source.timezone ),
		browser: text( source.browser ),
		os: text( source.os ),
		device: text( source.device ),
		language: text( source.language ),
		pages: Array.isArray( source.pages )
			? source.pages
					.map( toPage )
					.filter(
						( page ): page is ConversationPage => page !== null
					)
			: [],
		last_seen: nullableText( source.last_seen ),
	};
}

function toLastMessage( value: unknown ): Conversation[ 'last_message' ] {
	if (
		! isRecord( value ) ||
		! Number.isSafeInteger( value.id ) ||
		typeof value.body !== 'string'
	) {
		return null;
	}
	const author = value.author;
	return {
		id: value.id as number,
		author: author === 'agent' || author === 'system' ? author : 'visitor',
		body: value.body,
		created_at: text( value.created_at ),
	};
}

/**
 * A conversation from the server or the sidecar, or null when it is not one.
 *
 * @param value A parsed JSON value.
 */
export function toConversation( value: unknown ): Conversation | null {
	if ( ! isConversation( value ) ) {
		return null;
	}
	const raw = value as unknown as Record< string, unknown >;
	return {
		id: value.id,
		status: value.status,
		source: value.source,
		visitor_id: text( raw.visitor_id ),
		name: value.name,
		email: text( raw.email ),
		identity_id: text( raw.identity_id ),
		verified: raw.verified === true,
		custom_data: toStringMap( raw.custom_data ),
		assigned_agent_id: nullableId( raw.assigned_agent_id ),
		assigned_agent_name: text( raw.assigned_agent_name ),
		created_at: value.created_at,
		updated_at: text( raw.updated_at ) || value.created_at,
		last_message_at: nullableText( raw.last_message_at ),
		archived_at: nullableText( raw.archived_at ),
		last_message: toLastMessage( raw.last_message ),
		unread_count: Math.max( 0, Math.floor( Number( raw.unread_count ) ) ),
		visitor: toSnapshot( raw.visitor ),
	};
}
