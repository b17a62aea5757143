<?php
/**
 * Tests for LiveDesk\Lifecycle: activation, deactivation, upgrades.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Capabilities;
use LiveDesk\Database\Migrations;
use LiveDesk\Lifecycle;
use LiveDesk\Secret;
use LiveDesk\Settings;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Activation runs through WordPress's own activate_/deactivate_ hooks on a
 * site stripped of everything the plugin stores.
 */
#[CoversClass( Lifecycle::class )]
#[CoversClass( \LiveDesk\Plugin::class )]
final class LifecycleTest extends TestCase {

	/**
	 * Puts the site back in its activated state: these tests run DDL, which
	 * the rollback cannot undo.
	 */
	protected function tear_down(): void {
		$this->reactivate();
	}

	/**
	 * Activation creates every table.
	 */
	public function test_activation_creates_the_tables(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		foreach ( $this->migrations()->tables() as $table ) {
			self::assertTrue( $this->table_exists( $table ), "{$table} should exist." );
		}
	}

	/**
	 * Activation records the schema version.
	 */
	public function test_activation_stores_the_schema_version(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		$row = $this->option_row( Migrations::VERSION_OPTION );
		self::assertNotNull( $row );
		self::assertSame( (string) $this->migrations()->latest_version(), $row['option_value'] );
	}

	/**
	 * Activation gives administrators every LiveDesk capability.
	 */
	public function test_activation_grants_administrators_every_capability(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		$administrator = get_role( 'administrator' );
		self::assertNotNull( $administrator );
		foreach ( Capabilities::all() as $capability ) {
			self::assertTrue( $administrator->has_cap( $capability ), "administrator should have {$capability}." );
		}
	}

	/**
	 * Activation creates the agent role: view and chat, not manage.
	 */
	public function test_activation_creates_the_agent_role(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		$agent = get_role( Capabilities::AGENT_ROLE );
		self::assertNotNull( $agent );
		self::assertTrue( $agent->has_cap( 'read' ) );
		self::assertTrue( $agent->has_cap( Capabilities::VIEW ) );
		self::assertTrue( $agent->has_cap( Capabilities::CHAT ) );
		self::assertFalse( $agent->has_cap( Capabilities::MANAGE ) );
		self::assertSame( 'LiveDesk Agent', wp_roles()->role_names[ Capabilities::AGENT_ROLE ] );
	}

	/**
	 * Activation creates the two 64-hex secrets (sidecar signing, identity
	 * verification), different and not autoloaded.
	 */
	public function test_activation_creates_a_secret_that_is_not_autoloaded(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		foreach ( array( Secret::OPTION, Secret::IDENTITY_OPTION ) as $option ) {
			$row = $this->option_row( $option );
			self::assertNotNull( $row, "{$option} should be created." );
			self::assertMatchesRegularExpression( '/^[0-9a-f]{64}$/D', $row['option_value'] );
			self::assertNotContains( $row['autoload'], wp_autoload_values_to_autoload() );
		}
		self::assertNotSame( get_option( Secret::OPTION ), get_option( Secret::IDENTITY_OPTION ) );
	}

	/**
	 * Activation stores tracking and consent mode with their defaults,
	 * autoloaded, so front-end pages read them without a query.
	 */
	public function test_activation_stores_the_front_end_settings_autoloaded(): void {
		$this->remove_plugin_data();

		$this->reactivate();

		foreach ( array(
			Settings::TRACKING      => '1',
			Settings::CONSENT_MODE  => '0',
			Settings::CHAT_ENABLED  => '1',
			Settings::CHAT_COLOR    => '#2563eb',
			Settings::CHAT_POSITION => 'right',
		) as $option => $value ) {
			$row = $this->option_row( $option );
			self::assertNotNull( $row, "{$option} should be stored." );
			self::assertSame( $value, $row['option_value'] );
			self::assertContains( $row['autoload'], wp_autoload_values_to_autoload() );
		}
	}

	/**
	 * Activation keeps the front-end settings a site chose.
	 */
	public function test_activation_keeps_chosen_front_end_settings(): void {
		$settings = new Settings();
		$settings->set_tracking( false );
		$settings->set_consent_mode( true );

		$this->reactivate();
		wp_cache_flush();

		self::assertFalse( $settings->tracking() );
		self::assertTrue( $settings->consent_mode() );
	}

