<?php
/**
 * Every LiveDesk route checks who is asking.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Rest\Api;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversNothing;
use WP_REST_Request;

/**
 * Walks every route of `livedesk/v1`: each endpoint has a permission
 * callback; every route but the widget's public ones refuses a logged-out
 * caller and a subscriber; the public ones say why in their code (see
 * ChatController) and refuse an unsigned visitor where a visitor is needed.
 * Requests carry a valid body, so the answer is the permission check's
 * (core validates parameters before it asks for permission).
 */
#[CoversNothing]
final class RoutePermissionsTest extends TestCase {

	/** Public routes (for anonymous visitors) and what an anonymous request without a visitor id gets. */
	private const PUBLIC_ROUTES = array(
		'/livedesk/v1/chat/config'   => array( 'GET' => 200 ),
		'/livedesk/v1/chat/messages' => array(
			'GET'  => 401,
			'POST' => 401,
		),
		// The offline form works without a visitor id.
		'/livedesk/v1/chat/offline'  => array( 'POST' => 201 ),
		'/livedesk/v1/chat/identity' => array( 'POST' => 401 ),
		// A visitor without an id gets one here.
		'/livedesk/v1/chat/visitor'  => array( 'POST' => 201 ),
	);

	/**
	 * Every endpoint has a real permission callback.
	 */
	public function test_every_endpoint_has_a_permission_callback(): void {
		foreach ( $this->endpoints() as list( $route, $method, $endpoint ) ) {
			self::assertArrayHasKey( 'permission_callback', $endpoint, "{$method} {$route}" );
			self::assertIsCallable( $endpoint['permission_callback'], "{$method} {$route}" );
			self::assertNotSame( '__return_true', $endpoint['permission_callback'], "{$method} {$route} must check something." );
		}
	}

	/**
	 * Logged out: every non-public endpoint answers 401 rest_forbidden; the
	 * public ones answer as listed.
	 */
	public function test_logged_out_callers_are_refused(): void {
		$checked = 0;
		foreach ( $this->endpoints() as list( $route, $method ) ) {
			$response = $this->dispatch( self::request( $method, $route ) );
			$expected = self::PUBLIC_ROUTES[ $route ][ $method ] ?? 401;
			self::assertSame( $expected, $response->get_status(), "{$method} {$route}" );
			if ( ! isset( self::PUBLIC_ROUTES[ $route ] ) ) {
				$data = $response->get_data();
				self::assertIsArray( $data );
				self::assertSame( 'rest_forbidden', $data['code'], "{$method} {$route}" );
			}
			++$checked;
		}

		self::assertGreaterThanOrEqual( 20, $checked, 'Every LiveDesk endpoint was walked.' );
	}

	/**
	 * A subscriber (logged in, no LiveDesk capability) gets 403 on every
	 * non-public endpoint.
	 */
	public function test_subscribers_are_refused(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );

		foreach ( $this->endpoints() as list( $route, $method ) ) {
			if ( isset( self::PUBLIC_ROUTES[ $route ] ) ) {
				continue;
			}
			$response = $this->dispatch( self::request( $method, $route ) );
			self::assertSame( 403, $response->get_status(), "{$method} {$route}" );
		}
	}

	/**
	 * Every (route, method, endpoint) of the namespace, without core's
	 * namespace index.
	 *
	 * @return list<array{string, string, array<string, mixed>}>
	 */
	private function endpoints(): array {
		$found = array();
		foreach ( rest_get_server()->get_routes( Api::ROUTE_NAMESPACE ) as $route => $endpoints ) {
			if ( '/' . Api::ROUTE_NAMESPACE === $route ) {
				continue;
			}
			foreach ( $endpoints as $endpoint ) {
				foreach ( array_keys( $endpoint['methods'] ) as $method ) {
					$found[] = array( $route, (string) $method, $endpoint );
				}
			}
		}

		return $found;
	}

	/**
	 * A request to a route with a body every LiveDesk route accepts.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route pattern.
	 * @return WP_REST_Request<array<string, mixed>>
	 */
	private static function request( string $method, string $route ): WP_REST_Request {
		$request = new WP_REST_Request( $method, self::concrete( $route ) );
		if ( 'GET' !== $method ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body(
				(string) wp_json_encode(
					array(
						'client_id' => 'permission-check-1',
						'body'      => 'Hello',
						'email'     => 'someone@example.org',
						'assignee'  => 'me',
						'up_to_id'  => 1,
					)
				)
			);
		}

		return $request;
	}

	/**
	 * A route pattern with its id placeholders filled in.
	 *
	 * @param string $route Route pattern.
	 */
	private static function concrete( string $route ): string {
		return (string) preg_replace( '/\(\?P<id>[^)]*\)/', str_repeat( 'a', 32 ), $route );
	}
}
