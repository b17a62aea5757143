<?php
/**
 * Rows in the visitors and page views tables, as the sidecar writes them.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

/**
 * Inserts fixture rows inside the test's transaction (rolled back after).
 */
trait VisitorFixtures {

	/**
	 * Empties both tables (inside the transaction).
	 */
	protected function empty_visitor_tables(): void {
		$wpdb = $this->wpdb();
		foreach ( array( 'livedesk_visitors', 'livedesk_page_views' ) as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- test fixture; WPCS 2.3 predates %i.
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . $table ) );
		}
	}

	/**
	 * Inserts a visitor.
	 *
	 * @param string               $key       32 hex characters.
	 * @param string               $last_seen UTC `Y-m-d H:i:s`.
	 * @param array<string, mixed> $columns   Other columns.
	 */
	protected function insert_visitor( string $key, string $last_seen, array $columns = array() ): void {
		$row = $columns + array(
			'visitor_key' => $key,
			'first_seen'  => $last_seen,
			'last_seen'   => $last_seen,
		);
		$ok  = $this->wpdb()->insert( $this->wpdb()->prefix . 'livedesk_visitors', $row );
		self::assertSame( 1, $ok, 'Could not insert a visitor: ' . $this->wpdb()->last_error );
	}

	/**
	 * Inserts a page view.
	 *
	 * @param string $key       Visitor key.
	 * @param string $path      Path.
	 * @param string $title     Title.
	 * @param string $viewed_at UTC `Y-m-d H:i:s`.
	 */
	protected function insert_page_view( string $key, string $path, string $title, string $viewed_at ): void {
		$ok = $this->wpdb()->insert(
			$this->wpdb()->prefix . 'livedesk_page_views',
			array(
				'visitor_key' => $key,
				'path'        => $path,
				'title'       => $title,
				'viewed_at'   => $viewed_at,
			)
		);
		self::assertSame( 1, $ok, 'Could not insert a page view: ' . $this->wpdb()->last_error );
	}

	/**
	 * A visitor key made from a number, e.g. 7 → "000…0007".
	 *
	 * @param int $n Number.
	 */
	protected static function key( int $n ): string {
		return str_pad( dechex( $n ), 32, '0', STR_PAD_LEFT );
	}
}
