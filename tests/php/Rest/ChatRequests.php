<?php
/**
 * Request helpers for the chat route tests.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use WP_REST_Request;
use WP_REST_Response;

/**
 * JSON requests, response data and a view-only user.
 */
trait ChatRequests {

	/**
	 * A request with a JSON body, as apiFetch and API clients send it.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $route   Route.
	 * @param array<string, mixed>  $body    Body.
	 * @param array<string, string> $headers Extra headers.
	 * @return WP_REST_Request<array<string, mixed>>
	 */
	protected function json( string $method, string $route, array $body = array(), array $headers = array() ): WP_REST_Request {
		$request = new WP_REST_Request( $method, $route );
		$request->set_header( 'Content-Type', 'application/json' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( array() !== $body ) {
			$request->set_body( (string) wp_json_encode( $body ) );
		}

		return $request;
	}

	/**
	 * A response's data as an array.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	protected function data( WP_REST_Response $response ): array {
		$data = $response->get_data();
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * Asserts a refusal's status and code.
	 *
	 * @param int              $status   Expected HTTP status.
	 * @param string           $code     Expected error code.
	 * @param WP_REST_Response $response Response.
	 */
	protected function assert_error( int $status, string $code, WP_REST_Response $response ): void {
		$data = $this->data( $response );
		self::assertSame( $code, $data['code'] ?? null, (string) wp_json_encode( $data ) );
		self::assertSame( $status, $response->get_status() );
	}

	/**
	 * Logs in a user who has livedesk_view and nothing else of LiveDesk.
	 */
	protected function log_in_viewer(): int {
		if ( null === get_role( 'livedesk_test_viewer' ) ) {
			add_role(
				'livedesk_test_viewer',
				'Viewer',
				array(
					'read'             => true,
					Capabilities::VIEW => true,
				)
			);
		}
		$user_id = $this->create_user( 'livedesk_test_viewer' );
		wp_set_current_user( $user_id );

		return $user_id;
	}
}
