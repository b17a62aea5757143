<?php
/**
 * Tests for LiveDesk\Rest\SettingsController.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Rest\SettingsController;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * `livedesk/v1/settings` through the real REST server.
 */
#[CoversClass( SettingsController::class )]
final class SettingsControllerTest extends TestCase {

	private const ROUTE = '/livedesk/v1/settings';

	/**
	 * Starts every test from the default settings.
	 */
	protected function set_up(): void {
		delete_option( Settings::DELETE_DATA_ON_UNINSTALL );
		delete_option( Settings::SIDECAR_URL );
	}

	/**
	 * The route exists with GET and the edit methods.
	 */
	public function test_route_is_registered(): void {
		$routes = rest_get_server()->get_routes( 'livedesk/v1' );

		self::assertArrayHasKey( self::ROUTE, $routes );
		$methods = array();
		foreach ( $routes[ self::ROUTE ] as $endpoint ) {
			$methods = array_merge( $methods, array_keys( $endpoint['methods'] ) );
		}
		sort( $methods );
		self::assertSame( array( 'GET', 'PATCH', 'POST', 'PUT' ), $methods );
	}

	/**
	 * Who may read the settings.
	 *
	 * @param string|null $role   Role of the current user; null for a visitor.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'readers' )]
	public function test_get_requires_the_view_capability( ?string $role, int $status ): void {
		$this->log_in( $role );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) );

		self::assertSame( $status, $response->get_status() );
		if ( 200 !== $status ) {
			self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		}
	}

	/**
	 * Read access cases.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public static function readers(): array {
		return array(
			'administrator' => array( 'administrator', 200 ),
			'agent'         => array( Capabilities::AGENT_ROLE, 200 ),
			'subscriber'    => array( 'subscriber', 403 ),
			'anonymous'     => array( null, 401 ),
		);
	}

	/**
	 * GET returns every setting, with the defaults on a fresh site.
	 */
	public function test_get_returns_the_settings(): void {
		$this->log_in( 'administrator' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) );

