<?php
/**
 * Tests for LiveDesk\Settings.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Settings;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Settings storage and sanitisation.
 */
#[CoversClass( Settings::class )]
final class SettingsTest extends TestCase {

	/** Every option the class owns. */
	private const OPTIONS = array(
		Settings::DELETE_DATA_ON_UNINSTALL,
		Settings::SIDECAR_URL,
		Settings::TRACKING,
		Settings::CONSENT_MODE,
		Settings::IP_MODE,
		Settings::VISITOR_CAP,
		Settings::TRUSTED_PROXIES,
		Settings::CHAT_ENABLED,
		Settings::CHAT_COLOR,
		Settings::CHAT_POSITION,
		Settings::CHAT_GREETING,
		Settings::CHAT_EMAIL_CAPTURE,
		Settings::CHAT_REQUIRE_VERIFIED,
		Settings::CHAT_OFFLINE_EMAIL,
	);

	/**
	 * Starts every test from a site that never saved a setting.
	 */
	protected function set_up(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
	}

	/**
	 * Defaults: keep data on uninstall, sidecar on the site's own origin,
	 * tracking on without consent mode, anonymised IPs, 500 visitors, local
	 * proxies trusted; chat on, blue, on the right, default greeting,
	 * optional e-mail, no verified identity needed, offline mail to the admin.
	 */
	public function test_defaults(): void {
		self::assertSame(
			array(
				'delete_data_on_uninstall' => false,
				'sidecar_url'              => '',
				'effective_sidecar_url'    => home_url( '/livedesk-sidecar/' ),
				'tracking'                 => true,
				'consent_mode'             => false,
				'ip_mode'                  => 'anonymised',
				'visitor_cap'              => 500,
				'trusted_proxies'          => array( '127.0.0.1', '::1' ),
				'chat_enabled'             => true,
				'chat_color'               => '#2563eb',
				'chat_position'            => 'right',
				'chat_greeting'            => '',
				'chat_email_capture'       => 'optional',
				'chat_require_verified'    => false,
				'chat_offline_email'       => get_option( 'admin_email' ),
			),
			( new Settings() )->to_array()
		);
	}

	/**
	 * The defaults are not written anywhere: a missing option means its
	 * default, for PHP and for the sidecar alike.
	 */
	public function test_reading_the_defaults_stores_nothing(): void {
		( new Settings() )->to_array();

		foreach ( self::OPTIONS as $option ) {
			self::assertNull( $this->option_row( $option ), "{$option} should not be stored." );
		}
	}

	/**
	 * Both options are registered in the livedesk group and kept out of
	 * core's /wp/v2/settings.
	 */
	public function test_options_are_registered(): void {
		/**
		 * The stubs omit the "group" key WordPress stores.
		 *
		 * @var array<string, array<string, mixed>> $registered
		 */
		$registered = get_registered_settings();

		foreach ( self::OPTIONS as $name ) {
			self::assertArrayHasKey( $name, $registered );
			self::assertSame( Settings::GROUP, $registered[ $name ]['group'] );
			self::assertFalse( $registered[ $name ]['show_in_rest'] );
			self::assertNotEmpty( $registered[ $name ]['description'] );
		}
		self::assertSame( 'boolean', $registered[ Settings::DELETE_DATA_ON_UNINSTALL ]['type'] );
		self::assertSame( 'string', $registered[ Settings::SIDECAR_URL ]['type'] );
		self::assertSame( 'boolean', $registered[ Settings::TRACKING ]['type'] );
		self::assertSame( 'boolean', $registered[ Settings::CONSENT_MODE ]['type'] );
		self::assertSame( 'string', $registered[ Settings::IP_MODE ]['type'] );
		self::assertSame( 'integer', $registered[ Settings::VISITOR_CAP ]['type'] );
		self::assertSame( 'string', $registered[ Settings::TRUSTED_PROXIES ]['type'] );
	}

