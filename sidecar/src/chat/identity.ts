/**
 * Signed identities (`LiveDesk.identify()`, the plugin's own for logged-in
 * users) and playground tokens, verified with keys WordPress keeps: the
 * identity secret for identities, the shared secret for playground tokens.
 * Pure: secrets and clock come in as arguments. Comparisons are constant-time.
 */

/**
 * External dependencies
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Internal dependencies
 */
import {
	PLAYGROUND_SIGNATURE_CONTEXT,
	identitySignedText,
} from '../../../src/protocol';
import type { IdentifyResult, SignedIdentity } from '../../../src/protocol';

/** An identity that checked out: what the conversation may record. */
export interface VerifiedIdentity {
	id: string;
	name: string;
	email: string;
	/** Unix seconds after which it no longer counts. */
	expires: number;
}

/** Outcome of {@link verifyIdentity}. */
export type IdentityCheck =
	| { verified: true; identity: VerifiedIdentity }
	| { verified: false; reason: NonNullable< IdentifyResult[ 'reason' ] > };

function sameText( a: string, b: string ): boolean {
	const left = Buffer.from( a );
	const right = Buffer.from( b );
	return left.length === right.length && timingSafeEqual( left, right );
}

/**
 * The signature of an identity, as the site's server computes it (tests and
 * tooling).
 *
 * @param identity The identity without its signature.
 * @param secret   The identity secret.
 */
export function signIdentity(
	identity: Omit< SignedIdentity, 'signature' >,
	secret: string
): string {
	return createHmac( 'sha256', secret )
		.update( identitySignedText( identity ) )
		.digest( 'hex' );
}

/**
 * Verifies a shape-checked identity: signature first (constant-time), then
 * expiry. With no identity secret set, nothing verifies.
 *
 * @param identity   From `checkSignedIdentity()`.
 * @param secret     The `livedesk_identity_secret` option, or null.
 * @param nowSeconds Current unix time in seconds.
 */
export function verifyIdentity(
	identity: SignedIdentity,
	secret: string | null,
	nowSeconds: number
): IdentityCheck {
	if ( secret === null ) {
		return { verified: false, reason: 'bad_signature' };
	}
	const expected = signIdentity( identity, secret );
	if ( ! sameText( expected, identity.signature.toLowerCase() ) ) {
		return { verified: false, reason: 'bad_signature' };
	}
	if ( identity.expires <= nowSeconds ) {
		return { verified: false, reason: 'expired' };
	}
	return {
		verified: true,
		identity: {
			id: identity.id,
			name: identity.name ?? '',
			email: identity.email ?? '',
			expires: identity.expires,
		},
	};
}

/**
 * The playground token WordPress gives an admin's test chat (tests).
 *
 * @param visitorId The test visitor's id.
 * @param secret    The shared secret.
 */
export function signPlaygroundToken(
	visitorId: string,
	secret: string
): string {
	return createHmac( 'sha256', secret )
		.update( PLAYGROUND_SIGNATURE_CONTEXT + visitorId )
		.digest( 'base64url' );
}

/**
 * Whether a playground token was signed by WordPress for this visitor id.
 *
 * @param visitorId The connection's verified visitor id.
 * @param token     `auth.playground`.
 * @param secret    The shared secret.
 */
export function verifyPlaygroundToken(
	visitorId: string,
	token: string,
	secret: string
): boolean {
	return sameText( signPlaygroundToken( visitorId, secret ), token );
}
