<?php
/**
 * Tests for LiveDesk\Privacy\PersonalData.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Privacy;

use LiveDesk\Privacy\PersonalData;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use LiveDesk\Tests\VisitorFixtures;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * The exporter and eraser, through WordPress's privacy filters, on the
 * real tables.
 */
#[CoversClass( PersonalData::class )]
final class PersonalDataTest extends TestCase {

	use ChatFixtures;
	use VisitorFixtures;

	private const EMAIL = 'ada@example.org';

	/**
	 * Row ids of the fixture conversations.
	 *
	 * @var array<string, int>
	 */
	private array $ids = array();

	/**
	 * A person (by e-mail) with: a conversation with that address, one
	 * made under their WordPress identity, one from the same browser
	 * without any address, a visitor record and page views of that browser;
	 * and someone else's conversation and visit.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		$this->empty_visitor_tables();
		$user = $this->create_user( 'subscriber' );
		wp_update_user(
			array(
				'ID'         => $user,
				'user_email' => self::EMAIL,
			)
		);
		$browser = self::key( 1 );
		$this->insert_visitor( $browser, '2026-11-21 10:00:00', array( 'city' => 'Lisbon' ) );
		$this->insert_page_view( $browser, '/pricing', 'Pricing <b>', '2026-11-21 09:59:00' );
		$this->insert_visitor( self::key( 2 ), '2026-11-21 10:00:00' );
		$this->insert_page_view( self::key( 2 ), '/other', 'Other', '2026-11-21 09:59:00' );

		$this->ids = array(
			'by_email'    => $this->conversation(
				'v:1',
				array(
					'email'       => self::EMAIL,
					'visitor_key' => $browser,
					'name'        => '<b>Ada</b>',
				),
				'My question <script>x</script>'
			),
			'by_identity' => $this->conversation( 'i:wp:' . $user, array( 'identity_id' => 'wp:' . $user ), 'Logged in' ),
			'by_browser'  => $this->conversation( 'v:2', array( 'visitor_key' => $browser ), 'Anonymous, same browser' ),
			'other'       => $this->conversation(
				'v:3',
				array(
					'email'       => 'grace@example.org',
					'visitor_key' => self::key( 2 ),
				),
				'Not Ada'
			),
		);
	}

	/**
	 * WordPress lists the exporter and eraser.
	 */
	public function test_registered_with_wordpress(): void {
		self::assertArrayHasKey( 'livedesk', apply_filters( 'wp_privacy_personal_data_exporters', array() ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook.
		self::assertArrayHasKey( 'livedesk', apply_filters( 'wp_privacy_personal_data_erasers', array() ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook.
	}

	/**
	 * The export holds the person's three conversations with transcripts
	 * (escaped: shown as text) and their browser's visit, and nothing of
	 * anyone else.
	 */
	public function test_export(): void {
		$export = $this->exporter()( self::EMAIL, 1 );

		self::assertTrue( $export['done'] );
		$groups = array_count_values( array_column( $export['data'], 'group_id' ) );
		self::assertSame(
			array(
				'livedesk-conversations' => 3,
				'livedesk-visitors'      => 1,
			),
			$groups
		);
		$text = (string) wp_json_encode( $export['data'] );
		self::assertStringContainsString( 'My question &lt;script&gt;x&lt;\/script&gt;', $text );
		self::assertStringContainsString( '&lt;b&gt;Ada&lt;\/b&gt;', $text );
		self::assertStringContainsString( 'Logged in', $text );
		self::assertStringContainsString( 'Anonymous, same browser', $text );
		self::assertStringContainsString( '\/pricing (Pricing &lt;b&gt;)', $text );
		self::assertStringContainsString( 'Lisbon', $text );
		self::assertStringNotContainsString( 'Not Ada', $text );
		self::assertStringNotContainsString( '\/other', $text );
	}

	/**
	 * An address with no LiveDesk data exports nothing.
	 */
	public function test_export_of_a_stranger(): void {
		self::assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			$this->exporter()( 'nobody@example.org', 1 )
		);
	}

	/**
	 * Erasure removes the person's conversations, their messages, and the
	 * browser's visit and page views; someone else's stay. A second run
	 * finds nothing.
	 */
	public function test_erase(): void {
		$result = $this->eraser()( self::EMAIL, 1 );

		self::assertTrue( $result['items_removed'] );
		self::assertFalse( $result['items_retained'] );
		self::assertTrue( $result['done'] );
		self::assertNotEmpty( $result['messages'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
		self::assertNotNull( $this->conversations()->find_by_id( $this->ids['other'] ) );
		self::assertNull( ( new \LiveDesk\Database\VisitorsRepository( $this->wpdb() ) )->find( self::key( 1 ) ) );
		self::assertSame( array(), ( new \LiveDesk\Database\PageViewsRepository( $this->wpdb() ) )->latest_for_visitor( self::key( 1 ), 10 ) );
		self::assertNotNull( ( new \LiveDesk\Database\VisitorsRepository( $this->wpdb() ) )->find( self::key( 2 ) ) );

		$again = $this->eraser()( self::EMAIL, 1 );
		self::assertFalse( $again['items_removed'] );
		self::assertTrue( $again['done'] );
	}

	/**
	 * Erasing in batches leaves nothing of the browsers behind: the
	 * conversations that tie a browser to the person (their e-mail) go
	 * last, so later batches still find the browser's other conversations.
	 */
	public function test_erase_in_batches_keeps_the_browsers_link_to_the_end(): void {
		for ( $i = 0; $i < 200; $i++ ) {
			$this->conversation( 'v:extra-' . $i, array( 'visitor_key' => self::key( 1 ) ), 'Anonymous ' . $i );
		}

		$batches = 0;
		do {
			$result = $this->eraser()( self::EMAIL, ++$batches );
		} while ( ! $result['done'] && $batches < 10 );

		self::assertSame( 2, $batches );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertNotNull( $this->conversations()->find_by_id( $this->ids['other'] ) );
	}

	/**
	 * The registered export callback.
	 *
	 * @return callable(string, int): array{data: list<array<string, mixed>>, done: bool}
	 */
	private function exporter(): callable {
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook.
		self::assertIsArray( $exporters );
		$callback = $exporters['livedesk']['callback'] ?? null;
		self::assertIsCallable( $callback );

		return $callback;
	}

	/**
	 * The registered erase callback.
	 *
	 * @return callable(string, int): array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	private function eraser(): callable {
		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook.
		self::assertIsArray( $erasers );
		$callback = $erasers['livedesk']['callback'] ?? null;
		self::assertIsCallable( $callback );

		return $callback;
	}

	/**
	 * An open conversation with one visitor message; returns its row id.
	 *
	 * @param string               $open_key Open key.
	 * @param array<string, mixed> $fields   Columns.
	 * @param string               $body     Message.
	 */
	private function conversation( string $open_key, array $fields, string $body ): int {
		$started = $this->conversations()->create_open( $open_key, $fields );
		self::assertNotNull( $started );
		$id = $started['conversation']['id'];
		$this->messages()->add( $id, 'client-' . md5( $open_key ), 'visitor', null, $body );

		return $id;
	}
}
