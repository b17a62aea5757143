<?php
/**
 * Tests for uninstall.php and LiveDesk\Uninstaller.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Capabilities;
use LiveDesk\Database\Migrations;
use LiveDesk\Secret;
use LiveDesk\Settings;
use LiveDesk\Uninstaller;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Runs uninstall.php the way WordPress does (WP_UNINSTALL_PLUGIN defined,
 * file included) and puts the site back afterwards.
 */
#[CoversClass( Uninstaller::class )]
final class UninstallerTest extends TestCase {

	/**
	 * Reactivates: uninstalling drops tables, which the rollback cannot undo.
	 */
	protected function tear_down(): void {
		$this->reactivate();
	}

	/**
	 * Without the opt-in, uninstalling removes nothing.
	 *
	 * @param string|null $stored Stored value of the opt-in; null for none.
	 */
	#[DataProvider( 'opt_in_off' )]
	public function test_uninstall_without_the_opt_in_keeps_everything( ?string $stored ): void {
		if ( null === $stored ) {
			delete_option( Settings::DELETE_DATA_ON_UNINSTALL );
		} else {
			update_option( Settings::DELETE_DATA_ON_UNINSTALL, $stored );
		}
		$secret = $this->option_row( Secret::OPTION );

		$this->run_uninstall_php();

		foreach ( $this->migrations()->tables() as $table ) {
			self::assertTrue( $this->table_exists( $table ), "{$table} should be kept." );
		}
		self::assertSame( $secret, $this->option_row( Secret::OPTION ) );
		self::assertNotNull( $this->option_row( Migrations::VERSION_OPTION ) );
		self::assertNotNull( get_role( Capabilities::AGENT_ROLE ) );
		self::assertTrue( $this->administrator()->has_cap( Capabilities::MANAGE ) );
	}

	/**
	 * Stored values that do not opt in.
	 *
	 * @return array<string, array{string|null}>
	 */
	public static function opt_in_off(): array {
		return array(
			'never set' => array( null ),
			'false'     => array( '' ),
			'zero'      => array( '0' ),
		);
	}

	/**
	 * With the opt-in, uninstalling removes tables, options, role and caps.
	 */
	public function test_uninstall_with_the_opt_in_removes_everything(): void {
		update_option( Settings::DELETE_DATA_ON_UNINSTALL, true );
		update_option( Settings::SIDECAR_URL, 'https://sidecar.example.org/' );
		$settings = new Settings();
		$settings->set_tracking( false );
		$settings->set_consent_mode( true );
		$settings->set_ip_mode( 'full' );
		$settings->set_visitor_cap( 50 );
		$settings->set_trusted_proxies( array( '10.0.0.0/8' ) );
		foreach ( array( Settings::TRACKING, Settings::CONSENT_MODE, Settings::IP_MODE, Settings::VISITOR_CAP, Settings::TRUSTED_PROXIES ) as $option ) {
			self::assertNotNull( $this->option_row( $option ), "{$option} should be stored before uninstalling." );
		}
		set_transient( 'livedesk_test_transient', 'x', HOUR_IN_SECONDS );
		$editor = get_role( 'editor' );
		self::assertNotNull( $editor );
		$editor->add_cap( Capabilities::VIEW );

		$this->run_uninstall_php();

		foreach ( array( 'livedesk_page_views', 'livedesk_conversations', 'livedesk_messages' ) as $table ) {
			self::assertContains( $this->wpdb()->prefix . $table, $this->migrations()->tables() );
		}
		foreach ( $this->migrations()->tables() as $table ) {
			self::assertFalse( $this->table_exists( $table ), "{$table} should be dropped." );
		}
		self::assertSame( array(), $this->livedesk_option_names() );
		wp_roles()->for_site();
		self::assertNull( get_role( Capabilities::AGENT_ROLE ) );
		foreach ( wp_roles()->role_objects as $name => $role ) {
			foreach ( Capabilities::all() as $capability ) {
				self::assertFalse( $role->has_cap( $capability ), "{$name} still has {$capability}." );
			}
		}
	}

	/**
	 * Unrelated options that merely look similar are left alone.
	 */
	public function test_uninstall_with_the_opt_in_keeps_other_plugins_options(): void {
		update_option( Settings::DELETE_DATA_ON_UNINSTALL, true );
		update_option( 'livedeskish_other_plugin', 'keep' );
		update_option( 'other_livedesk_setting', 'keep' );

		$this->run_uninstall_php();

		// The DROP TABLE committed these, so remove them by hand afterwards.
		self::assertNotNull( $this->option_row( 'livedeskish_other_plugin' ) );
		self::assertNotNull( $this->option_row( 'other_livedesk_setting' ) );
		delete_option( 'livedeskish_other_plugin' );
		delete_option( 'other_livedesk_setting' );
	}

	/**
	 * Includes uninstall.php as WordPress's uninstall_plugin() does.
	 */
	private function run_uninstall_php(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'livedesk/livedesk.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constant.
		}
		include LIVEDESK_DIR . 'uninstall.php';
		wp_cache_flush();
	}

	/**
	 * Names of every option that starts with livedesk_, straight from the table.
	 *
	 * @return list<string>
	 */
	private function livedesk_option_names(): array {
		$wpdb = $this->wpdb();

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- checking the stored rows; WPCS 2.3 predates %i.
		$names = $wpdb->get_col( $wpdb->prepare( 'SELECT option_name FROM %i WHERE option_name LIKE %s', $wpdb->options, '%livedesk\_%' ) );

		return array_map( 'strval', $names );
	}

	/**
	 * The administrator role.
	 */
	private function administrator(): \WP_Role {
		wp_roles()->for_site();
		$role = get_role( 'administrator' );
		self::assertNotNull( $role );

		return $role;
	}

	/**
	 * The migrations of the test site.
	 */
	private function migrations(): Migrations {
		return new Migrations( $this->wpdb() );
	}
}
