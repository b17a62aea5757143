<?php
/**
 * Signed visitor ids and playground tokens.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Secret;

/**
 * Signs and verifies what the sidecar signs and verifies with the shared
 * `livedesk_secret` (src/protocol/visitor.ts, src/protocol/chat.ts).
 *
 * Visitor sig = base64url( HMAC-SHA256( secret, "livedesk-visitor.v1." + id ) );
 * playground token = base64url( HMAC-SHA256( secret, "livedesk-playground.v1." + id ) );
 * base64url without padding; the key is the option's 64 hex characters as
 * ASCII. Byte-identical to sidecar/src/auth/visitor-identity.ts.
 */
final class VisitorSignatures {

	/** Prefix of a visitor id's signed message. */
	public const VISITOR_CONTEXT = 'livedesk-visitor.v1.';

	/** Prefix of a playground token's signed message. */
	public const PLAYGROUND_CONTEXT = 'livedesk-playground.v1.';

	/** A visitor id: 128 random bits as lowercase hex. */
	public const ID_PATTERN = '/^[0-9a-f]{32}$/D';

	/** A signature: unpadded base64url of a SHA-256 HMAC. */
	public const SIGNATURE_PATTERN = '/^[A-Za-z0-9_-]{43}$/D';

	/**
	 * Shared signing secret.
	 *
	 * @var Secret
	 */
	private Secret $secret;

	/**
	 * Constructor.
	 *
	 * @param Secret $secret Shared signing secret (`livedesk_secret`).
	 */
	public function __construct( Secret $secret ) {
		$this->secret = $secret;
	}

	/**
	 * A new visitor identity: a random id and its signature.
	 *
	 * @return array{id: string, sig: string}
	 * @throws \RuntimeException When the site has no valid secret.
	 */
	public function issue(): array {
		$id = bin2hex( random_bytes( 16 ) );

		return array(
			'id'  => $id,
			'sig' => $this->sign( self::VISITOR_CONTEXT, $id ),
		);
	}

	/**
	 * The playground token for a visitor id.
	 *
	 * @param string $visitor_id 32 lowercase hex characters.
	 * @throws \RuntimeException When the site has no valid secret.
	 */
	public function playground_token( string $visitor_id ): string {
		return $this->sign( self::PLAYGROUND_CONTEXT, $visitor_id );
	}

	/**
	 * The visitor id of an `X-LiveDesk-Visitor: <id>.<sig>` header, when the
	 * signature is ours; null otherwise (absent, malformed, forged, or signed
	 * with an older secret).
	 *
	 * @param string $header Header value.
	 */
	public function verify_header( string $header ): ?string {
		$parts = explode( '.', trim( $header ) );
		if ( 2 !== count( $parts ) ) {
			return null;
		}
		list( $id, $sig ) = $parts;

		return $this->verify( self::VISITOR_CONTEXT, $id, $sig ) ? $id : null;
	}

	/**
	 * Whether a playground token belongs to a visitor id.
	 *
	 * @param string $visitor_id Verified visitor id.
	 * @param string $token      Token from the request.
	 */
	public function verify_playground( string $visitor_id, string $token ): bool {
		return $this->verify( self::PLAYGROUND_CONTEXT, $visitor_id, trim( $token ) );
	}

	/**
	 * Constant-time check of a signature.
	 *
	 * @param string $context Message prefix.
	 * @param string $id      Visitor id.
	 * @param string $sig     Presented signature.
	 */
	private function verify( string $context, string $id, string $sig ): bool {
		if ( 1 !== preg_match( self::ID_PATTERN, $id ) || 1 !== preg_match( self::SIGNATURE_PATTERN, $sig ) ) {
			return false;
		}
		try {
			$expected = $this->sign( $context, $id );
		} catch ( \RuntimeException ) {
			return false;
		}

		return hash_equals( $expected, $sig );
	}

	/**
	 * The signature: base64url( HMAC-SHA256( secret, context + id ) ).
	 *
	 * @param string $context Message prefix.
	 * @param string $id      Visitor id.
	 * @throws \RuntimeException When the site has no valid secret.
	 */
	private function sign( string $context, string $id ): string {
		$secret = $this->secret->get();
		if ( ! Secret::is_valid( $secret ) ) {
			throw new \RuntimeException( 'The site has no valid LiveDesk secret (option livedesk_secret).' );
		}

		return rtrim( strtr( base64_encode( hash_hmac( 'sha256', $context . $id, $secret, true ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the signature format is base64url.
	}
}
