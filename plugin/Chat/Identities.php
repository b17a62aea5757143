<?php
/**
 * Signed visitor identities (identity verification).
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Secret;

/**
 * Signs and verifies the `SignedIdentity` of src/protocol/chat.ts.
 *
 * The signature is hex( HMAC-SHA256( identity secret, "livedesk-identity.v1\n"
 * + id + "\n" + email + "\n" + name + "\n" + expires ) ). A missing name or
 * e-mail signs as ''. The key is the `livedesk_identity_secret` option's 64
 * hex characters as ASCII, exactly as the PHP snippet of docs/chat.md uses it.
 *
 * @phpstan-type Identity array{id: string, name: string, email: string, expires: int}
 */
final class Identities {

	/** First line of the signed message. */
	public const CONTEXT = 'livedesk-identity.v1';

	/** Longest identity id. */
	public const ID_MAX = 191;

	/** How long the plugin's own identities of logged-in users last, in seconds. */
	public const USER_LIFETIME = 3600;

	/** Prefix of the ids of the plugin's own identities. */
	public const USER_PREFIX = 'wp:';

	/**
	 * Identity verification secret.
	 *
	 * @var Secret
	 */
	private Secret $secret;

	/**
	 * Constructor.
	 *
	 * @param Secret $secret The identity secret (`livedesk_identity_secret`).
	 */
	public function __construct( Secret $secret ) {
		$this->secret = $secret;
	}

	/**
	 * The plugin's identity for a WordPress user: `wp:<id>`, display name,
	 * e-mail, one hour.
	 *
	 * @param \WP_User $user User.
	 * @param int      $now  Current unix time.
	 * @return array{id: string, name: string, email: string, expires: int, signature: string}
	 */
	public function for_user( \WP_User $user, int $now ): array {
		$identity = array(
			'id'      => self::USER_PREFIX . $user->ID,
			'name'    => mb_substr( (string) $user->display_name, 0, Rules::NAME_MAX ),
			'email'   => (string) $user->user_email,
			'expires' => $now + self::USER_LIFETIME,
		);

		return $identity + array( 'signature' => $this->sign( $identity ) );
	}

	/**
	 * The signature of an identity.
	 *
	 * @param array{id: string, name: string, email: string, expires: int} $identity Identity.
	 */
	public function sign( array $identity ): string {
		$this->secret->ensure();
		$message = implode( "\n", array( self::CONTEXT, $identity['id'], $identity['email'], $identity['name'], (string) $identity['expires'] ) );

		return hash_hmac( 'sha256', $message, $this->secret->get() );
	}

	/**
	 * Checks an identity a browser presented.
	 *
	 * @param mixed $presented Decoded `SignedIdentity` (untrusted).
	 * @param int   $now       Current unix time.
	 * @return array{verified: true, identity: Identity}|array{verified: false, reason: 'expired'|'bad_signature'|'invalid'}
	 */
	public function verify( $presented, int $now ): array {
		$identity = self::parse( $presented );
		if ( null === $identity ) {
			return array(
				'verified' => false,
				'reason'   => 'invalid',
			);
		}
		$signature = is_array( $presented ) && is_string( $presented['signature'] ?? null ) ? strtolower( $presented['signature'] ) : '';
		if ( 1 !== preg_match( '/^[0-9a-f]{64}$/D', $signature ) || ! hash_equals( $this->sign( $identity ), $signature ) ) {
			return array(
				'verified' => false,
				'reason'   => 'bad_signature',
			);
		}
		if ( $identity['expires'] <= $now ) {
			return array(
				'verified' => false,
				'reason'   => 'expired',
			);
		}

		return array(
			'verified' => true,
			'identity' => $identity,
		);
	}

	/**
	 * The fields of a presented identity, or null when it is malformed.
	 *
	 * @param mixed $presented Untrusted value.
	 * @return Identity|null
	 */
	private static function parse( $presented ): ?array {
		if ( ! is_array( $presented ) ) {
			return null;
		}
		$id      = $presented['id'] ?? null;
		$name    = $presented['name'] ?? '';
		$email   = $presented['email'] ?? '';
		$expires = $presented['expires'] ?? null;
		if ( is_string( $expires ) && 1 === preg_match( '/^[0-9]{1,12}$/D', $expires ) ) {
			$expires = (int) $expires;
		}
		if ( ! is_string( $id ) || '' === $id || mb_strlen( $id ) > self::ID_MAX || ! is_int( $expires ) ) {
			return null;
		}
		if ( ! is_string( $name ) || mb_strlen( $name ) > Rules::NAME_MAX || ! is_string( $email ) || ! Rules::is_email_or_empty( $email ) ) {
			return null;
		}

		return array(
			'id'      => $id,
			'name'    => $name,
			'email'   => $email,
			'expires' => $expires,
		);
	}
}
