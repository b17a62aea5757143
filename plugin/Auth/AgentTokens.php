<?php
/**
 * Short-lived tokens that let wp-admin screens connect to the sidecar.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Auth;

use LiveDesk\Capabilities;
use LiveDesk\Secret;

/**
 * Mints agent tokens in the format of src/protocol/agent-token.ts.
 *
 * A token is `v1.<base64url JSON payload>.<base64url HMAC-SHA256>`, where the
 * HMAC covers `v1.<base64url JSON payload>`. The payload is `{"sub":<user id>,"caps":[...],"iat":<unix s>,"exp":<unix s>}`,
 * and the HMAC key is the `livedesk_secret` option exactly as stored (its
 * 64 hex characters as ASCII, not hex-decoded). The sidecar verifies it in
 * sidecar/src/auth/agent-token.ts.
 */
final class AgentTokens {

	/** Version prefix of the token format. */
	public const VERSION = 'v1';

	/** Lifetime of a token, in seconds. The admin refreshes before it ends. */
	public const LIFETIME = 600;

	/**
	 * Shared signing secret.
	 *
	 * @var Secret
	 */
	private Secret $secret;

	/**
	 * Constructor.
	 *
	 * @param Secret $secret Shared signing secret.
	 */
	public function __construct( Secret $secret ) {
		$this->secret = $secret;
	}

	/**
	 * Mints a token for a user, carrying the LiveDesk capabilities the user
	 * has right now.
	 *
	 * @param int $user_id WordPress user id.
	 * @param int $now     Current unix time, in seconds.
	 * @return array{token: string, payload: array{sub: int, caps: list<string>, iat: int, exp: int}}
	 * @throws \RuntimeException When the site has no valid secret to sign with.
	 */
	public function mint( int $user_id, int $now ): array {
		$secret = $this->secret->get();
		if ( ! Secret::is_valid( $secret ) ) {
			throw new \RuntimeException( 'The site has no valid LiveDesk secret (option livedesk_secret).' );
		}

		$payload = array(
			'sub'  => $user_id,
			'caps' => self::capabilities_of( $user_id ),
			'iat'  => $now,
			'exp'  => $now + self::LIFETIME,
		);

		return array(
			'token'   => self::sign( $payload, $secret ),
			'payload' => $payload,
		);
	}

	/**
	 * The plugin capabilities a user has, in the order of Capabilities::all().
	 *
	 * @param int $user_id WordPress user id.
	 * @return list<string>
	 */
	public static function capabilities_of( int $user_id ): array {
		return array_values(
			array_filter(
				Capabilities::all(),
				static function ( string $capability ) use ( $user_id ): bool {
					return user_can( $user_id, $capability );
				}
			)
		);
	}

	/**
	 * Signs a payload. The JSON keeps the payload's key order, so a payload
	 * and a secret always give the same token.
	 *
	 * @param array{sub: int, caps: list<string>, iat: int, exp: int} $payload Claims.
	 * @param string                                                  $secret  The shared secret.
	 * @throws \RuntimeException When the payload cannot be encoded as JSON.
	 */
	public static function sign( array $payload, string $secret ): string {
		$json = wp_json_encode( $payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		if ( false === $json ) {
			throw new \RuntimeException( 'The agent token payload cannot be encoded as JSON.' );
		}

		$signed = self::VERSION . '.' . self::base64url( $json );

		return $signed . '.' . self::base64url( hash_hmac( 'sha256', $signed, $secret, true ) );
	}

	/**
	 * Base64url without padding (RFC 4648 §5).
	 *
	 * @param string $bytes Bytes to encode.
	 */
	private static function base64url( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the token format is base64url.
	}
}
