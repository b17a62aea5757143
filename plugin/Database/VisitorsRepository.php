<?php
/**
 * SQL for the visitors table.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Reads `{prefix}livedesk_visitors`: one row per visitor (browser), written
 * by the sidecar. Times are UTC `Y-m-d H:i:s`.
 *
 * @phpstan-type VisitorRow array{visitor_key: string, first_seen: string, last_seen: string, visit_count: string, country: string, region: string, city: string, latitude: string|null, longitude: string|null, timezone: string, browser_timezone: string, language: string, referrer: string, browser: string, os: string, device: string, ip: string}
 */
final class VisitorsRepository {

	/** Columns a visitor row is read with, in VisitorRow order. */
	private const COLUMNS = array( 'visitor_key', 'first_seen', 'last_seen', 'visit_count', 'country', 'region', 'city', 'latitude', 'longitude', 'timezone', 'browser_timezone', 'language', 'referrer', 'browser', 'os', 'device', 'ip' );

	/** Columns that may hold NULL. */
	private const NULLABLE = array( 'latitude', 'longitude' );

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
		return $this->wpdb->prefix . 'livedesk_visitors';
	}

	/**
	 * How many visitors are stored.
	 */
	public function count(): int {
		$wpdb = $this->wpdb;

		// Live data the sidecar keeps changing: not worth an object cache entry.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- WPCS 2.3 predates %i.
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $this->table() ) );
	}

	/**
	 * A page of visitors, the most recently seen first.
	 *
	 * @param int $limit  How many rows.
	 * @param int $offset How many rows to skip.
	 * @return list<VisitorRow>
	 */
	public function newest_first( int $limit, int $offset ): array {
		$wpdb = $this->wpdb;

		// The id breaks ties, so pages neither repeat nor skip rows.
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- see count().
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT visitor_key, first_seen, last_seen, visit_count, country, region, city, latitude, longitude, timezone, browser_timezone, language, referrer, browser, os, device, ip
				FROM %i ORDER BY last_seen DESC, id DESC LIMIT %d OFFSET %d',
				$this->table(),
				max( 0, $limit ),
				max( 0, $offset )
			),
			ARRAY_A
		);
		// phpcs:enable

		$visitors = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$visitors[] = $this->row( $row );
		}

		return $visitors;
	}

	/**
	 * One visitor by key.
	 *
	 * @param string $visitor_key 32 lowercase hex characters.
	 * @return VisitorRow|null Null when no such visitor is stored.
	 */
	public function find( string $visitor_key ): ?array {
		$wpdb = $this->wpdb;

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- see count().
		$row = $wpdb->get_row(
			$wpdb->prepare(
				'SELECT visitor_key, first_seen, last_seen, visit_count, country, region, city, latitude, longitude, timezone, browser_timezone, language, referrer, browser, os, device, ip
				FROM %i WHERE visitor_key = %s',
				$this->table(),
				$visitor_key
			),
			ARRAY_A
		);
		// phpcs:enable

		return is_array( $row ) ? $this->row( $row ) : null;
	}

	/**
	 * Deletes visitors (privacy erasure); their page views are
	 * PageViewsRepository's.
	 *
	 * @param string[] $visitor_keys Visitor keys.
	 * @return int How many rows were deleted.
	 */
	public function delete( array $visitor_keys ): int {
		if ( array() === $visitor_keys ) {
			return 0;
		}
		$wpdb = $this->wpdb;
		$in   = implode( ', ', array_fill( 0, count( $visitor_keys ), '%s' ) );

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- $in is placeholders only; WPCS 2.3 predates %i.
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE visitor_key IN ({$in})", $this->table(), ...array_values( $visitor_keys ) ) );

		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * A database row with every column present and typed.
	 *
	 * @param array<mixed> $row Row from wpdb.
	 * @return VisitorRow
	 */
	private function row( array $row ): array {
		$typed = array();
		foreach ( self::COLUMNS as $column ) {
			$value            = $row[ $column ] ?? null;
			$typed[ $column ] = null === $value && in_array( $column, self::NULLABLE, true ) ? null : ( is_scalar( $value ) ? (string) $value : '' );
		}

		/**
		 * Every column was set above.
		 *
		 * @var VisitorRow $typed
		 */
		return $typed;
	}
}
