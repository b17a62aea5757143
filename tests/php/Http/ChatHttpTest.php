<?php
/**
 * Live chat REST over real HTTP, against the stack's running site.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Http;

use LiveDesk\Secret;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversNothing;

/**
 * Talks HTTP to the test stack's site (nginx + PHP-FPM, the `wp_` tables,
 * the plugin from this checkout): an API client with a real application
 * password, and a visitor's first messages racing through parallel
 * PHP-FPM workers. Rows it creates on that site are removed afterwards.
 */
#[CoversNothing]
final class ChatHttpTest extends TestCase {

	/**
	 * Connection to the served site's tables (autocommit: the served site
	 * must see what is written).
	 *
	 * @var \wpdb
	 */
	private \wpdb $site;

	/**
	 * Base URL of the served site.
	 *
	 * @var string
	 */
	private string $url;

	/**
	 * Usermeta row of the application password made for the test.
	 *
	 * @var int
	 */
	private int $password_meta = 0;

	/**
	 * Connects to the served site, or skips when no site is served.
	 */
	protected function set_up(): void {
		$this->url = untrailingslashit( (string) get_option( 'home' ) );
		$host      = (string) wp_parse_url( $this->url, PHP_URL_HOST );
		$port      = (int) wp_parse_url( $this->url, PHP_URL_PORT );
		$socket    = @fsockopen( $host, $port > 0 ? $port : 80, $errno, $errstr, 2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions -- probing the local test site.
		if ( false === $socket ) {
			self::markTestSkipped( "No site is served at {$this->url} (start the stack with bin/test)." );
		}
		fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- see above.

		$this->site = new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
		$this->site->set_prefix( 'wp_' );
	}

	/**
	 * Removes the test's rows from the served site.
	 */
	protected function tear_down(): void {
		if ( $this->password_meta > 0 ) {
			$this->site->delete( $this->site->usermeta, array( 'umeta_id' => $this->password_meta ) );
		}
		$this->site->close();
	}

	/**
	 * An agent's application password over HTTP Basic: POST conversations
	 * answers 201, the same client id 200 with the same conversation; the
	 * conversation can be read back; a wrong password is refused.
	 */
	public function test_api_with_an_application_password(): void {
		$password = $this->application_password( 'agent' );
		$body     = array(
			'name'      => 'HTTP customer',
			'email'     => 'http@example.org',
			'body'      => 'Sent over HTTP with an application password',
			'client_id' => 'http-' . wp_generate_password( 12, false ),
		);

		$first  = $this->request( 'POST', '/livedesk/v1/conversations', $body, array( 'Authorization: Basic ' . base64_encode( 'agent:' . $password ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic.
		$second = $this->request( 'POST', '/livedesk/v1/conversations', $body, array( 'Authorization: Basic ' . base64_encode( 'agent:' . $password ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic.

		try {
			self::assertSame( 201, $first['status'], (string) wp_json_encode( $first['body'] ) );
			self::assertSame( 200, $second['status'] );
			$id = $first['body']['conversation']['id'] ?? '';
			self::assertSame( $id, $second['body']['conversation']['id'] ?? null );
			self::assertSame( 'api', $first['body']['conversation']['source'] ?? null );

			$read = $this->request( 'GET', '/livedesk/v1/conversations/' . $id, null, array( 'Authorization: Basic ' . base64_encode( 'agent:' . $password ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic.
			self::assertSame( 200, $read['status'] );
			self::assertSame( 1, $read['body']['unread_count'] ?? null );

			$wrong = $this->request( 'POST', '/livedesk/v1/conversations', $body, array( 'Authorization: Basic ' . base64_encode( 'agent:wrong password' ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic.
			self::assertContains( $wrong['status'], array( 401, 403 ) );
		} finally {
			$this->remove_conversations( array( (string) ( $first['body']['conversation']['id'] ?? '' ) ) );
		}
	}

	/**
	 * A visitor's first messages sent at once (ten different messages, and
	 * one message five times) through parallel PHP-FPM workers: one
	 * conversation, eleven rows, every request answered 200/201.
	 */
	public function test_racing_first_messages_make_one_conversation(): void {
		$secret  = (string) $this->site->get_var( $this->site->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $this->site->options, Secret::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the served site's secret; WPCS 2.3 predates %i.
		$id      = bin2hex( random_bytes( 16 ) );
		$sig     = rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'livedesk-visitor.v1.' . $id, $secret, true ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the signature format.
		$headers = array( "X-LiveDesk-Visitor: {$id}.{$sig}" );
		$bodies  = array();
		for ( $i = 0; $i < 10; $i++ ) {
			$bodies[] = array(
				'client_id' => "race-distinct-{$i}",
				'body'      => "Message {$i}",
			);
		}
		for ( $i = 0; $i < 5; $i++ ) {
			$bodies[] = array(
				'client_id' => 'race-same-message',
				'body'      => 'The same message, five times',
			);
		}

		$answers = $this->parallel_posts( '/livedesk/v1/chat/messages', $bodies, $headers );

		$conversations = array_unique( array_map( static fn ( array $a ) => (string) ( $a['body']['conversation']['id'] ?? '' ), $answers ) );
		try {
			foreach ( $answers as $answer ) {
				self::assertContains( $answer['status'], array( 200, 201 ), (string) wp_json_encode( $answer['body'] ) );
			}
			self::assertCount( 1, $conversations, 'Every racing first message landed in one conversation.' );
			$same = array_filter( $answers, static fn ( array $a ) => 'race-same-message' === ( $a['body']['client_id'] ?? '' ) );
			self::assertCount( 1, array_unique( array_map( static fn ( array $a ) => $a['body']['message']['id'] ?? 0, $same ) ), 'One message id for the five sends.' );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- checking the served site's rows; WPCS 2.3 predates %i.
			$rows = (int) $this->site->get_var( $this->site->prepare( 'SELECT COUNT(*) FROM %i m JOIN %i c ON c.id = m.conversation_id WHERE c.visitor_key = %s', $this->site->prefix . 'livedesk_messages', $this->site->prefix . 'livedesk_conversations', $id ) );
			self::assertSame( 11, $rows );
		} finally {
			$this->remove_conversations( array_values( $conversations ) );
		}
	}

	/**
	 * Makes an application password for a user of the served site, as
	 * WP_Application_Passwords stores one.
	 *
	 * @param string $login User login.
	 */
	private function application_password( string $login ): string {
		$site    = $this->site;
		$user_id = (int) $site->get_var( $site->prepare( 'SELECT ID FROM %i WHERE user_login = %s', $site->users, $login ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the served site's user; WPCS 2.3 predates %i.
		self::assertGreaterThan( 0, $user_id, "The served site has a user {$login}." );

		$password = wp_generate_password( 24, false );
		$item     = array(
			'uuid'      => wp_generate_uuid4(),
			'app_id'    => '',
			'name'      => 'LiveDesk HTTP test',
			'password'  => \WP_Application_Passwords::hash_password( $password ),
			'created'   => time(),
			'last_used' => null,
			'last_ip'   => null,
		);
		$site->insert(
			$site->usermeta,
			array(
				'user_id'    => $user_id,
				'meta_key'   => '_application_passwords', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_query_meta_key -- one insert.
				'meta_value' => maybe_serialize( array( $item ) ), // phpcs:ignore WordPress.DB.SlowDBQuery.slow_query_meta_value -- one insert.
			)
		);
		$this->password_meta = (int) $site->insert_id;
		// Core only checks application passwords once one has been used on the site.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the served site's option; WPCS 2.3 predates %i.
		$site->query( $site->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES ('using_application_passwords', '1', 'off')", $site->options ) );

		return $password;
	}

	/**
	 * One HTTP request to the served site's REST API (plain permalinks).
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $route   REST route.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param string[]                  $headers Extra headers.
	 * @return array{status: int, body: array<mixed>}
	 *
	 * @phpstan-param non-empty-string $method
	 * @phpstan-param list<string> $headers
	 */
	private function request( string $method, string $route, ?array $body, array $headers ): array {
		return $this->parallel( array( $this->handle( $method, $route, $body, $headers ) ) )[0];
	}

	/**
	 * POSTs several bodies at once.
	 *
	 * @param string                     $route   REST route.
	 * @param list<array<string, mixed>> $bodies  JSON bodies.
	 * @param string[]                   $headers Extra headers.
	 * @return list<array{status: int, body: array<mixed>}>
	 *
	 * @phpstan-param list<string> $headers
	 */
	private function parallel_posts( string $route, array $bodies, array $headers ): array {
		$handles = array();
		foreach ( $bodies as $body ) {
			$handles[] = $this->handle( 'POST', $route, $body, $headers );
		}

		return $this->parallel( $handles );
	}

	/**
	 * A prepared curl handle.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $route   REST route.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param string[]                  $headers Extra headers.
	 * @return \CurlHandle
	 *
	 * @phpstan-param non-empty-string $method
	 * @phpstan-param list<string> $headers
	 */
	private function handle( string $method, string $route, ?array $body, array $headers ) {
		// phpcs:disable WordPress.WP.AlternativeFunctions -- curl_multi sends the racing requests truly in parallel.
		$curl = curl_init( $this->url . '/?rest_route=' . rawurlencode( $route ) );
		self::assertNotFalse( $curl );
		curl_setopt( $curl, CURLOPT_CUSTOMREQUEST, $method );
		curl_setopt( $curl, CURLOPT_RETURNTRANSFER, true );
		curl_setopt( $curl, CURLOPT_TIMEOUT, 30 );
		curl_setopt( $curl, CURLOPT_HTTPHEADER, array_merge( array( 'Content-Type: application/json' ), $headers ) );
		if ( null !== $body ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, (string) wp_json_encode( $body ) );
		}
		// phpcs:enable

		return $curl;
	}

	/**
	 * Runs curl handles at once and returns their answers in order.
	 *
	 * @param \CurlHandle[] $handles Handles.
	 * @return list<array{status: int, body: array<mixed>}>
	 *
	 * @phpstan-param list<\CurlHandle> $handles
	 */
	private function parallel( array $handles ): array {
		// phpcs:disable WordPress.WP.AlternativeFunctions -- see handle().
		$multi = curl_multi_init();
		foreach ( $handles as $curl ) {
			curl_multi_add_handle( $multi, $curl );
		}
		do {
			$status = curl_multi_exec( $multi, $running );
			if ( $running > 0 ) {
				curl_multi_select( $multi, 1.0 );
			}
		} while ( $running > 0 && CURLM_OK === $status );
		$answers = array();
		foreach ( $handles as $curl ) {
			$decoded   = json_decode( (string) curl_multi_getcontent( $curl ), true );
			$answers[] = array(
				'status' => (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE ),
				'body'   => is_array( $decoded ) ? $decoded : array(),
			);
			curl_multi_remove_handle( $multi, $curl );
			curl_close( $curl );
		}
		curl_multi_close( $multi );
		// phpcs:enable

		return $answers;
	}

	/**
	 * Deletes conversations (and their messages) from the served site.
	 *
	 * @param string[] $public_ids Public ids.
	 */
	private function remove_conversations( array $public_ids ): void {
		foreach ( array_filter( $public_ids ) as $public_id ) {
			$site = $this->site;
			$id   = (int) $site->get_var( $site->prepare( 'SELECT id FROM %i WHERE public_id = %s', $site->prefix . 'livedesk_conversations', $public_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- test clean-up; WPCS 2.3 predates %i.
			$site->delete( $site->prefix . 'livedesk_messages', array( 'conversation_id' => $id ) );
			$site->delete( $site->prefix . 'livedesk_conversations', array( 'id' => $id ) );
		}
	}
}
