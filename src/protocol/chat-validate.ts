/**
 * Runtime checks of every chat payload a client may send (docs/chat.md). The
 * sidecar runs them before anything else sees the data; a payload that fails
 * is refused whole. Like validate.ts, strings are checked, not repaired,
 * except that names and e-mail addresses lose outer whitespace.
 *
 * Message bodies are plain text: any characters but control characters other
 * than tab, line feed and carriage return; never empty or only whitespace.
 */
import {
	CLIENT_MESSAGE_ID_PATTERN,
	CONVERSATION_ID_PATTERN,
	CUSTOM_DATA_KEY_MAX,
	CUSTOM_DATA_MAX_KEYS,
	CUSTOM_DATA_VALUE_MAX,
	EMAIL_MAX,
	IDENTITY_ID_MAX,
	IDENTITY_SIGNATURE_CONTEXT,
	VISITOR_NAME_MAX,
} from './chat';
import type {
	AgentAssign,
	AgentChatSend,
	AgentConversationRef,
	ChatCustomData,
	ChatProfile,
	ChatRead,
	ChatSend,
	ChatSyncRequest,
	ChatTyping,
	SignedIdentity,
} from './chat';
import { MESSAGE_MAX } from './limits';
import { CONTROL, fail, isObject } from './checks';
import type { Checked, Fields } from './checks';

// Single-line fields (names, ids, e-mail) hold no control characters at all.
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * An e-mail address as the pre-chat form may give it: one `@`, a dot in the
 * domain, no spaces or angle brackets. Deliverability is not checked.
 */
const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:.]+$/;

/**
 * Whether a trimmed e-mail address passes the pre-chat check (the widget
 * asks this before sending, so the sidecar never refuses what it sends).
 *
 * @param email A trimmed address.
 */
export function isChatEmail( email: string ): boolean {
	return email.length <= EMAIL_MAX && EMAIL.test( email );
}

/** A SignedIdentity signature: hex of a SHA-256 HMAC. */
const IDENTITY_SIGNATURE = /^[0-9a-fA-F]{64}$/;

/** Largest message id a client may name (ids are bigint; JS numbers are exact to 2^53). */
const ID_MAX = Number.MAX_SAFE_INTEGER;

function line(
	value: unknown,
	name: string,
	max: number
): string | { error: string } {
	if ( typeof value !== 'string' ) {
		return { error: `${ name } must be a string` };
	}
	if ( value.length > max ) {
		return { error: `${ name } is longer than ${ max } characters` };
	}
	if ( LINE_CONTROL.test( value ) ) {
		return { error: `${ name } contains control characters` };
	}
	return value;
}

function messageId(
	value: unknown,
	name: string,
	min: number
): number | { error: string } {
	if (
		typeof value !== 'number' ||
		! Number.isSafeInteger( value ) ||
		value < min ||
		value > ID_MAX
	) {
		return { error: `${ name } must be an integer ≥ ${ min }` };
	}
	return value;
}

/**
 * Checks a message body: a non-blank string of at most MESSAGE_MAX UTF-16
 * code units, without control characters other than tab and line breaks.
 *
 * @param value The decoded `body`.
 */
export function checkMessageBody( value: unknown ): Checked< string > {
	if ( typeof value !== 'string' ) {
		return fail( 'body must be a string' );
	}
	if ( value.trim() === '' ) {
		return fail( 'body must not be empty' );
	}
	if ( value.length > MESSAGE_MAX ) {
		return fail( `body is longer than ${ MESSAGE_MAX } characters` );
	}
	if ( CONTROL.test( value ) ) {
		return fail( 'body contains control characters' );
	}
	return { ok: true, value };
}

/**
 * Checks a client message id against CLIENT_MESSAGE_ID_PATTERN.
 *
 * @param value The decoded `client_id`.
 */
export function checkClientMessageId( value: unknown ): Checked< string > {
	return typeof value === 'string' && CLIENT_MESSAGE_ID_PATTERN.test( value )
		? { ok: true, value }
		: fail( 'client_id must be 8–64 characters of A–Z, a–z, 0–9, _ and -' );
}

/**
 * Checks a `chat:profile` payload (or `chat:send`'s `profile`): optional name
 * and e-mail, trimmed; an empty string counts as not given.
 *
 * @param input The decoded payload.
 */
