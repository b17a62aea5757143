<?php
/**
 * Tests for the chat settings of LiveDesk\Settings.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Settings;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The chat options of docs/chat.md: storage, sanitisation, registration.
 */
#[CoversClass( Settings::class )]
final class ChatSettingsTest extends TestCase {

	/** Every chat option. */
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
	 * Starts every test from a site that never saved a chat setting.
	 */
	protected function set_up(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
	}

	/**
	 * Every chat option is registered in the livedesk group, with a
	 * description, outside core's /wp/v2/settings.
	 */
	public function test_options_are_registered(): void {
		/**
		 * The stubs omit the "group" key WordPress stores.
		 *
		 * @var array<string, array<string, mixed>> $registered
		 */
		$registered = get_registered_settings();

		foreach ( self::OPTIONS as $name ) {
			self::assertArrayHasKey( $name, $registered );
			self::assertSame( Settings::GROUP, $registered[ $name ]['group'] );
			self::assertFalse( $registered[ $name ]['show_in_rest'] );
			self::assertNotEmpty( $registered[ $name ]['description'] );
		}
		self::assertSame( 'boolean', $registered[ Settings::CHAT_ENABLED ]['type'] );
		self::assertSame( 'boolean', $registered[ Settings::CHAT_REQUIRE_VERIFIED ]['type'] );
	}

	/**
	 * The stored rows: flags as '1' / '0' for the sidecar; the launcher's
	 * switch, colour and corner autoloaded (every page prints them), the
	 * rest not.
	 */
	public function test_storage_format(): void {
		$settings = new Settings();
		$settings->set_chat_enabled( false );
		$settings->set_chat_color( '#ABC' );
		$settings->set_chat_position( 'left' );
		$settings->set_chat_greeting( "  Hello <b>there</b>\r\nHow can we help?  " );
		$settings->set_chat_email_capture( 'required' );
		$settings->set_chat_require_verified( true );
		$settings->set_chat_offline_email( ' team@example.org ' );

		$autoloaded = wp_autoload_values_to_autoload();
		$expected   = array(
			Settings::CHAT_ENABLED          => array( '0', true ),
			Settings::CHAT_COLOR            => array( '#aabbcc', true ),
			Settings::CHAT_POSITION         => array( 'left', true ),
			Settings::CHAT_GREETING         => array( "Hello <b>there</b>\nHow can we help?", false ),
			Settings::CHAT_EMAIL_CAPTURE    => array( 'required', false ),
			Settings::CHAT_REQUIRE_VERIFIED => array( '1', false ),
			Settings::CHAT_OFFLINE_EMAIL    => array( 'team@example.org', false ),
		);
		foreach ( $expected as $option => list( $value, $autoload ) ) {
			$row = $this->option_row( $option );
			self::assertNotNull( $row, "{$option} should be stored." );
			self::assertSame( $value, $row['option_value'], $option );
			self::assertSame( $autoload, in_array( $row['autoload'], $autoloaded, true ), "{$option} autoload" );
		}

		wp_cache_flush();
		$data = $settings->to_array();
		self::assertFalse( $data['chat_enabled'] );
		self::assertSame( '#aabbcc', $data['chat_color'] );
		self::assertSame( 'left', $data['chat_position'] );
		self::assertSame( "Hello <b>there</b>\nHow can we help?", $data['chat_greeting'], 'Plain text, kept as typed: it is shown as text.' );
		self::assertSame( 'required', $data['chat_email_capture'] );
		self::assertTrue( $data['chat_require_verified'] );
		self::assertSame( 'team@example.org', $data['chat_offline_email'] );
	}

	/**
	 * An empty offline address means the site's admin e-mail.
	 */
	public function test_offline_email_defaults_to_the_admin_email(): void {
		update_option( 'admin_email', 'owner@example.org' );
		$settings = new Settings();
		$settings->set_chat_offline_email( 'team@example.org' );
		$settings->set_chat_offline_email( '' );

		self::assertSame( 'owner@example.org', $settings->chat_offline_email() );
	}

