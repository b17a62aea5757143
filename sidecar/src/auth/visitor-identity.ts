/**
 * Visitor identities: a random 128-bit id the sidecar signs with the shared
 * secret, so a browser can prove on its next visit that the id is one we
 * issued. Format in src/protocol/visitor.ts.
 */

/**
 * External dependencies
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Internal dependencies
 */
import { VISITOR_SIGNATURE_CONTEXT } from '../../../src/protocol';
import type { VisitorAuth, VisitorIdentity } from '../../../src/protocol';

/**
 * The signature of a visitor id.
 *
 * @param id     32 lowercase hex characters.
 * @param secret The shared secret.
 */
export function signVisitorId( id: string, secret: string ): string {
	return createHmac( 'sha256', secret )
		.update( VISITOR_SIGNATURE_CONTEXT + id )
		.digest( 'base64url' );
}

/**
 * A new identity with a fresh random id.
 *
 * @param secret The shared secret.
 */
export function issueVisitorIdentity( secret: string ): VisitorIdentity {
	const id = randomBytes( 16 ).toString( 'hex' );
	return { id, sig: signVisitorId( id, secret ) };
}

/**
 * The identity a browser presented, when it is one we signed; null otherwise
 * (absent, malformed, forged or signed with an older secret).
 *
 * @param auth   The handshake auth, already shape-checked.
 * @param secret The shared secret.
 */
export function verifyVisitorIdentity(
	auth: VisitorAuth,
	secret: string
): VisitorIdentity | null {
	const { id, sig } = auth;
	if ( id === undefined || sig === undefined ) {
		return null;
	}
	const expected = Buffer.from( signVisitorId( id, secret ) );
	const given = Buffer.from( sig );
	return expected.length === given.length &&
		timingSafeEqual( expected, given )
		? { id, sig }
		: null;
}
