<?php
/**
 * SQL for the conversations table.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Reads and writes `{prefix}livedesk_conversations` (docs/chat.md).
 *
 * The sidecar writes the same table under the same rules; the unique keys
 * are the shared truth: `public_id` (128 random bits) and `open_key` (one
 * open conversation per visitor or verified identity, NULL once archived).
 * Times are UTC `datetime(3)` strings (see Time).
 *
 * @phpstan-type PageSnapshot array{path: string, title: string, viewed_at: string}
 * @phpstan-type ConversationRow array{id: int, public_id: string, open_key: string|null, visitor_key: string, status: string, source: string, name: string, email: string, identity_id: string, verified: bool, custom_data: array<string, string>, assigned_agent_id: int|null, ip: string, country: string, region: string, city: string, timezone: string, browser: string, os: string, device: string, language: string, pages: list<PageSnapshot>, last_seen: string|null, created_at: string, updated_at: string, last_message_at: string|null, archived_at: string|null}
 */
final class ConversationsRepository {

	/**
	 * Bumps `updated_at` to now, and always by at least a millisecond: two
	 * changes never share a value (the sidecar's tail tells them apart by it,
	 * and uses the same rule). One placeholder: now.
	 */
	private const TOUCH = 'updated_at = GREATEST(updated_at + INTERVAL 1000 MICROSECOND, %s)';


	/** Columns a caller may set when creating or updating a conversation. */
	public const WRITABLE = array( 'visitor_key', 'source', 'name', 'email', 'identity_id', 'verified', 'custom_data', 'ip', 'country', 'region', 'city', 'timezone', 'browser', 'os', 'device', 'language', 'pages', 'last_seen' );

	/** Text columns with their length in characters (as in migration 3), cut to fit on write. */
	private const TEXT_LIMITS = array(
		'visitor_key' => 32,
		'source'      => 16,
		'name'        => 100,
		'email'       => 254,
		'identity_id' => 191,
		'ip'          => 45,
		'country'     => 2,
		'region'      => 80,
		'city'        => 120,
		'timezone'    => 64,
		'browser'     => 64,
		'os'          => 64,
		'device'      => 32,
		'language'    => 35,
	);

	/** Largest JSON kept in a TEXT column, in bytes (TEXT holds 65,535). */
	private const JSON_MAX_BYTES = 65000;

	/** How many times create_open() tries before it gives up. */
	private const CREATE_ATTEMPTS = 3;

	/**
	 * Database connection.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb Database connection.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * The table's full name.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'livedesk_conversations';
	}

	/**
	 * A new public id: 128 random bits as lowercase hex.
	 */
	public static function new_public_id(): string {
		return bin2hex( random_bytes( 16 ) );
	}