export function checkChatProfile( input: unknown ): Checked< ChatProfile > {
	if ( ! isObject( input ) ) {
		return fail( 'profile must be an object' );
	}
	const profile: ChatProfile = {};
	if ( input.name !== undefined ) {
		const name = line( input.name, 'name', VISITOR_NAME_MAX );
		if ( typeof name !== 'string' ) {
			return fail( name.error );
		}
		if ( name.trim() !== '' ) {
			profile.name = name.trim();
		}
	}
	if ( input.email !== undefined ) {
		const email = line( input.email, 'email', EMAIL_MAX );
		if ( typeof email !== 'string' ) {
			return fail( email.error );
		}
		const trimmed = email.trim();
		if ( trimmed !== '' && ! isChatEmail( trimmed ) ) {
			return fail( 'email is not an e-mail address' );
		}
		if ( trimmed !== '' ) {
			profile.email = trimmed;
		}
	}
	return { ok: true, value: profile };
}

/**
 * Checks a visitor's `chat:send`: client id, body and the optional pre-chat
 * profile. Unknown fields are dropped.
 *
 * @param input The decoded payload.
 */
export function checkChatSend( input: unknown ): Checked< ChatSend > {
	if ( ! isObject( input ) ) {
		return fail( 'chat:send payload must be an object' );
	}
	const clientId = checkClientMessageId( input.client_id );
	if ( ! clientId.ok ) {
		return clientId;
	}
	const body = checkMessageBody( input.body );
	if ( ! body.ok ) {
		return body;
	}
	const message: ChatSend = { client_id: clientId.value, body: body.value };
	if ( input.profile !== undefined ) {
		const profile = checkChatProfile( input.profile );
		if ( ! profile.ok ) {
			return fail( `profile: ${ profile.reason }` );
		}
		message.profile = profile.value;
	}
	return { ok: true, value: message };
}

/**
 * Checks the `conversation_id` every agent request names.
 *
 * @param input The decoded payload.
 */
export function checkAgentConversationRef(
	input: unknown
): Checked< AgentConversationRef > {
	if (
		! isObject( input ) ||
		typeof input.conversation_id !== 'string' ||
		! CONVERSATION_ID_PATTERN.test( input.conversation_id )
	) {
		return fail( 'conversation_id must be 32 lowercase hex characters' );
	}
	return { ok: true, value: { conversation_id: input.conversation_id } };
}

/**
 * Checks an agent's `chat:send` (a `profile` is not an agent's to give and is
 * dropped).
 *
 * @param input The decoded payload.
 */
export function checkAgentChatSend( input: unknown ): Checked< AgentChatSend > {
	const ref = checkAgentConversationRef( input );
	if ( ! ref.ok ) {
		return ref;
	}
	const message = checkChatSend( input );
	if ( ! message.ok ) {
		return message;
	}
	return {
		ok: true,
		value: {
			conversation_id: ref.value.conversation_id,
			client_id: message.value.client_id,
			body: message.value.body,
		},
	};
}

/**
 * Checks a `chat:sync` request: `after_id` ≥ 0.
 *
 * @param input The decoded payload.
 */
export function checkChatSyncRequest(
	input: unknown
): Checked< ChatSyncRequest > {
	if ( ! isObject( input ) ) {
		return fail( 'chat:sync payload must be { after_id }' );
	}
	const afterId = messageId( input.after_id, 'after_id', 0 );
	return typeof afterId === 'number'
		? { ok: true, value: { after_id: afterId } }
		: fail( afterId.error );
}

/**
 * Checks a visitor's `chat:typing`.
 *
 * @param input The decoded payload.
 */
export function checkChatTyping( input: unknown ): Checked< ChatTyping > {
	if ( ! isObject( input ) || typeof input.typing !== 'boolean' ) {
		return fail( 'chat:typing payload must be { typing: boolean }' );
	}
	return { ok: true, value: { typing: input.typing } };
}

/**
 * Checks a visitor's `chat:read`: `up_to_id` ≥ 1.
 *
 * @param input The decoded payload.
 */
export function checkChatRead( input: unknown ): Checked< ChatRead > {
	if ( ! isObject( input ) ) {
		return fail( 'chat:read payload must be { up_to_id }' );
	}
	const upTo = messageId( input.up_to_id, 'up_to_id', 1 );
	return typeof upTo === 'number'
		? { ok: true, value: { up_to_id: upTo } }
		: fail( upTo.error );
}

/**
 * Checks an agent's `chat:typing`.
 *
 * @param input The decoded payload.
 */
export function checkAgentTyping(
	input: unknown
): Checked< AgentConversationRef & ChatTyping > {
	const ref = checkAgentConversationRef( input );
	if ( ! ref.ok ) {
		return ref;
	}
	const typing = checkChatTyping( input );
	return typing.ok
		? { ok: true, value: { ...ref.value, ...typing.value } }
		: typing;
}

/**
 * Checks an agent's `chat:read`.
 *
 * @param input The decoded payload.
 */
export function checkAgentRead(
	input: unknown
): Checked< AgentConversationRef & ChatRead > {
	const ref = checkAgentConversationRef( input );
	if ( ! ref.ok ) {
		return ref;
	}
	const read = checkChatRead( input );
	return read.ok
		? { ok: true, value: { ...ref.value, ...read.value } }
		: read;
}

