/**
 * Agent token: WordPress (PHP) mints it for a logged-in user, the wp-admin
 * screen passes it as `auth.token` when connecting to `/agent`, and the
 * sidecar verifies it. Format:
 *
 *     v1.<payloadB64>.<signatureB64>
 *     payloadB64   = base64url( JSON payload )
 *     signatureB64 = base64url( HMAC-SHA256( secret, "v1." + payloadB64 ) )
 *
 * base64url is RFC 4648 §5 without `=` padding. The HMAC key is the value of
 * the `livedesk_secret` option exactly as stored (64 hex characters used as
 * ASCII bytes, not hex-decoded), i.e. in PHP:
 * `hash_hmac( 'sha256', 'v1.' . $payload_b64, $secret, true )`.
 */

/** Version prefix of the current agent token format. */
export const AGENT_TOKEN_VERSION = 'v1';

/** Capabilities an agent token may carry (the plugin's own capabilities). */
export const AGENT_CAPABILITIES = [
	'livedesk_view',
	'livedesk_chat',
	'livedesk_manage',
] as const;

/** One of the plugin's capabilities. */
export type AgentCapability = ( typeof AGENT_CAPABILITIES )[ number ];

/** An agent token string as it travels over the wire. */
export type AgentToken =
	`${ typeof AGENT_TOKEN_VERSION }.${ string }.${ string }`;

/** The JSON payload signed inside an agent token. */
export interface AgentTokenPayload {
	/** WordPress user id. */
	sub: number;
	/** The user's LiveDesk capabilities at minting time. */
	caps: AgentCapability[];
	/** Issued at, unix seconds. */
	iat: number;
	/** Expires at, unix seconds; the token is invalid from this second on. */
	exp: number;
}

/** Outcome of checking a decoded payload's shape. */
export type AgentTokenPayloadCheck =
	{ ok: true; payload: AgentTokenPayload } | { ok: false; reason: string };

/**
 * Whether a value names one of the plugin's capabilities.
 *
 * @param value Anything.
 */
export function isAgentCapability( value: unknown ): value is AgentCapability {
	return ( AGENT_CAPABILITIES as readonly unknown[] ).includes( value );
}

function isUnixSeconds( value: unknown ): value is number {
	return Number.isSafeInteger( value ) && ( value as number ) >= 0;
}

function checkCaps( caps: unknown ): AgentCapability[] | string {
	if ( ! Array.isArray( caps ) ) {
		return 'caps must be an array';
	}
	const unknownCap = caps.find( ( cap ) => ! isAgentCapability( cap ) );
	if ( unknownCap !== undefined ) {
		return `caps contains an unknown capability: ${ JSON.stringify(
			unknownCap
		) }`;
	}
	// Duplicates are harmless; keep each capability once.
	return [ ...new Set( caps as AgentCapability[] ) ];
}

/**
 * Checks that a decoded JSON value has the agent token payload shape. Unknown
 * extra fields are ignored so PHP can add claims before the sidecar uses them.
 *
 * @param value The JSON-decoded payload.
 */
export function checkAgentTokenPayload(
	value: unknown
): AgentTokenPayloadCheck {
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		return { ok: false, reason: 'payload must be a JSON object' };
	}
	const { sub, caps, iat, exp } = value as Record< string, unknown >;
	if ( ! Number.isSafeInteger( sub ) || ( sub as number ) < 1 ) {
		return { ok: false, reason: 'sub must be a positive integer user id' };
	}
	if ( ! isUnixSeconds( iat ) || ! isUnixSeconds( exp ) ) {
		return { ok: false, reason: 'iat and exp must be unix seconds' };
	}
	if ( exp < iat ) {
		return { ok: false, reason: 'exp must not be before iat' };
	}
	const checkedCaps = checkCaps( caps );
	if ( typeof checkedCaps === 'string' ) {
		return { ok: false, reason: checkedCaps };
	}
	return {
		ok: true,
		payload: { sub: sub as number, caps: checkedCaps, iat, exp },
	};
}
