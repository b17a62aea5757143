<?php
/**
 * Plugin settings storage.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

use LiveDesk\Network\IpRange;

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

	/** Option: whether visitors are tracked at all ('1' / '0'). */
	public const TRACKING = 'livedesk_tracking';

	/** Option: whether the tracker waits for consent ('1' / '0'). */
	public const CONSENT_MODE = 'livedesk_consent_mode';

	/** Option: how visitor IPs are stored, one of IP_MODES. */
	public const IP_MODE = 'livedesk_ip_mode';

	/** Option: how many concurrent visitors are listed (decimal string). */
	public const VISITOR_CAP = 'livedesk_visitor_cap';

	/** Option: proxies whose X-Forwarded-For is honoured, one IP or CIDR range per line. */
	public const TRUSTED_PROXIES = 'livedesk_trusted_proxies';

	/** IP modes: last octet / last 80 bits zeroed, as seen, or not stored. */
	public const IP_MODES = array( 'anonymised', 'full', 'none' );

	/** IP mode of a site that never chose one. */
	public const DEFAULT_IP_MODE = 'anonymised';

	/** Smallest visitor cap. */
	public const VISITOR_CAP_MIN = 1;

	/** Largest visitor cap. */
	public const VISITOR_CAP_MAX = 100000;

	/** Visitor cap of a site that never chose one. */
	public const DEFAULT_VISITOR_CAP = 500;

	/** Trusted proxies of a site that never chose any: the sidecar sits behind a local web server. */
	public const DEFAULT_TRUSTED_PROXIES = array( '127.0.0.1', '::1' );

	/** Most trusted proxy entries kept. */
	public const TRUSTED_PROXIES_MAX = 100;

	/** Option: whether the chat widget is offered ('1' / '0'). */
	public const CHAT_ENABLED = 'livedesk_chat_enabled';

	/** Option: the widget's accent colour, `#rrggbb`. */
	public const CHAT_COLOR = 'livedesk_chat_color';

	/** Option: which corner the launcher sits in, one of CHAT_POSITIONS. */
	public const CHAT_POSITION = 'livedesk_chat_position';

	/** Option: the greeting above the first message ('' for the translated default). */
	public const CHAT_GREETING = 'livedesk_chat_greeting';

	/** Option: whether the widget asks for name and e-mail first, one of EMAIL_CAPTURE_MODES. */
	public const CHAT_EMAIL_CAPTURE = 'livedesk_chat_email_capture';

	/** Option: whether a chat needs a verified identity ('1' / '0'). */
	public const CHAT_REQUIRE_VERIFIED = 'livedesk_chat_require_verified';

	/** Option: where offline messages are e-mailed ('' for the site's admin e-mail). */
	public const CHAT_OFFLINE_EMAIL = 'livedesk_chat_offline_email';

	/** Launcher corners. */
	public const CHAT_POSITIONS = array( 'right', 'left' );

	/** E-mail capture modes: not asked, asked, or needed before the first message. */
	public const EMAIL_CAPTURE_MODES = array( 'off', 'optional', 'required' );

	/** Accent colour of a site that never chose one. */
	public const DEFAULT_CHAT_COLOR = '#2563eb';

	/** E-mail capture of a site that never chose one. */
	public const DEFAULT_EMAIL_CAPTURE = 'optional';

	/** Longest greeting kept, in characters. */
	public const GREETING_MAX = 500;

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

		$this->register_presence_settings();
		$this->register_chat_settings();
	}

	/**
	 * Registers the chat settings (docs/chat.md). Like the presence settings
	 * they are stored as the strings the sidecar reads: flags '1' / '0'.
	 */
	private function register_chat_settings(): void {
		$settings = array(
			self::CHAT_ENABLED          => array(
				'type'              => 'boolean',
				'description'       => __( 'Offer the chat widget to visitors.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_stored_flag' ),
				'default'           => true,
			),
			self::CHAT_COLOR            => array(
				'type'              => 'string',
				'description'       => __( 'Accent colour of the chat widget.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_chat_color' ),
				'default'           => self::DEFAULT_CHAT_COLOR,
			),
			self::CHAT_POSITION         => array(
				'type'              => 'string',
				'description'       => __( 'Corner of the page the chat launcher sits in: right or left.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_chat_position' ),
				'default'           => 'right',
			),
			self::CHAT_GREETING         => array(
				'type'              => 'string',
				'description'       => __( 'Greeting shown when a visitor opens the chat.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_greeting' ),
				'default'           => '',
			),
			self::CHAT_EMAIL_CAPTURE    => array(
				'type'              => 'string',
				'description'       => __( 'Whether the chat asks for a name and e-mail address first: off, optional or required.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_email_capture' ),
				'default'           => self::DEFAULT_EMAIL_CAPTURE,
			),
			self::CHAT_REQUIRE_VERIFIED => array(
				'type'              => 'boolean',
				'description'       => __( 'Only accept chats from visitors with a verified identity.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_stored_flag' ),
				'default'           => false,
			),
			self::CHAT_OFFLINE_EMAIL    => array(
				'type'              => 'string',
				'description'       => __( 'Where messages left while no agent is online are e-mailed. Empty means the site\'s admin e-mail.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_offline_email' ),
				'default'           => '',
			),
		);

		foreach ( $settings as $name => $args ) {
			register_setting( self::GROUP, $name, $args + array( 'show_in_rest' => false ) );
		}
	}

	/**
	 * Registers the settings the sidecar reads straight from the options
	 * table. It cannot unserialize PHP, so each sanitize callback returns the
	 * stored string format: flags '1' / '0', the cap in decimal, proxies one
	 * per line. A missing option means its default.
	 */
	private function register_presence_settings(): void {
		$settings = array(
			self::TRACKING        => array(
				'type'              => 'boolean',
				'description'       => __( 'Track visitors and show them to agents.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_stored_flag' ),
				'default'           => true,
			),
			self::CONSENT_MODE    => array(
				'type'              => 'boolean',
				'description'       => __( 'Track a visitor only once the site reports consent.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_stored_flag' ),
				'default'           => false,
			),
			self::IP_MODE         => array(
				'type'              => 'string',
				'description'       => __( 'How visitor IP addresses are stored: anonymised, full or none.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_ip_mode' ),
				'default'           => self::DEFAULT_IP_MODE,
			),
			self::VISITOR_CAP     => array(
				'type'              => 'integer',
				'description'       => __( 'How many concurrent visitors are listed; the rest are only counted.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_visitor_cap' ),
				'default'           => self::DEFAULT_VISITOR_CAP,
			),
			self::TRUSTED_PROXIES => array(
				'type'              => 'string',
				'description'       => __( 'Proxies whose X-Forwarded-For header is trusted: IP addresses or CIDR ranges, one per line.', 'livedesk' ),
				'sanitize_callback' => array( self::class, 'sanitize_trusted_proxies' ),
				'default'           => implode( "\n", self::DEFAULT_TRUSTED_PROXIES ),
			),
		);

		foreach ( $settings as $name => $args ) {
			register_setting( self::GROUP, $name, $args + array( 'show_in_rest' => false ) );
		}
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
	 * Stores the settings every front-end page reads (tracking, consent
	 * mode, and the chat launcher's) with their defaults when they are
	 * missing, autoloaded: every front-end page reads them, and a missing
	 * option costs a query per page while an autoloaded one costs nothing.
	 * Values already stored are kept.
	 */
	public function add_autoloaded_defaults(): void {
		add_option( self::TRACKING, '1', '', true );
		add_option( self::CONSENT_MODE, '0', '', true );
		// The chat launcher's switch, colour and corner are printed on every page too.
		add_option( self::CHAT_ENABLED, '1', '', true );
		add_option( self::CHAT_COLOR, self::DEFAULT_CHAT_COLOR, '', true );
		add_option( self::CHAT_POSITION, 'right', '', true );
	}

	/**
	 * Whether visitors are tracked. Read on every front-end page.
	 */
	public function tracking(): bool {
		return '1' === self::sanitize_stored_flag( get_option( self::TRACKING, true ) );
	}

	/**
	 * Turns tracking on or off.
	 *
	 * @param bool $on True to track visitors.
	 */
	public function set_tracking( bool $on ): void {
		// Autoloaded: every front-end page reads it.
		update_option( self::TRACKING, $on ? '1' : '0', true );
	}

	/**
	 * Whether the tracker waits for consent. Read on every front-end page.
	 */
	public function consent_mode(): bool {
		return '1' === self::sanitize_stored_flag( get_option( self::CONSENT_MODE, false ) );
	}

	/**
	 * Turns consent mode on or off.
	 *
	 * @param bool $on True to wait for consent.
	 */
	public function set_consent_mode( bool $on ): void {
		// Autoloaded: every front-end page reads it.
		update_option( self::CONSENT_MODE, $on ? '1' : '0', true );
	}

	/**
	 * How visitor IPs are stored: one of IP_MODES.
	 */
	public function ip_mode(): string {
		return self::sanitize_ip_mode( get_option( self::IP_MODE, self::DEFAULT_IP_MODE ) );
	}

	/**
	 * Sets how visitor IPs are stored.
	 *
	 * @param string $mode One of IP_MODES.
	 * @throws \InvalidArgumentException When the mode is not one of IP_MODES.
	 */
	public function set_ip_mode( string $mode ): void {
		if ( ! in_array( $mode, self::IP_MODES, true ) ) {
			throw new \InvalidArgumentException( 'The IP mode must be one of: ' . implode( ', ', self::IP_MODES ) . '.' );
		}

		// Not autoloaded: only the sidecar and the settings screen read it.
		update_option( self::IP_MODE, $mode, false );
	}

	/**
	 * How many concurrent visitors are listed.
	 */
	public function visitor_cap(): int {
		return (int) self::sanitize_visitor_cap( get_option( self::VISITOR_CAP, self::DEFAULT_VISITOR_CAP ) );
	}

	/**
	 * Sets how many concurrent visitors are listed.
	 *
	 * @param int $cap From VISITOR_CAP_MIN to VISITOR_CAP_MAX.
	 * @throws \InvalidArgumentException When the cap is out of range.
	 */
	public function set_visitor_cap( int $cap ): void {
		if ( $cap < self::VISITOR_CAP_MIN || $cap > self::VISITOR_CAP_MAX ) {
			throw new \InvalidArgumentException( sprintf( 'The visitor cap must be from %d to %d.', self::VISITOR_CAP_MIN, self::VISITOR_CAP_MAX ) );
		}

		// Not autoloaded: only the sidecar and the settings screen read it.
		update_option( self::VISITOR_CAP, (string) $cap, false );
	}

	/**
	 * Proxies whose X-Forwarded-For is honoured, canonical IPs and CIDR ranges.
	 *
	 * @return list<string>
	 */
	public function trusted_proxies(): array {
		$stored = get_option( self::TRUSTED_PROXIES, false );
		if ( false === $stored ) {
			return self::DEFAULT_TRUSTED_PROXIES;
		}

		return self::split_lines( self::sanitize_trusted_proxies( $stored ) );
	}

	/**
	 * Sets the trusted proxies. An empty list trusts no proxy.
	 *
	 * @param array<mixed> $entries IP addresses and CIDR ranges.
	 * @throws \InvalidArgumentException Naming the first entry that is not an IP or CIDR range, or when there are too many.
	 */
	public function set_trusted_proxies( array $entries ): void {
		$invalid = self::first_invalid_proxy( $entries );
		if ( null !== $invalid ) {
			throw new \InvalidArgumentException( sprintf( '"%s" is not an IP address or CIDR range.', $invalid ) );
		}
		if ( count( $entries ) > self::TRUSTED_PROXIES_MAX ) {
			throw new \InvalidArgumentException( sprintf( 'At most %d trusted proxies can be set.', self::TRUSTED_PROXIES_MAX ) );
		}

		// Not autoloaded: only the sidecar and the settings screen read it.
		update_option( self::TRUSTED_PROXIES, self::sanitize_trusted_proxies( $entries ), false );
	}

	/**
	 * Whether the chat widget is offered. Read on every front-end page.
	 */
	public function chat_enabled(): bool {
		return '1' === self::sanitize_stored_flag( get_option( self::CHAT_ENABLED, true ) );
	}

	/**
	 * Turns the chat widget on or off.
	 *
	 * @param bool $on True to offer chat.
	 */
	public function set_chat_enabled( bool $on ): void {
		// Autoloaded: every front-end page reads it.
		update_option( self::CHAT_ENABLED, $on ? '1' : '0', true );
	}

	/**
	 * The widget's accent colour, `#rrggbb` in lower case.
	 */
	public function chat_color(): string {
		return self::sanitize_chat_color( get_option( self::CHAT_COLOR, self::DEFAULT_CHAT_COLOR ) );
	}

	/**
	 * Sets the widget's accent colour.
	 *
	 * @param string $color `#rrggbb` (or `#rgb`).
	 * @throws \InvalidArgumentException When the value is not a hex colour.
	 */
	public function set_chat_color( string $color ): void {
		if ( null === sanitize_hex_color( $color ) || '' === $color ) {
			throw new \InvalidArgumentException( 'The chat colour must be a hex colour such as #2563eb.' );
		}

		// Autoloaded: every front-end page reads it.
		update_option( self::CHAT_COLOR, self::sanitize_chat_color( $color ), true );
	}

	/**
	 * The launcher's corner: 'right' or 'left'.
	 */
	public function chat_position(): string {
		return self::sanitize_chat_position( get_option( self::CHAT_POSITION, 'right' ) );
	}

	/**
	 * Sets the launcher's corner.
	 *
	 * @param string $position One of CHAT_POSITIONS.
	 * @throws \InvalidArgumentException When the value is not one of CHAT_POSITIONS.
	 */
	public function set_chat_position( string $position ): void {
		if ( ! in_array( $position, self::CHAT_POSITIONS, true ) ) {
			throw new \InvalidArgumentException( 'The chat position must be one of: ' . implode( ', ', self::CHAT_POSITIONS ) . '.' );
		}

		// Autoloaded: every front-end page reads it.
		update_option( self::CHAT_POSITION, $position, true );
	}

	/**
	 * The greeting the site chose ('' when it uses the translated default).
	 */
	public function chat_greeting(): string {
		return self::sanitize_greeting( get_option( self::CHAT_GREETING, '' ) );
	}

	/**
	 * Sets the greeting; '' goes back to the translated default.
	 *
	 * @param string $greeting Plain text, at most GREETING_MAX characters.
	 * @throws \InvalidArgumentException When the greeting is too long.
	 */
	public function set_chat_greeting( string $greeting ): void {
		if ( mb_strlen( trim( $greeting ) ) > self::GREETING_MAX ) {
			throw new \InvalidArgumentException( sprintf( 'The greeting must be at most %d characters long.', self::GREETING_MAX ) );
		}

		// Not autoloaded: only the chat config route reads it.
		update_option( self::CHAT_GREETING, self::sanitize_greeting( $greeting ), false );
	}

	/**
	 * Whether the widget asks for name and e-mail: one of EMAIL_CAPTURE_MODES.
	 */
	public function chat_email_capture(): string {
		return self::sanitize_email_capture( get_option( self::CHAT_EMAIL_CAPTURE, self::DEFAULT_EMAIL_CAPTURE ) );
	}

	/**
	 * Sets the e-mail capture mode.
	 *
	 * @param string $mode One of EMAIL_CAPTURE_MODES.
	 * @throws \InvalidArgumentException When the mode is unknown.
	 */
	public function set_chat_email_capture( string $mode ): void {
		if ( ! in_array( $mode, self::EMAIL_CAPTURE_MODES, true ) ) {
			throw new \InvalidArgumentException( 'The e-mail capture mode must be one of: ' . implode( ', ', self::EMAIL_CAPTURE_MODES ) . '.' );
		}

		// Not autoloaded: only chat routes read it.
		update_option( self::CHAT_EMAIL_CAPTURE, $mode, false );
	}

	/**
	 * Whether a chat needs a verified identity.
	 */
	public function chat_require_verified(): bool {
		return '1' === self::sanitize_stored_flag( get_option( self::CHAT_REQUIRE_VERIFIED, false ) );
	}

	/**
	 * Sets whether a chat needs a verified identity.
	 *
	 * @param bool $on True to refuse unverified chats.
	 */
	public function set_chat_require_verified( bool $on ): void {
		// Not autoloaded: only chat routes and the sidecar read it.
		update_option( self::CHAT_REQUIRE_VERIFIED, $on ? '1' : '0', false );
	}

	/**
	 * Where offline messages are e-mailed: the chosen address, or the
	 * site's admin e-mail.
	 */
	public function chat_offline_email(): string {
		$chosen = self::sanitize_offline_email( get_option( self::CHAT_OFFLINE_EMAIL, '' ) );
		if ( '' !== $chosen ) {
			return $chosen;
		}
		$admin = get_option( 'admin_email', '' );

		return is_string( $admin ) ? $admin : '';
	}

	/**
	 * Sets where offline messages are e-mailed; '' means the admin e-mail.
	 *
	 * @param string $email An e-mail address, or ''.
	 * @throws \InvalidArgumentException When the address is not valid.
	 */
	public function set_chat_offline_email( string $email ): void {
		$email = trim( $email );
		if ( '' !== $email && ! is_email( $email ) ) {
			throw new \InvalidArgumentException( 'The offline e-mail must be a valid e-mail address or empty.' );
		}

		// Not autoloaded: only the offline form reads it.
		update_option( self::CHAT_OFFLINE_EMAIL, self::sanitize_offline_email( $email ), false );
	}

	/**
	 * All settings, as the REST API and the admin see them.
	 *
	 * @return array{delete_data_on_uninstall: bool, sidecar_url: string, effective_sidecar_url: string, tracking: bool, consent_mode: bool, ip_mode: string, visitor_cap: int, trusted_proxies: list<string>, chat_enabled: bool, chat_color: string, chat_position: string, chat_greeting: string, chat_email_capture: string, chat_require_verified: bool, chat_offline_email: string}
	 */
	public function to_array(): array {
		return array(
			'delete_data_on_uninstall' => $this->delete_data_on_uninstall(),
			'sidecar_url'              => $this->sidecar_url(),
			'effective_sidecar_url'    => $this->effective_sidecar_url(),
			'tracking'                 => $this->tracking(),
			'consent_mode'             => $this->consent_mode(),
			'ip_mode'                  => $this->ip_mode(),
			'visitor_cap'              => $this->visitor_cap(),
			'trusted_proxies'          => $this->trusted_proxies(),
			'chat_enabled'             => $this->chat_enabled(),
			'chat_color'               => $this->chat_color(),
			'chat_position'            => $this->chat_position(),
			'chat_greeting'            => $this->chat_greeting(),
			'chat_email_capture'       => $this->chat_email_capture(),
			'chat_require_verified'    => $this->chat_require_verified(),
			'chat_offline_email'       => $this->chat_offline_email(),
		);
	}

	/**
	 * The first entry of a list that is not an IP address or CIDR range, or
	 * null when every entry is one.
	 *
	 * @param array<mixed> $entries Candidate entries.
	 */
	public static function first_invalid_proxy( array $entries ): ?string {
		foreach ( $entries as $entry ) {
			if ( ! is_string( $entry ) ) {
				return is_scalar( $entry ) ? (string) $entry : gettype( $entry );
			}
			if ( null === IpRange::normalize( $entry ) ) {
				return $entry;
			}
		}

		return null;
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

	/**
	 * Sanitises a flag into its stored form, '1' or '0' (the sidecar reads
	 * the raw row). Reads values the way the REST API reads booleans.
	 *
	 * @param mixed $value Raw value.
	 * @return '1'|'0'
	 */
	public static function sanitize_stored_flag( $value ): string {
		return self::sanitize_flag( $value ) ? '1' : '0';
	}

	/**
	 * Sanitises the IP mode; anything unknown becomes the default, which
	 * stores the least.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_ip_mode( $value ): string {
		return is_string( $value ) && in_array( $value, self::IP_MODES, true ) ? $value : self::DEFAULT_IP_MODE;
	}

	/**
	 * Sanitises the visitor cap into a decimal string: whole numbers are
	 * clamped to the allowed range, anything else becomes the default.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_visitor_cap( $value ): string {
		if ( is_string( $value ) ) {
			$value = trim( $value );
		}
		if ( is_int( $value ) || ( is_string( $value ) && 1 === preg_match( '/^-?[0-9]{1,15}$/D', $value ) ) ) {
			return (string) max( self::VISITOR_CAP_MIN, min( self::VISITOR_CAP_MAX, (int) $value ) );
		}

		return (string) self::DEFAULT_VISITOR_CAP;
	}

	/**
	 * Sanitises trusted proxies into their stored form: canonical entries,
	 * each once, one per line. Takes a list or a string with one entry per
	 * line (commas and spaces also separate); invalid entries are dropped.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_trusted_proxies( $value ): string {
		if ( is_string( $value ) ) {
			$value = preg_split( '/[\s,]+/', $value );
		}
		if ( ! is_array( $value ) ) {
			return '';
		}

		$entries = array();
		foreach ( $value as $entry ) {
			$normalized = is_string( $entry ) ? IpRange::normalize( $entry ) : null;
			if ( null !== $normalized ) {
				$entries[ $normalized ] = true;
			}
		}

		return implode( "\n", array_slice( array_keys( $entries ), 0, self::TRUSTED_PROXIES_MAX ) );
	}

	/**
	 * Sanitises the accent colour into `#rrggbb` in lower case; anything
	 * that is not a hex colour becomes the default.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_chat_color( $value ): string {
		$color = is_string( $value ) ? sanitize_hex_color( trim( $value ) ) : null;
		if ( ! is_string( $color ) || '' === $color ) {
			return self::DEFAULT_CHAT_COLOR;
		}
		if ( 4 === strlen( $color ) ) {
			$color = '#' . $color[1] . $color[1] . $color[2] . $color[2] . $color[3] . $color[3];
		}

		return strtolower( $color );
	}

	/**
	 * Sanitises the launcher corner; anything unknown becomes 'right'.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_chat_position( $value ): string {
		return is_string( $value ) && in_array( $value, self::CHAT_POSITIONS, true ) ? $value : 'right';
	}

	/**
	 * Sanitises the greeting: plain text (shown as text, so markup is kept
	 * as typed), line breaks normalised, cut to GREETING_MAX characters.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_greeting( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$text = str_replace( array( "\r\n", "\r" ), "\n", wp_check_invalid_utf8( $value ) );
		$text = (string) preg_replace( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', '', $text );

		return mb_substr( trim( $text ), 0, self::GREETING_MAX );
	}

	/**
	 * Sanitises the e-mail capture mode; anything unknown becomes the default.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_email_capture( $value ): string {
		return is_string( $value ) && in_array( $value, self::EMAIL_CAPTURE_MODES, true ) ? $value : self::DEFAULT_EMAIL_CAPTURE;
	}

	/**
	 * Sanitises the offline e-mail address; anything invalid becomes ''
	 * (the admin e-mail).
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_offline_email( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		// Refused rather than repaired: sanitize_email() would turn a
		// header injection attempt into a different, valid-looking address.
		$email = trim( $value );

		return is_email( $email ) && sanitize_email( $email ) === $email ? $email : '';
	}

	/**
	 * The non-empty lines of a string.
	 *
	 * @param string $value Lines.
	 * @return list<string>
	 */
	private static function split_lines( string $value ): array {
		return array_values(
			array_filter(
				explode( "\n", $value ),
				static function ( string $line ): bool {
					return '' !== $line;
				}
			)
		);
	}
}
