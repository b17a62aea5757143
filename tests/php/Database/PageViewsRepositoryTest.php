<?php
/**
 * Tests for LiveDesk\Database\PageViewsRepository.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Tests\TestCase;
use LiveDesk\Tests\VisitorFixtures;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Reading the page views table.
 */
#[CoversClass( PageViewsRepository::class )]
final class PageViewsRepositoryTest extends TestCase {

	use VisitorFixtures;

	/**
	 * Empty tables.
	 */
	protected function set_up(): void {
		$this->empty_visitor_tables();
	}

	/**
	 * The latest views of one visitor, newest first; views in the same
	 * second in the order they were written, latest first; other visitors'
	 * views never mixed in.
	 */
	public function test_latest_for_visitor(): void {
		$this->insert_page_view( self::key( 1 ), '/a', 'A', '2026-11-21 10:00:00' );
		$this->insert_page_view( self::key( 1 ), '/c', 'C', '2026-11-21 10:02:00' );
		$this->insert_page_view( self::key( 2 ), '/other', 'Other', '2026-11-21 10:03:00' );
		$this->insert_page_view( self::key( 1 ), '/b1', 'B1', '2026-11-21 10:01:00' );
		$this->insert_page_view( self::key( 1 ), '/b2', 'B2', '2026-11-21 10:01:00' );

		$repository = new PageViewsRepository( $this->wpdb() );

		self::assertSame(
			array(
				array(
					'path'      => '/c',
					'title'     => 'C',
					'viewed_at' => '2026-11-21 10:02:00',
				),
				array(
					'path'      => '/b2',
					'title'     => 'B2',
					'viewed_at' => '2026-11-21 10:01:00',
				),
				array(
					'path'      => '/b1',
					'title'     => 'B1',
					'viewed_at' => '2026-11-21 10:01:00',
				),
			),
			$repository->latest_for_visitor( self::key( 1 ), 3 )
		);
		self::assertCount( 4, $repository->latest_for_visitor( self::key( 1 ), 10 ) );
		self::assertSame( array(), $repository->latest_for_visitor( self::key( 3 ), 10 ) );
		self::assertSame( $this->wpdb()->prefix . 'livedesk_page_views', $repository->table() );
	}
}