	/**
	 * A second activation keeps the secret, and everything else.
	 */
	public function test_second_activation_changes_nothing(): void {
		$before = $this->snapshot();

		$this->reactivate();

		self::assertSame( $before, $this->snapshot() );
	}

	/**
	 * Deactivation keeps tables, options, the role and the capabilities.
	 */
	public function test_deactivation_keeps_all_data(): void {
		$before = $this->snapshot();

		do_action( 'deactivate_livedesk/livedesk.php', false ); // phpcs:ignore WordPress.NamingConventions.ValidHookName.UseUnderscores, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own hook name.

		self::assertSame( $before, $this->snapshot() );
		foreach ( $this->migrations()->tables() as $table ) {
			self::assertTrue( $this->table_exists( $table ) );
		}
	}

	/**
	 * A site whose schema is behind the code is upgraded on init, without a
	 * reactivation (a plugin update over FTP, a site of a network activation).
	 */
	public function test_init_upgrades_a_site_whose_schema_is_behind(): void {
		$this->remove_plugin_data();
		self::assertTrue( $this->migrations()->needs_upgrade() );

		// Only LiveDesk's own init callback: firing all of init again would
		// re-register core's post types and blocks.
		$callback = $this->hooked_callback( 'init', Lifecycle::class );
		$callback();

		self::assertFalse( $this->migrations()->needs_upgrade() );
		self::assertTrue( $this->table_exists( $this->migrations()->tables()[0] ) );
		self::assertNotNull( get_role( Capabilities::AGENT_ROLE ) );
		self::assertNotNull( $this->option_row( Secret::OPTION ) );
	}

	/**
	 * Removes everything the plugin stores, as on a site where it was never
	 * activated. Written with plain SQL and WordPress APIs so that it does not
	 * depend on the code under test.
	 */
	private function remove_plugin_data(): void {
		$wpdb = $this->wpdb();
		foreach ( $this->migrations()->tables() as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- test fixture; WPCS 2.3 predates %i.
			$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table ) );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- test fixture; WPCS 2.3 predates %i.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE option_name LIKE %s', $wpdb->options, 'livedesk\_%' ) );
		wp_cache_flush();

		remove_role( Capabilities::AGENT_ROLE );
		$administrator = get_role( 'administrator' );
		self::assertNotNull( $administrator );
		foreach ( Capabilities::all() as $capability ) {
			$administrator->remove_cap( $capability );
		}

		self::assertFalse( $this->table_exists( $this->migrations()->tables()[0] ) );
	}

	/**
	 * What the plugin stores: its options (raw rows), the agent role and the
	 * administrator's LiveDesk capabilities, and its tables' definitions.
	 *
	 * @return array<string, mixed>
	 */
	private function snapshot(): array {
		$wpdb    = $this->wpdb();
		$options = array();
		foreach ( array( Migrations::VERSION_OPTION, Secret::OPTION, Settings::TRACKING, Settings::CONSENT_MODE ) as $name ) {
			$options[ $name ] = $this->option_row( $name );
		}

		$tables = array();
		foreach ( $this->migrations()->tables() as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
			$tables[ $table ] = $wpdb->get_row( $wpdb->prepare( 'SHOW CREATE TABLE %i', $table ), ARRAY_N );
		}

		wp_roles()->for_site();
		$administrator = get_role( 'administrator' );
		$agent         = get_role( Capabilities::AGENT_ROLE );

		return array(
			'options'            => $options,
			'tables'             => $tables,
			'agent'              => null === $agent ? null : $agent->capabilities,
			'administrator_caps' => null === $administrator ? null : array_intersect_key( $administrator->capabilities, array_flip( Capabilities::all() ) ),
		);
	}

	/**
	 * The callback an instance of a class has on a hook.
	 *
	 * @param string $hook       Hook name.
	 * @param string $class_name Class of the object whose method is hooked.
	 * @return callable
	 */
	private function hooked_callback( string $hook, string $class_name ): callable {
		$registered = $GLOBALS['wp_filter'][ $hook ] ?? null;
		self::assertInstanceOf( \WP_Hook::class, $registered );
		foreach ( $registered->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				if ( is_array( $function ) && $function[0] instanceof $class_name ) {
					return $function;
				}
			}
		}
		self::fail( "No {$class_name} callback on {$hook}." );
	}

	/**
	 * The migrations of the test site.
	 */
	private function migrations(): Migrations {
		return new Migrations( $this->wpdb() );
	}
}
