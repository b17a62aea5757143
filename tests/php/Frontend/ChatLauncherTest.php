<?php
/**
 * Tests for LiveDesk\Frontend\ChatLauncher.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Frontend;

use LiveDesk\Capabilities;
use LiveDesk\Frontend\ChatLauncher;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Enqueueing against a fixture build/ folder (the real one may not be built).
 */
#[CoversClass( ChatLauncher::class )]
final class ChatLauncherTest extends TestCase {

	private const BUILD_URL = 'https://cdn.example.org/livedesk/build/';

	private const CONFIG_PREFIX = 'window.livedeskChat = ';

	/**
	 * Fixture build folder.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Creates the fixture bundles, default settings and fresh script registries.
	 */
	protected function set_up(): void {
		$this->build_dir = sys_get_temp_dir() . '/livedesk-build-' . wp_generate_password( 8, false );
		wp_mkdir_p( $this->build_dir );
		$this->write( 'widget-launcher.js', '/* launcher */' );
		$this->write( 'widget-launcher.asset.php', "<?php return array( 'dependencies' => array(), 'version' => 'hash-launcher' );" );
		$this->write( 'widget-chat.js', '/* chat */' );
		$this->write( 'widget-chat.asset.php', "<?php return array( 'dependencies' => array(), 'version' => 'hash-chat' );" );
		foreach ( array( Settings::CHAT_ENABLED, Settings::CHAT_COLOR, Settings::CHAT_POSITION, Settings::CONSENT_MODE, Settings::SIDECAR_URL, Settings::TRACKING ) as $option ) {
			delete_option( $option );
		}
		$this->reset_dependencies();
	}

