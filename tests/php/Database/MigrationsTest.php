<?php
/**
 * Tests for LiveDesk\Database\Migrations.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\Migrations;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Migrations on the (activated) test site.
 */
#[CoversClass( Migrations::class )]
final class MigrationsTest extends TestCase {

	/**
	 * The class under test.
	 *
	 * @var Migrations
	 */
	private Migrations $migrations;

	/**
	 * Schema-changing statements seen while a test ran.
	 *
	 * @var list<string>
	 */
	private array $ddl = array();

	/**
	 * Whether the test changed the schema itself (DDL commits the transaction).
	 *
	 * @var bool
	 */
	private bool $ran_ddl = false;

	/** Visitor kept across the upgrade test. */
	private const UPGRADED_KEY = 'feedfacefeedfacefeedfacefeedface';

	/**
	 * Creates the migrations and starts recording DDL.
	 */
	protected function set_up(): void {
		$this->migrations = new Migrations( $this->wpdb() );
		add_filter( 'query', array( $this, 'record_ddl' ) );
	}

	/**
	 * Stops recording DDL; puts back the schema and removes the row a test
	 * that ran DDL had to commit.
	 */
	protected function tear_down(): void {
		remove_filter( 'query', array( $this, 'record_ddl' ) );
		if ( $this->ran_ddl ) {
			$this->reactivate();
			$this->wpdb()->delete( $this->migrations->tables()[0], array( 'visitor_key' => self::UPGRADED_KEY ) );
		}
	}

	/**
	 * Filter callback: remembers CREATE / ALTER / DROP statements.
	 *
	 * @param string $query SQL about to run.
	 */
	public function record_ddl( string $query ): string {
		if ( 1 === preg_match( '/^\s*(CREATE|ALTER|DROP)\b/i', $query ) ) {
			$this->ddl[] = $query;
		}

		return $query;
	}

	/**
	 * Every table name carries the site's prefix.
	 */
	public function test_tables_are_prefixed(): void {
		$prefix = $this->wpdb()->prefix;
		self::assertSame(
			array( $prefix . 'livedesk_visitors', $prefix . 'livedesk_page_views', $prefix . 'livedesk_conversations', $prefix . 'livedesk_messages' ),
			$this->migrations->tables()
		);
	}

	/**
	 * The activated test site is at the latest version.
	 */
	public function test_activated_site_is_up_to_date(): void {
		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
		self::assertFalse( $this->migrations->needs_upgrade() );
	}

	/**
	 * The visitors table has the columns and keys the sidecar relies on.
	 */
	public function test_visitors_table_has_the_expected_columns(): void {
		$wpdb  = $this->wpdb();
		$table = $this->migrations->tables()[0];

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
		$columns = (array) $wpdb->get_results( $wpdb->prepare( 'SHOW COLUMNS FROM %i', $table ), ARRAY_A );
		$types   = array();
		foreach ( $columns as $column ) {
			$types[ (string) $column['Field'] ] = (string) $column['Type'];
		}

		self::assertSame(
			array(
				'id'               => 'bigint(20) unsigned',
				'visitor_key'      => 'char(32)',
				'first_seen'       => 'datetime',
				'last_seen'        => 'datetime',
				'visit_count'      => 'int(10) unsigned',
				'country'          => 'char(2)',
				'region'           => 'varchar(80)',
				'city'             => 'varchar(120)',
				'latitude'         => 'decimal(9,6)',
				'longitude'        => 'decimal(9,6)',
				'timezone'         => 'varchar(64)',
				'browser'          => 'varchar(64)',
				'os'               => 'varchar(64)',
				'device'           => 'varchar(32)',
				'ip'               => 'varchar(45)',
				'language'         => 'varchar(35)',
				'browser_timezone' => 'varchar(64)',
				'referrer'         => 'varchar(2048)',
			),
			$types
		);

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
		$keys = (array) $wpdb->get_results( $wpdb->prepare( 'SHOW INDEX FROM %i', $table ), ARRAY_A );
		$map  = array();
		foreach ( $keys as $key ) {
			$map[ (string) $key['Key_name'] ] = array( (string) $key['Column_name'], 0 === (int) $key['Non_unique'] );
		}
		self::assertSame(
			array(
				'PRIMARY'     => array( 'id', true ),
				'visitor_key' => array( 'visitor_key', true ),
				'last_seen'   => array( 'last_seen', false ),
			),
			$map
		);
	}

