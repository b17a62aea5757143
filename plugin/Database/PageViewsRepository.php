<?php
/**
 * SQL for the page views table.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Reads `{prefix}livedesk_page_views`: one row per page a visitor viewed,
 * written by the sidecar. Paths carry no query string or fragment; times
 * are UTC `Y-m-d H:i:s`.
 *
 * @phpstan-type PageViewRow array{path: string, title: string, viewed_at: string}
 */
final class PageViewsRepository {

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
		return $this->wpdb->prefix . 'livedesk_page_views';
	}

	/**
	 * A visitor's latest page views, newest first.
	 *
	 * @param string $visitor_key 32 lowercase hex characters.
	 * @param int    $limit       How many.
	 * @return list<PageViewRow>
	 */
	public function latest_for_visitor( string $visitor_key, int $limit ): array {
		$wpdb = $this->wpdb;

		// Served by the (visitor_key, viewed_at) index; the id breaks ties
		// between views in the same second.
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders.UnsupportedPlaceholder, WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- live data, no cache; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT path, title, viewed_at FROM %i WHERE visitor_key = %s ORDER BY viewed_at DESC, id DESC LIMIT %d',
				$this->table(),
				$visitor_key,
				max( 0, $limit )
			),
			ARRAY_A
		);
		// phpcs:enable

		$views = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$views[] = array(
				'path'      => is_scalar( $row['path'] ?? null ) ? (string) $row['path'] : '',
				'title'     => is_scalar( $row['title'] ?? null ) ? (string) $row['title'] : '',
				'viewed_at' => is_scalar( $row['viewed_at'] ?? null ) ? (string) $row['viewed_at'] : '',
			);
		}

		return $views;
	}

	/**
	 * Deletes every page view of some visitors (privacy erasure).
	 *
	 * @param string[] $visitor_keys Visitor keys.
	 * @return int How many rows were deleted.
	 */
	public function delete_for_visitors( array $visitor_keys ): int {
		if ( array() === $visitor_keys ) {
			return 0;
		}
		$wpdb = $this->wpdb;
		$in   = implode( ', ', array_fill( 0, count( $visitor_keys ), '%s' ) );

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- $in is placeholders only; WPCS 2.3 predates %i.
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE visitor_key IN ({$in})", $this->table(), ...array_values( $visitor_keys ) ) );

		return is_int( $deleted ) ? $deleted : 0;
	}
}
