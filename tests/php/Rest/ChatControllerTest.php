<?php
/**
 * Tests for LiveDesk\Rest\ChatController: config, fallback chat, identity.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Chat\Identities;
use LiveDesk\Chat\Snapshots;
use LiveDesk\Chat\VisitorChat;
use LiveDesk\Chat\WidgetStrings;
use LiveDesk\Rest\ChatController;
use LiveDesk\Secret;
use LiveDesk\Settings;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use LiveDesk\Tests\VisitorFixtures;
use PHPUnit\Framework\Attributes\CoversClass;
use WP_REST_Request;

/**
 * The public `livedesk/v1/chat/*` routes through the real REST server.
 */
#[CoversClass( ChatController::class )]
#[CoversClass( VisitorChat::class )]
#[CoversClass( Snapshots::class )]
#[CoversClass( WidgetStrings::class )]
final class ChatControllerTest extends TestCase {

	use ChatFixtures;
	use ChatRequests;
	use VisitorFixtures;
	use VisitorRequests;

	/**
	 * Empty tables, default chat settings, nobody logged in.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		$this->empty_visitor_tables();
		foreach ( array( Settings::CHAT_ENABLED, Settings::CHAT_REQUIRE_VERIFIED, Settings::CHAT_EMAIL_CAPTURE, Settings::CHAT_GREETING, Settings::IP_MODE ) as $option ) {
			delete_option( $option );
		}
	}

	/**
	 * Config is public and cacheable: settings, the translated strings of
	 * docs/chat.md, nothing about the visitor.
	 */
	public function test_config(): void {
		$translate = static function ( string $translation, string $text, string $domain ): string {
			return 'livedesk' === $domain && 'Send' === $text ? 'Enviar' : $translation;
		};
		add_filter( 'gettext', $translate, 10, 3 );
		try {
			$response = $this->dispatch( new WP_REST_Request( 'GET', '/livedesk/v1/chat/config' ) );
		} finally {
			remove_filter( 'gettext', $translate, 10 );
		}

		self::assertSame( 200, $response->get_status() );
		$data = $this->data( $response );
		self::assertTrue( $data['enabled'] );
		self::assertSame( 'Hi! How can we help you today?', $data['greeting'] );
		self::assertSame( '#2563eb', $data['color'] );
		self::assertSame( 'right', $data['position'] );
		self::assertSame( 'optional', $data['email_capture'] );
		self::assertFalse( $data['require_verified'] );
		self::assertSame( 4000, $data['message_max'] );
		self::assertSame( 'Enviar', $data['strings']['send'], 'Strings go through __().' );
		self::assertSame( 'public, max-age=300', $response->get_headers()['Cache-Control'] );
		foreach ( self::documented_string_keys() as $key ) {
			self::assertArrayHasKey( $key, $data['strings'], "docs/chat.md lists {$key}." );
		}
		self::assertSame( self::documented_string_keys(), array_keys( $data['strings'] ), 'The docs list every key, in order.' );

		( new Settings() )->set_chat_greeting( 'Ahoy <b>there</b>' );
		self::assertSame( 'Ahoy <b>there</b>', $this->data( $this->dispatch( new WP_REST_Request( 'GET', '/livedesk/v1/chat/config' ) ) )['greeting'] );
	}

	/**
	 * Without a signed visitor id the chat routes refuse; a forged one too.
	 */
	public function test_visitor_header_is_required(): void {
		$visitor = $this->new_visitor();

		$this->assert_error( 401, 'forbidden', $this->visitor_poll( array() ) );
		$this->assert_error( 401, 'forbidden', $this->visitor_send( array(), 'client-000001' ) );
		$this->assert_error( 401, 'forbidden', $this->visitor_poll( array( 'X-LiveDesk-Visitor' => $visitor['id'] . '.' . str_repeat( 'A', 43 ) ) ) );
		$this->assert_error( 401, 'forbidden', $this->visitor_poll( array( 'X-LiveDesk-Visitor' => str_repeat( 'a', 32 ) . '.' . $visitor['sig'] ) ) );
		self::assertSame( 0, $this->count_rows( 'conversations' ) );

		$poll = $this->data( $this->visitor_poll( $this->visitor_header( $visitor ) ) );
		self::assertSame(
			array(
				'conversation' => null,
				'messages'     => array(),
				'more'         => false,
			),
			$poll
		);
	}