	/**
	 * The page views table: the columns the sidecar writes, and an index
	 * that serves "a visitor's latest pages".
	 */
	public function test_page_views_table_has_the_expected_columns(): void {
		$table = $this->migrations->tables()[1];

		self::assertSame(
			array(
				'id'          => 'bigint(20) unsigned',
				'visitor_key' => 'char(32)',
				'path'        => 'varchar(2048)',
				'title'       => 'varchar(300)',
				'viewed_at'   => 'datetime',
			),
			$this->column_types( $table )
		);
		self::assertSame(
			array(
				'PRIMARY'        => array( array( 'id' ), true ),
				'visitor_viewed' => array( array( 'visitor_key', 'viewed_at' ), false ),
				'viewed_at'      => array( array( 'viewed_at' ), false ),
			),
			$this->indexes( $table )
		);
	}

	/**
	 * The conversations table (migration 3): the columns of docs/chat.md, a
	 * unique public id, and a unique open key that is NULL once archived.
	 */
	public function test_conversations_table_has_the_expected_columns(): void {
		$table = $this->migrations->tables()[2];

		self::assertSame(
			array(
				'id'                => 'bigint(20) unsigned',
				'public_id'         => 'char(32)',
				'open_key'          => 'varchar(200)',
				'visitor_key'       => 'char(32)',
				'status'            => 'varchar(16)',
				'source'            => 'varchar(16)',
				'name'              => 'varchar(100)',
				'email'             => 'varchar(254)',
				'identity_id'       => 'varchar(191)',
				'verified'          => 'tinyint(1)',
				'custom_data'       => 'text',
				'assigned_agent_id' => 'bigint(20) unsigned',
				'ip'                => 'varchar(45)',
				'country'           => 'char(2)',
				'region'            => 'varchar(80)',
				'city'              => 'varchar(120)',
				'timezone'          => 'varchar(64)',
				'browser'           => 'varchar(64)',
				'os'                => 'varchar(64)',
				'device'            => 'varchar(32)',
				'language'          => 'varchar(35)',
				'pages'             => 'text',
				'last_seen'         => 'datetime(3)',
				'created_at'        => 'datetime(3)',
				'updated_at'        => 'datetime(3)',
				'last_message_at'   => 'datetime(3)',
				'archived_at'       => 'datetime(3)',
			),
			$this->column_types( $table )
		);
		self::assertSame(
			array(
				'PRIMARY'         => array( array( 'id' ), true ),
				'public_id'       => array( array( 'public_id' ), true ),
				'open_key'        => array( array( 'open_key' ), true ),
				'visitor_key'     => array( array( 'visitor_key' ), false ),
				'identity_id'     => array( array( 'identity_id' ), false ),
				'updated_at'      => array( array( 'updated_at' ), false ),
				'status_activity' => array( array( 'status', 'last_message_at' ), false ),
			),
			$this->indexes( $table )
		);
	}

	/**
	 * The messages table: one row per (conversation, client message id),
	 * and an index for "a conversation's messages after an id".
	 */
	public function test_messages_table_has_the_expected_columns(): void {
		$table = $this->migrations->tables()[3];

		self::assertSame(
			array(
				'id'              => 'bigint(20) unsigned',
				'conversation_id' => 'bigint(20) unsigned',
				'client_id'       => 'varchar(64)',
				'author'          => 'varchar(8)',
				'agent_id'        => 'bigint(20) unsigned',
				'body'            => 'text',
				'created_at'      => 'datetime(3)',
				'read_at'         => 'datetime(3)',
			),
			$this->column_types( $table )
		);
		self::assertSame(
			array(
				'PRIMARY'            => array( array( 'id' ), true ),
				'client_message'     => array( array( 'conversation_id', 'client_id' ), true ),
				'conversation_order' => array( array( 'conversation_id', 'id' ), false ),
			),
			$this->indexes( $table )
		);
	}

