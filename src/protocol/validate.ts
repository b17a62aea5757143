/**
 * Runtime checks of every payload a client may send. The sidecar runs them
 * on each inbound event before anything else sees the data; a payload that
 * fails is refused whole (nothing of it is stored or forwarded).
 *
 * Strings are checked, not repaired, except where the rule is "clean it":
 * paths and referrers lose query strings and fragments, titles lose outer
 * whitespace and runs of inner whitespace.
 */
import {
	LANGUAGE_MAX,
	PATH_MAX,
	REFERRER_MAX,
	TIMEZONE_MAX,
	TITLE_MAX,
} from './limits';
import { checkSignedIdentity } from './chat-validate';
import { CONTROL, fail, isObject } from './checks';
import type { Checked, Fields } from './checks';
import { cleanReferrer, stripQueryAndFragment } from './url';
import type { PageView, PageVisibility, VisitorAuth } from './visitor';
import { VISITOR_ID_PATTERN, VISITOR_SIGNATURE_PATTERN } from './visitor';

export type { Checked } from './checks';

function text(
	fields: Fields,
	name: string,
	max: number
): string | { error: string } {
	const value = fields[ name ];
	if ( typeof value !== 'string' ) {
		return { error: `${ name } must be a string` };
	}
	if ( value.length > max ) {
		return { error: `${ name } is longer than ${ max } characters` };
	}
	if ( CONTROL.test( value ) ) {
		return { error: `${ name } contains control characters` };
	}
	return value;
}

/** Language tags: letters, digits and hyphens (`en`, `en-GB`, `zh-Hant-TW`). */
const LANGUAGE = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$/;

/** IANA zone names: `Europe/Paris`, `America/Argentina/Buenos_Aires`, `UTC`, `Etc/GMT+5`. */
const TIMEZONE = /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*)?$/;

/**
 * Checks a `page:view` payload and returns it cleaned: path and referrer
 * without query or fragment, title whitespace collapsed. Unknown fields are
 * dropped.
 *
 * @param input The decoded payload.
 */
export function checkPageView( input: unknown ): Checked< PageView > {
	if ( ! isObject( input ) ) {
		return fail( 'page:view payload must be an object' );
	}
	const fields: Record< string, string > = {};
	for ( const [ name, max ] of [
		[ 'path', PATH_MAX ],
		[ 'title', TITLE_MAX ],
		[ 'referrer', REFERRER_MAX ],
		[ 'language', LANGUAGE_MAX ],
		[ 'timezone', TIMEZONE_MAX ],
	] as const ) {
		const field = text( input, name, max );
		if ( typeof field !== 'string' ) {
			return fail( field.error );
		}
		fields[ name ] = field;
	}
	const {
		path: rawPath = '',
		title: rawTitle = '',
		referrer: rawReferrer = '',
		language: lang = '',
		timezone: zone = '',
	} = fields;
	const cleanPath = stripQueryAndFragment( rawPath );
	if ( ! cleanPath.startsWith( '/' ) ) {
		return fail( 'path must start with /' );
	}
	if ( ! LANGUAGE.test( lang ) ) {
		return fail( 'language must be a BCP 47 language tag' );
	}
	if ( ! TIMEZONE.test( zone ) ) {
		return fail( 'timezone must be an IANA time zone name' );
	}
	if ( typeof input.visible !== 'boolean' ) {
		return fail( 'visible must be a boolean' );
	}
	return {
		ok: true,
		value: {
			path: cleanPath,
			title: rawTitle.replace( /\s+/g, ' ' ).trim(),
			referrer: cleanReferrer( rawReferrer ),
			language: lang,
			timezone: zone,
			visible: input.visible,
		},
	};
}

/**
 * Checks a `page:visibility` payload.
 *
 * @param input The decoded payload.
 */
export function checkPageVisibility(
	input: unknown
): Checked< PageVisibility > {
	if ( ! isObject( input ) || typeof input.visible !== 'boolean' ) {
		return fail( 'page:visibility payload must be { visible: boolean }' );
	}
	return { ok: true, value: { visible: input.visible } };
}

/** A playground token: unpadded base64url of a SHA-256 HMAC, like a visitor signature. */
const PLAYGROUND_TOKEN_PATTERN = VISITOR_SIGNATURE_PATTERN;

/**
 * Reads the handshake `auth` of a `/visitor` connection. A missing or
 * malformed identity is simply absent (the visitor is new); a `page` that is
 * present must pass {@link checkPageView}, or the handshake is refused.
 * `chat` is kept only when it is `true`; a malformed signed `identity` or
 * `playground` token is absent, like a malformed visitor identity (whether
 * they verify is the server's to decide).
 *
 * @param input `socket.handshake.auth`.
 */
export function checkVisitorAuth( input: unknown ): Checked< VisitorAuth > {
	if ( ! isObject( input ) ) {
		return { ok: true, value: {} };
	}
	const { id, sig, page, chat, identity, playground } = input;
	const auth: VisitorAuth = {};
	if (
		typeof id === 'string' &&
		typeof sig === 'string' &&
		VISITOR_ID_PATTERN.test( id ) &&
		VISITOR_SIGNATURE_PATTERN.test( sig )
	) {
		auth.id = id;
		auth.sig = sig;
	}
	if ( page !== undefined ) {
		const checked = checkPageView( page );
		if ( ! checked.ok ) {
			return fail( `auth.page: ${ checked.reason }` );
		}
		auth.page = checked.value;
	}
	if ( chat === true ) {
		auth.chat = true;
	}
	if ( identity !== undefined ) {
		const checked = checkSignedIdentity( identity );
		if ( checked.ok ) {
			auth.identity = checked.value;
		}
	}
	if (
		typeof playground === 'string' &&
		PLAYGROUND_TOKEN_PATTERN.test( playground )
	) {
		auth.playground = playground;
	}
	return { ok: true, value: auth };
}
