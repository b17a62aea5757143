<?php
/**
 * Tests for LiveDesk\Admin\Menu.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Admin;

use LiveDesk\Admin\Menu;
use LiveDesk\Capabilities;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The menu as WordPress builds it when admin_menu fires.
 */
#[CoversClass( Menu::class )]
final class MenuTest extends TestCase {

	/**
	 * The screens, in menu order: slug => [ title, screen id ].
	 */
	private const EXPECTED = array(
		'livedesk'           => array( 'Live Chat', 'live-chat' ),
		'livedesk-visitors'  => array( 'Visitors', 'visitors' ),
		'livedesk-analytics' => array( 'Analytics', 'analytics' ),
		'livedesk-settings'  => array( 'Settings', 'settings' ),
	);

	/**
	 * Starts every test with an empty admin menu.
	 */
	protected function set_up(): void {
		self::reset_admin_menu();
	}

	/**
	 * Leaves an empty admin menu behind.
	 */
	protected function tear_down(): void {
		self::reset_admin_menu();
	}

	/**
	 * Users who may view LiveDesk get the menu and the four screens, in order.
	 *
	 * @param string $role Role of the user.
	 */
	#[DataProvider( 'viewers' )]
	public function test_viewers_get_the_four_screens( string $role ): void {
		wp_set_current_user( $this->create_user( $role ) );

		do_action( 'admin_menu' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own hook.

		$top = $this->top_level_item();
		self::assertNotNull( $top, 'The LiveDesk menu should exist.' );
		self::assertSame( 'LiveDesk', $top[0] );
		self::assertSame( Capabilities::VIEW, $top[1] );
		self::assertSame( 'dashicons-format-chat', $top[6] );

		$submenu = $GLOBALS['submenu'][ Menu::PARENT_SLUG ] ?? array();
		self::assertSame( array_keys( self::EXPECTED ), array_column( $submenu, 2 ), 'Slugs, in menu order.' );
		foreach ( $submenu as $item ) {
			self::assertSame( self::EXPECTED[ $item[2] ][0], $item[0] );
			self::assertSame( Capabilities::VIEW, $item[1] );
		}
	}

	/**
	 * Roles that can view LiveDesk.
	 *
	 * @return array<string, array{string}>
	 */
	public static function viewers(): array {
		return array(
			'administrator' => array( 'administrator' ),
			'agent'         => array( Capabilities::AGENT_ROLE ),
		);
	}

	/**
	 * Users who may not view LiveDesk get no menu at all.
	 */
	public function test_subscribers_get_no_menu(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );

		do_action( 'admin_menu' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own hook.

		self::assertNull( $this->top_level_item() );
		self::assertArrayNotHasKey( Menu::PARENT_SLUG, $GLOBALS['submenu'] );
	}

	/**
	 * Each page prints only the mount point of its screen, and the
	 * hook suffix WordPress returned maps back to that screen.
	 *
	 * @param string $slug   Page slug.
	 * @param string $screen Screen id.
	 */
	#[DataProvider( 'screens' )]
	public function test_each_page_renders_its_mount_point( string $slug, string $screen ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$menu = new Menu();
		$menu->action_admin_menu();
		$hook_suffix = get_plugin_page_hookname( $slug, Menu::PARENT_SLUG === $slug ? '' : Menu::PARENT_SLUG );

		ob_start();
		do_action( $hook_suffix ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- the page's own hook.
		$html = (string) ob_get_clean();

		self::assertSame( $screen, $menu->screen_for_hook( $hook_suffix ) );
		self::assertSame( 1, substr_count( $html, 'livedesk-admin-root' ) );
		$processor = new \WP_HTML_Tag_Processor( $html );
		self::assertTrue( $processor->next_tag( array( 'class_name' => 'wrap' ) ) );
		self::assertTrue( $processor->next_tag() );
		self::assertSame( 'livedesk-admin-root', $processor->get_attribute( 'id' ) );
		self::assertSame( $screen, $processor->get_attribute( 'data-screen' ) );
		self::assertStringContainsString( '<noscript>', $html );
		self::assertStringNotContainsString( '<h1', $html, 'The React bundle renders the heading.' );
	}

	/**
	 * Page slug and screen id of each screen.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function screens(): array {
		$cases = array();
		foreach ( self::EXPECTED as $slug => $expected ) {
			$cases[ $expected[1] ] = array( $slug, $expected[1] );
		}

		return $cases;
	}

	/**
	 * Other admin pages are not LiveDesk screens.
	 */
	public function test_other_pages_are_not_screens(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$menu = new Menu();
		$menu->action_admin_menu();

		self::assertNull( $menu->screen_for_hook( 'index.php' ) );
		self::assertNull( $menu->screen_for_hook( 'toplevel_page_other' ) );
	}

	/**
	 * The LiveDesk entry of the top-level menu, if any.
	 *
	 * @return array<int, string>|null
	 */
	private function top_level_item(): ?array {
		foreach ( $GLOBALS['menu'] as $item ) {
			if ( Menu::PARENT_SLUG === $item[2] ) {
				return $item;
			}
		}

		return null;
	}

	/**
	 * Empties the admin menu globals.
	 */
	private static function reset_admin_menu(): void {
		// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- test isolation.
		$GLOBALS['menu']               = array();
		$GLOBALS['submenu']            = array();
		$GLOBALS['admin_page_hooks']   = array();
		$GLOBALS['_registered_pages']  = array();
		$GLOBALS['_wp_submenu_nopriv'] = array();
		$GLOBALS['_wp_menu_nopriv']    = array();
		// phpcs:enable

		// add_menu_page() hooked each page's render callback.
		foreach ( array_keys( self::EXPECTED ) as $slug ) {
			remove_all_actions( Menu::PARENT_SLUG === $slug ? 'toplevel_page_livedesk' : 'livedesk_page_' . $slug );
		}
	}
}
