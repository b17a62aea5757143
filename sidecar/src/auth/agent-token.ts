/**
 * Verifies agent tokens minted by WordPress (format documented in
 * src/protocol/agent-token.ts). Pure: the secret and clock come in as
 * arguments, so every branch is unit tested.
 */

/**
 * External dependencies
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	AGENT_TOKEN_VERSION,
	checkAgentTokenPayload,
} from '../../../src/protocol';
import type {
	AgentAuthErrorCode,
	AgentCapability,
	AgentToken,
	AgentTokenPayload,
} from '../../../src/protocol';

/** What a verified token tells the sidecar about the connecting agent. */
export interface AgentClaims {
	userId: number;
	caps: AgentCapability[];
	/** Expiry, unix seconds. */
	exp: number;
}

/** Outcome of {@link verifyAgentToken}. */
export type AgentTokenResult =
	| { ok: true; claims: AgentClaims }
	| { ok: false; code: AgentAuthErrorCode; message: string };

/** Capability without which an agent may not connect at all. */
export const REQUIRED_AGENT_CAP: AgentCapability = 'livedesk_view';

// Far above a real token (~200 bytes); stops hashing of junk megabytes.
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MISSING =
	'agent token missing: pass it as auth.token in the socket.io handshake';
const BAD_SIGNATURE =
	'agent token signature is not valid for this site (forged, or signed with another secret)';

function signature( payloadB64: string, secret: string ): string {
	return createHmac( 'sha256', secret )
		.update( `${ AGENT_TOKEN_VERSION }.${ payloadB64 }` )
		.digest( 'base64url' );
}

function fail( code: AgentAuthErrorCode, message: string ): AgentTokenResult {
	return { ok: false, code, message };
}

function decodeJson( base64url: string ): unknown {
	try {
		return JSON.parse(
			Buffer.from( base64url, 'base64url' ).toString( 'utf8' )
		);
	} catch {
		return undefined;
	}
}

/**
 * Signs a payload the way WordPress does; used by tests and tooling.
 *
 * @param payload Claims to sign.
 * @param secret  The shared secret.
 */
export function signAgentToken(
	payload: AgentTokenPayload,
	secret: string
): AgentToken {
	const payloadB64 = Buffer.from( JSON.stringify( payload ) ).toString(
		'base64url'
	);
	return `${ AGENT_TOKEN_VERSION }.${ payloadB64 }.${ signature( payloadB64, secret ) }`;
}

// Splits a token into payload and signature, or explains why it cannot.
function split( token: string ): [ string, string ] | string {
	const parts = token.split( '.' );
	if ( parts.length !== 3 || parts[ 0 ] !== AGENT_TOKEN_VERSION ) {
		return `expected ${ AGENT_TOKEN_VERSION }.<payload>.<signature>`;
	}
	const [ , payloadB64 = '', signatureB64 = '' ] = parts;
	if ( ! BASE64URL.test( payloadB64 ) || ! BASE64URL.test( signatureB64 ) ) {
		return 'payload and signature must be unpadded base64url';
	}
	return [ payloadB64, signatureB64 ];
}

function signatureMatches(
	[ payloadB64, signatureB64 ]: [ string, string ],
	secret: string
): boolean {
	const given = Buffer.from( signatureB64 );
	const expected = Buffer.from( signature( payloadB64, secret ) );
	// Lengths are public (always 43 for a real signature); contents are not.
	return (
		given.length === expected.length && timingSafeEqual( given, expected )
	);
}

/**
 * Verifies signature, shape, expiry and the livedesk_view capability of an
 * agent token. The signature is checked before the payload is parsed, and
 * compared in constant time.
 *
 * @param token      What the client sent as `auth.token`.
 * @param secret     The shared secret.
 * @param nowSeconds Current unix time in seconds.
 */
export function verifyAgentToken(
	token: unknown,
	secret: string,
	nowSeconds: number
): AgentTokenResult {
	if ( typeof token !== 'string' || token === '' ) {
		return fail( 'token_missing', MISSING );
	}
	const parts =
		token.length > MAX_TOKEN_LENGTH ? 'token too long' : split( token );
	if ( typeof parts === 'string' ) {
		return fail( 'token_malformed', `agent token malformed: ${ parts }` );
	}
	if ( ! signatureMatches( parts, secret ) ) {
		return fail( 'token_bad_signature', BAD_SIGNATURE );
	}
	const check = checkAgentTokenPayload( decodeJson( parts[ 0 ] ) );
	if ( ! check.ok ) {
		return fail(
			'token_malformed',
			`agent token payload invalid: ${ check.reason }`
		);
	}
	const { sub, caps, exp } = check.payload;
	if ( exp <= nowSeconds ) {
		return fail(
			'token_expired',
			`agent token expired at ${ new Date( exp * 1000 ).toISOString() }; get a new one from WordPress`
		);
	}
	if ( ! caps.includes( REQUIRED_AGENT_CAP ) ) {
		return fail(
			'token_missing_cap',
			`agent token lacks the ${ REQUIRED_AGENT_CAP } capability`
		);
	}
	return { ok: true, claims: { userId: sub, caps, exp } };
}
