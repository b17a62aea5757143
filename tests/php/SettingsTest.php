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

	/**
	 * Defaults: keep data on uninstall, sidecar on the site's own origin.
	 */
	public function test_defaults(): void {
		delete_option( Settings::DELETE_DATA_ON_UNINSTALL );
		delete_option( Settings::SIDECAR_URL );

		self::assertSame(
			array(
				'delete_data_on_uninstall' => false,
				'sidecar_url'              => '',
				'effective_sidecar_url'    => home_url( '/livedesk-sidecar/' ),
			),
			( new Settings() )->to_array()
		);
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

		foreach ( array( Settings::DELETE_DATA_ON_UNINSTALL, Settings::SIDECAR_URL ) as $name ) {
			self::assertArrayHasKey( $name, $registered );
			self::assertSame( Settings::GROUP, $registered[ $name ]['group'] );
			self::assertFalse( $registered[ $name ]['show_in_rest'] );
		}
		self::assertSame( 'boolean', $registered[ Settings::DELETE_DATA_ON_UNINSTALL ]['type'] );
		self::assertSame( 'string', $registered[ Settings::SIDECAR_URL ]['type'] );
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
