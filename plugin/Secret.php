<?php
/**
 * The key WordPress and the sidecar share for signing tokens.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

/**
 * Owns a secret option: `livedesk_secret` (the key WordPress and the sidecar
 * sign tokens and visitor ids with) or `livedesk_identity_secret` (the key
 * sites sign visitor identities with, shown to managers in Settings).
 *
 * The sidecar reads both values straight from the options table, so the
 * option names and their format (64 lowercase hex characters) are a contract.
 */
final class Secret {

	/** Option that holds the signing secret shared with the sidecar. */
	public const OPTION = 'livedesk_secret';

	/** Option that holds the identity verification secret (docs/chat.md). */
	public const IDENTITY_OPTION = 'livedesk_identity_secret';

	/**
	 * Name of the option this instance owns.
	 *
	 * @var string
	 */
	private string $option;

	/**
	 * Constructor.
	 *
	 * @param string $option OPTION or IDENTITY_OPTION.
	 */
	public function __construct( string $option = self::OPTION ) {
		$this->option = $option;
	}

	/**
	 * Creates the secret if the site does not have a valid one yet. A valid
	 * secret is never replaced: that would invalidate every signed token.
	 */
	public function ensure(): void {
		if ( self::is_valid( $this->get() ) ) {
			return;
		}

		$this->store( self::generate() );
	}

	/**
	 * Replaces the secret with a new one (everything signed with the old one
	 * stops verifying) and returns it.
	 */
	public function regenerate(): string {
		$secret = self::generate();
		$this->store( $secret );

		return $secret;
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
		$value = get_option( $this->option, '' );

		return is_string( $value ) ? $value : '';
	}

	/**
	 * 256 random bits as lowercase hex.
	 */
	private static function generate(): string {
		return bin2hex( random_bytes( 32 ) );
	}

	/**
	 * Stores a secret, not autoloaded: only signing and verifying need it,
	 * not every page load.
	 *
	 * @param string $secret New value.
	 */
	private function store( string $secret ): void {
		if ( ! add_option( $this->option, $secret, '', false ) ) {
			// The option exists (empty, malformed, or being replaced).
			update_option( $this->option, $secret, false );
		}
	}
}
