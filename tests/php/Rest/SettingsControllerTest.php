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
use LiveDesk\Secret;
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

	/** Every option behind the route. */
	private const OPTIONS = array(
		Settings::DELETE_DATA_ON_UNINSTALL,
		Settings::SIDECAR_URL,
		Settings::TRACKING,
		Settings::CONSENT_MODE,
		Settings::IP_MODE,
		Settings::VISITOR_CAP,
		Settings::TRUSTED_PROXIES,
		Settings::CHAT_ENABLED,
		Settings::CHAT_COLOR,
		Settings::CHAT_POSITION,
		Settings::CHAT_GREETING,
		Settings::CHAT_EMAIL_CAPTURE,
		Settings::CHAT_REQUIRE_VERIFIED,
		Settings::CHAT_OFFLINE_EMAIL,
	);

	/** The chat settings of a site that never saved one. */
	private const CHAT_DEFAULTS = array(
		'chat_enabled'          => true,
		'chat_color'            => '#2563eb',
		'chat_position'         => 'right',
		'chat_greeting'         => '',
		'chat_email_capture'    => 'optional',
		'chat_require_verified' => false,
	);

	/**
	 * Starts every test from the default settings.
	 */
	protected function set_up(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
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
				'tracking'                 => true,
				'consent_mode'             => false,
				'ip_mode'                  => 'anonymised',
				'visitor_cap'              => 500,
				'trusted_proxies'          => array( '127.0.0.1', '::1' ),
			) + self::CHAT_DEFAULTS + array(
				'chat_offline_email' => get_option( 'admin_email' ),
				'identity_secret'    => $this->identity_secret(),
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
					'tracking'                 => false,
					'consent_mode'             => true,
					'ip_mode'                  => 'none',
					'visitor_cap'              => 2000,
					'trusted_proxies'          => array( '10.0.0.0/8', '2001:DB8::/32' ),
				)
			)
		);

		$expected = array(
			'delete_data_on_uninstall' => true,
			'sidecar_url'              => 'https://sidecar.example.org/',
			'effective_sidecar_url'    => 'https://sidecar.example.org/',
			'tracking'                 => false,
			'consent_mode'             => true,
			'ip_mode'                  => 'none',
			'visitor_cap'              => 2000,
			'trusted_proxies'          => array( '10.0.0.0/8', '2001:db8::/32' ),
		) + self::CHAT_DEFAULTS + array(
			'chat_offline_email' => get_option( 'admin_email' ),
			'identity_secret'    => $this->identity_secret(),
		);
		self::assertSame( 200, $response->get_status() );
		self::assertSame( $expected, $response->get_data() );

		wp_cache_flush();
		$this->reset_rest_server();
		self::assertSame( $expected, $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) )->get_data() );
		self::assertSame( 'https://sidecar.example.org/', $this->stored( Settings::SIDECAR_URL ) );
		self::assertSame( '0', $this->stored( Settings::TRACKING ) );
		self::assertSame( '1', $this->stored( Settings::CONSENT_MODE ) );
		self::assertSame( 'none', $this->stored( Settings::IP_MODE ) );
		self::assertSame( '2000', $this->stored( Settings::VISITOR_CAP ) );
		self::assertSame( "10.0.0.0/8\n2001:db8::/32", $this->stored( Settings::TRUSTED_PROXIES ) );
	}

	/**
	 * The bounds of the cap are accepted, and an empty proxy list means
	 * "trust no proxy".
	 */
	public function test_edge_values_are_accepted(): void {
		$this->log_in( 'administrator' );

		foreach ( array( 1, 100000 ) as $cap ) {
			$response = $this->dispatch( $this->json_request( 'PATCH', array( 'visitor_cap' => $cap ) ) );
			self::assertSame( 200, $response->get_status() );
			self::assertSame( (string) $cap, $this->stored( Settings::VISITOR_CAP ) );
		}

		$response = $this->dispatch( $this->json_request( 'PATCH', array( 'trusted_proxies' => array() ) ) );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( array(), $data['trusted_proxies'] );
		self::assertSame( '', $this->stored( Settings::TRUSTED_PROXIES ) );
	}

	/**
	 * A form-encoded request (as a plain HTML form or curl sends it) works too.
	 */
	public function test_form_encoded_values_are_coerced(): void {
		$this->log_in( 'administrator' );
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_body_params(
			array(
				'tracking'        => 'false',
				'visitor_cap'     => '42',
				'trusted_proxies' => array( '192.0.2.1' ),
			)
		);

		$response = $this->dispatch( $request );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( '0', $this->stored( Settings::TRACKING ) );
		self::assertSame( '42', $this->stored( Settings::VISITOR_CAP ) );
		self::assertSame( '192.0.2.1', $this->stored( Settings::TRUSTED_PROXIES ) );
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

		$response = $this->dispatch(
			$this->json_request(
				'POST',
				array(
					'delete_data_on_uninstall' => true,
					'tracking'                 => false,
					'ip_mode'                  => 'full',
					'trusted_proxies'          => array( '0.0.0.0/0' ),
				)
			)
		);

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
		$this->assert_nothing_stored();
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
		$this->assert_nothing_stored();
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
			'tracking not a boolean'    => array( array( 'tracking' => 'sometimes' ) ),
			'consent not a boolean'     => array( array( 'consent_mode' => array( true ) ) ),
			'unknown IP mode'           => array( array( 'ip_mode' => 'partial' ) ),
			'IP mode in upper case'     => array( array( 'ip_mode' => 'FULL' ) ),
			'cap 0'                     => array( array( 'visitor_cap' => 0 ) ),
			'cap 100001'                => array( array( 'visitor_cap' => 100001 ) ),
			'cap not whole'             => array( array( 'visitor_cap' => 12.5 ) ),
			'cap a word'                => array( array( 'visitor_cap' => 'lots' ) ),
			'bad proxy entry'           => array( array( 'trusted_proxies' => array( '127.0.0.1', 'proxy.example.org' ) ) ),
			'proxy prefix too long'     => array( array( 'trusted_proxies' => array( '10.0.0.0/33' ) ) ),
			'proxies as a string'       => array( array( 'trusted_proxies' => '127.0.0.1, proxy.example.org' ) ),
			'proxies an object'         => array( array( 'trusted_proxies' => array( 'a' => array( 'b' => 1 ) ) ) ),
			'proxy entry not a string'  => array( array( 'trusted_proxies' => array( array( '127.0.0.1' ) ) ) ),
			'too many proxies'          => array( array( 'trusted_proxies' => array_fill( 0, 101, '127.0.0.1' ) ) ),
			'valid values with one bad' => array(
				array(
					'tracking'        => false,
					'ip_mode'         => 'full',
					'visitor_cap'     => 10,
					'trusted_proxies' => array( '10.0.0.1', '10.0.0.300' ),
				),
			),
		);
	}

	/**
	 * The error for a bad proxy names the entry, in the shape apiFetch
	 * reports (`data.params.trusted_proxies`).
	 */
	public function test_bad_proxy_error_names_the_entry(): void {
		$this->log_in( 'administrator' );

		$response = $this->dispatch( $this->json_request( 'POST', array( 'trusted_proxies' => array( '::1', '10.0.0.300' ) ) ) );

		self::assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'rest_invalid_param', $data['code'] );
		self::assertStringContainsString( '"10.0.0.300" is not an IP address or CIDR range', $data['data']['params']['trusted_proxies'] );
		self::assertSame( '10.0.0.300', $data['data']['details']['trusted_proxies']['data']['entry'] );
	}

	/**
	 * The errors for a bad mode or cap say what is allowed.
	 *
	 * @param array<string, mixed> $body     Request body.
	 * @param string               $param    The parameter at fault.
	 * @param string               $expected Part of its message.
	 */
	#[DataProvider( 'explained_errors' )]
	public function test_errors_say_what_is_allowed( array $body, string $param, string $expected ): void {
		$this->log_in( 'administrator' );

		$data = $this->dispatch( $this->json_request( 'POST', $body ) )->get_data();

		self::assertIsArray( $data );
		self::assertStringContainsString( $expected, $data['data']['params'][ $param ] );
	}

	/**
	 * Bodies and the message they get.
	 *
	 * @return array<string, array{array<string, mixed>, string, string}>
	 */
	public static function explained_errors(): array {
		return array(
			'mode'      => array( array( 'ip_mode' => 'partial' ), 'ip_mode', 'anonymised, full, and none' ),
			'cap 0'     => array( array( 'visitor_cap' => 0 ), 'visitor_cap', 'between 1 (inclusive) and 100000 (inclusive)' ),
			'cap large' => array( array( 'visitor_cap' => 100001 ), 'visitor_cap', 'between 1 (inclusive) and 100000 (inclusive)' ),
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
		self::assertSame(
			array( 'delete_data_on_uninstall', 'sidecar_url', 'effective_sidecar_url', 'tracking', 'consent_mode', 'ip_mode', 'visitor_cap', 'trusted_proxies', 'chat_enabled', 'chat_color', 'chat_position', 'chat_greeting', 'chat_email_capture', 'chat_require_verified', 'chat_offline_email', 'identity_secret' ),
			array_keys( $properties )
		);
		foreach ( $properties as $name => $property ) {
			self::assertNotEmpty( $property['description'], "{$name} needs a description." );
			self::assertArrayHasKey( 'type', $property );
			self::assertArrayHasKey( 'context', $property );
		}
		self::assertTrue( $properties['effective_sidecar_url']['readonly'] );
		self::assertSame( array( 'anonymised', 'full', 'none' ), $properties['ip_mode']['enum'] );
		self::assertSame( 1, $properties['visitor_cap']['minimum'] );
		self::assertSame( 100000, $properties['visitor_cap']['maximum'] );
		self::assertSame( 'array', $properties['trusted_proxies']['type'] );
		self::assertSame( array( 'type' => 'string' ), $properties['trusted_proxies']['items'] );
		self::assertTrue( $properties['identity_secret']['readonly'] );
		self::assertSame( array( 'off', 'optional', 'required' ), $properties['chat_email_capture']['enum'] );
	}

	/**
	 * The identity secret, as stored.
	 */
	private function identity_secret(): string {
		return ( new Secret( Secret::IDENTITY_OPTION ) )->get();
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
	 * Asserts that no setting was written.
	 */
	private function assert_nothing_stored(): void {
		foreach ( self::OPTIONS as $option ) {
			self::assertNull( $this->stored( $option ), "{$option} should not be stored." );
		}
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
