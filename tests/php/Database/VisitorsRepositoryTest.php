<?php
/**
 * Tests for LiveDesk\Database\VisitorsRepository.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\VisitorsRepository;
use LiveDesk\Tests\TestCase;
use LiveDesk\Tests\VisitorFixtures;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Reading the visitors table.
 */
#[CoversClass( VisitorsRepository::class )]
final class VisitorsRepositoryTest extends TestCase {

	use VisitorFixtures;

	/**
	 * The class under test.
	 *
	 * @var VisitorsRepository
	 */
	private VisitorsRepository $repository;

	/**
	 * Empty tables.
	 */
	protected function set_up(): void {
		$this->empty_visitor_tables();
		$this->repository = new VisitorsRepository( $this->wpdb() );
	}

	/**
	 * The table carries the site's prefix.
	 */
	public function test_table_is_prefixed(): void {
		self::assertSame( $this->wpdb()->prefix . 'livedesk_visitors', $this->repository->table() );
	}

	/**
	 * Newest last_seen first; equal times in a stable order; offsets page.
	 */
	public function test_newest_first_pages_in_a_stable_order(): void {
		$this->insert_visitor( self::key( 1 ), '2026-11-21 09:00:00' );
		$this->insert_visitor( self::key( 2 ), '2026-11-21 11:00:00' );
		$this->insert_visitor( self::key( 3 ), '2026-11-21 10:00:00' );
		$this->insert_visitor( self::key( 4 ), '2026-11-21 10:00:00' );

		$keys = static function ( array $rows ): array {
			return array_column( $rows, 'visitor_key' );
		};

		self::assertSame( 4, $this->repository->count() );
		self::assertSame( array( self::key( 2 ), self::key( 4 ), self::key( 3 ), self::key( 1 ) ), $keys( $this->repository->newest_first( 10, 0 ) ) );
		self::assertSame( array( self::key( 4 ), self::key( 3 ) ), $keys( $this->repository->newest_first( 2, 1 ) ) );
		self::assertSame( array(), $this->repository->newest_first( 10, 4 ) );
	}

	/**
	 * A row has every column, typed; NULL coordinates stay null.
	 */
	public function test_find_returns_every_column(): void {
		$this->insert_visitor(
			self::key( 9 ),
			'2026-11-21 10:00:00',
			array(
				'first_seen'  => '2026-11-01 08:30:00',
				'visit_count' => 3,
				'country'     => 'DE',
				'city'        => 'Berlin',
				'language'    => 'de-DE',
			)
		);

		$row = $this->repository->find( self::key( 9 ) );

		self::assertNotNull( $row );
		self::assertSame( self::key( 9 ), $row['visitor_key'] );
		self::assertSame( '2026-11-01 08:30:00', $row['first_seen'] );
		self::assertSame( '3', $row['visit_count'] );
		self::assertSame( 'Berlin', $row['city'] );
		self::assertSame( 'de-DE', $row['language'] );
		self::assertNull( $row['latitude'] );
		self::assertNull( $row['longitude'] );
		self::assertSame( '', $row['referrer'] );
		self::assertCount( 17, $row );
	}

	/**
	 * An unknown key, or one that only resembles a stored key, finds nothing.
	 */
	public function test_find_unknown_returns_null(): void {
		$this->insert_visitor( self::key( 1 ), '2026-11-21 10:00:00' );

		self::assertNull( $this->repository->find( self::key( 2 ) ) );
		self::assertNull( $this->repository->find( "' OR '1'='1" ) );
	}
}
