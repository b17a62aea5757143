<?php
/**
 * Tests for LiveDesk\Rest\ChatController: the offline form and rate limits.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Chat\OfflineMail;
use LiveDesk\Chat\RateLimiter;
use LiveDesk\Rest\ChatController;
use LiveDesk\Settings;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use WP_REST_Response;

/**
 * `POST chat/offline` (stored, e-mailed once) and the per-visitor and
 * per-IP limits of the public routes. Mail is read from the test stack's
 * mail log (LIVEDESK_MAIL_LOG, written by bin/lib/mu-plugins/livedesk-local-mail.php).
 */
#[CoversClass( ChatController::class )]
#[CoversClass( OfflineMail::class )]
#[CoversClass( RateLimiter::class )]
final class ChatOfflineAndLimitsTest extends TestCase {

	use ChatFixtures;
	use ChatRequests;
	use VisitorRequests;

	/**
	 * Size of the mail log when the test started.
	 *
	 * @var int
	 */
	private int $mail_offset = 0;

	/**
	 * REMOTE_ADDR before the test.
	 *
	 * @var string|null
	 */
	private ?string $remote_addr = null;

	/**
	 * Empty tables, default settings, a known client IP, the mail log's end.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		foreach ( array( Settings::CHAT_ENABLED, Settings::CHAT_REQUIRE_VERIFIED, Settings::CHAT_OFFLINE_EMAIL, Settings::IP_MODE ) as $option ) {
			delete_option( $option );
		}
		$this->remote_addr      = isset( $_SERVER['REMOTE_ADDR'] ) && is_string( $_SERVER['REMOTE_ADDR'] ) ? $_SERVER['REMOTE_ADDR'] : null;
		$_SERVER['REMOTE_ADDR'] = '198.51.100.' . wp_rand( 1, 250 );
		clearstatcache();
		$this->mail_offset = is_file( self::mail_log() ) ? (int) filesize( self::mail_log() ) : 0;
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
	 * The offline form works without a visitor id: it stores a conversation
	 * (source widget) and e-mails the offline address once, in plain text,
	 * with the site's name in the subject and nothing the visitor typed in
	 * a header. A retry stores and sends nothing more.
	 */
	public function test_offline_message_is_stored_and_mailed_once(): void {
		update_option( 'blogname', 'Shop & Co' );
		( new Settings() )->set_chat_offline_email( 'team@example.org' );
		$body = array(
			'name'      => "Eve\r\nBcc: victim@example.org",
			'email'     => 'eve@example.org',
			'body'      => "Do you ship to Portugal?\nThanks <b>!</b>",
			'client_id' => 'offline-msg-01',
		);

		$first  = $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body ) );
		$second = $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body ) );

		self::assertSame( 201, $first->get_status(), (string) wp_json_encode( $first->get_data() ) );
		self::assertSame( 200, $second->get_status() );
		self::assertSame( $this->data( $first ), $this->data( $second ) );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
		$row = $this->conversations()->find( $this->data( $first )['conversation']['id'] );
		self::assertNotNull( $row );
		self::assertSame( 'widget', $row['source'] );
		self::assertSame( 'Eve Bcc: victim@example.org', $row['name'], 'One line, kept as text.' );
		self::assertSame( 'eve@example.org', $row['email'] );
		self::assertStringEndsWith( '.0', $row['ip'], 'The request IP, anonymised.' );

		$mails = $this->new_mails();
		self::assertCount( 1, $mails, 'Mailed once, not again for the retry.' );
		$mail = $mails[0];
		self::assertSame( 'team@example.org', $mail['to'] );
		self::assertSame( '[Shop & Co] New message from a visitor', $mail['subject'] );
		self::assertSame( '', is_array( $mail['headers'] ) ? implode( '', $mail['headers'] ) : (string) $mail['headers'] );
		self::assertStringContainsString( "Do you ship to Portugal?\nThanks <b>!</b>", $mail['message'] );
		self::assertStringContainsString( 'E-mail: eve@example.org', $mail['message'] );
		self::assertStringContainsString( admin_url( 'admin.php?page=livedesk' ), $mail['message'] );
	}

	/**
	 * A plugin that makes HTML every mail's type does not make the visitor's
	 * words markup: the offline mail stays plain text while it is sent, and
	 * the other plugin's choice applies again afterwards.
	 */
	public function test_offline_mail_stays_plain_text(): void {
		$html  = static fn(): string => 'text/html';
		add_filter( 'wp_mail_content_type', $html );
		$seen  = array();
		$watch = static function ( $short_circuit ) use ( &$seen ) {
			$seen[] = apply_filters( 'wp_mail_content_type', 'text/plain' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, as wp_mail() applies it.
			return $short_circuit;
		};
		add_filter( 'pre_wp_mail', $watch, 1 );

		$sent = $this->dispatch(
			$this->json(
				'POST',
				'/livedesk/v1/chat/offline',
				array(
					'name'      => 'Eve',
					'email'     => 'eve@example.org',
					'body'      => '<a href="https://evil.example">Click</a>',
					'client_id' => 'offline-msg-09',
				)
			)
		);
		remove_filter( 'pre_wp_mail', $watch, 1 );
		$after = apply_filters( 'wp_mail_content_type', 'text/plain' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's hook, as wp_mail() applies it.
		remove_filter( 'wp_mail_content_type', $html );

		self::assertSame( 201, $sent->get_status() );
		self::assertSame( array( 'text/plain' ), $seen );
		self::assertSame( 'text/html', $after );
	}

	/**
	 * With a visitor id, the offline message joins the visitor's open
	 * conversation and fills in the name and e-mail it lacked.
	 */
	public function test_offline_message_joins_the_visitors_conversation(): void {
		$headers = $this->visitor_header( $this->new_visitor() );
		$started = $this->data( $this->visitor_send( $headers, 'visitor-msg-20' ) );

		$offline = $this->dispatch(
			$this->json(
				'POST',
				'/livedesk/v1/chat/offline',
				array(
					'name'      => 'Ada',
					'email'     => 'ada@example.org',
					'body'      => 'Anyone there?',
					'client_id' => 'offline-msg-02',
				),
				$headers
			)
		);

		self::assertSame( 201, $offline->get_status() );
		self::assertSame( $started['conversation']['id'], $this->data( $offline )['conversation']['id'] );
		self::assertSame( 'ada@example.org', $this->data( $offline )['conversation']['email'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertCount( 1, $this->new_mails() );
	}

	/**
	 * The offline form needs a valid e-mail address, and respects "require
	 * a verified identity" and "chat off".
	 */
	public function test_offline_refusals(): void {
		$body = array(
			'body'      => 'Hi',
			'client_id' => 'offline-msg-03',
		);
		$this->assert_error( 400, 'rest_missing_callback_param', $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body ) ) );
		$this->assert_error( 400, 'invalid_payload', $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body + array( 'email' => 'not-an-address' ) ) ) );

		( new Settings() )->set_chat_require_verified( true );
		$this->assert_error( 403, 'identity_required', $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body + array( 'email' => 'a@example.org' ) ) ) );

		( new Settings() )->set_chat_enabled( false );
		$this->assert_error( 403, 'chat_disabled', $this->dispatch( $this->json( 'POST', '/livedesk/v1/chat/offline', $body + array( 'email' => 'a@example.org' ) ) ) );
		self::assertSame( 0, $this->count_rows( 'conversations' ) );
		self::assertSame( array(), $this->new_mails() );
	}

	/**
	 * One visitor past the per-visitor limit gets 429 rate_limited
	 * (retryable); another visitor is not affected.
	 */
	public function test_per_visitor_limit(): void {
		$this->set_limit( 'chat-visitor', 3 );
		$busy = $this->visitor_header( $this->new_visitor() );

		for ( $i = 0; $i < 3; $i++ ) {
			self::assertSame( 200, $this->visitor_poll( $busy )->get_status() );
		}
		$refused = $this->visitor_poll( $busy );

		$this->assert_error( 429, 'rate_limited', $refused );
		self::assertTrue( $this->data( $refused )['data']['retryable'] );
		self::assertSame( 200, $this->visitor_poll( $this->visitor_header( $this->new_visitor() ) )->get_status() );
	}

	/**
	 * Many visitors from one IP are limited together; forged visitor
	 * headers count against the IP too.
	 */
	public function test_per_ip_limit(): void {
		$this->set_limit( 'chat-ip', 3 );

		self::assertSame( 200, $this->visitor_poll( $this->visitor_header( $this->new_visitor() ) )->get_status() );
		self::assertSame( 401, $this->visitor_poll( array( 'X-LiveDesk-Visitor' => 'forged' ) )->get_status() );
		self::assertSame( 200, $this->visitor_poll( $this->visitor_header( $this->new_visitor() ) )->get_status() );
		$this->assert_error( 429, 'rate_limited', $this->visitor_poll( $this->visitor_header( $this->new_visitor() ) ) );

		$_SERVER['REMOTE_ADDR'] = '203.0.113.250';
		self::assertSame( 200, $this->visitor_poll( $this->visitor_header( $this->new_visitor() ) )->get_status() );
	}

	/**
	 * The offline form has its own, tighter limit per IP.
	 */
	public function test_offline_limit(): void {
		$this->set_limit( 'offline-ip', 2 );
		for ( $i = 1; $i <= 2; $i++ ) {
			self::assertSame( 201, $this->offline( "offline-lim-{$i}" )->get_status() );
		}

		$this->assert_error( 429, 'rate_limited', $this->offline( 'offline-lim-3' ) );
		self::assertCount( 2, $this->new_mails() );
	}

	/**
	 * Sends an offline message.
	 *
	 * @param string $client_id Client id.
	 */
	private function offline( string $client_id ): WP_REST_Response {
		return $this->dispatch(
			$this->json(
				'POST',
				'/livedesk/v1/chat/offline',
				array(
					'email'     => 'a@example.org',
					'body'      => 'Hi',
					'client_id' => $client_id,
				)
			)
		);
	}

	/**
	 * Lowers one bucket's limit for this test.
	 *
	 * @param string $bucket Bucket.
	 * @param int    $limit  Requests per window.
	 */
	private function set_limit( string $bucket, int $limit ): void {
		add_filter(
			'livedesk_chat_rate_limit',
			static function ( int $current, string $name ) use ( $bucket, $limit ): int {
				return $name === $bucket ? $limit : $current;
			},
			10,
			2
		);
	}

	/**
	 * Mails logged since the test started.
	 *
	 * @return list<array{to: mixed, subject: string, message: string, headers: mixed}>
	 */
	private function new_mails(): array {
		clearstatcache();
		if ( ! is_file( self::mail_log() ) ) {
			return array();
		}
		$log   = (string) file_get_contents( self::mail_log(), false, null, $this->mail_offset ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- the local mail log.
		$mails = array();
		foreach ( array_filter( explode( "\n", $log ) ) as $line ) {
			$mail = json_decode( $line, true );
			self::assertIsArray( $mail );
			$mails[] = array(
				'to'      => $mail['to'],
				'subject' => (string) $mail['subject'],
				'message' => (string) $mail['message'],
				'headers' => $mail['headers'],
			);
		}

		return $mails;
	}

	/**
	 * The mail log the test stack's mail catcher writes.
	 */
	private static function mail_log(): string {
		$log = getenv( 'LIVEDESK_MAIL_LOG' );
		if ( ! is_string( $log ) || '' === $log ) {
			self::markTestSkipped( 'LIVEDESK_MAIL_LOG is not set (bin/test sets it).' );
		}

		return $log;
	}
}