	/**
	 * A site at version 1 is upgraded in place: the visitors table gets the
	 * new columns and keeps its rows, the page views table is created, and
	 * the later migrations run too.
	 */
	public function test_upgrade_from_version_1_keeps_visitors(): void {
		$wpdb = $this->wpdb();
		list( $visitors, $page_views, $conversations, $messages ) = $this->migrations->tables();
		$this->ran_ddl = true;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.SchemaChange -- putting the schema back to version 1; WPCS 2.3 predates %i.
		foreach ( array( $page_views, $conversations, $messages ) as $table ) {
			$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table ) );
		}
		$wpdb->query( $wpdb->prepare( 'ALTER TABLE %i DROP COLUMN language, DROP COLUMN browser_timezone, DROP COLUMN referrer', $visitors ) );
		// phpcs:enable
		$wpdb->insert(
			$visitors,
			array(
				'visitor_key' => self::UPGRADED_KEY,
				'first_seen'  => '2026-01-01 00:00:00',
				'last_seen'   => '2026-01-02 00:00:00',
				'city'        => 'Lisbon',
			)
		);
		update_option( Migrations::VERSION_OPTION, 1 );

		self::assertTrue( $this->migrations->run() );

		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
		foreach ( array( $page_views, $conversations, $messages ) as $table ) {
			self::assertTrue( $this->table_exists( $table ), "{$table} should be created." );
		}
		self::assertArrayHasKey( 'referrer', $this->column_types( $visitors ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- checking the stored row; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT city, language, referrer FROM %i WHERE visitor_key = %s', $visitors, self::UPGRADED_KEY ), ARRAY_A );
		self::assertSame(
			array(
				'city'     => 'Lisbon',
				'language' => '',
				'referrer' => '',
			),
			$row
		);
	}

	/**
	 * Running on an up-to-date site does nothing at all.
	 */
	public function test_run_on_an_up_to_date_site_does_nothing(): void {
		self::assertTrue( $this->migrations->run() );

		self::assertSame( array(), $this->ddl );
		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
	}

	/**
	 * Running every migration again over the existing tables raises no error
	 * and changes no column (dbDelta() finds nothing to alter).
	 */
	public function test_running_every_migration_twice_changes_nothing(): void {
		$before = $this->create_statements();
		update_option( Migrations::VERSION_OPTION, 0 );

		self::assertTrue( $this->migrations->run() );

		self::assertSame( '', $this->wpdb()->last_error );
		self::assertSame( array(), $this->ddl, 'dbDelta() should not alter an up-to-date table.' );
		self::assertSame( $before, $this->create_statements() );
		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
		self::assertNull( $this->option_row( Migrations::LOCK_OPTION ), 'The lock should be released.' );
	}

	/**
	 * A migration whose SQL fails is not recorded as done: the next run
	 * tries it again instead of leaving the site without its tables.
	 */
	public function test_failed_migration_is_not_recorded_and_is_retried(): void {
		update_option( Migrations::VERSION_OPTION, 0 );
		// dbDelta() is made to believe the table is missing, so its CREATE TABLE
		// fails ("already exists"): a stand-in for a missing privilege or a bad column.
		$hide_table = static function ( string $query ): string {
			return str_starts_with( $query, 'DESCRIBE' ) && str_contains( $query, 'livedesk_visitors' )
				? 'DESCRIBE livedesk_no_such_table;'
				: $query;
		};
		add_filter( 'query', $hide_table );
		$suppress = $this->wpdb()->suppress_errors( true );
		try {
			self::assertFalse( $this->migrations->run() );
		} finally {
			$this->wpdb()->suppress_errors( $suppress );
			remove_filter( 'query', $hide_table );
		}

		self::assertSame( 0, $this->migrations->installed_version() );
		self::assertStringContainsString( 'livedesk_visitors', $this->migrations->last_error() );
		self::assertNull( $this->option_row( Migrations::LOCK_OPTION ), 'The lock should be released.' );

		self::assertTrue( $this->migrations->run() );
		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
		self::assertSame( '', $this->migrations->last_error() );
	}

	/**
	 * While another run holds the lock, a second run does nothing.
	 */
	public function test_run_backs_off_while_another_run_holds_the_lock(): void {
		update_option( Migrations::VERSION_OPTION, 0 );
		$this->insert_lock( time() );

		self::assertFalse( $this->migrations->run() );

		self::assertSame( 0, $this->migrations->installed_version() );
		self::assertNotNull( $this->option_row( Migrations::LOCK_OPTION ), 'Another run\'s lock must be left alone.' );
	}

	/**
	 * A lock left by a run that died long ago does not block upgrades forever.
	 */
	public function test_run_takes_over_a_stale_lock(): void {
		update_option( Migrations::VERSION_OPTION, 0 );
		$this->insert_lock( time() - HOUR_IN_SECONDS );

		self::assertTrue( $this->migrations->run() );

		self::assertSame( $this->migrations->latest_version(), $this->migrations->installed_version() );
		self::assertNull( $this->option_row( Migrations::LOCK_OPTION ) );
	}

	/**
	 * Inserts a lock row as another run would.
	 *
	 * @param int $time When the lock was taken.
	 */
	private function insert_lock( int $time ): void {
		$this->wpdb()->insert(
			$this->wpdb()->options,
			array(
				'option_name'  => Migrations::LOCK_OPTION,
				'option_value' => (string) $time,
				'autoload'     => 'off',
			)
		);
	}

	/**
	 * Column types of a table, by column name.
	 *
	 * @param string $table Table.
	 * @return array<string, string>
	 */
	private function column_types( string $table ): array {
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
		$columns = (array) $wpdb->get_results( $wpdb->prepare( 'SHOW COLUMNS FROM %i', $table ), ARRAY_A );
		$types   = array();
		foreach ( $columns as $column ) {
			$types[ (string) $column['Field'] ] = (string) $column['Type'];
		}

		return $types;
	}

	/**
	 * Indexes of a table: name → [columns in order, unique].
	 *
	 * @param string $table Table.
	 * @return array<string, array{list<string>, bool}>
	 */
	private function indexes( string $table ): array {
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
		$keys    = (array) $wpdb->get_results( $wpdb->prepare( 'SHOW INDEX FROM %i', $table ), ARRAY_A );
		$columns = array();
		$unique  = array();
		foreach ( $keys as $key ) {
			$name = (string) $key['Key_name'];
			$columns[ $name ][ (int) $key['Seq_in_index'] ] = (string) $key['Column_name'];
			$unique[ $name ]                                = 0 === (int) $key['Non_unique'];
		}
		$map = array();
		foreach ( $columns as $name => $in_index ) {
			ksort( $in_index );
			$map[ $name ] = array( array_values( $in_index ), $unique[ $name ] );
		}

		return $map;
	}

	/**
	 * SHOW CREATE TABLE of every plugin table.
	 *
	 * @return array<string, string>
	 */
	private function create_statements(): array {
		$wpdb       = $this->wpdb();
		$statements = array();
		foreach ( $this->migrations->tables() as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- reading the schema; WPCS 2.3 predates %i.
			$row                  = $wpdb->get_row( $wpdb->prepare( 'SHOW CREATE TABLE %i', $table ), ARRAY_N );
			$statements[ $table ] = is_array( $row ) ? (string) $row[1] : '';
		}

		return $statements;
	}
}
