<?php
/**
 * Plugin settings storage.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

/**
 * Reads, validates and writes the plugin's settings options.
 *
 * The REST controller and any settings UI go through this class; nothing
 * else touches these options directly.
 */
final class Settings {

	/** Settings group used with register_setting(). */
	public const GROUP = 'livedesk';

	/** Option: remove all plugin data when the plugin is deleted. */
	public const DELETE_DATA_ON_UNINSTALL = 'livedesk_delete_data_on_uninstall';

	/** Option: URL of the sidecar; '' means the site's own origin. */
	public const SIDECAR_URL = 'livedesk_sidecar_url';

	/** Path of the sidecar when it shares the site's origin. */
	private const SAME_ORIGIN_PATH = '/livedesk-sidecar/';

	/**
	 * Registers the options so WordPress sanitises them on every write.
	 * Not exposed through core's /wp/v2/settings: the plugin has its own route.
	 */
	public function action_init(): void {
		register_setting(
			self::GROUP,
			self::DELETE_DATA_ON_UNINSTALL,
			array(
				'type'              => 'boolean',
				'description'       => __( 'Remove all LiveDesk data when the plugin is deleted.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_flag' ),
				'show_in_rest'      => false,
				'default'           => false,
			)
		);

		register_setting(
			self::GROUP,
			self::SIDECAR_URL,
			array(
				'type'              => 'string',
				'description'       => __( 'URL of the LiveDesk sidecar. Empty means the site\'s own origin.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_sidecar_url' ),
				'show_in_rest'      => false,
				'default'           => '',
			)
		);
	}

	/**
	 * Whether uninstalling the plugin removes its data.
	 */
	public function delete_data_on_uninstall(): bool {
		return self::sanitize_flag( get_option( self::DELETE_DATA_ON_UNINSTALL, false ) );
	}

	/**
	 * Sets whether uninstalling the plugin removes its data.
	 *
	 * @param bool $delete True to remove data on uninstall.
	 */
	public function set_delete_data_on_uninstall( bool $delete ): void {
		// Not autoloaded: only read on the settings screen and on uninstall.
		update_option( self::DELETE_DATA_ON_UNINSTALL, $delete, false );
	}

	/**
	 * The configured sidecar URL, or '' for "same origin".
	 */
	public function sidecar_url(): string {
		return self::sanitize_sidecar_url( get_option( self::SIDECAR_URL, '' ) );
	}

	/**
	 * Sets the sidecar URL.
	 *
	 * @param string $url An http(s) URL, or '' for "same origin".
	 * @throws \InvalidArgumentException When the URL is not a valid http(s) URL.
	 */
	public function set_sidecar_url( string $url ): void {
		if ( ! self::is_valid_sidecar_url( $url ) ) {
			throw new \InvalidArgumentException( 'The sidecar URL must be an http or https URL.' );
		}

		update_option( self::SIDECAR_URL, self::sanitize_sidecar_url( $url ) );
	}

	/**
	 * The URL clients connect to: the configured one, or the sidecar path on
	 * the site's own origin.
	 */
	public function effective_sidecar_url(): string {
		$configured = $this->sidecar_url();

		return '' !== $configured ? $configured : home_url( self::SAME_ORIGIN_PATH );
	}

	/**
	 * All settings, as the REST API and the admin see them.
	 *
	 * @return array{delete_data_on_uninstall: bool, sidecar_url: string, effective_sidecar_url: string}
	 */
	public function to_array(): array {
		return array(
			'delete_data_on_uninstall' => $this->delete_data_on_uninstall(),
			'sidecar_url'              => $this->sidecar_url(),
			'effective_sidecar_url'    => $this->effective_sidecar_url(),
		);
	}

	/**
	 * Whether a value is acceptable as the sidecar URL: '' or an absolute
	 * http(s) URL with a host.
	 *
	 * @param string $url Candidate URL.
	 */
	public static function is_valid_sidecar_url( string $url ): bool {
		$url = trim( $url );
		if ( '' === $url ) {
			return true;
		}

		$scheme = wp_parse_url( $url, PHP_URL_SCHEME );
		$host   = wp_parse_url( $url, PHP_URL_HOST );
		if ( ! is_string( $scheme ) || ! in_array( strtolower( $scheme ), array( 'http', 'https' ), true ) ) {
			return false;
		}

		return is_string( $host ) && '' !== $host && '' !== esc_url_raw( $url, array( 'http', 'https' ) );
	}

	/**
	 * Sanitises a sidecar URL; anything but an http(s) URL becomes ''.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_sidecar_url( $value ): string {
		if ( ! is_string( $value ) || ! self::is_valid_sidecar_url( $value ) ) {
			return '';
		}

		return esc_url_raw( trim( $value ), array( 'http', 'https' ) );
	}

	/**
	 * Sanitises a yes/no option value the way the REST API reads booleans.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_flag( $value ): bool {
		if ( is_bool( $value ) ) {
			return $value;
		}

		return is_scalar( $value ) && rest_sanitize_boolean( (string) $value );
	}
}
