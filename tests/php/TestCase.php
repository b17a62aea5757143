<?php
/**
 * Base class of the integration tests.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use WP_REST_Request;
use WP_REST_Response;

/**
 * Runs each test in a database transaction that is rolled back afterwards,
 * with a fresh REST server and no current user.
 *
 * DDL (CREATE / DROP TABLE, which dbDelta() and uninstall run) commits the
 * open transaction implicitly, so a test that runs DDL must put the site back
 * itself, e.g. with reactivate() in tear_down().
 *
 * Subclasses override set_up() / tear_down(), not setUp() / tearDown().
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * Starts the transaction and resets per-test globals.
	 */
	final protected function setUp(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- PHPUnit's name.
		parent::setUp();
		$this->reset_globals();
		$this->wpdb()->query( 'START TRANSACTION' );
		$this->set_up();
	}

	/**
	 * Rolls the transaction back and resets per-test globals.
	 */
	final protected function tearDown(): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- PHPUnit's name.
		$this->tear_down();
		$this->wpdb()->query( 'ROLLBACK' );
		$this->reset_globals();
		parent::tearDown();
	}

	/**
	 * Per-test set-up of a subclass; runs inside the transaction.
	 */
	protected function set_up(): void {
	}

	/**
	 * Per-test clean-up of a subclass; runs before the rollback.
	 */
	protected function tear_down(): void {
	}

	/**
	 * The database connection.
	 */
	protected function wpdb(): \wpdb {
		global $wpdb;

		return $wpdb;
	}

	/**
	 * Creates a user with a role and returns its id.
	 *
	 * @param string $role Role name, e.g. "administrator".
	 */
	protected function create_user( string $role ): int {
		$login   = 'user_' . wp_generate_password( 12, false );
		$user_id = wp_insert_user(
			array(
				'user_login' => $login,
				'user_email' => $login . '@example.org',
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		if ( is_wp_error( $user_id ) ) {
			self::fail( 'Could not create a user: ' . $user_id->get_error_message() );
		}

		return $user_id;
	}

	/**
	 * Sends a request through the real REST server.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	protected function dispatch( WP_REST_Request $request ): WP_REST_Response {
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Drops the REST server, so the next rest_get_server() builds a new one
	 * and fires rest_api_init again.
	 */
	protected function reset_rest_server(): void {
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Runs the plugin's activation hook, as activating it in wp-admin does.
	 * Brings back anything a test removed (tables, options, role, caps).
	 */
	protected function reactivate(): void {
		do_action( 'activate_livedesk/livedesk.php', false ); // phpcs:ignore WordPress.NamingConventions.ValidHookName.UseUnderscores -- WordPress's own hook name.
	}

	/**
	 * Whether a table exists.
	 *
	 * @param string $table Full table name.
	 */
	protected function table_exists( string $table ): bool {
		$wpdb = $this->wpdb();

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checking the schema itself.
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}

	/**
	 * Reads an option row straight from the database, bypassing every cache.
	 *
	 * @param string $name Option name.
	 * @return array{option_value: string, autoload: string}|null Null when the option does not exist.
	 */
	protected function option_row( string $name ): ?array {
		$wpdb = $this->wpdb();

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the stored row, not a cached value; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT option_value, autoload FROM %i WHERE option_name = %s', $wpdb->options, $name ), ARRAY_A );
		if ( ! is_array( $row ) ) {
			return null;
		}

		return array(
			'option_value' => (string) $row['option_value'],
			'autoload'     => (string) $row['autoload'],
		);
	}

	/**
	 * Forgets what a previous test left in memory: the object cache (options,
	 * users), the roles, the current user and the REST server.
	 */
	private function reset_globals(): void {
		wp_cache_flush();
		wp_roles()->for_site();
		wp_set_current_user( 0 );
		$this->reset_rest_server();
	}
}
