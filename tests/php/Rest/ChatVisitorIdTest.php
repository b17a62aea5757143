<?php
/**
 * Tests for LiveDesk\Rest\ChatController: `POST chat/visitor`.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Chat\RateLimiter;
use LiveDesk\Chat\VisitorSignatures;
use LiveDesk\Rest\ChatController;
use LiveDesk\Secret;
use LiveDesk\Settings;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use WP_REST_Response;

/**
 * A visitor the sidecar never reached gets a signed visitor id from the
 * plugin, so the widget's REST fallback can chat on a first visit.
 */
#[CoversClass( ChatController::class )]
#[CoversClass( VisitorSignatures::class )]
#[CoversClass( RateLimiter::class )]
final class ChatVisitorIdTest extends TestCase {

	use ChatFixtures;
	use ChatRequests;
	use VisitorRequests;

	/**
	 * REMOTE_ADDR before the test.
	 *
	 * @var string|null
	 */
	private ?string $remote_addr = null;

	/**
	 * Empty tables, default chat settings, a client IP of its own.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		foreach ( array( Settings::CHAT_ENABLED, Settings::CHAT_REQUIRE_VERIFIED, Settings::CHAT_EMAIL_CAPTURE, Settings::IP_MODE ) as $option ) {
			delete_option( $option );
		}
		$this->remote_addr      = isset( $_SERVER['REMOTE_ADDR'] ) && is_string( $_SERVER['REMOTE_ADDR'] ) ? $_SERVER['REMOTE_ADDR'] : null;
		$_SERVER['REMOTE_ADDR'] = '192.0.2.' . wp_rand( 1, 250 );
	}

	/**
	 * Puts REMOTE_ADDR back.
	 */
	protected function tear_down(): void {
		if ( null === $this->remote_addr ) {
			unset( $_SERVER['REMOTE_ADDR'] );
		} else {
			$_SERVER['REMOTE_ADDR'] = $this->remote_addr;
		}
		remove_all_filters( 'livedesk_chat_rate_limit' );
	}

	/**
	 * 201 with exactly `{ id, sig }` (the identity part of `session:ready`),
	 * never cached; the signature is the sidecar's scheme over the shared
	 * secret, so VisitorSignatures (and the sidecar) accept it. Each call is
	 * a new id. Nothing is stored.
	 */
	public function test_issues_a_signed_visitor_id(): void {
		$response = $this->new_visitor_id();

		self::assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$visitor = $this->data( $response );
		self::assertSame( array( 'id', 'sig' ), array_keys( $visitor ) );
		self::assertMatchesRegularExpression( VisitorSignatures::ID_PATTERN, $visitor['id'] );
		self::assertMatchesRegularExpression( VisitorSignatures::SIGNATURE_PATTERN, $visitor['sig'] );
		$sidecar = rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'livedesk-visitor.v1.' . $visitor['id'], ( new Secret() )->get(), true ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the sidecar's base64url.
		self::assertSame( $sidecar, $visitor['sig'], 'base64url(HMAC-SHA256(livedesk_secret, "livedesk-visitor.v1." + id)), as the sidecar signs.' );
		self::assertSame( $visitor['id'], ( new VisitorSignatures( new Secret() ) )->verify_header( $visitor['id'] . '.' . $visitor['sig'] ) );
		self::assertStringContainsString( 'no-store', (string) ( $response->get_headers()['Cache-Control'] ?? '' ) );

		self::assertNotSame( $visitor['id'], $this->data( $this->new_visitor_id() )['id'] );
		self::assertSame( 0, $this->count_rows( 'conversations' ) );
	}

	/**
	 * The id works at once as the visitor header of the fallback's send and
	 * poll: the message starts that visitor's conversation.
	 */
	public function test_the_id_sends_and_polls_right_away(): void {
		$visitor = $this->data( $this->new_visitor_id() );
		$headers = array( 'X-LiveDesk-Visitor' => $visitor['id'] . '.' . $visitor['sig'] );

		$sent = $this->visitor_send( $headers, 'first-visit-01', 'Hello over REST' );

		self::assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$conversation = $this->data( $sent )['conversation']['id'];
		$poll         = $this->visitor_poll( $headers );
		self::assertSame( 200, $poll->get_status() );
		self::assertSame( $conversation, $this->data( $poll )['conversation']['id'] );
		self::assertSame( array( 'Hello over REST' ), array_column( $this->data( $poll )['messages'], 'body' ) );
	}

	/**
	 * While chat is off there is nothing to chat with: chat_disabled, no id.
	 */
	public function test_refused_while_chat_is_off(): void {
		( new Settings() )->set_chat_enabled( false );

		$refused = $this->new_visitor_id();

		$this->assert_error( 403, 'chat_disabled', $refused );
		self::assertArrayNotHasKey( 'sig', $this->data( $refused ) );
	}

	/**
	 * Per IP, at most 10 ids per 10 minutes by default (the filter's
	 * `visitor-ip` bucket lowers it here); then 429 rate_limited,
	 * retryable, with no id. Another IP is not affected.
	 */
	public function test_rate_limited_per_ip(): void {
		$seen = array();
		add_filter(
			'livedesk_chat_rate_limit',
			static function ( int $limit, string $bucket, int $window ) use ( &$seen ): int {
				$seen[ $bucket ] = array( $limit, $window );

				return 'visitor-ip' === $bucket ? 3 : $limit;
			},
			10,
			3
		);

		for ( $i = 0; $i < 3; $i++ ) {
			self::assertSame( 201, $this->new_visitor_id()->get_status() );
		}
		$refused = $this->new_visitor_id();

		$this->assert_error( 429, 'rate_limited', $refused );
		self::assertTrue( $this->data( $refused )['data']['retryable'] );
		self::assertArrayNotHasKey( 'sig', $this->data( $refused ) );
		self::assertSame( array( 10, 600 ), $seen['visitor-ip'], 'The default: 10 per 10 minutes.' );

		$_SERVER['REMOTE_ADDR'] = '203.0.113.251';
		self::assertSame( 201, $this->new_visitor_id()->get_status() );
	}

	/**
	 * POST chat/visitor as a browser does: no body, no header.
	 */
	private function new_visitor_id(): WP_REST_Response {
		return $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/visitor' ) );
	}
}