	/**
	 * The first send starts the visitor's conversation (source widget, the
	 * pre-chat answers, a snapshot of the visitor with the IP under the IP
	 * setting and the last 10 pages); the same client id three times is one
	 * row and the same answer; the poll returns it.
	 */
	public function test_send_starts_the_conversation_once(): void {
		$visitor = $this->new_visitor();
		$this->insert_visitor(
			$visitor['id'],
			'2026-11-21 09:59:00',
			array(
				'country'  => 'PT',
				'city'     => 'Lisbon',
				'timezone' => 'Europe/Lisbon',
				'browser'  => 'Firefox',
				'language' => 'pt-PT',
				'ip'       => '203.0.113.77',
			)
		);
		for ( $i = 1; $i <= 12; $i++ ) {
			$this->insert_page_view( $visitor['id'], "/page-{$i}", "Page {$i}", sprintf( '2026-11-21 09:%02d:00', $i ) );
		}
		$headers = $this->visitor_header( $visitor );
		$profile = array(
			'profile' => array(
				'name'  => '"><svg onload=alert(1)>',
				'email' => 'ada@example.org',
			),
		);

		$answers = array();
		foreach ( array( 201, 200, 200 ) as $status ) {
			$response = $this->visitor_send( $headers, 'visitor-msg-01', 'Hello <script>x</script>', $profile );
			self::assertSame( $status, $response->get_status() );
			$answers[] = $this->data( $response );
		}

		self::assertSame( $answers[0], $answers[1] );
		self::assertSame( $answers[0], $answers[2] );
		self::assertTrue( $answers[0]['ok'] );
		self::assertSame( 'visitor-msg-01', $answers[0]['client_id'] );
		self::assertSame( 'Hello <script>x</script>', $answers[0]['message']['body'] );
		self::assertSame( array( 'id', 'status', 'name', 'email', 'verified' ), array_keys( $answers[0]['conversation'] ) );
		self::assertSame( '"><svg onload=alert(1)>', $answers[0]['conversation']['name'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );

		$row = $this->conversations()->find( $answers[0]['conversation']['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'widget', $row['source'] );
		self::assertSame( $visitor['id'], $row['visitor_key'] );
		self::assertSame( 'v:' . $visitor['id'], $row['open_key'] );
		self::assertSame( 'ada@example.org', $row['email'] );
		self::assertSame( '203.0.113.0', $row['ip'], 'Anonymised under the default IP setting.' );
		self::assertSame( 'Lisbon', $row['city'] );
		self::assertSame( 'pt-PT', $row['language'] );
		self::assertCount( 10, $row['pages'] );
		self::assertSame( '/page-12', $row['pages'][0]['path'] );
		self::assertSame( '2026-11-21T09:12:00.000Z', $row['pages'][0]['viewed_at'] );
		self::assertSame( '2026-11-21 09:59:00.000', $row['last_seen'] );

		$poll = $this->data( $this->visitor_poll( $headers ) );
		self::assertSame( $answers[0]['conversation'], $poll['conversation'] );
		self::assertSame( array( $answers[0]['message'] ), $poll['messages'] );
		self::assertStringContainsString( 'no-store', (string) $this->visitor_poll( $headers )->get_headers()['Cache-Control'] );
	}

	/**
	 * An agent's reply reaches the visitor's poll with the agent's name
	 * but never their user id; the poll resumes after an id.
	 */
	public function test_poll_sees_agent_replies(): void {
		$visitor = $this->new_visitor();
		$headers = $this->visitor_header( $visitor );
		$first   = $this->data( $this->visitor_send( $headers, 'visitor-msg-02' ) );
		$agent   = $this->create_user( Capabilities::AGENT_ROLE );
		wp_set_current_user( $agent );
		$reply = $this->dispatch(
			$this->json(
				'POST',
				'/livedesk/v1/conversations/' . $first['conversation']['id'] . '/messages',
				array(
					'client_id' => 'agent-reply-1',
					'body'      => 'Hi!',
				)
			)
		);
		self::assertSame( 201, $reply->get_status() );
		wp_set_current_user( 0 );

		$poll = $this->data( $this->visitor_poll( $headers, $first['message']['id'] ) );

		self::assertCount( 1, $poll['messages'] );
		self::assertSame( 'agent', $poll['messages'][0]['author'] );
		self::assertNull( $poll['messages'][0]['agent_id'] );
		self::assertSame( get_userdata( $agent )->display_name ?? '', $poll['messages'][0]['agent_name'] );
	}

	/**
	 * Visitor A never reaches visitor B's conversation: A's poll does not
	 * show it, A's send starts A's own, and a conversation id in the body is
	 * not a way in.
	 */
	public function test_a_visitor_reaches_only_their_own_conversation(): void {
		$a      = $this->visitor_header( $this->new_visitor() );
		$b      = $this->visitor_header( $this->new_visitor() );
		$b_sent = $this->data( $this->visitor_send( $b, 'visitor-msg-b1', 'Secret of B' ) );

		self::assertNull( $this->data( $this->visitor_poll( $a ) )['conversation'] );
		$a_sent = $this->data( $this->visitor_send( $a, 'visitor-msg-a1', 'From A', array( 'conversation_id' => $b_sent['conversation']['id'] ) ) );

		self::assertNotSame( $b_sent['conversation']['id'], $a_sent['conversation']['id'] );
		$a_poll = $this->data( $this->visitor_poll( $a ) );
		self::assertSame( array( 'From A' ), array_column( $a_poll['messages'], 'body' ) );
		$b_poll = $this->data( $this->visitor_poll( $b ) );
		self::assertSame( array( 'Secret of B' ), array_column( $b_poll['messages'], 'body' ) );
	}

	/**
	 * After an archive the visitor has no open conversation; the next send
	 * starts a new one.
	 */
	public function test_archived_conversation_is_left_behind(): void {
		$headers = $this->visitor_header( $this->new_visitor() );
		$first   = $this->data( $this->visitor_send( $headers, 'visitor-msg-03' ) );
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
		$this->dispatch( $this->json( 'POST', '/livedesk/v1/conversations/' . $first['conversation']['id'] . '/archive' ) );
		wp_set_current_user( 0 );

		self::assertNull( $this->data( $this->visitor_poll( $headers ) )['conversation'] );
		$next = $this->visitor_send( $headers, 'visitor-msg-04' );
		self::assertSame( 201, $next->get_status() );
		self::assertNotSame( $first['conversation']['id'], $this->data( $next )['conversation']['id'] );
	}

	/**
	 * A retry whose first answer was lost and whose conversation was
	 * archived meanwhile gets the stored message back; it does not start a
	 * new conversation with the same text.
	 */
	public function test_a_retry_after_an_archive_is_not_stored_again(): void {
		$headers = $this->visitor_header( $this->new_visitor() );
		$first   = $this->data( $this->visitor_send( $headers, 'visitor-msg-20' ) );
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
		$this->dispatch( $this->json( 'POST', '/livedesk/v1/conversations/' . $first['conversation']['id'] . '/archive' ) );
		wp_set_current_user( 0 );

		$retry = $this->visitor_send( $headers, 'visitor-msg-20' );
		self::assertSame( 200, $retry->get_status() );
		self::assertSame( $first['message']['id'], $this->data( $retry )['message']['id'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );

		// Another visitor's client id is not theirs to look up.
		$other = $this->visitor_send( $this->visitor_header( $this->new_visitor() ), 'visitor-msg-20' );
		self::assertSame( 201, $other->get_status() );
		self::assertSame( 2, $this->count_rows( 'conversations' ) );
	}

	/**
	 * A bad first message is refused before it leaves an empty conversation.
	 */
	public function test_invalid_messages_store_nothing(): void {
		$headers = $this->visitor_header( $this->new_visitor() );

		$this->assert_error( 400, 'invalid_payload', $this->visitor_send( $headers, 'visitor-msg-05', '   ' ) );
		$this->assert_error( 400, 'invalid_payload', $this->visitor_send( $headers, 'visitor-msg-06', str_repeat( 'x', 4001 ) ) );
		$this->assert_error( 400, 'rest_invalid_param', $this->visitor_send( $headers, 'bad id!' ) );
		$this->assert_error( 400, 'invalid_payload', $this->visitor_send( $headers, 'visitor-msg-07', 'Hi', array( 'profile' => array( 'email' => 'nope' ) ) ) );
		self::assertSame( 0, $this->count_rows( 'conversations' ) );
	}

	/**
	 * "Require a verified identity": an unverified start is refused; a
	 * valid identity (in the body) starts a verified conversation; an
	 * expired or tampered one counts as none.
	 */
	public function test_require_verified_identity(): void {
		( new Settings() )->set_chat_require_verified( true );
		$headers = $this->visitor_header( $this->new_visitor() );

		$this->assert_error( 403, 'identity_required', $this->visitor_send( $headers, 'visitor-msg-08' ) );
		$expired = $this->signed_identity( 'customer-1', time() - 1 );
		$this->assert_error( 403, 'identity_required', $this->visitor_send( $headers, 'visitor-msg-08', 'Hi', array( 'identity' => $expired ) ) );
		$tampered = array( 'name' => 'Someone else' ) + $this->signed_identity( 'customer-1' );
		$this->assert_error( 403, 'identity_required', $this->visitor_send( $headers, 'visitor-msg-08', 'Hi', array( 'identity' => $tampered ) ) );
		self::assertSame( 0, $this->count_rows( 'conversations' ) );

		$sent = $this->visitor_send( $headers, 'visitor-msg-08', 'Hi', array( 'identity' => $this->signed_identity( 'customer-1' ) ) );
		self::assertSame( 201, $sent->get_status() );
		$conversation = $this->data( $sent )['conversation'];
		self::assertTrue( $conversation['verified'] );
		self::assertSame( 'Customer customer-1', $conversation['name'] );
		$row = $this->conversations()->find( $conversation['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'i:customer-1', $row['open_key'] );
		self::assertSame( 'customer-1', $row['identity_id'] );
	}

	/**
	 * A verified identity links one person's conversation across devices
	 * (identity in a header for GET); the other device without it sees
	 * nothing.
	 */
	public function test_verified_identity_links_devices(): void {
		$identity = $this->signed_identity( 'customer-2' );
		$laptop   = $this->visitor_header( $this->new_visitor() );
		$phone    = $this->visitor_header( $this->new_visitor() );
		$started  = $this->data( $this->visitor_send( $laptop, 'visitor-msg-09', 'From the laptop', array( 'identity' => $identity ) ) );

		$on_phone = $this->data( $this->visitor_poll( $phone + $this->identity_header( $identity ) ) );
		self::assertSame( $started['conversation']['id'], $on_phone['conversation']['id'] ?? null );
		self::assertSame( array( 'From the laptop' ), array_column( $on_phone['messages'], 'body' ) );

		self::assertNull( $this->data( $this->visitor_poll( $phone ) )['conversation'] );
	}

	/**
	 * A browser's unverified conversation is taken over by the identity
	 * that shows up later (verified, re-keyed), so other devices find it;
	 * another identity on the same browser does not.
	 */
	public function test_identity_takes_over_the_browsers_conversation(): void {
		$browser = $this->visitor_header( $this->new_visitor() );
		$started = $this->data( $this->visitor_send( $browser, 'visitor-msg-10' ) );
		self::assertFalse( $started['conversation']['verified'] );

		$identity = $this->signed_identity( 'customer-3' );
		$again    = $this->data( $this->visitor_send( $browser, 'visitor-msg-11', 'Now logged in', array( 'identity' => $identity ) ) );
		self::assertSame( $started['conversation']['id'], $again['conversation']['id'] );
		self::assertTrue( $again['conversation']['verified'] );
		$row = $this->conversations()->find( $started['conversation']['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'i:customer-3', $row['open_key'] );

		$elsewhere = $this->visitor_header( $this->new_visitor() ) + $this->identity_header( $identity );
		self::assertSame( $started['conversation']['id'], $this->data( $this->visitor_poll( $elsewhere ) )['conversation']['id'] ?? null );
		self::assertSame( $started['conversation']['id'], $this->data( $this->visitor_poll( $browser ) )['conversation']['id'] ?? null, 'Still the browser\'s own.' );

		$other = $browser + $this->identity_header( $this->signed_identity( 'customer-4' ) );
		self::assertNull( $this->data( $this->visitor_poll( $other ) )['conversation'], 'Another person on the same browser.' );
	}

	/**
	 * E-mail capture "required": no start without an address.
	 */
	public function test_email_required_to_start(): void {
		( new Settings() )->set_chat_email_capture( 'required' );
		$headers = $this->visitor_header( $this->new_visitor() );

		$refused = $this->visitor_send( $headers, 'visitor-msg-12' );
		$this->assert_error( 400, 'invalid_payload', $refused );
		self::assertSame( 'email_required', $this->data( $refused )['data']['reason'] );

		self::assertSame( 201, $this->visitor_send( $headers, 'visitor-msg-12', 'Hi', array( 'profile' => array( 'email' => 'ada@example.org' ) ) )->get_status() );
	}

	/**
	 * An admin's test chat: a valid playground token marks the conversation
	 * as playground; a forged one does not.
	 */
	public function test_playground_token(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$playground = $this->data( $this->dispatch( new WP_REST_Request( 'POST', '/livedesk/v1/playground' ) ) );
		wp_set_current_user( 0 );
		$headers = $this->visitor_header( $playground['visitor'] ) + array( 'X-LiveDesk-Playground' => $playground['playground'] );

		$sent = $this->data( $this->visitor_send( $headers, 'visitor-msg-13' ) );
		$row  = $this->conversations()->find( $sent['conversation']['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'playground', $row['source'] );

		$forged = $this->visitor_header( $this->new_visitor() ) + array( 'X-LiveDesk-Playground' => $playground['playground'] );
		$other  = $this->data( $this->visitor_send( $forged, 'visitor-msg-14' ) );
		$row    = $this->conversations()->find( $other['conversation']['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'widget', $row['source'] );
	}

	/**
	 * Chat turned off: every visitor route says chat_disabled; config says so.
	 */
	public function test_chat_disabled(): void {
		( new Settings() )->set_chat_enabled( false );
		$headers = $this->visitor_header( $this->new_visitor() );

		$this->assert_error( 403, 'chat_disabled', $this->visitor_poll( $headers ) );
		$this->assert_error( 403, 'chat_disabled', $this->visitor_send( $headers, 'visitor-msg-15' ) );
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assert_error( 403, 'chat_disabled', $this->dispatch( new WP_REST_Request( 'POST', '/livedesk/v1/chat/identity' ) ) );
		self::assertFalse( $this->data( $this->dispatch( new WP_REST_Request( 'GET', '/livedesk/v1/chat/config' ) ) )['enabled'] );
	}

	/**
	 * A logged-in user gets a signed `wp:<id>` identity for an hour; a
	 * logged-out request does not.
	 */
	public function test_identity_for_logged_in_users(): void {
		$this->assert_error( 401, 'forbidden', $this->dispatch( new WP_REST_Request( 'POST', '/livedesk/v1/chat/identity' ) ) );

		$user_id = $this->create_user( 'subscriber' );
		wp_set_current_user( $user_id );
		$response = $this->dispatch( new WP_REST_Request( 'POST', '/livedesk/v1/chat/identity' ) );

		self::assertSame( 201, $response->get_status() );
		$identity = $this->data( $response );
		self::assertSame( 'wp:' . $user_id, $identity['id'] );
		self::assertSame( wp_get_current_user()->user_email, $identity['email'] );
		self::assertEqualsWithDelta( time() + 3600, $identity['expires'], 5 );
		self::assertTrue( ( new Identities( new Secret( Secret::IDENTITY_OPTION ) ) )->verify( $identity, time() )['verified'] );
		self::assertStringContainsString( 'no-store', (string) $response->get_headers()['Cache-Control'] );
	}

	/**
	 * The keys of the "Strings" list in docs/chat.md, in order.
	 *
	 * @return list<string>
	 */
	private static function documented_string_keys(): array {
		$doc = (string) file_get_contents( dirname( __DIR__, 3 ) . '/docs/chat.md' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$at  = strpos( $doc, '### Strings' );
		self::assertNotFalse( $at, 'docs/chat.md has a Strings list.' );
		$end = strpos( $doc, "\n## ", $at );
		preg_match_all( '/^- `([a-z_]+)`/m', substr( $doc, $at, false === $end ? null : $end - $at ), $matches );

		return $matches[1];
	}
}