	/**
	 * The open conversation of an open key, creating it when there is none.
	 *
	 * Atomic through the unique `open_key`: when two requests (or a request
	 * and the sidecar) race, both INSERT, one wins, and the loser reads the
	 * winner. A winner archived in between frees the key, so the loser tries
	 * again.
	 *
	 * @param string               $open_key `v:<visitor id>`, `i:<identity id>`, ...
	 * @param array<string, mixed> $fields   Columns of WRITABLE for a new row.
	 * @return array{conversation: ConversationRow, created: bool}|null Null when the database failed.
	 */
	public function create_open( string $open_key, array $fields ): ?array {
		for ( $attempt = 0; $attempt < self::CREATE_ATTEMPTS; $attempt++ ) {
			// Reading first keeps the duplicate-key path for real races.
			$existing = $this->find_open( $open_key );
			if ( null !== $existing ) {
				return array(
					'conversation' => $existing,
					'created'      => false,
				);
			}

			$now = Time::now();
			$row = $this->columns( $fields ) + array(
				'public_id'  => self::new_public_id(),
				'open_key'   => $open_key,
				'status'     => 'open',
				'created_at' => $now,
				'updated_at' => $now,
			);

			// A lost race is a duplicate-key error, which is expected here.
			$suppress = $this->wpdb->suppress_errors( true );
			$inserted = $this->wpdb->insert( $this->table(), $row ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table.
			$this->wpdb->suppress_errors( $suppress );

			if ( 1 === $inserted ) {
				$created = $this->find_by_id( (int) $this->wpdb->insert_id );
				return null === $created ? null : array(
					'conversation' => $created,
					'created'      => true,
				);
			}
		}

		// Still no winner to read: the database is failing, not racing.
		return null;
	}

	/**
	 * The open conversation holding an open key.
	 *
	 * @param string $open_key Open key.
	 * @return ConversationRow|null
	 */
	public function find_open( string $open_key ): ?array {
		return $this->find_where( 'open_key = %s', $open_key );
	}

	/**
	 * A visitor's most recent open conversation, whatever its open key (a
	 * conversation re-keyed to a verified identity stays the browser's own).
	 *
	 * @param string $visitor_key 32 lowercase hex characters.
	 * @return ConversationRow|null
	 */
	public function find_open_for_visitor( string $visitor_key ): ?array {
		if ( '' === $visitor_key ) {
			return null;
		}

		return $this->find_where( "visitor_key = %s AND status = 'open' ORDER BY id DESC LIMIT 1", $visitor_key );
	}

	/**
	 * A conversation by its public id.
	 *
	 * @param string $public_id 32 lowercase hex characters.
	 * @return ConversationRow|null
	 */
	public function find( string $public_id ): ?array {
		return $this->find_where( 'public_id = %s', $public_id );
	}

	/**
	 * A conversation by its row id.
	 *
	 * @param int $id Row id.
	 * @return ConversationRow|null
	 */
	public function find_by_id( int $id ): ?array {
		return $this->find_where( 'id = %d', $id );
	}

	/**
	 * A page of conversations with a status, newest activity first.
	 *
	 * @param string $status 'open' or 'archived'.
	 * @param string $search Text to look for ('' for none).
	 * @param int    $limit  How many.
	 * @param int    $offset How many to skip.
	 * @return list<ConversationRow>
	 */
	public function page( string $status, string $search, int $limit, int $offset ): array {
		$wpdb                 = $this->wpdb;
		list( $where, $args ) = $this->list_filter( $status, $search );
		$args[]               = max( 0, $limit );
		$args[]               = max( 0, $offset );

		// Served by KEY status_activity; the id breaks ties so pages neither
		// repeat nor skip rows. $where is built from fixed SQL and placeholders only.
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results(
			$wpdb->prepare( "SELECT * FROM %i c WHERE {$where} ORDER BY last_message_at DESC, id DESC LIMIT %d OFFSET %d", $this->table(), ...$args ),
			ARRAY_A
		);
		// phpcs:enable

		return $this->rows( $rows );
	}

	/**
	 * How many conversations page() can list.
	 *
	 * @param string $status 'open' or 'archived'.
	 * @param string $search Text to look for ('' for none).
	 */
	public function count( string $status, string $search ): int {
		$wpdb                 = $this->wpdb;
		list( $where, $args ) = $this->list_filter( $status, $search );

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- see page().
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i c WHERE {$where}", $this->table(), ...$args ) );
	}

	/**
	 * Changes columns of WRITABLE and bumps `updated_at` (the sidecar tails it).
	 *
	 * @param int                  $id     Row id.
	 * @param array<string, mixed> $fields Columns to change.
	 * @return bool Whether the statement ran (false when the database failed).
	 */
	public function update( int $id, array $fields ): bool {
		return $this->update_row( $id, $this->columns( $fields ) );
	}

	/**
	 * Records that a message was stored: `last_message_at` and `updated_at`.
	 *
	 * @param int    $id Row id.
	 * @param string $at When the message was stored.
	 */
	public function touch_message( int $id, string $at ): bool {
		return $this->update_row( $id, array( 'last_message_at' => $at ) );
	}

	/**
	 * Archives an open conversation: status, `archived_at`, and `open_key`
	 * cleared so its visitor can start a new one.
	 *
	 * @param int $id Row id.
	 * @return bool True when this call archived it; false when it was not open.
	 */
	public function archive( int $id ): bool {
		$wpdb = $this->wpdb;
		$now  = Time::now();

		// The status test makes a second archive (REST and sidecar racing) a no-op.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- TOUCH is a fixed string; the plugin's own table; WPCS 2.3 predates %i.
		$changed = $wpdb->query( $wpdb->prepare( "UPDATE %i SET status = 'archived', open_key = NULL, archived_at = %s, " . self::TOUCH . " WHERE id = %d AND status = 'open'", $this->table(), $now, $now, $id ) );

		return 1 === $changed;
	}

	/**
	 * Assigns a conversation to an agent, or to nobody.
	 *
	 * @param int      $id       Row id.
	 * @param int|null $agent_id WordPress user id, or null.
	 */
	public function assign( int $id, ?int $agent_id ): bool {
		return $this->update_row( $id, array( 'assigned_agent_id' => $agent_id ) );
	}

	/**
	 * Moves an open conversation to another open key (a visitor's chat that
	 * a verified identity now owns). Fails quietly when the new key is taken.
	 *
	 * @param int    $id   Row id.
	 * @param string $from The key it must still have.
	 * @param string $to   The new key.
	 * @return bool Whether it moved.
	 */
	public function rekey( int $id, string $from, string $to ): bool {
		$wpdb     = $this->wpdb;
		$suppress = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- TOUCH is a fixed string; the plugin's own table; WPCS 2.3 predates %i.
		$changed = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET open_key = %s, ' . self::TOUCH . ' WHERE id = %d AND open_key = %s', $this->table(), $to, Time::now(), $id, $from ) );
		$wpdb->suppress_errors( $suppress );

		return 1 === $changed;
	}

	/**
	 * Conversations that belong to a person: given an e-mail address, made
	 * under one of their identity ids, or started from one of their
	 * browsers. Oldest first, for the privacy exporter and eraser; with
	 * `$own_last`, those linked only by a browser come before the ones with
	 * the e-mail or identity: an eraser that works in batches then deletes
	 * the conversations that tie the browsers to the person last, so every
	 * batch still finds the browsers' other conversations.
	 *
	 * @param string   $email        E-mail address ('' for none).
	 * @param string[] $identity_ids Verified identity ids.
	 * @param string[] $visitor_keys Visitor keys.
	 * @param int      $limit        How many.
	 * @param int      $offset       How many to skip.
	 * @param bool     $own_last     Browser-only conversations first.
	 * @return list<ConversationRow>
	 */
	public function for_person( string $email, array $identity_ids, array $visitor_keys, int $limit, int $offset, bool $own_last = false ): array {
		$wpdb = $this->wpdb;
		// The person's own conversations (e-mail, identity), and their browsers'.
		list( $own, $own_args )         = self::any_of(
			array(
				'email'       => array( $email ),
				'identity_id' => $identity_ids,
			)
		);
		list( $browser, $browser_args ) = self::any_of( array( 'visitor_key' => $visitor_keys ) );
		$clauses                        = array_filter( array( $own, $browser ) );
		if ( array() === $clauses ) {
			return array();
		}
		$where  = implode( ' OR ', $clauses );
		$sorted = $own_last && '' !== $own;
		$order  = $sorted ? "( {$own} ), id" : 'id';
		$args   = array_merge( array( $this->table() ), $own_args, $browser_args, $sorted ? $own_args : array(), array( max( 0, $limit ), max( 0, $offset ) ) );

		// $where and $order hold fixed SQL and placeholders only.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- privacy requests are rare; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM %i WHERE {$where} ORDER BY {$order} LIMIT %d OFFSET %d", ...$args ), ARRAY_A );

		return $this->rows( $rows );
	}

	/**
	 * SQL that matches any of the given values of any of the columns, with
	 * its placeholders' values; '' when no value is given. Empty values are
	 * left out (they would match rows that have none).
	 *
	 * @param array<string, array<string>> $values_by_column Column => values.
	 * @return array{0: string, 1: list<string>}
	 *
	 * @phpstan-param array<literal-string, array<string>> $values_by_column
	 * @phpstan-return array{0: literal-string, 1: list<string>}
	 */
	private static function any_of( array $values_by_column ): array {
		$clauses = array();
		$args    = array();
		foreach ( $values_by_column as $column => $values ) {
			$values = array_values(
				array_filter(
					$values,
					static function ( string $value ): bool {
						return '' !== $value;
					}
				)
			);
			if ( array() !== $values ) {
				$clauses[] = $column . ' IN (' . implode( ', ', array_fill( 0, count( $values ), '%s' ) ) . ')';
				$args      = array_merge( $args, $values );
			}
		}

		return array( implode( ' OR ', $clauses ), $args );
	}

	/**
	 * The browsers (visitor keys) a person chatted from: those of the
	 * conversations with their e-mail address or one of their identity ids.
	 *
	 * @param string   $email        E-mail address.
	 * @param string[] $identity_ids Verified identity ids.
	 * @return list<string>
	 */
	public function visitor_keys_of( string $email, array $identity_ids ): array {
		$keys = array();
		foreach ( $this->for_person( $email, $identity_ids, array(), PHP_INT_MAX, 0 ) as $row ) {
			if ( '' !== $row['visitor_key'] ) {
				$keys[ $row['visitor_key'] ] = true;
			}
		}

		return array_keys( $keys );
	}

	/**
	 * Deletes conversations (their messages are MessagesRepository's).
	 *
	 * @param int[] $ids Row ids.
	 * @return int How many rows were deleted.
	 */
	public function delete( array $ids ): int {
		if ( array() === $ids ) {
			return 0;
		}
		$wpdb = $this->wpdb;
		$in   = implode( ', ', array_fill( 0, count( $ids ), '%d' ) );

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- $in is placeholders only; WPCS 2.3 predates %i.
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE id IN ({$in})", $this->table(), ...$ids ) );

		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * The WHERE clause (placeholders only; the table is aliased `c`) and its
	 * arguments for a list.
	 * The search looks at the name, e-mail, identity, city and ids, and at
	 * message text.
	 *
	 * @param string $status 'open' or 'archived'.
	 * @param string $search Text to look for ('' for none).
	 * @return array{literal-string, list<string>}
	 */
	private function list_filter( string $status, string $search ): array {
		$where = 'status = %s';
		$args  = array( $status );
		$text  = trim( $search );
		if ( '' !== $text ) {
			$like   = '%' . $this->wpdb->esc_like( $text ) . '%';
			$where .= ' AND ( name LIKE %s OR email LIKE %s OR identity_id LIKE %s OR city LIKE %s OR public_id = %s OR visitor_key = %s'
				. ' OR EXISTS ( SELECT 1 FROM %i m WHERE m.conversation_id = c.id AND m.body LIKE %s ) )';
			$args   = array_merge( $args, array( $like, $like, $like, $like, strtolower( $text ), strtolower( $text ), $this->wpdb->prefix . 'livedesk_messages', $like ) );
		}

		return array( $where, $args );
	}

	/**
	 * Runs an UPDATE of one row that also bumps `updated_at`.
	 *
	 * @param int                  $id      Row id.
	 * @param array<string, mixed> $columns Column values (already cut to size).
	 */
	private function update_row( int $id, array $columns ): bool {
		$wpdb = $this->wpdb;
		$sets = array();
		$args = array( $this->table() );
		foreach ( $columns as $column => $value ) {
			if ( null === $value ) {
				$sets[] = '%i = NULL';
				$args[] = $column;
				continue;
			}
			$sets[] = is_int( $value ) || is_bool( $value ) ? '%i = %d' : '%i = %s';
			array_push( $args, $column, is_bool( $value ) ? (int) $value : $value );
		}
		$sets[] = self::TOUCH;
		array_push( $args, Time::now(), $id );

		// The SET list is built from placeholders only; values go through prepare().
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders -- the plugin's own table; WPCS 2.3 predates %i.
		return false !== $wpdb->query( $wpdb->prepare( 'UPDATE %i SET ' . implode( ', ', $sets ) . ' WHERE id = %d', ...$args ) );
	}

	/**
	 * One row matching a condition.
	 *
	 * @param string     $condition SQL after WHERE, with one placeholder.
	 *
	 * @phpstan-param literal-string $condition
	 * @param string|int $value     Its value.
	 * @return ConversationRow|null
	 */
	private function find_where( string $condition, $value ): ?array {
		$wpdb = $this->wpdb;

		// $condition is one of this class's fixed strings.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM %i WHERE {$condition}", $this->table(), $value ), ARRAY_A );

		return is_array( $row ) ? self::row( $row ) : null;
	}

	/**
	 * Values of WRITABLE columns ready to store: text cut to its column,
	 * JSON columns encoded, the rest ignored.
	 *
	 * @param array<string, mixed> $fields Column values.
	 * @return array<string, mixed>
	 */
	private function columns( array $fields ): array {
		$columns = array();
		foreach ( array_intersect_key( $fields, array_flip( self::WRITABLE ) ) as $name => $value ) {
			if ( isset( self::TEXT_LIMITS[ $name ] ) ) {
				$columns[ $name ] = mb_substr( is_scalar( $value ) ? (string) $value : '', 0, self::TEXT_LIMITS[ $name ] );
			} elseif ( 'verified' === $name ) {
				$columns[ $name ] = $value ? 1 : 0;
			} elseif ( 'custom_data' === $name || 'pages' === $name ) {
				$columns[ $name ] = is_array( $value ) ? self::json_that_fits( $value ) : null;
			} elseif ( 'last_seen' === $name ) {
				$columns[ $name ] = is_string( $value ) && '' !== $value ? $value : null;
			}
		}

		return $columns;
	}

	/**
	 * JSON of a list or map that fits a TEXT column (65,535 bytes): entries
	 * are dropped from the end (the oldest pages) until it does, so a long
	 * snapshot can never make the INSERT of a conversation fail.
	 *
	 * @param array<mixed> $value List or map.
	 */
	private static function json_that_fits( array $value ): string {
		do {
			$json  = (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
			$fits  = strlen( $json ) <= self::JSON_MAX_BYTES;
			$value = array_slice( $value, 0, -1, true );
		} while ( ! $fits );

		return $json;
	}

	/**
	 * Typed rows from a wpdb result.
	 *
	 * @param mixed $rows Result of get_results().
	 * @return list<ConversationRow>
	 */
	private function rows( $rows ): array {
		$typed = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			if ( is_array( $row ) ) {
				$typed[] = self::row( $row );
			}
		}

		return $typed;
	}

	/**
	 * A database row with every column present and typed.
	 *
	 * @param array<mixed> $row Row from wpdb.
	 * @return ConversationRow
	 */
	public static function row( array $row ): array {
		$text  = static function ( string $column ) use ( $row ): string {
			return is_scalar( $row[ $column ] ?? null ) ? (string) $row[ $column ] : '';
		};
		$null  = static function ( string $column ) use ( $row ): ?string {
			return is_scalar( $row[ $column ] ?? null ) ? (string) $row[ $column ] : null;
		};
		$agent = $null( 'assigned_agent_id' );

		return array(
			'id'                => (int) $text( 'id' ),
			'public_id'         => $text( 'public_id' ),
			'open_key'          => $null( 'open_key' ),
			'visitor_key'       => $text( 'visitor_key' ),
			'status'            => 'archived' === $text( 'status' ) ? 'archived' : 'open',
			'source'            => $text( 'source' ),
			'name'              => $text( 'name' ),
			'email'             => $text( 'email' ),
			'identity_id'       => $text( 'identity_id' ),
			'verified'          => '1' === $text( 'verified' ),
			'custom_data'       => self::decode_custom_data( $null( 'custom_data' ) ),
			'assigned_agent_id' => null === $agent ? null : (int) $agent,
			'ip'                => $text( 'ip' ),
			'country'           => $text( 'country' ),
			'region'            => $text( 'region' ),
			'city'              => $text( 'city' ),
			'timezone'          => $text( 'timezone' ),
			'browser'           => $text( 'browser' ),
			'os'                => $text( 'os' ),
			'device'            => $text( 'device' ),
			'language'          => $text( 'language' ),
			'pages'             => self::decode_pages( $null( 'pages' ) ),
			'last_seen'         => $null( 'last_seen' ),
			'created_at'        => $text( 'created_at' ),
			'updated_at'        => $text( 'updated_at' ),
			'last_message_at'   => $null( 'last_message_at' ),
			'archived_at'       => $null( 'archived_at' ),
		);
	}

	/**
	 * The custom data column: a JSON object of strings; anything else is
	 * dropped (the sidecar writes it too).
	 *
	 * @param string|null $json Column value.
	 * @return array<string, string>
	 */
	private static function decode_custom_data( ?string $json ): array {
		$decoded = null === $json ? null : json_decode( $json, true );
		$data    = array();
		foreach ( is_array( $decoded ) ? $decoded : array() as $key => $value ) {
			if ( is_string( $value ) ) {
				$data[ (string) $key ] = $value;
			}
		}

		return $data;
	}

	/**
	 * The pages column: a JSON list of `{path, title, viewed_at}`.
	 *
	 * @param string|null $json Column value.
	 * @return list<PageSnapshot>
	 */
	private static function decode_pages( ?string $json ): array {
		$decoded = null === $json ? null : json_decode( $json, true );
		$pages   = array();
		foreach ( is_array( $decoded ) ? $decoded : array() as $page ) {
			if ( is_array( $page ) && is_string( $page['path'] ?? null ) ) {
				$pages[] = array(
					'path'      => $page['path'],
					'title'     => is_string( $page['title'] ?? null ) ? $page['title'] : '',
					'viewed_at' => is_string( $page['viewed_at'] ?? null ) ? $page['viewed_at'] : '',
				);
			}
		}

		return $pages;
	}
}
