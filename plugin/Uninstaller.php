<?php
/**
 * Removal of the plugin's data when the plugin is deleted.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

use LiveDesk\Database\Migrations;

/**
 * Deletes everything LiveDesk stored on the current site, but only when the
 * site opted in with the `livedesk_delete_data_on_uninstall` setting:
 * deleting a plugin to reinstall it must not cost a site its chat history.
 */
final class Uninstaller {

	/**
	 * Database connection.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Migrations, the one list of the plugin's tables.
	 *
	 * @var Migrations
	 */
	private Migrations $migrations;

	/**
	 * Capabilities and role.
	 *
	 * @var Capabilities
	 */
	private Capabilities $capabilities;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param \wpdb        $wpdb         Database connection.
	 * @param Migrations   $migrations   Migrations.
	 * @param Capabilities $capabilities Capabilities and role.
	 * @param Settings     $settings     Settings storage.
	 */
	public function __construct( \wpdb $wpdb, Migrations $migrations, Capabilities $capabilities, Settings $settings ) {
		$this->wpdb         = $wpdb;
		$this->migrations   = $migrations;
		$this->capabilities = $capabilities;
		$this->settings     = $settings;
	}

	/**
	 * Removes the plugin's tables, options, role and capabilities if the site
	 * opted in; otherwise does nothing.
	 *
	 * @return bool Whether data was removed.
	 */
	public function uninstall(): bool {
		if ( ! $this->settings->delete_data_on_uninstall() ) {
			return false;
		}

		$wpdb = $this->wpdb;
		foreach ( $this->migrations->tables() as $table ) {
			// Removing the plugin's own tables is the point of this method.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- WPCS 2.3 predates %i.
			$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table ) );
		}

		foreach ( $this->option_names() as $option ) {
			delete_option( $option );
		}

		$this->capabilities->uninstall();

		return true;
	}

	/**
	 * Every option the plugin stored: `livedesk_*` and its transients.
	 *
	 * @return list<string>
	 */
	private function option_names(): array {
		$wpdb     = $this->wpdb;
		$patterns = array( 'livedesk_', '_transient_livedesk_', '_transient_timeout_livedesk_' );
		$names    = array();
		foreach ( $patterns as $pattern ) {
			// A one-off listing on uninstall: there is no API for "options by prefix".
			// WPCS 2.3 predates the %i (identifier) placeholder of WordPress 6.2.
			// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber
			$found = $wpdb->get_col(
				$wpdb->prepare(
					'SELECT option_name FROM %i WHERE option_name LIKE %s',
					$wpdb->options,
					$wpdb->esc_like( $pattern ) . '%'
				)
			);
			// phpcs:enable
			foreach ( $found as $name ) {
				$names[] = (string) $name;
			}
		}

		return $names;
	}
}
