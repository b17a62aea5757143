<?php
/**
 * Tests for LiveDesk\Admin\Assets.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Admin;

use LiveDesk\Admin\Assets;
use LiveDesk\Admin\Menu;
use LiveDesk\Capabilities;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Enqueueing against a fixture build/ folder (the real one may not be built).
 */
#[CoversClass( Assets::class )]
final class AssetsTest extends TestCase {

	private const BUILD_URL = 'https://cdn.example.org/livedesk/build/';

	private const SCREENS = array(
		'live-chat' => 'toplevel_page_livedesk',
		'visitors'  => 'livedesk_page_livedesk-visitors',
		'analytics' => 'livedesk_page_livedesk-analytics',
		'settings'  => 'livedesk_page_livedesk-settings',
	);

	/**
	 * Fixture build folder.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Menu registered for an administrator.
	 *
	 * @var Menu
	 */
	private Menu $menu;

	/**
	 * Creates the fixture bundles, fresh script/style registries and the menu.
	 */
	protected function set_up(): void {
		$this->build_dir = sys_get_temp_dir() . '/livedesk-build-' . wp_generate_password( 8, false );
		wp_mkdir_p( $this->build_dir );
		foreach ( array_keys( self::SCREENS ) as $screen ) {
			$this->write( "admin-{$screen}.js", '/* bundle */' );
			$this->write( "admin-{$screen}.asset.php", "<?php return array( 'dependencies' => array( 'wp-element', 'wp-api-fetch' ), 'version' => 'hash-{$screen}' );" );
		}
		$this->write( 'admin-visitors.css', '/* styles */' );
		$this->write( 'admin-visitors-rtl.css', '/* styles, right to left */' );

		$this->reset_dependencies();
		$GLOBALS['submenu']          = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.
		$GLOBALS['admin_page_hooks'] = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->menu = new Menu();
		$this->menu->action_admin_menu();
	}

	/**
	 * Removes the fixtures and the registered dependencies.
	 */
	protected function tear_down(): void {
		foreach ( (array) glob( $this->build_dir . '/*' ) as $file ) {
			wp_delete_file( (string) $file );
		}
		rmdir( $this->build_dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a temporary fixture folder.
		$this->reset_dependencies();
	}

	/**
	 * Each screen gets its own bundle, with the generated dependencies and
	 * version, its translations and its boot data.
	 *
	 * @param string $screen      Screen id.
	 * @param string $hook_suffix Hook suffix of its page.
	 */
	#[DataProvider( 'screens' )]
	public function test_each_screen_enqueues_its_bundle( string $screen, string $hook_suffix ): void {
		$this->assets()->action_admin_enqueue_scripts( $hook_suffix );

		$handle = "livedesk-admin-{$screen}";
		self::assertSame( array( $handle ), $this->livedesk_handles( wp_scripts()->queue ) );
		$script = wp_scripts()->registered[ $handle ];
		self::assertSame( self::BUILD_URL . "admin-{$screen}.js", $script->src );
		// wp_set_script_translations() adds wp-i18n.
		self::assertSame( array( 'wp-element', 'wp-api-fetch', 'wp-i18n' ), $script->deps );
		self::assertSame( "hash-{$screen}", $script->ver );
		self::assertSame( 'livedesk', $script->textdomain );
		self::assertSame( $screen, $this->boot_data( $handle )['screen'] );
	}

	/**
	 * Screen cases.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function screens(): array {
		$cases = array();
		foreach ( self::SCREENS as $screen => $hook_suffix ) {
			$cases[ $screen ] = array( $screen, $hook_suffix );
		}

		return $cases;
	}

	/**
	 * The stylesheet is enqueued when the build has one, after wp-components.
	 */
	public function test_stylesheet_is_enqueued_when_built(): void {
		$this->assets()->action_admin_enqueue_scripts( self::SCREENS['visitors'] );

		self::assertTrue( wp_style_is( 'livedesk-admin-visitors', 'enqueued' ) );
		self::assertSame( array( 'wp-components' ), wp_styles()->registered['livedesk-admin-visitors']->deps );
		self::assertSame( self::BUILD_URL . 'admin-visitors.css', wp_styles()->registered['livedesk-admin-visitors']->src );
		self::assertSame( 'replace', wp_styles()->get_data( 'livedesk-admin-visitors', 'rtl' ), 'RTL sites get the -rtl.css the build writes.' );
	}

	/**
	 * No stylesheet is enqueued for a bundle without one.
	 */
	public function test_no_stylesheet_when_the_build_has_none(): void {
		$this->assets()->action_admin_enqueue_scripts( self::SCREENS['analytics'] );

		self::assertSame( array(), $this->livedesk_handles( wp_styles()->queue ) );
	}

	/**
	 * Nothing is enqueued on other admin pages.
	 *
	 * @param string $hook_suffix Hook suffix of another admin page.
	 */
	#[DataProvider( 'other_pages' )]
	public function test_other_pages_get_nothing( string $hook_suffix ): void {
		$assets = $this->assets();
		$assets->action_admin_enqueue_scripts( $hook_suffix );

		self::assertSame( array(), $this->livedesk_handles( wp_scripts()->queue ) );
		self::assertSame( array(), $this->livedesk_handles( wp_styles()->queue ) );
		self::assertSame( '', $this->notices( $assets ) );
	}

	/**
	 * Pages that are not LiveDesk screens.
	 *
	 * @return array<string, array{string}>
	 */
	public static function other_pages(): array {
		return array(
			'dashboard'         => array( 'index.php' ),
			'plugins'           => array( 'plugins.php' ),
			'another plugin'    => array( 'toplevel_page_other' ),
			'unregistered slug' => array( 'livedesk_page_livedesk-unknown' ),
		);
	}

	/**
	 * The boot data: screen, namespace, the user's caps, URLs and version.
	 */
	public function test_boot_data_for_an_administrator(): void {
		$this->assets()->action_admin_enqueue_scripts( self::SCREENS['visitors'] );
		$user = wp_get_current_user();

		self::assertSame(
			array(
				'screen'        => 'visitors',
				'restNamespace' => 'livedesk/v1',
				'caps'          => array(
					'view'   => true,
					'chat'   => true,
					'manage' => true,
				),
				'user'          => array(
					'id'   => $user->ID,
					'name' => $user->display_name,
				),
				'settingsUrl'   => admin_url( 'admin.php?page=livedesk-settings' ),
				'liveChatUrl'   => admin_url( 'admin.php?page=livedesk' ),
				'visitorsUrl'   => admin_url( 'admin.php?page=livedesk-visitors' ),
				'restUrl'       => rest_url( 'livedesk/v1/' ),
				'sidecarUrl'    => home_url( '/livedesk-sidecar/' ),
				'version'       => '9.9.9',
			),
			$this->boot_data( 'livedesk-admin-visitors' )
		);
	}

	/**
	 * An agent's boot data says it may not manage, and a configured sidecar
	 * URL is passed on.
	 */
	public function test_boot_data_for_an_agent_with_a_configured_sidecar(): void {
		( new Settings() )->set_sidecar_url( 'https://sidecar.example.org/' );
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );

		$this->assets()->action_admin_enqueue_scripts( self::SCREENS['live-chat'] );

		$data = $this->boot_data( 'livedesk-admin-live-chat' );
		self::assertSame(
			array(
				'view'   => true,
				'chat'   => true,
				'manage' => false,
			),
			$data['caps']
		);
		self::assertSame( 'https://sidecar.example.org/', $data['sidecarUrl'] );
		self::assertSame(
			array(
				'id'   => get_current_user_id(),
				'name' => wp_get_current_user()->display_name,
			),
			$data['user']
		);
	}