	/**
	 * The rows the sidecar reads with SQL: flags as '1' / '0', the cap in
	 * decimal, the mode as is, proxies one per line; tracking and consent
	 * autoloaded (every front-end page reads them), the rest not.
	 */
	public function test_storage_format_the_sidecar_reads(): void {
		$settings = new Settings();
		$settings->set_tracking( false );
		$settings->set_consent_mode( true );
		$settings->set_ip_mode( 'full' );
		$settings->set_visitor_cap( 1234 );
		$settings->set_trusted_proxies( array( '10.0.0.0/8', ' 2001:DB8::/32 ', '203.0.113.7' ) );

		$autoloaded = wp_autoload_values_to_autoload();
		$expected   = array(
			Settings::TRACKING        => array( '0', true ),
			Settings::CONSENT_MODE    => array( '1', true ),
			Settings::IP_MODE         => array( 'full', false ),
			Settings::VISITOR_CAP     => array( '1234', false ),
			Settings::TRUSTED_PROXIES => array( "10.0.0.0/8\n2001:db8::/32\n203.0.113.7", false ),
		);
		foreach ( $expected as $option => list( $value, $autoload ) ) {
			$row = $this->option_row( $option );
			self::assertNotNull( $row, "{$option} should be stored." );
			self::assertSame( $value, $row['option_value'], $option );
			self::assertSame( $autoload, in_array( $row['autoload'], $autoloaded, true ), "{$option} autoload" );
		}

		$settings->set_tracking( true );
		$settings->set_consent_mode( false );
		$row_tracking = $this->option_row( Settings::TRACKING );
		$row_consent  = $this->option_row( Settings::CONSENT_MODE );
		self::assertSame( '1', null === $row_tracking ? null : $row_tracking['option_value'] );
		self::assertSame( '0', null === $row_consent ? null : $row_consent['option_value'] );
	}

	/**
	 * Every presence setting round-trips through the database.
	 */
	public function test_presence_settings_round_trip(): void {
		$settings = new Settings();
		$settings->set_tracking( false );
		$settings->set_consent_mode( true );
		$settings->set_ip_mode( 'none' );
		$settings->set_visitor_cap( 100000 );
		$settings->set_trusted_proxies( array() );
		wp_cache_flush();

		$data = $settings->to_array();
		self::assertFalse( $data['tracking'] );
		self::assertTrue( $data['consent_mode'] );
		self::assertSame( 'none', $data['ip_mode'] );
		self::assertSame( 100000, $data['visitor_cap'] );
		self::assertSame( array(), $data['trusted_proxies'], 'An empty list trusts no proxy; it is not the default.' );
		$row = $this->option_row( Settings::TRUSTED_PROXIES );
		self::assertSame( '', null === $row ? null : $row['option_value'] );
	}

	/**
	 * Setters refuse what the REST API refuses.
	 *
	 * @param callable(Settings): void $call    The setter call.
	 * @param string                   $message Part of the expected message.
	 */
	#[DataProvider( 'invalid_setter_calls' )]
	public function test_setters_reject_invalid_values( callable $call, string $message ): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->expectExceptionMessage( $message );

