<?php
/**
 * Tests for LiveDesk\Rest\AgentTokenController.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Rest\AgentTokenController;
use LiveDesk\Secret;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * `POST livedesk/v1/agent-token` through the real REST server.
 */
#[CoversClass( AgentTokenController::class )]
final class AgentTokenControllerTest extends TestCase {

	private const ROUTE = '/livedesk/v1/agent-token';

	/**
	 * The route takes POST only.
	 */
	public function test_route_is_registered_for_post_only(): void {
		$routes = rest_get_server()->get_routes( 'livedesk/v1' );

		self::assertArrayHasKey( self::ROUTE, $routes );
		$methods = array();
		foreach ( $routes[ self::ROUTE ] as $endpoint ) {
			$methods = array_merge( $methods, array_keys( $endpoint['methods'] ) );
		}
		self::assertSame( array( 'POST' ), $methods );
		self::assertSame( 404, $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) )->get_status() );
	}

	/**
	 * Visitors and users without livedesk_view get no token.
	 *
	 * @param string|null $role   Role; null for a visitor.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'refused' )]
	public function test_users_without_view_get_no_token( ?string $role, int $status ): void {
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );

		self::assertSame( $status, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'rest_forbidden', $data['code'] );
		self::assertArrayNotHasKey( 'token', $data );
	}

	/**
	 * Refused cases.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public static function refused(): array {
		return array(
			'anonymous'  => array( null, 401 ),
			'subscriber' => array( 'subscriber', 403 ),
			'editor'     => array( 'editor', 403 ),
		);
	}

	/**
	 * Agents and administrators get a token carrying their capabilities.
	 *
	 * @param string   $role Role.
	 * @param string[] $caps Expected capabilities in the token.
	 */
	#[DataProvider( 'granted' )]
	public function test_token_carries_the_users_capabilities( string $role, array $caps ): void {
		$user_id = $this->create_user( $role );
		wp_set_current_user( $user_id );
		$before = time();

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		$payload = $this->verified_payload( (string) $data['token'] );
		self::assertSame( $user_id, $payload['sub'] );
		self::assertSame( $caps, $payload['caps'] );
		self::assertGreaterThanOrEqual( $before, $payload['iat'] );
		self::assertLessThanOrEqual( time(), $payload['iat'] );
		self::assertSame( 600, $payload['exp'] - $payload['iat'] );
		self::assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $payload['exp'] ), $data['expires_at'] );
		self::assertSame( 600, $data['expires_in'] );
		self::assertSame( home_url( '/livedesk-sidecar/' ), $data['sidecar_url'] );
	}

	/**
	 * Granted cases.
	 *
	 * @return array<string, array{string, list<string>}>
	 */
	public static function granted(): array {
		return array(
			'agent'         => array( Capabilities::AGENT_ROLE, array( 'livedesk_view', 'livedesk_chat' ) ),
			'administrator' => array( 'administrator', array( 'livedesk_view', 'livedesk_chat', 'livedesk_manage' ) ),
		);
	}

	/**
	 * The response is a credential: no cache may keep it.
	 */
	public function test_response_is_not_cacheable(): void {
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );

		$headers = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_headers();

		self::assertArrayHasKey( 'Cache-Control', $headers );
		self::assertStringContainsString( 'no-store', $headers['Cache-Control'] );
		self::assertStringContainsString( 'private', $headers['Cache-Control'] );
		self::assertArrayHasKey( 'Expires', $headers );
	}

	/**
	 * A configured sidecar URL is the one returned.
	 */
	public function test_returns_the_configured_sidecar_url(): void {
		( new Settings() )->set_sidecar_url( 'https://live.example.org/' );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$data = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_data();

		self::assertIsArray( $data );
		self::assertSame( 'https://live.example.org/', $data['sidecar_url'] );
	}

	/**
	 * A site without a valid secret gets a clear 500, not an unverifiable token.
	 */
	public function test_missing_secret_is_a_server_error(): void {
		update_option( Secret::OPTION, '' );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );

		self::assertSame( 500, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'livedesk_no_secret', $data['code'] );
	}

	/**
	 * The schema describes every field the route returns.
	 */
	public function test_schema_describes_every_field(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$data = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) )->get_data();
		self::assertIsArray( $data );

		$schema = $this->dispatch( new WP_REST_Request( 'OPTIONS', self::ROUTE ) )->get_data();
		self::assertIsArray( $schema );
		$properties = $schema['schema']['properties'];
		self::assertSame( array_keys( $properties ), array_keys( $data ) );
		foreach ( $properties as $name => $property ) {
			self::assertNotEmpty( $property['description'], "{$name} needs a description." );
			self::assertTrue( $property['readonly'] );
		}
	}

	/**
	 * Checks a token's signature against the site's secret, as the sidecar
	 * does, and returns its payload.
	 *
	 * @param string $token Token.
	 * @return array{sub: int, caps: list<string>, iat: int, exp: int}
	 */
	private function verified_payload( string $token ): array {
		$row = $this->option_row( Secret::OPTION );
		self::assertNotNull( $row );
		$parts = explode( '.', $token );
		self::assertCount( 3, $parts );
		list( $version, $payload_b64, $signature_b64 ) = $parts;

		self::assertSame( 'v1', $version );
		$expected = rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'v1.' . $payload_b64, $row['option_value'], true ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the token format.
		self::assertTrue( hash_equals( $expected, $signature_b64 ), 'The signature should verify with the site secret.' );

		$payload = json_decode( (string) base64_decode( strtr( $payload_b64, '-_', '+/' ), true ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the token format.
		self::assertIsArray( $payload );
		self::assertSame( array( 'sub', 'caps', 'iat', 'exp' ), array_keys( $payload ) );

		/**
		 * Shape checked above.
		 *
		 * @var array{sub: int, caps: list<string>, iat: int, exp: int} $payload
		 */
		return $payload;
	}
}