	/**
	 * A display name is passed as data: JSON in the inline script, never
	 * markup that could close the script tag.
	 */
	public function test_user_name_is_json_in_the_boot_script(): void {
		$user_id = $this->create_user( Capabilities::AGENT_ROLE );
		// Written straight to the table: core's own sanitising would strip it.
		$this->wpdb()->update( $this->wpdb()->users, array( 'display_name' => '</script><script>alert(1)</script>' ), array( 'ID' => $user_id ) );
		clean_user_cache( $user_id );
		wp_set_current_user( $user_id );

		$this->assets()->action_admin_enqueue_scripts( self::SCREENS['live-chat'] );

		$before = wp_scripts()->get_data( 'livedesk-admin-live-chat', 'before' );
		self::assertIsArray( $before );
		$script = implode( '', array_filter( $before, 'is_string' ) );
		self::assertStringNotContainsString( '</script>', $script );
		self::assertSame( '</script><script>alert(1)</script>', $this->boot_data( 'livedesk-admin-live-chat' )['user']['name'] );
	}

	/**
	 * A missing bundle enqueues nothing and asks for a build on that screen.
	 */
	public function test_missing_build_shows_a_notice_instead_of_failing(): void {
		wp_delete_file( $this->build_dir . '/admin-settings.js' );
		$assets = $this->assets();

		$assets->action_admin_enqueue_scripts( self::SCREENS['settings'] );

		self::assertSame( array(), $this->livedesk_handles( wp_scripts()->queue ) );
		self::assertStringContainsString( '<code>npm run build</code>', $this->notices( $assets ) );
	}

	/**
	 * The class under test, reading the fixture build.
	 */
	private function assets(): Assets {
		return new Assets( $this->menu, new Settings(), $this->build_dir, self::BUILD_URL, LIVEDESK_DIR . 'languages', '9.9.9' );
	}

	/**
	 * The object a handle's inline "before" script assigns to window.livedeskAdmin.
	 *
	 * @param string $handle Script handle.
	 * @return array<string, mixed>
	 */
	private function boot_data( string $handle ): array {
		$before = wp_scripts()->get_data( $handle, 'before' );
		self::assertIsArray( $before );
		// WP_Scripts keeps a leading false in the list.
		$before = array_values( array_filter( $before, 'is_string' ) );
		self::assertCount( 1, $before );
		$script = $before[0];
		self::assertStringStartsWith( 'window.livedeskAdmin = ', $script );
		self::assertStringEndsWith( ';', $script );

		$data = json_decode( substr( $script, strlen( 'window.livedeskAdmin = ' ), -1 ), true );
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * The admin notices the class prints.
	 *
	 * @param Assets $assets Instance.
	 */
	private function notices( Assets $assets ): string {
		ob_start();
		$assets->action_admin_notices();

		return (string) ob_get_clean();
	}

	/**
	 * The LiveDesk handles in a queue.
	 *
	 * @param array<int, string> $queue Handles.
	 * @return list<string>
	 */
	private function livedesk_handles( array $queue ): array {
		return array_values(
			array_filter(
				$queue,
				static function ( string $handle ): bool {
					return str_starts_with( $handle, 'livedesk' );
				}
			)
		);
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
	 * Forgets every registered script and style.
	 */
	private function reset_dependencies(): void {
		$GLOBALS['wp_scripts'] = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.
		$GLOBALS['wp_styles']  = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.
	}
}
