<?php
/**
 * Tests for LiveDesk\Frontend\Tracker.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Frontend;

use LiveDesk\Capabilities;
use LiveDesk\Frontend\Tracker;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Enqueueing against a fixture build/ folder (the real one may not be built).
 */
#[CoversClass( Tracker::class )]
final class TrackerTest extends TestCase {

	private const BUILD_URL = 'https://cdn.example.org/livedesk/build/';

	private const CONFIG_PREFIX = 'window.livedeskTracker = ';

	/**
	 * Fixture build folder.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Creates the fixture bundle and fresh script registries.
	 */
	protected function set_up(): void {
		$this->build_dir = sys_get_temp_dir() . '/livedesk-build-' . wp_generate_password( 8, false );
		wp_mkdir_p( $this->build_dir );
		$this->write( 'widget-tracker.js', '/* tracker */' );
		$this->write( 'widget-tracker.asset.php', "<?php return array( 'dependencies' => array(), 'version' => 'hash-tracker' );" );
		delete_option( Settings::TRACKING );
		delete_option( Settings::CONSENT_MODE );
		delete_option( Settings::SIDECAR_URL );
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
	 * With tracking on (the default) the tracker is enqueued in the footer,
	 * deferred, with the built version and its configuration before it.
	 */
	public function test_enqueued_with_its_config_when_tracking_is_on(): void {
		$this->tracker()->action_wp_enqueue_scripts();

		self::assertSame( array( 'livedesk-tracker' ), wp_scripts()->queue );
		$script = wp_scripts()->registered['livedesk-tracker'];
		self::assertSame( self::BUILD_URL . 'widget-tracker.js', $script->src );
		self::assertSame( 'hash-tracker', $script->ver );
		self::assertSame( array(), $script->deps );
		self::assertSame( 1, wp_scripts()->get_data( 'livedesk-tracker', 'group' ), 'In the footer.' );
		self::assertSame( 'defer', wp_scripts()->get_data( 'livedesk-tracker', 'strategy' ) );
		self::assertSame(
			array(
				'sidecarUrl' => home_url( '/livedesk-sidecar/' ),
				'consent'    => false,
			),
			$this->config()
		);
	}

	/**
	 * The printed HTML: the config first, then the deferred script tag (a
	 * "before" inline script does not cost the defer).
	 */
	public function test_printed_tags_keep_the_defer_strategy(): void {
		$this->tracker()->action_wp_enqueue_scripts();

		ob_start();
		wp_scripts()->do_items( array( 'livedesk-tracker' ) );
		$html = (string) ob_get_clean();

		$config_at = strpos( $html, self::CONFIG_PREFIX );
		$script_at = strpos( $html, 'widget-tracker.js' );
		self::assertNotFalse( $config_at );
		self::assertNotFalse( $script_at );
		self::assertLessThan( $script_at, $config_at );
		self::assertMatchesRegularExpression( '/<script[^>]*src="[^"]*widget-tracker\.js[^"]*"[^>]*\sdefer[\s>=]/', $html );
	}

	/**
	 * With tracking off nothing is enqueued.
	 */
	public function test_not_enqueued_when_tracking_is_off(): void {
		( new Settings() )->set_tracking( false );

		$this->tracker()->action_wp_enqueue_scripts();

		self::assertSame( array(), wp_scripts()->queue );
		self::assertArrayNotHasKey( 'livedesk-tracker', wp_scripts()->registered );
	}

	/**
	 * Without a build, nothing is enqueued and nothing is printed.
	 *
	 * @param string $missing File removed from the build.
	 */
	#[DataProvider( 'build_files' )]
	public function test_missing_build_enqueues_nothing_quietly( string $missing ): void {
		wp_delete_file( $this->build_dir . '/' . $missing );

		ob_start();
		$this->tracker()->action_wp_enqueue_scripts();
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
			'bundle'     => array( 'widget-tracker.js' ),
			'asset file' => array( 'widget-tracker.asset.php' ),
		);
	}

	/**
	 * The config follows the settings: consent mode and a configured sidecar.
	 */
	public function test_config_follows_the_settings(): void {
		$settings = new Settings();
		$settings->set_consent_mode( true );
		$settings->set_sidecar_url( 'https://live.example.org/' );

		$this->tracker()->action_wp_enqueue_scripts();

		self::assertSame(
			array(
				'sidecarUrl' => 'https://live.example.org/',
				'consent'    => true,
			),
			$this->config()
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

			$this->tracker()->action_wp_enqueue_scripts();

			$inline    = $this->inline_before();
			$printed[] = $inline;
			if ( 0 !== $user_id ) {
				self::assertStringNotContainsString( wp_create_nonce( 'wp_rest' ), $inline );
				self::assertStringNotContainsString( wp_get_current_user()->user_login, $inline );
			}
		}

		self::assertCount( 1, array_unique( $printed ) );
		self::assertSame( array( 'sidecarUrl', 'consent' ), array_keys( $this->config() ) );
	}

	/**
	 * The class under test, reading the fixture build.
	 */
	private function tracker(): Tracker {
		return new Tracker( new Settings(), $this->build_dir, self::BUILD_URL, '9.9.9' );
	}

	/**
	 * The tracker's single inline "before" script.
	 */
	private function inline_before(): string {
		$before = wp_scripts()->get_data( 'livedesk-tracker', 'before' );
		self::assertIsArray( $before );
		// WP_Scripts keeps a leading false in the list.
		$before = array_values( array_filter( $before, 'is_string' ) );
		self::assertCount( 1, $before );

		return $before[0];
	}

	/**
	 * The object the inline script assigns to window.livedeskTracker.
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
