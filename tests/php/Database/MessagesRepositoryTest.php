<?php
/**
 * Tests for LiveDesk\Database\MessagesRepository.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\MessagesRepository;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * The messages table on the real database.
 */
#[CoversClass( MessagesRepository::class )]
final class MessagesRepositoryTest extends TestCase {

	use ChatFixtures;

	/**
	 * Row id of a conversation to write into.
	 *
	 * @var int
	 */
	private int $conversation;

	/**
	 * Empty chat tables and one conversation.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		$this->conversation = $this->open_conversation( 'v:one' );
	}

	/**
	 * A message is stored with its author, body (as text) and time.
	 */
	public function test_add_stores_a_message(): void {
		$body   = "<script>alert(1)</script>\n\"quoted\" & 'single' — ünïcødé 🎉";
		$result = $this->messages()->add( $this->conversation, 'client-0001', 'agent', 12, $body );

		self::assertNotNull( $result );
		self::assertTrue( $result['created'] );
		$message = $result['message'];
		self::assertSame( $this->conversation, $message['conversation_id'] );
		self::assertSame( 'client-0001', $message['client_id'] );
		self::assertSame( 'agent', $message['author'] );
		self::assertSame( 12, $message['agent_id'] );
		self::assertSame( $body, $message['body'], 'Stored byte for byte, never as HTML.' );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/', $message['created_at'] );
		self::assertNull( $message['read_at'] );
	}

	/**
	 * The same client id sent three times is one row, and each answer is
	 * that row.
	 */
	public function test_the_same_client_id_three_times_is_one_row(): void {
		$answers = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$result = $this->messages()->add( $this->conversation, 'client-0002', 'visitor', null, 'Hello' );
			self::assertNotNull( $result );
			$answers[] = $result;
		}

		self::assertSame( array( true, false, false ), array_column( $answers, 'created' ) );
		self::assertSame( $answers[0]['message'], $answers[1]['message'] );
		self::assertSame( $answers[0]['message'], $answers[2]['message'] );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
	}

	/**
	 * A retry that races the first send past the read (the row appears
	 * between the check and the INSERT) still returns the stored row.
	 */
	public function test_a_racing_duplicate_returns_the_stored_row(): void {
		$table  = $this->messages()->table();
		$raced  = false;
		$filter = function ( string $query ) use ( $table, &$raced ): string {
			if ( ! $raced && str_starts_with( $query, "INSERT INTO `{$table}`" ) ) {
				$raced = true;
				$this->wpdb()->insert(
					$table,
					array(
						'conversation_id' => $this->conversation,
						'client_id'       => 'client-0003',
						'author'          => 'visitor',
						'body'            => 'first',
						'created_at'      => '2026-11-21 09:00:00.000',
					)
				);
			}
			return $query;
		};
		add_filter( 'query', $filter );
		try {
			$result = $this->messages()->add( $this->conversation, 'client-0003', 'visitor', null, 'first' );
		} finally {
			remove_filter( 'query', $filter );
		}

		self::assertNotNull( $result );
		self::assertFalse( $result['created'] );
		self::assertSame( '2026-11-21 09:00:00.000', $result['message']['created_at'] );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
	}

	/**
	 * Client ids are unique per conversation, not across conversations.
	 */
	public function test_client_ids_are_per_conversation(): void {
		$other = $this->open_conversation( 'v:two' );

		$a = $this->messages()->add( $this->conversation, 'client-0004', 'visitor', null, 'a' );
		$b = $this->messages()->add( $other, 'client-0004', 'visitor', null, 'b' );

		self::assertNotNull( $a );
		self::assertNotNull( $b );
		self::assertTrue( $b['created'] );
		self::assertNotSame( $a['message']['id'], $b['message']['id'] );
	}

	/**
	 * Catch-up: messages after an id, in order, a page at a time.
	 */
	public function test_after_pages_in_order(): void {
		$ids = array();
		for ( $i = 1; $i <= 5; $i++ ) {
			$result = $this->messages()->add( $this->conversation, 'client-000' . ( $i + 4 ), 'visitor', null, "m{$i}" );
			self::assertNotNull( $result );
			$ids[] = $result['message']['id'];
		}
		$this->messages()->add( $this->open_conversation( 'v:three' ), 'client-1000', 'visitor', null, 'elsewhere' );

		self::assertSame( array_slice( $ids, 0, 2 ), array_column( $this->messages()->after( $this->conversation, 0, 2 ), 'id' ) );
		self::assertSame( array_slice( $ids, 2 ), array_column( $this->messages()->after( $this->conversation, $ids[1], 10 ), 'id' ) );
		self::assertSame( array(), $this->messages()->after( $this->conversation, $ids[4], 10 ) );
	}

	/**
	 * Latest message and unread counts per conversation; reading marks the
	 * other side's messages only, up to the id.
	 */
	public function test_latest_unread_and_mark_read(): void {
		$other = $this->open_conversation( 'v:four' );
		$repo  = $this->messages();
		$v1    = $repo->add( $this->conversation, 'client-0011', 'visitor', null, 'one' );
		$v2    = $repo->add( $this->conversation, 'client-0012', 'visitor', null, 'two' );
		$a1    = $repo->add( $this->conversation, 'client-0013', 'agent', 3, 'reply' );
		$o1    = $repo->add( $other, 'client-0014', 'visitor', null, 'other' );
		self::assertNotNull( $v1 );
		self::assertNotNull( $v2 );
		self::assertNotNull( $a1 );
		self::assertNotNull( $o1 );

		$latest = $repo->latest_of( array( $this->conversation, $other ) );
		self::assertSame( $a1['message']['id'], $latest[ $this->conversation ]['id'] );
		self::assertSame( $o1['message']['id'], $latest[ $other ]['id'] );
		self::assertSame(
			array(
				$this->conversation => 2,
				$other              => 1,
			),
			$repo->unread_counts( array( $this->conversation, $other ) )
		);

		self::assertSame( 1, $repo->mark_read( $this->conversation, $v1['message']['id'], 'agent' ) );
		self::assertSame( array( $this->conversation => 1 ), $repo->unread_counts( array( $this->conversation ) ) );
		self::assertSame( 1, $repo->mark_read( $this->conversation, $a1['message']['id'], 'visitor' ), 'The visitor reads the agent\'s reply only.' );
		self::assertSame( 0, $repo->mark_read( $this->conversation, $a1['message']['id'], 'visitor' ), 'Read once.' );
		$reply = $repo->find_by_id( $a1['message']['id'] );
		self::assertNotNull( $reply );
		self::assertNotNull( $reply['read_at'] );
		self::assertSame( array(), $repo->latest_of( array() ) );
	}

	/**
	 * Deleting a conversation's messages leaves the others.
	 */
	public function test_delete_for(): void {
		$other = $this->open_conversation( 'v:five' );
		$this->messages()->add( $this->conversation, 'client-0021', 'visitor', null, 'a' );
		$this->messages()->add( $this->conversation, 'client-0022', 'visitor', null, 'b' );
		$this->messages()->add( $other, 'client-0023', 'visitor', null, 'c' );

		self::assertSame( 2, $this->messages()->delete_for( array( $this->conversation ) ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
	}

	/**
	 * Makes an open conversation and returns its row id.
	 *
	 * @param string $open_key Open key.
	 */
	private function open_conversation( string $open_key ): int {
		$result = $this->conversations()->create_open( $open_key, array() );
		self::assertNotNull( $result );

		return $result['conversation']['id'];
	}
}