		$call( new Settings() );
	}

	/**
	 * Setter calls with invalid values.
	 *
	 * @return array<string, array{callable(Settings): void, string}>
	 */
	public static function invalid_setter_calls(): array {
		return array(
			'unknown IP mode'    => array( static fn ( Settings $s ) => $s->set_ip_mode( 'partial' ), 'anonymised, full, none' ),
			'cap 0'              => array( static fn ( Settings $s ) => $s->set_visitor_cap( 0 ), 'from 1 to 100000' ),
			'cap 100001'         => array( static fn ( Settings $s ) => $s->set_visitor_cap( 100001 ), 'from 1 to 100000' ),
			'bad proxy'          => array( static fn ( Settings $s ) => $s->set_trusted_proxies( array( '10.0.0.1', '10.0.0.300' ) ), '"10.0.0.300"' ),
			'proxy not a string' => array( static fn ( Settings $s ) => $s->set_trusted_proxies( array( array( '10.0.0.1' ) ) ), '"array"' ),
			'too many proxies'   => array( static fn ( Settings $s ) => $s->set_trusted_proxies( array_fill( 0, 101, '10.0.0.1' ) ), 'At most 100' ),
		);
	}

	/**
	 * A rejected value leaves the stored one alone.
	 */
	public function test_rejected_value_stores_nothing(): void {
		try {
			( new Settings() )->set_trusted_proxies( array( '10.0.0.1', 'proxy.example.org' ) );
		} catch ( \InvalidArgumentException $e ) {
			unset( $e );
		}

		self::assertNull( $this->option_row( Settings::TRUSTED_PROXIES ) );
	}

	/**
	 * Flags are stored as '1' / '0' whatever they were written as.
	 *
	 * @param mixed  $value    Raw value.
	 * @param string $expected Stored form.
	 */
	#[DataProvider( 'flags' )]
	public function test_sanitize_stored_flag( $value, string $expected ): void {
		self::assertSame( $expected, Settings::sanitize_stored_flag( $value ) );
	}

	/**
	 * Flag cases.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function flags(): array {
		return array(
			'true'         => array( true, '1' ),
			'false'        => array( false, '0' ),
			'"1"'          => array( '1', '1' ),
			'"0"'          => array( '0', '0' ),
			'"true"'       => array( 'true', '1' ),
			'"false"'      => array( 'false', '0' ),
			'empty string' => array( '', '0' ),
			'int 1'        => array( 1, '1' ),
			'int 0'        => array( 0, '0' ),
			'null'         => array( null, '0' ),
			'array'        => array( array( 1 ), '0' ),
		);
	}

	/**
	 * Unknown IP modes fall back to the default, which stores the least.
	 *
	 * @param mixed  $value    Raw value.
	 * @param string $expected Stored form.
	 */
	#[DataProvider( 'ip_modes' )]
	public function test_sanitize_ip_mode( $value, string $expected ): void {
		self::assertSame( $expected, Settings::sanitize_ip_mode( $value ) );
	}

	/**
	 * IP mode cases.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function ip_modes(): array {
		return array(
			'anonymised'        => array( 'anonymised', 'anonymised' ),
			'full'              => array( 'full', 'full' ),
			'none'              => array( 'none', 'none' ),
			'upper case'        => array( 'FULL', 'anonymised' ),
			'American spelling' => array( 'anonymized', 'anonymised' ),
			'not a string'      => array( 1, 'anonymised' ),
		);
	}

	/**
	 * The cap is clamped to its range; non-numbers become the default.
	 *
	 * @param mixed  $value    Raw value.
	 * @param string $expected Stored form.
	 */
	#[DataProvider( 'caps' )]
	public function test_sanitize_visitor_cap( $value, string $expected ): void {
		self::assertSame( $expected, Settings::sanitize_visitor_cap( $value ) );
	}

	/**
	 * Cap cases.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function caps(): array {
		return array(
			'int'            => array( 750, '750' ),
			'decimal string' => array( ' 42 ', '42' ),
			'zero'           => array( 0, '1' ),
			'negative'       => array( '-5', '1' ),
			'too large'      => array( 100001, '100000' ),
			'huge string'    => array( '999999999999999', '100000' ),
			'float string'   => array( '12.5', '500' ),
			'words'          => array( 'many', '500' ),
			'null'           => array( null, '500' ),
		);
	}

	/**
	 * Proxies: canonical, each once, one per line; invalid entries dropped.
	 *
	 * @param mixed  $value    Raw value.
	 * @param string $expected Stored form.
	 */
	#[DataProvider( 'proxy_lists' )]
	public function test_sanitize_trusted_proxies( $value, string $expected ): void {
		self::assertSame( $expected, Settings::sanitize_trusted_proxies( $value ) );
	}

	/**
	 * Proxy list cases.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function proxy_lists(): array {
		return array(
			'list'                    => array( array( '127.0.0.1', '::1' ), "127.0.0.1\n::1" ),
			'lines, commas, spaces'   => array( "10.0.0.0/8\r\n 192.168.0.1, fd00::/8 ", "10.0.0.0/8\n192.168.0.1\nfd00::/8" ),
			'canonical IPv6'          => array( array( '2001:0DB8:0000::0001' ), '2001:db8::1' ),
			'duplicates'              => array( array( '::1', '0:0:0:0:0:0:0:1', '::1' ), '::1' ),
			'invalid entries dropped' => array( array( 'proxy.example.org', '10.0.0.1', '10.0.0.0/33', 42 ), '10.0.0.1' ),
			'empty'                   => array( '', '' ),
			'not a list'              => array( 12, '' ),
		);
	}

	/**
	 * The opt-in round-trips through the database.
	 */
	public function test_delete_data_on_uninstall_round_trips(): void {
		$settings = new Settings();

		$settings->set_delete_data_on_uninstall( true );
		wp_cache_flush();
		self::assertTrue( $settings->delete_data_on_uninstall() );

		$settings->set_delete_data_on_uninstall( false );
		wp_cache_flush();
		self::assertFalse( $settings->delete_data_on_uninstall() );
	}

	/**
	 * A configured sidecar URL is also the effective one.
	 */
	public function test_configured_sidecar_url_is_the_effective_one(): void {
		$settings = new Settings();

		$settings->set_sidecar_url( 'https://sidecar.example.org:8443/live/' );
		wp_cache_flush();

		self::assertSame( 'https://sidecar.example.org:8443/live/', $settings->sidecar_url() );
		self::assertSame( 'https://sidecar.example.org:8443/live/', $settings->effective_sidecar_url() );
	}

	/**
	 * The setter refuses what validation refuses.
	 */
	public function test_set_sidecar_url_rejects_an_invalid_url(): void {
		$this->expectException( \InvalidArgumentException::class );

		( new Settings() )->set_sidecar_url( 'javascript:alert(1)' );
	}

	/**
	 * Writes that bypass this class (options.php, update_option()) are
	 * sanitised by the registered callbacks too.
	 */
	public function test_update_option_is_sanitised(): void {
		update_option( Settings::SIDECAR_URL, 'javascript:alert(1)' );
		update_option( Settings::DELETE_DATA_ON_UNINSTALL, 'false' );

		$sidecar = $this->option_row( Settings::SIDECAR_URL );
		$delete  = $this->option_row( Settings::DELETE_DATA_ON_UNINSTALL );
		self::assertSame( '', null === $sidecar ? '' : $sidecar['option_value'] );
		self::assertFalse( ( new Settings() )->delete_data_on_uninstall() );
		self::assertNotSame( '1', null === $delete ? '' : $delete['option_value'] );
	}

	/**
	 * Writing a presence setting with update_option() stores the sidecar's format too.
	 */
	public function test_update_option_of_presence_settings_stores_the_sidecar_format(): void {
		update_option( Settings::TRACKING, false );
		update_option( Settings::CONSENT_MODE, true );
		update_option( Settings::IP_MODE, 'full' );
		update_option( Settings::IP_MODE, '<b>full</b>' );
		update_option( Settings::VISITOR_CAP, 250 );
		update_option( Settings::TRUSTED_PROXIES, array( '10.1.0.0/16', 'not-an-ip' ) );

		$stored = array();
		foreach ( array( Settings::TRACKING, Settings::CONSENT_MODE, Settings::IP_MODE, Settings::VISITOR_CAP, Settings::TRUSTED_PROXIES ) as $option ) {
			$row               = $this->option_row( $option );
			$stored[ $option ] = null === $row ? null : $row['option_value'];
		}
		self::assertSame(
			array(
				Settings::TRACKING        => '0',
				Settings::CONSENT_MODE    => '1',
				Settings::IP_MODE         => 'anonymised',
				Settings::VISITOR_CAP     => '250',
				Settings::TRUSTED_PROXIES => '10.1.0.0/16',
			),
			$stored
		);
	}

	/**
	 * A row edited by hand is read back sanitised, never trusted as is.
	 */
	public function test_hand_edited_rows_are_read_sanitised(): void {
		foreach (
			array(
				Settings::TRACKING        => 'false',
				Settings::IP_MODE         => 'everything',
				Settings::VISITOR_CAP     => '9999999',
				Settings::TRUSTED_PROXIES => "10.0.0.1\nbogus\n\n::1",
			) as $option => $value
		) {
			$this->wpdb()->insert(
				$this->wpdb()->options,
				array(
					'option_name'  => $option,
					'option_value' => $value,
					'autoload'     => 'off',
				)
			);
		}
		wp_cache_flush();

		$settings = new Settings();
		self::assertFalse( $settings->tracking() );
		self::assertSame( 'anonymised', $settings->ip_mode() );
		self::assertSame( 100000, $settings->visitor_cap() );
		self::assertSame( array( '10.0.0.1', '::1' ), $settings->trusted_proxies() );
	}

	/**
	 * Which sidecar URLs are accepted.
	 *
	 * @param string $url      Candidate.
	 * @param bool   $expected Whether it is valid.
	 */
	#[DataProvider( 'sidecar_urls' )]
	public function test_is_valid_sidecar_url( string $url, bool $expected ): void {
		self::assertSame( $expected, Settings::is_valid_sidecar_url( $url ) );
	}

	/**
	 * Sidecar URL cases.
	 *
	 * @return array<string, array{string, bool}>
	 */
	public static function sidecar_urls(): array {
		return array(
			'empty means same origin' => array( '', true ),
			'https'                   => array( 'https://sidecar.example.org/', true ),
			'http with port and path' => array( 'http://127.0.0.1:8798/livedesk-sidecar/', true ),
			'javascript'              => array( 'javascript:alert(1)', false ),
			'data'                    => array( 'data:text/html,hi', false ),
			'ftp'                     => array( 'ftp://example.org/', false ),
			'protocol-relative'       => array( '//example.org/', false ),
			'relative path'           => array( '/livedesk-sidecar/', false ),
			'no host'                 => array( 'https://', false ),
			'not a URL'               => array( 'sidecar', false ),
		);
	}
}
