<?php
/**
 * Numbered schema migrations.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Brings the plugin's tables up to the latest schema version.
 *
 * Each migration is numbered; the highest one applied is stored in
 * `livedesk_db_version`. Runs are serialised with a row lock in the options
 * table, so two requests that notice an outdated schema at the same time do
 * not both run a migration.
 */
final class Migrations {

	/** Option that stores the number of the last migration applied. */
	public const VERSION_OPTION = 'livedesk_db_version';

	/** Option used as a lock while migrations run. */
	public const LOCK_OPTION = 'livedesk_migration_lock';

	/** A lock older than this many seconds belongs to a run that died. */
	private const LOCK_TIMEOUT = 600;

	/**
	 * Unprefixed names of every table the migrations create. Uninstall drops
	 * exactly these, so a migration that adds a table adds it here too.
	 */
	private const TABLES = array( 'livedesk_visitors', 'livedesk_page_views', 'livedesk_conversations', 'livedesk_messages' );

	/**
	 * Database connection.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Why the last run stopped, if a migration failed.
	 *
	 * @var string
	 */
	private string $last_error = '';

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb Database connection.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * Prefixed names of every table the plugin owns.
	 *
	 * @return list<string>
	 */
	public function tables(): array {
		$tables = array();
		foreach ( self::TABLES as $table ) {
			$tables[] = $this->wpdb->prefix . $table;
		}

		return $tables;
	}

	/**
	 * Number of the newest migration.
	 */
	public function latest_version(): int {
		return max( array_keys( $this->migrations() ) );
	}

	/**
	 * Number of the last migration applied to this site (0 for none).
	 */
	public function installed_version(): int {
		$version = get_option( self::VERSION_OPTION, 0 );

		return is_numeric( $version ) ? (int) $version : 0;
	}

	/**
	 * Whether migrations are waiting to run.
	 */
	public function needs_upgrade(): bool {
		return $this->installed_version() < $this->latest_version();
	}

	/**
	 * Applies every pending migration in order.
	 *
	 * @return bool False when another run holds the lock (nothing was done)
	 *              or a migration failed (see last_error()), true otherwise.
	 */
	public function run(): bool {
		$this->last_error = '';
		if ( ! $this->needs_upgrade() ) {
			return true;
		}

		if ( ! $this->acquire_lock() ) {
			return false;
		}

		try {
			require_once ABSPATH . 'wp-admin/includes/upgrade.php';

			// Read again under the lock: another run may just have finished.
			$installed = $this->installed_version();
			foreach ( $this->migrations() as $version => $migration ) {
				if ( $version <= $installed ) {
					continue;
				}
				// dbDelta() reports no failure; wpdb's last error does (each
				// query resets it, so it is the error of the statement that failed last).
				$this->wpdb->flush();
				$migration();
				$error = (string) $this->wpdb->last_error;
				if ( '' !== $error ) {
					$this->last_error = sprintf( 'LiveDesk migration %d failed: %s', $version, $error );
					error_log( $this->last_error ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- a failed schema change must reach the site's log.
					return false;
				}
				// Recorded after each step, so a failure part-way resumes
				// from the first migration that did not finish.
				update_option( self::VERSION_OPTION, $version, true );
			}
		} finally {
			$this->release_lock();
		}

		return true;
	}

	/**
	 * Why the last run() stopped at a failed migration ('' when it did not).
	 */
	public function last_error(): string {
		return $this->last_error;
	}

	/**
	 * The migrations, keyed by number. Numbers are never reused or
	 * reordered once released.
	 *
	 * @return non-empty-array<int, callable(): void>
	 */
	private function migrations(): array {
		return array(
			1 => array( $this, 'migration_1_create_visitors' ),
			2 => array( $this, 'migration_2_page_views_and_visit_details' ),
			3 => array( $this, 'migration_3_conversations_and_messages' ),
		);
	}

	/**
	 * Migration 1: the visitors table.
	 *
	 * Formatted for dbDelta(): one column per line, two spaces after
	 * PRIMARY KEY, and integer display widths spelled out because MariaDB
	 * reports them and dbDelta() would otherwise "fix" the columns each run.
	 */
	private function migration_1_create_visitors(): void {
		$table   = $this->wpdb->prefix . 'livedesk_visitors';
		$collate = $this->wpdb->get_charset_collate();

		dbDelta(
			"CREATE TABLE {$table} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_key char(32) NOT NULL,
first_seen datetime NOT NULL,
last_seen datetime NOT NULL,
visit_count int(10) unsigned NOT NULL DEFAULT 1,
country char(2) NOT NULL DEFAULT '',
region varchar(80) NOT NULL DEFAULT '',
city varchar(120) NOT NULL DEFAULT '',
latitude decimal(9,6) NULL,
longitude decimal(9,6) NULL,
timezone varchar(64) NOT NULL DEFAULT '',
browser varchar(64) NOT NULL DEFAULT '',
os varchar(64) NOT NULL DEFAULT '',
device varchar(32) NOT NULL DEFAULT '',
ip varchar(45) NOT NULL DEFAULT '',
PRIMARY KEY  (id),
UNIQUE KEY visitor_key (visitor_key),
KEY last_seen (last_seen)
) {$collate};"
		);
	}