		self::assertSame(
			array(
				'delete_data_on_uninstall' => false,
				'sidecar_url'              => '',
				'effective_sidecar_url'    => home_url( '/livedesk-sidecar/' ),
			),
			$response->get_data()
		);
	}

	/**
	 * An administrator's change is returned and stored.
	 */
	public function test_post_as_administrator_updates_and_persists(): void {
		$this->log_in( 'administrator' );

		$response = $this->dispatch(
			$this->json_request(
				'POST',
				array(
					'delete_data_on_uninstall' => true,
					'sidecar_url'              => 'https://sidecar.example.org/',
				)
			)
		);

		$expected = array(
			'delete_data_on_uninstall' => true,
			'sidecar_url'              => 'https://sidecar.example.org/',
			'effective_sidecar_url'    => 'https://sidecar.example.org/',
		);
		self::assertSame( 200, $response->get_status() );
		self::assertSame( $expected, $response->get_data() );

		wp_cache_flush();
		$this->reset_rest_server();
		self::assertSame( $expected, $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) )->get_data() );
		self::assertSame( 'https://sidecar.example.org/', $this->stored( Settings::SIDECAR_URL ) );
	}

	/**
	 * A request may change one setting and leave the others alone.
	 */
	public function test_patch_updates_only_what_it_names(): void {
		$this->log_in( 'administrator' );
		( new Settings() )->set_delete_data_on_uninstall( true );

		$response = $this->dispatch( $this->json_request( 'PATCH', array( 'sidecar_url' => 'http://127.0.0.1:8798/' ) ) );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertTrue( $data['delete_data_on_uninstall'] );
		self::assertSame( 'http://127.0.0.1:8798/', $data['sidecar_url'] );
	}

	/**
	 * An empty sidecar URL goes back to the site's own origin.
	 */
	public function test_empty_sidecar_url_means_same_origin(): void {
		$this->log_in( 'administrator' );
		( new Settings() )->set_sidecar_url( 'https://sidecar.example.org/' );

		$response = $this->dispatch( $this->json_request( 'POST', array( 'sidecar_url' => '' ) ) );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( '', $data['sidecar_url'] );
		self::assertSame( home_url( '/livedesk-sidecar/' ), $data['effective_sidecar_url'] );
	}

	/**
	 * Users without livedesk_manage cannot change anything.
	 *
	 * @param string|null $role   Role of the current user; null for a visitor.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'non_managers' )]
	public function test_post_requires_the_manage_capability( ?string $role, int $status ): void {
		$this->log_in( $role );

		$response = $this->dispatch( $this->json_request( 'POST', array( 'delete_data_on_uninstall' => true ) ) );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		self::assertNull( $this->stored( Settings::DELETE_DATA_ON_UNINSTALL ) );
	}

	/**
	 * Write access cases that must fail.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public static function non_managers(): array {
		return array(
			'agent'      => array( Capabilities::AGENT_ROLE, 403 ),
			'subscriber' => array( 'subscriber', 403 ),
			'anonymous'  => array( null, 401 ),
		);
	}

	/**
	 * Invalid values are rejected with 400 and nothing is stored, not even
	 * a valid value sent alongside.
	 *
	 * @param array<string, mixed> $body Request body.
	 */
	#[DataProvider( 'invalid_bodies' )]
	public function test_invalid_values_are_rejected( array $body ): void {
		$this->log_in( 'administrator' );

		$response = $this->dispatch( $this->json_request( 'POST', $body ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'rest_invalid_param', $this->error_code( $response ) );
		self::assertNull( $this->stored( Settings::SIDECAR_URL ) );
		self::assertNull( $this->stored( Settings::DELETE_DATA_ON_UNINSTALL ) );
	}

	/**
	 * Invalid request bodies.
	 *
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function invalid_bodies(): array {
		return array(
			'javascript: URL'           => array( array( 'sidecar_url' => 'javascript:alert(1)' ) ),
			'ftp URL'                   => array( array( 'sidecar_url' => 'ftp://example.org/' ) ),
			'relative URL'              => array( array( 'sidecar_url' => '/livedesk-sidecar/' ) ),
			'URL not a string'          => array( array( 'sidecar_url' => 42 ) ),
			'flag not a boolean'        => array( array( 'delete_data_on_uninstall' => 'maybe' ) ),
			'valid flag with a bad URL' => array(
				array(
					'delete_data_on_uninstall' => true,
					'sidecar_url'              => 'javascript:alert(1)',
				),
			),
		);
	}

	/**
	 * The effective URL is read-only: sending it changes nothing.
	 */
	public function test_effective_sidecar_url_is_read_only(): void {
		$this->log_in( 'administrator' );

		$response = $this->dispatch( $this->json_request( 'POST', array( 'effective_sidecar_url' => 'https://evil.example.org/' ) ) );

		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( home_url( '/livedesk-sidecar/' ), $data['effective_sidecar_url'] );
	}

	/**
	 * The schema describes every field.
	 */
	public function test_schema_describes_every_field(): void {
		$response = $this->dispatch( new WP_REST_Request( 'OPTIONS', self::ROUTE ) );

		$data = $response->get_data();
		self::assertIsArray( $data );
		$properties = $data['schema']['properties'];
		self::assertSame( array( 'delete_data_on_uninstall', 'sidecar_url', 'effective_sidecar_url' ), array_keys( $properties ) );
		foreach ( $properties as $name => $property ) {
			self::assertNotEmpty( $property['description'], "{$name} needs a description." );
			self::assertArrayHasKey( 'type', $property );
			self::assertArrayHasKey( 'context', $property );
		}
		self::assertTrue( $properties['effective_sidecar_url']['readonly'] );
	}

	/**
	 * Logs in a new user with a role, or stays logged out.
	 *
	 * @param string|null $role Role; null for a visitor.
	 */
	private function log_in( ?string $role ): void {
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );
	}

	/**
	 * A request with a JSON body, as apiFetch sends it.
	 *
	 * @param string               $method HTTP method.
	 * @param array<string, mixed> $body   Body.
	 * @return WP_REST_Request<array<string, mixed>>
	 */
	private function json_request( string $method, array $body ): WP_REST_Request {
		$request = new WP_REST_Request( $method, self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );

		return $request;
	}

	/**
	 * The error code of an error response.
	 *
	 * @param WP_REST_Response $response Response.
	 */
	private function error_code( WP_REST_Response $response ): string {
		$data = $response->get_data();
		self::assertIsArray( $data );

		return (string) $data['code'];
	}

	/**
	 * The stored value of an option, straight from the table; null if absent.
	 *
	 * @param string $name Option name.
	 */
	private function stored( string $name ): ?string {
		$row = $this->option_row( $name );

		return null === $row ? null : $row['option_value'];
	}
}