	/**
	 * Activation stores the launcher settings autoloaded and keeps chosen ones.
	 */
	public function test_autoloaded_defaults(): void {
		$settings = new Settings();
		$settings->set_chat_color( '#111111' );
		$settings->add_autoloaded_defaults();

		$enabled = $this->option_row( Settings::CHAT_ENABLED );
		$color   = $this->option_row( Settings::CHAT_COLOR );
		self::assertNotNull( $enabled );
		self::assertNotNull( $color );
		self::assertSame( '1', $enabled['option_value'] );
		self::assertContains( $enabled['autoload'], wp_autoload_values_to_autoload() );
		self::assertSame( '#111111', $color['option_value'] );
	}

	/**
	 * Setters refuse what the REST API refuses.
	 *
	 * @param callable(Settings): void $call    The setter call.
	 * @param string                   $message Part of the expected message.
	 */
	#[DataProvider( 'invalid_setter_calls' )]
	public function test_setters_reject_invalid_values( callable $call, string $message ): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->expectExceptionMessage( $message );

		$call( new Settings() );
	}

	/**
	 * Setter calls with invalid values.
	 *
	 * @return array<string, array{callable(Settings): void, string}>
	 */
	public static function invalid_setter_calls(): array {
		return array(
			'colour name'       => array( static fn ( Settings $s ) => $s->set_chat_color( 'blue' ), 'hex colour' ),
			'colour with CSS'   => array( static fn ( Settings $s ) => $s->set_chat_color( '#fff;background:url(x)' ), 'hex colour' ),
			'empty colour'      => array( static fn ( Settings $s ) => $s->set_chat_color( '' ), 'hex colour' ),
			'position top'      => array( static fn ( Settings $s ) => $s->set_chat_position( 'top' ), 'right, left' ),
			'capture sometimes' => array( static fn ( Settings $s ) => $s->set_chat_email_capture( 'sometimes' ), 'off, optional, required' ),
			'long greeting'     => array( static fn ( Settings $s ) => $s->set_chat_greeting( str_repeat( 'a', 501 ) ), 'at most 500' ),
			'bad offline email' => array( static fn ( Settings $s ) => $s->set_chat_offline_email( 'not-an-address' ), 'valid e-mail' ),
		);
	}

	/**
	 * Hand-edited or hostile rows are read sanitised.
	 */
	public function test_hand_edited_rows_are_read_sanitised(): void {
		$wpdb = $this->wpdb();
		foreach ( array(
			Settings::CHAT_COLOR         => 'red;}</style><script>',
			Settings::CHAT_POSITION      => 'middle',
			Settings::CHAT_EMAIL_CAPTURE => 'always',
			Settings::CHAT_OFFLINE_EMAIL => "a@example.org\r\nBcc: victim@example.org",
			Settings::CHAT_GREETING      => "Hi\x00\x07 there",
		) as $option => $value ) {
			$wpdb->insert(
				$wpdb->options,
				array(
					'option_name'  => $option,
					'option_value' => $value,
					'autoload'     => 'off',
				)
			);
		}
		wp_cache_flush();

		$settings = new Settings();
		self::assertSame( '#2563eb', $settings->chat_color() );
		self::assertSame( 'right', $settings->chat_position() );
		self::assertSame( 'optional', $settings->chat_email_capture() );
		self::assertSame( get_option( 'admin_email' ), $settings->chat_offline_email() );
		self::assertSame( 'Hi there', $settings->chat_greeting() );
	}

	/**
	 * Colour sanitising.
	 *
	 * @param mixed  $value    Raw value.
	 * @param string $expected Stored form.
	 */
	#[DataProvider( 'colors' )]
	public function test_sanitize_chat_color( $value, string $expected ): void {
		self::assertSame( $expected, Settings::sanitize_chat_color( $value ) );
	}

	/**
	 * Colour cases.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function colors(): array {
		return array(
			'six digits'  => array( '#1E40AF', '#1e40af' ),
			'three'       => array( '#f0a', '#ff00aa' ),
			'no hash'     => array( '1e40af', '#2563eb' ),
			'not a color' => array( 'rgb(0,0,0)', '#2563eb' ),
			'not string'  => array( 12, '#2563eb' ),
		);
	}
}