	/**
	 * Migration 2: the page views table, and the visit details agents see
	 * (browser language, first referrer) on the visitors table.
	 *
	 * The sidecar writes both tables (batched); times are UTC. Paths and
	 * referrers never hold a query string or fragment.
	 */
	private function migration_2_page_views_and_visit_details(): void {
		$visitors   = $this->wpdb->prefix . 'livedesk_visitors';
		$page_views = $this->wpdb->prefix . 'livedesk_page_views';
		$collate    = $this->wpdb->get_charset_collate();

		dbDelta(
			"CREATE TABLE {$visitors} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_key char(32) NOT NULL,
first_seen datetime NOT NULL,
last_seen datetime NOT NULL,
visit_count int(10) unsigned NOT NULL DEFAULT 1,
country char(2) NOT NULL DEFAULT '',
region varchar(80) NOT NULL DEFAULT '',
city varchar(120) NOT NULL DEFAULT '',
latitude decimal(9,6) NULL,
longitude decimal(9,6) NULL,
timezone varchar(64) NOT NULL DEFAULT '',
browser varchar(64) NOT NULL DEFAULT '',
os varchar(64) NOT NULL DEFAULT '',
device varchar(32) NOT NULL DEFAULT '',
ip varchar(45) NOT NULL DEFAULT '',
language varchar(35) NOT NULL DEFAULT '',
browser_timezone varchar(64) NOT NULL DEFAULT '',
referrer varchar(2048) NOT NULL DEFAULT '',
PRIMARY KEY  (id),
UNIQUE KEY visitor_key (visitor_key),
KEY last_seen (last_seen)
) {$collate};"
		);

		dbDelta(
			"CREATE TABLE {$page_views} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_key char(32) NOT NULL,
path varchar(2048) NOT NULL,
title varchar(300) NOT NULL DEFAULT '',
viewed_at datetime NOT NULL,
PRIMARY KEY  (id),
KEY visitor_viewed (visitor_key,viewed_at),
KEY viewed_at (viewed_at)
) {$collate};"
		);
	}

	/**
	 * Takes the lock with a single INSERT IGNORE: the unique option_name
	 * makes it atomic, which add_option() (check, then upsert) is not.
	 * A lock left behind by a run that died is cleared after LOCK_TIMEOUT.
	 */
	private function acquire_lock(): bool {
		$wpdb = $this->wpdb;

		// The lock must bypass the options cache to be shared between requests.
		// WPCS 2.3 predates the %i (identifier) placeholder of WordPress 6.2.
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber
		$wpdb->query(
			$wpdb->prepare(
				'DELETE FROM %i WHERE option_name = %s AND option_value < %d',
				$wpdb->options,
				self::LOCK_OPTION,
				time() - self::LOCK_TIMEOUT
			)
		);

		$inserted = $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')",
				$wpdb->options,
				self::LOCK_OPTION,
				(string) time()
			)
		);
		// phpcs:enable

		return 1 === $inserted;
	}

	/**
	 * Releases the lock taken by acquire_lock().
	 */
	private function release_lock(): void {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see acquire_lock().
		$this->wpdb->delete( $this->wpdb->options, array( 'option_name' => self::LOCK_OPTION ), array( '%s' ) );
	}

	/**
	 * Migration 3: live chat (see docs/chat.md). Conversations have a public
	 * random id; `open_key` is unique while a conversation is open (NULL once
	 * archived), so a visitor or verified identity has at most one open
	 * conversation however many requests race to start one. Messages are
	 * unique per (conversation, client message id): a resent message lands
	 * on the row it already has. Times are UTC with milliseconds.
	 */
	private function migration_3_conversations_and_messages(): void {
		$conversations = $this->wpdb->prefix . 'livedesk_conversations';
		$messages      = $this->wpdb->prefix . 'livedesk_messages';
		$collate       = $this->wpdb->get_charset_collate();

		dbDelta(
			"CREATE TABLE {$conversations} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
public_id char(32) NOT NULL,
open_key varchar(200) NULL,
visitor_key char(32) NOT NULL DEFAULT '',
status varchar(16) NOT NULL DEFAULT 'open',
source varchar(16) NOT NULL DEFAULT 'widget',
name varchar(100) NOT NULL DEFAULT '',
email varchar(254) NOT NULL DEFAULT '',
identity_id varchar(191) NOT NULL DEFAULT '',
verified tinyint(1) NOT NULL DEFAULT 0,
custom_data text NULL,
assigned_agent_id bigint(20) unsigned NULL,
ip varchar(45) NOT NULL DEFAULT '',
country char(2) NOT NULL DEFAULT '',
region varchar(80) NOT NULL DEFAULT '',
city varchar(120) NOT NULL DEFAULT '',
timezone varchar(64) NOT NULL DEFAULT '',
browser varchar(64) NOT NULL DEFAULT '',
os varchar(64) NOT NULL DEFAULT '',
device varchar(32) NOT NULL DEFAULT '',
language varchar(35) NOT NULL DEFAULT '',
pages text NULL,
last_seen datetime(3) NULL,
created_at datetime(3) NOT NULL,
updated_at datetime(3) NOT NULL,
last_message_at datetime(3) NULL,
archived_at datetime(3) NULL,
PRIMARY KEY  (id),
UNIQUE KEY public_id (public_id),
UNIQUE KEY open_key (open_key),
KEY visitor_key (visitor_key),
KEY identity_id (identity_id),
KEY updated_at (updated_at),
KEY status_activity (status,last_message_at)
) {$collate};"
		);

		dbDelta(
			"CREATE TABLE {$messages} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
conversation_id bigint(20) unsigned NOT NULL,
client_id varchar(64) NOT NULL,
author varchar(8) NOT NULL,
agent_id bigint(20) unsigned NULL,
body text NOT NULL,
created_at datetime(3) NOT NULL,
read_at datetime(3) NULL,
PRIMARY KEY  (id),
UNIQUE KEY client_message (conversation_id,client_id),
KEY conversation_order (conversation_id,id)
) {$collate};"
		);
	}
}
