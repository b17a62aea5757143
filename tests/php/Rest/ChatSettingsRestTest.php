<?php
/**
 * Tests for the chat settings and identity secret in LiveDesk\Rest\SettingsController.
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

/**
 * `livedesk/v1/settings` chat fields and `settings/identity-secret`.
 */
#[CoversClass( SettingsController::class )]
final class ChatSettingsRestTest extends TestCase {

	private const ROUTE = '/livedesk/v1/settings';

	private const REGENERATE = '/livedesk/v1/settings/identity-secret';

	/** Chat options behind the route. */
	private const OPTIONS = array(
		Settings::CHAT_ENABLED,
		Settings::CHAT_COLOR,
		Settings::CHAT_POSITION,
		Settings::CHAT_GREETING,
		Settings::CHAT_EMAIL_CAPTURE,
		Settings::CHAT_REQUIRE_VERIFIED,
		Settings::CHAT_OFFLINE_EMAIL,
	);

	/**
	 * Default chat settings.
	 */
	protected function set_up(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
	}

	/**
	 * The identity secret is in the answer for managers only; agents read
	 * every other setting.
	 */
	public function test_identity_secret_is_shown_to_managers_only(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$admin = $this->get();
		self::assertSame( $this->identity_secret(), $admin['identity_secret'] );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $admin['identity_secret'] );
		self::assertNotSame( get_option( Secret::OPTION ), $admin['identity_secret'], 'Not the sidecar secret.' );

		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
		$agent = $this->get();
		self::assertArrayNotHasKey( 'identity_secret', $agent );
		self::assertSame( '#2563eb', $agent['chat_color'] );
		self::assertStringNotContainsString( $this->identity_secret(), (string) wp_json_encode( $agent ) );
	}

	/**
	 * A site without an identity secret (activated before it existed) gets
	 * one when a manager reads the settings.
	 */
	public function test_a_missing_identity_secret_is_created_on_read(): void {
		delete_option( Secret::IDENTITY_OPTION );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$data = $this->get();

		self::assertTrue( Secret::is_valid( $data['identity_secret'] ) );
		$row = $this->option_row( Secret::IDENTITY_OPTION );
		self::assertNotNull( $row );
		self::assertNotContains( $row['autoload'], wp_autoload_values_to_autoload() );
	}

	/**
	 * A manager changes every chat setting; the answer and the stored rows
	 * follow.
	 */
	public function test_manager_updates_chat_settings(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$response = $this->dispatch(
			$this->json_request(
				'POST',
				self::ROUTE,
				array(
					'chat_enabled'          => false,
					'chat_color'            => '#0F766E',
					'chat_position'         => 'left',
					'chat_greeting'         => 'Hi! <b>Ask</b> away.',
					'chat_email_capture'    => 'required',
					'chat_require_verified' => true,
					'chat_offline_email'    => 'support@example.org',
				)
			)
		);

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertFalse( $data['chat_enabled'] );
		self::assertSame( '#0f766e', $data['chat_color'] );
		self::assertSame( 'left', $data['chat_position'] );
		self::assertSame( 'Hi! <b>Ask</b> away.', $data['chat_greeting'] );
		self::assertSame( 'required', $data['chat_email_capture'] );
		self::assertTrue( $data['chat_require_verified'] );
		self::assertSame( 'support@example.org', $data['chat_offline_email'] );
		self::assertSame( '0', $this->stored( Settings::CHAT_ENABLED ) );
		self::assertSame( '1', $this->stored( Settings::CHAT_REQUIRE_VERIFIED ) );

		$reset = $this->dispatch( $this->json_request( 'POST', self::ROUTE, array( 'chat_offline_email' => '' ) ) );
		$data  = $reset->get_data();
		self::assertIsArray( $data );
		self::assertSame( get_option( 'admin_email' ), $data['chat_offline_email'] );
	}

	/**
	 * Agents cannot change chat settings.
	 */
	public function test_agent_cannot_change_chat_settings(): void {
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );

		$response = $this->dispatch( $this->json_request( 'POST', self::ROUTE, array( 'chat_enabled' => false ) ) );

		self::assertSame( 403, $response->get_status() );
		self::assertNull( $this->stored( Settings::CHAT_ENABLED ) );
	}

	/**
	 * Invalid chat values are refused with 400 and store nothing.
	 *
	 * @param array<string, mixed> $body Request body.
	 */
	#[DataProvider( 'invalid_bodies' )]
	public function test_invalid_chat_values_are_rejected( array $body ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$response = $this->dispatch( $this->json_request( 'POST', self::ROUTE, $body + array( 'chat_position' => 'left' ) ) );

		self::assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( 'rest_invalid_param', $data['code'] );
		foreach ( self::OPTIONS as $option ) {
			self::assertNull( $this->stored( $option ), "{$option} should not be stored." );
		}
	}

	/**
	 * Bodies with one invalid chat value.
	 *
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function invalid_bodies(): array {
		return array(
			'colour name'       => array( array( 'chat_color' => 'red' ) ),
			'colour injection'  => array( array( 'chat_color' => '#fff;}body{display:none' ) ),
			'position'          => array( array( 'chat_position' => 'top' ) ),
			'capture'           => array( array( 'chat_email_capture' => 'maybe' ) ),
			'greeting too long' => array( array( 'chat_greeting' => str_repeat( 'x', 501 ) ) ),
			'offline email'     => array( array( 'chat_offline_email' => 'nobody' ) ),
			'enabled not bool'  => array( array( 'chat_enabled' => 'perhaps' ) ),
		);
	}

	/**
	 * Regenerating replaces the identity secret and returns the new one;
	 * the sidecar's secret is untouched.
	 */
	public function test_manager_regenerates_the_identity_secret(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before  = $this->identity_secret();
		$sidecar = get_option( Secret::OPTION );

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::REGENERATE ) );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertNotSame( $before, $data['identity_secret'] );
		self::assertSame( $this->identity_secret(), $data['identity_secret'] );
		self::assertTrue( Secret::is_valid( $data['identity_secret'] ) );
		self::assertSame( $sidecar, get_option( Secret::OPTION ) );
		$row = $this->option_row( Secret::IDENTITY_OPTION );
		self::assertNotNull( $row );
		self::assertNotContains( $row['autoload'], wp_autoload_values_to_autoload() );
	}

	/**
	 * Only managers may regenerate.
	 *
	 * @param string|null $role   Role; null for a visitor.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'non_managers' )]
	public function test_regenerate_requires_the_manage_capability( ?string $role, int $status ): void {
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );
		$before = $this->identity_secret();

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::REGENERATE ) );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( $before, $this->identity_secret() );
	}

	/**
	 * Roles that may not regenerate.
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
	 * GET the settings as the current user.
	 *
	 * @return array<string, mixed>
	 */
	private function get(): array {
		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * A request with a JSON body.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route.
	 * @param array<string, mixed> $body   Body.
	 * @return WP_REST_Request<array<string, mixed>>
	 */
	private function json_request( string $method, string $route, array $body ): WP_REST_Request {
		$request = new WP_REST_Request( $method, $route );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );

		return $request;
	}

	/**
	 * The identity secret as stored.
	 */
	private function identity_secret(): string {
		wp_cache_delete( Secret::IDENTITY_OPTION, 'options' );

		return ( new Secret( Secret::IDENTITY_OPTION ) )->get();
	}

	/**
	 * The stored value of an option; null when absent.
	 *
	 * @param string $name Option name.
	 */
	private function stored( string $name ): ?string {
		$row = $this->option_row( $name );

		return null === $row ? null : $row['option_value'];
	}
}