	/**
	 * Removes the fixtures and the registered scripts.
	 */
	protected function tear_down(): void {
		foreach ( (array) glob( $this->build_dir . '/*' ) as $file ) {
			wp_delete_file( (string) $file );
		}
		rmdir( $this->build_dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a temporary fixture folder.
		$this->reset_dependencies();
	}

	/**
	 * With chat on (the default) the launcher is enqueued in the footer,
	 * deferred, with its configuration before it.
	 */
	public function test_enqueued_with_its_config(): void {
		$this->launcher()->action_wp_enqueue_scripts();

		self::assertSame( array( 'livedesk-launcher' ), wp_scripts()->queue );
		$script = wp_scripts()->registered['livedesk-launcher'];
		self::assertSame( self::BUILD_URL . 'widget-launcher.js', $script->src );
		self::assertSame( 'hash-launcher', $script->ver );
		self::assertSame( 1, wp_scripts()->get_data( 'livedesk-launcher', 'group' ), 'In the footer.' );
		self::assertSame( 'defer', wp_scripts()->get_data( 'livedesk-launcher', 'strategy' ) );
		self::assertSame(
			array(
				'restUrl'    => rest_url( 'livedesk/v1/' ),
				'sidecarUrl' => home_url( '/livedesk-sidecar/' ),
				'chatUrl'    => self::BUILD_URL . 'widget-chat.js?ver=hash-chat',
				'ajaxUrl'    => admin_url( 'admin-ajax.php' ),
				'color'      => '#2563eb',
				'position'   => 'right',
				'label'      => 'Chat with us',
				'consent'    => false,
			),
			$this->config()
		);
	}

	/**
	 * The config follows the settings; chat works while tracking is off.
	 */
	public function test_config_follows_the_settings(): void {
		$settings = new Settings();
		$settings->set_chat_color( '#0F766E' );
		$settings->set_chat_position( 'left' );
		$settings->set_consent_mode( true );
		$settings->set_tracking( false );
		$settings->set_sidecar_url( 'https://live.example.org/' );

		$this->launcher()->action_wp_enqueue_scripts();

		$config = $this->config();
		self::assertSame( '#0f766e', $config['color'] );
		self::assertSame( 'left', $config['position'] );
		self::assertTrue( $config['consent'] );
		self::assertSame( 'https://live.example.org/', $config['sidecarUrl'] );
	}

	/**
	 * With chat off nothing is enqueued.
	 */
	public function test_not_enqueued_when_chat_is_off(): void {
		( new Settings() )->set_chat_enabled( false );

		$this->launcher()->action_wp_enqueue_scripts();

		self::assertSame( array(), wp_scripts()->queue );
		self::assertArrayNotHasKey( 'livedesk-launcher', wp_scripts()->registered );
	}

	/**
	 * Without either bundle, nothing is enqueued and nothing is printed.
	 *
	 * @param string $missing File removed from the build.
	 */
	#[DataProvider( 'build_files' )]
	public function test_missing_build_enqueues_nothing_quietly( string $missing ): void {
		wp_delete_file( $this->build_dir . '/' . $missing );

		ob_start();
		$this->launcher()->action_wp_enqueue_scripts();
		$output = (string) ob_get_clean();

		self::assertSame( '', $output );
		self::assertSame( array(), wp_scripts()->queue );
	}

	/**
	 * Build files.
	 *
	 * @return array<string, array{string}>
	 */
	public static function build_files(): array {
		return array(
			'launcher'            => array( 'widget-launcher.js' ),
			'launcher asset file' => array( 'widget-launcher.asset.php' ),
			'chat panel'          => array( 'widget-chat.js' ),
			'chat asset file'     => array( 'widget-chat.asset.php' ),
		);
	}

	/**
	 * Full-page caches serve one copy to everyone: the printed config is the
	 * same byte for byte for an administrator, an agent and a visitor, and
	 * carries no nonce or user data.
	 */
	public function test_config_is_the_same_for_every_visitor(): void {
		$printed = array();
		foreach ( array( 'administrator', Capabilities::AGENT_ROLE, null ) as $role ) {
			$user_id = null === $role ? 0 : $this->create_user( $role );
			wp_set_current_user( $user_id );
			$this->reset_dependencies();

			$this->launcher()->action_wp_enqueue_scripts();

			$inline    = $this->inline_before();
			$printed[] = $inline;
			if ( 0 !== $user_id ) {
				self::assertStringNotContainsString( wp_create_nonce( 'wp_rest' ), $inline );
				self::assertStringNotContainsString( wp_get_current_user()->user_login, $inline );
				self::assertStringNotContainsString( wp_get_current_user()->user_email, $inline );
			}
		}

		self::assertCount( 1, array_unique( $printed ) );
	}

	/**
	 * The printed tags: the config first, then the deferred launcher.
	 */
	public function test_printed_tags_keep_the_defer_strategy(): void {
		$this->launcher()->action_wp_enqueue_scripts();

		ob_start();
		wp_scripts()->do_items( array( 'livedesk-launcher' ) );
		$html = (string) ob_get_clean();

		$config_at = strpos( $html, self::CONFIG_PREFIX );
		$script_at = strpos( $html, 'widget-launcher.js' );
		self::assertNotFalse( $config_at );
		self::assertNotFalse( $script_at );
		self::assertLessThan( $script_at, $config_at );
		self::assertMatchesRegularExpression( '/<script[^>]*src="[^"]*widget-launcher\.js[^"]*"[^>]*\sdefer[\s>=]/', $html );
	}

	/**
	 * The class under test, reading the fixture build.
	 */
	private function launcher(): ChatLauncher {
		return new ChatLauncher( new Settings(), $this->build_dir, self::BUILD_URL, '9.9.9' );
	}

	/**
	 * The launcher's single inline "before" script.
	 */
	private function inline_before(): string {
		$before = wp_scripts()->get_data( 'livedesk-launcher', 'before' );
		self::assertIsArray( $before );
		$before = array_values( array_filter( $before, 'is_string' ) );
		self::assertCount( 1, $before );

		return $before[0];
	}

	/**
	 * The object the inline script assigns to window.livedeskChat.
	 *
	 * @return array<string, mixed>
	 */
	private function config(): array {
		$script = $this->inline_before();
		self::assertStringStartsWith( self::CONFIG_PREFIX, $script );
		self::assertStringEndsWith( ';', $script );

		$data = json_decode( substr( $script, strlen( self::CONFIG_PREFIX ), -1 ), true );
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * Writes a fixture file.
	 *
	 * @param string $name     File name.
	 * @param string $contents Contents.
	 */
	private function write( string $name, string $contents ): void {
		file_put_contents( $this->build_dir . '/' . $name, $contents ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a temporary fixture.
	}

	/**
	 * Forgets every registered script.
	 */
	private function reset_dependencies(): void {
		$GLOBALS['wp_scripts'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.
	}
}