/**
 * Checks an agent's `chat:assign`: `assignee` is `'me'` or null.
 *
 * @param input The decoded payload.
 */
export function checkAgentAssign( input: unknown ): Checked< AgentAssign > {
	const ref = checkAgentConversationRef( input );
	if ( ! ref.ok ) {
		return ref;
	}
	const { assignee } = input as Fields;
	if ( assignee !== 'me' && assignee !== null ) {
		return fail( "assignee must be 'me' or null" );
	}
	return { ok: true, value: { ...ref.value, assignee } };
}

/**
 * Checks `chat:data` (`LiveDesk.setData()`): an object of at most
 * CUSTOM_DATA_MAX_KEYS string values; keys 1–CUSTOM_DATA_KEY_MAX characters,
 * values at most CUSTOM_DATA_VALUE_MAX, neither with control characters.
 * The result is a plain object with no prototype, so a key like
 * `__proto__` is just a key.
 *
 * @param input The decoded payload.
 */
export function checkChatCustomData(
	input: unknown
): Checked< ChatCustomData > {
	if ( ! isObject( input ) ) {
		return fail( 'chat:data payload must be an object of strings' );
	}
	const entries = Object.entries( input );
	if ( entries.length > CUSTOM_DATA_MAX_KEYS ) {
		return fail( `chat:data has more than ${ CUSTOM_DATA_MAX_KEYS } keys` );
	}
	const data: ChatCustomData = Object.create( null ) as ChatCustomData;
	for ( const [ key, value ] of entries ) {
		if ( key === '' || key.length > CUSTOM_DATA_KEY_MAX ) {
			return fail(
				`chat:data keys must be 1–${ CUSTOM_DATA_KEY_MAX } characters`
			);
		}
		if ( LINE_CONTROL.test( key ) ) {
			return fail( 'chat:data keys must not contain control characters' );
		}
		if ( typeof value !== 'string' ) {
			return fail( `chat:data value of "${ key }" must be a string` );
		}
		if ( value.length > CUSTOM_DATA_VALUE_MAX ) {
			return fail(
				`chat:data value of "${ key }" is longer than ${ CUSTOM_DATA_VALUE_MAX } characters`
			);
		}
		if ( CONTROL.test( value ) ) {
			return fail(
				`chat:data value of "${ key }" contains control characters`
			);
		}
		data[ key ] = value;
	}
	return { ok: true, value: data };
}

/**
 * Checks the shape of a SignedIdentity (`chat:identify`, `auth.identity`);
 * whether its signature is right is the server's to decide. The signature is
 * returned lower-cased; `name` and `email` must be exactly what was signed,
 * so they are not trimmed.
 *
 * @param input The decoded payload.
 */
export function checkSignedIdentity(
	input: unknown
): Checked< SignedIdentity > {
	if ( ! isObject( input ) ) {
		return fail( 'identity must be an object' );
	}
	const id = line( input.id, 'id', IDENTITY_ID_MAX );
	if ( typeof id !== 'string' ) {
		return fail( `identity ${ id.error }` );
	}
	if ( id === '' ) {
		return fail( 'identity id must not be empty' );
	}
	const identity: SignedIdentity = { id, expires: 0, signature: '' };
	for ( const [ name, max ] of [
		[ 'name', VISITOR_NAME_MAX ],
		[ 'email', EMAIL_MAX ],
	] as const ) {
		if ( input[ name ] !== undefined ) {
			const value = line( input[ name ], name, max );
			if ( typeof value !== 'string' ) {
				return fail( `identity ${ value.error }` );
			}
			identity[ name ] = value;
		}
	}
	const { expires, signature } = input;
	if (
		typeof expires !== 'number' ||
		! Number.isSafeInteger( expires ) ||
		expires < 0
	) {
		return fail( 'identity expires must be unix seconds' );
	}
	if (
		typeof signature !== 'string' ||
		! IDENTITY_SIGNATURE.test( signature )
	) {
		return fail( 'identity signature must be 64 hex characters' );
	}
	identity.expires = expires;
	identity.signature = signature.toLowerCase();
	return { ok: true, value: identity };
}

/**
 * The message a SignedIdentity's signature covers (see SignedIdentity):
 * absent name and e-mail count as ''.
 *
 * @param identity The identity.
 */
export function identitySignedText(
	identity: Pick< SignedIdentity, 'id' | 'name' | 'email' | 'expires' >
): string {
	return [
		IDENTITY_SIGNATURE_CONTEXT,
		identity.id,
		identity.email ?? '',
		identity.name ?? '',
		String( identity.expires ),
	].join( '\n' );
}
