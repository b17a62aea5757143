<?php
/**
 * The key WordPress and the sidecar share for signing tokens.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

/**
 * Owns the `livedesk_secret` option.
 *
 * The sidecar reads the value straight from the options table, so the
 * option name and its format (64 lowercase hex characters) are a contract.
 */
final class Secret {

	/** Option that holds the secret. */
	public const OPTION = 'livedesk_secret';

	/**
	 * Creates the secret if the site does not have a valid one yet. A valid
	 * secret is never replaced: that would invalidate every signed token.
	 */
	public function ensure(): void {
		if ( self::is_valid( $this->get() ) ) {
			return;
		}

		$secret = bin2hex( random_bytes( 32 ) );

		// Not autoloaded: only token signing needs it, not every page load.
		if ( ! add_option( self::OPTION, $secret, '', false ) ) {
			// The option exists but is empty or malformed.
			update_option( self::OPTION, $secret, false );
		}
	}

	/**
	 * Whether a value has the shape of a secret: 64 lowercase hex characters.
	 *
	 * @param string $value Candidate secret.
	 */
	public static function is_valid( string $value ): bool {
		return 1 === preg_match( '/^[0-9a-f]{64}$/D', $value );
	}

	/**
	 * The secret, or '' when none has been created.
	 */
	public function get(): string {
		$value = get_option( self::OPTION, '' );

		return is_string( $value ) ? $value : '';
	}
}
