<?php
/**
 * Tests for LiveDesk\Database\ConversationsRepository.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * The conversations table on the real database.
 */
#[CoversClass( ConversationsRepository::class )]
final class ConversationsRepositoryTest extends TestCase {

	use ChatFixtures;

	/**
	 * Whether the next INSERT into the conversations table is preceded by a
	 * competing request's INSERT.
	 *
	 * @var bool
	 */
	private bool $race = false;

	/**
	 * Empty chat tables.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
	}

	/**
	 * Removes the race filter.
	 */
	protected function tear_down(): void {
		remove_filter( 'query', array( $this, 'competing_insert' ) );
	}

	/**
	 * A new conversation gets a random 128-bit public id, is open, and
	 * keeps the fields it was given (text cut to its column).
	 */
	public function test_create_open_makes_a_conversation(): void {
		$result = $this->conversations()->create_open(
			'v:' . str_repeat( 'a', 32 ),
			array(
				'visitor_key' => str_repeat( 'a', 32 ),
				'source'      => 'widget',
				'name'        => str_repeat( 'n', 150 ),
				'email'       => 'ada@example.org',
				'custom_data' => array( 'plan' => 'pro' ),
				'pages'       => array(
					array(
						'path'      => '/pricing',
						'title'     => 'Pricing',
						'viewed_at' => '2026-11-21T09:00:00.000Z',
					),
				),
				'status'      => 'archived', // Not writable: ignored.
			)
		);

		self::assertNotNull( $result );
		self::assertTrue( $result['created'] );
		$row = $result['conversation'];
		self::assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $row['public_id'] );
		self::assertSame( 'open', $row['status'] );
		self::assertSame( 'v:' . str_repeat( 'a', 32 ), $row['open_key'] );
		self::assertSame( str_repeat( 'n', 100 ), $row['name'] );
		self::assertSame( array( 'plan' => 'pro' ), $row['custom_data'] );
		self::assertSame( '/pricing', $row['pages'][0]['path'] );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/', $row['created_at'] );
		self::assertNull( $row['archived_at'] );
	}

	/**
	 * A snapshot too big for its TEXT column loses its oldest pages rather
	 * than failing the INSERT.
	 */
	public function test_oversized_pages_are_cut_to_fit(): void {
		$pages = array();
		for ( $i = 0; $i < 10; $i++ ) {
			$pages[] = array(
				'path'      => '/' . str_repeat( '🎉', 2047 ),
				'title'     => str_repeat( '🎉', 300 ),
				'viewed_at' => '2026-11-21T09:00:00.000Z',
			);
		}

		$result = $this->conversations()->create_open( 'v:big', array( 'pages' => $pages ) );

		self::assertNotNull( $result );
		self::assertGreaterThan( 0, count( $result['conversation']['pages'] ) );
		self::assertLessThan( 10, count( $result['conversation']['pages'] ) );
	}

	/**
	 * Public ids differ between conversations (random, not a counter).
	 */
	public function test_public_ids_are_random(): void {
		$ids = array();
		for ( $i = 0; $i < 20; $i++ ) {
			$ids[] = ConversationsRepository::new_public_id();
		}

		self::assertCount( 20, array_unique( $ids ) );
	}

	/**
	 * A second start with the same open key returns the open conversation.
	 */
	public function test_create_open_returns_the_open_conversation(): void {
		$first  = $this->conversations()->create_open( 'v:' . str_repeat( 'b', 32 ), array( 'source' => 'widget' ) );
		$second = $this->conversations()->create_open( 'v:' . str_repeat( 'b', 32 ), array( 'source' => 'widget' ) );

		self::assertNotNull( $first );
		self::assertNotNull( $second );
		self::assertFalse( $second['created'] );
		self::assertSame( $first['conversation']['public_id'], $second['conversation']['public_id'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
	}

	/**
	 * Two starts racing: the other request inserts between this one's read
	 * and its INSERT. The unique open key refuses the second row and this
	 * request answers with the winner.
	 */
	public function test_a_lost_race_reads_the_winner(): void {
		$this->race = true;
		add_filter( 'query', array( $this, 'competing_insert' ) );

		$result = $this->conversations()->create_open( 'v:' . str_repeat( 'c', 32 ), array( 'source' => 'widget' ) );

		self::assertNotNull( $result );
		self::assertFalse( $result['created'] );
		self::assertSame( 'winner-name', $result['conversation']['name'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
	}

	/**
	 * Filter callback: runs the competing request's INSERT just before the
	 * first INSERT into the conversations table.
	 *
	 * @param string $query SQL about to run.
	 */
	public function competing_insert( string $query ): string {
		$table = $this->conversations()->table();
		if ( $this->race && str_starts_with( $query, "INSERT INTO `{$table}`" ) ) {
			$this->race = false;
			$this->wpdb()->insert(
				$table,
				array(
					'public_id'  => ConversationsRepository::new_public_id(),
					'open_key'   => 'v:' . str_repeat( 'c', 32 ),
					'name'       => 'winner-name',
					'created_at' => '2026-11-21 09:00:00.000',
					'updated_at' => '2026-11-21 09:00:00.000',
				)
			);
		}

		return $query;
	}

	/**
	 * Archiving clears the open key (the visitor may start again), stamps
	 * the time, and happens once.
	 */
	public function test_archive_frees_the_open_key(): void {
		$key   = 'v:' . str_repeat( 'd', 32 );
		$first = $this->conversations()->create_open( $key, array() );
		self::assertNotNull( $first );
		$id = $first['conversation']['id'];

		self::assertTrue( $this->conversations()->archive( $id ) );
		self::assertFalse( $this->conversations()->archive( $id ), 'A second archive changes nothing.' );

		$archived = $this->conversations()->find_by_id( $id );
		self::assertNotNull( $archived );
		self::assertSame( 'archived', $archived['status'] );
		self::assertNull( $archived['open_key'] );
		self::assertNotNull( $archived['archived_at'] );
		self::assertNull( $this->conversations()->find_open( $key ) );

		$next = $this->conversations()->create_open( $key, array() );
		self::assertNotNull( $next );
		self::assertTrue( $next['created'] );
		self::assertNotSame( $id, $next['conversation']['id'] );
	}

	/**
	 * Listing: by status, newest activity first, searchable by name, e-mail,
	 * city and message text, with a count.
	 */
	public function test_page_and_count(): void {
		$repo  = $this->conversations();
		$older = $this->make(
			'v:1',
			array(
				'name' => 'Ada',
				'city' => 'Lisbon',
			),
			'2026-11-21 09:00:00.000'
		);
		$newer = $this->make( 'v:2', array( 'email' => 'grace@example.org' ), '2026-11-21 10:00:00.000' );
		$gone  = $this->make( 'v:3', array( 'name' => 'Archived Ada' ), '2026-11-21 11:00:00.000' );
		$repo->archive( $gone );
		$this->messages()->add( $newer, 'client-0001', 'visitor', null, 'Where is my parcel 100%?' );

		self::assertSame( array( $newer, $older ), array_column( $repo->page( 'open', '', 10, 0 ), 'id' ) );
		self::assertSame( array( $older ), array_column( $repo->page( 'open', '', 1, 1 ), 'id' ) );
		self::assertSame( 2, $repo->count( 'open', '' ) );
		self::assertSame( array( $gone ), array_column( $repo->page( 'archived', '', 10, 0 ), 'id' ) );
		self::assertSame( array( $older ), array_column( $repo->page( 'open', 'ada', 10, 0 ), 'id' ) );
		self::assertSame( array( $older ), array_column( $repo->page( 'open', 'lisb', 10, 0 ), 'id' ) );
		self::assertSame( array( $newer ), array_column( $repo->page( 'open', 'grace@', 10, 0 ), 'id' ) );
		self::assertSame( array( $newer ), array_column( $repo->page( 'open', 'parcel 100%', 10, 0 ), 'id' ) );
		self::assertSame( array(), $repo->page( 'open', '100%%', 10, 0 ), 'LIKE wildcards in the search are literal.' );
		self::assertSame( 1, $repo->count( 'open', 'parcel' ) );
	}

	/**
	 * Updates bump updated_at (the sidecar tails it) and store NULLs.
	 */
	public function test_update_assign_and_touch(): void {
		$id = $this->make( 'v:4', array(), '2026-11-21 09:00:00.000' );
		$this->wpdb()->update( $this->conversations()->table(), array( 'updated_at' => '2000-01-01 00:00:00.000' ), array( 'id' => $id ) );
		$repo = $this->conversations();

		self::assertTrue(
			$repo->update(
				$id,
				array(
					'name'        => 'Ada',
					'verified'    => true,
					'identity_id' => 'wp:1',
				)
			)
		);
		self::assertTrue( $repo->assign( $id, 7 ) );
		self::assertTrue( $repo->touch_message( $id, '2026-11-22 10:00:00.123' ) );
		$row = $repo->find_by_id( $id );
		self::assertNotNull( $row );
		self::assertSame( 'Ada', $row['name'] );
		self::assertTrue( $row['verified'] );
		self::assertSame( 7, $row['assigned_agent_id'] );
		self::assertSame( '2026-11-22 10:00:00.123', $row['last_message_at'] );
		self::assertGreaterThan( '2000-01-01 00:00:00.000', $row['updated_at'] );

		self::assertTrue( $repo->assign( $id, null ) );
		$row = $repo->find_by_id( $id );
		self::assertNotNull( $row );
		self::assertNull( $row['assigned_agent_id'] );
	}

	/**
	 * Every change moves updated_at forward by at least a millisecond, even
	 * several within one millisecond or with updated_at ahead of the clock
	 * (the sidecar wrote it): the sidecar's tail tells changes apart by it.
	 */
	public function test_each_change_moves_updated_at_forward(): void {
		$repo   = $this->conversations();
		$id     = $this->make( 'v:6', array(), '2026-11-21 09:00:00.000' );
		$future = '2099-01-01 00:00:00.000';
		$this->wpdb()->update( $repo->table(), array( 'updated_at' => $future ), array( 'id' => $id ) );

		$seen = array( $future );
		foreach ( array( 'update', 'assign', 'touch', 'rekey', 'archive' ) as $change ) {
			switch ( $change ) {
				case 'update':
					self::assertTrue( $repo->update( $id, array( 'name' => 'Ada' ) ) );
					break;
				case 'assign':
					self::assertTrue( $repo->assign( $id, null ) );
					break;
				case 'touch':
					self::assertTrue( $repo->touch_message( $id, '2026-11-22 10:00:00.123' ) );
					break;
				case 'rekey':
					self::assertTrue( $repo->rekey( $id, 'v:6', 'i:six' ) );
					break;
				default:
					self::assertTrue( $repo->archive( $id ) );
			}
			$row = $repo->find_by_id( $id );
			self::assertNotNull( $row );
			self::assertGreaterThan( end( $seen ), $row['updated_at'], "after {$change}" );
			$seen[] = $row['updated_at'];
		}
		self::assertSame( '2099-01-01 00:00:00.005', end( $seen ) );
	}

	/**
	 * Re-keying moves an open conversation to a free key only.
	 */
	public function test_rekey(): void {
		$repo  = $this->conversations();
		$id    = $this->make( 'v:5', array(), '2026-11-21 09:00:00.000' );
		$taken = $this->make( 'i:taken', array(), '2026-11-21 09:00:00.000' );

		self::assertFalse( $repo->rekey( $id, 'v:5', 'i:taken' ) );
		self::assertTrue( $repo->rekey( $id, 'v:5', 'i:ada' ) );
		self::assertFalse( $repo->rekey( $id, 'v:5', 'i:other' ), 'Only from the key it still has.' );
		$open = $repo->find_open( 'i:ada' );
		self::assertNotNull( $open );
		self::assertSame( $id, $open['id'] );
		self::assertNotSame( $id, $taken );
	}

	/**
	 * A person's conversations by e-mail, identity or visitor key; delete.
	 */
	public function test_for_person_and_delete(): void {
		$repo    = $this->conversations();
		$by_mail = $this->make( 'v:6', array( 'email' => 'ada@example.org' ), '2026-11-21 09:00:00.000' );
		$by_id   = $this->make( 'i:wp:3', array( 'identity_id' => 'wp:3' ), '2026-11-21 09:00:00.000' );
		$by_key  = $this->make( 'v:7', array( 'visitor_key' => str_repeat( 'e', 32 ) ), '2026-11-21 09:00:00.000' );
		$this->make( 'v:8', array( 'email' => 'someone@example.org' ), '2026-11-21 09:00:00.000' );

		$found = $repo->for_person( 'ada@example.org', array( 'wp:3' ), array( str_repeat( 'e', 32 ) ), 10, 0 );
		self::assertSame( array( $by_mail, $by_id, $by_key ), array_column( $found, 'id' ) );
		self::assertSame( array(), $repo->for_person( '', array(), array( '' ), 10, 0 ) );

		self::assertSame( 2, $repo->delete( array( $by_mail, $by_id ) ) );
		self::assertSame( 2, $this->count_rows( 'conversations' ) );
	}

	/**
	 * Inserts an open conversation with a last message time.
	 *
	 * @param string               $open_key        Open key.
	 * @param array<string, mixed> $fields          Columns.
	 * @param string               $last_message_at Stored time.
	 */
	private function make( string $open_key, array $fields, string $last_message_at ): int {
		$result = $this->conversations()->create_open( $open_key, $fields );
		self::assertNotNull( $result );
		$id = $result['conversation']['id'];
		$this->conversations()->touch_message( $id, $last_message_at );

		return $id;
	}
}
