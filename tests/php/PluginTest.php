<?php
/**
 * Tests for LiveDesk\Plugin and livedesk.php.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Admin\Assets;
use LiveDesk\Admin\Menu;
use LiveDesk\Frontend\ChatLauncher;
use LiveDesk\Frontend\Tracker;
use LiveDesk\Lifecycle;
use LiveDesk\Plugin;
use LiveDesk\Privacy\PersonalData;
use LiveDesk\Privacy\PolicyContent;
use LiveDesk\Rest\AgentTokenController;
use LiveDesk\Rest\ChatController;
use LiveDesk\Rest\ConversationsController;
use LiveDesk\Rest\PlaygroundController;
use LiveDesk\Rest\SettingsController;
use LiveDesk\Rest\VisitorsController;
use LiveDesk\Settings;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The plugin as WordPress loaded it.
 */
#[CoversClass( Plugin::class )]
final class PluginTest extends TestCase {

	/**
	 * The plugin declares itself compatible with the WP Consent API.
	 */
	public function test_registers_with_the_wp_consent_api(): void {
		// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- the WP Consent API's own hook.
		self::assertTrue( apply_filters( 'wp_consent_api_registered_' . plugin_basename( LIVEDESK_FILE ), false ) );
	}

	/**
	 * The main file defines the plugin's constants.
	 */
	public function test_constants_are_defined(): void {
		self::assertSame( '0.1.0', LIVEDESK_VERSION );
		self::assertSame( 'livedesk/livedesk.php', plugin_basename( LIVEDESK_FILE ) );
		self::assertSame( trailingslashit( dirname( LIVEDESK_FILE ) ), LIVEDESK_DIR );
	}

	/**
	 * The header says what WordPress and PHP the plugin needs.
	 */
	public function test_plugin_header(): void {
		$header = get_plugin_data( LIVEDESK_FILE, false, false );

		self::assertSame( 'LiveDesk', $header['Name'] );
		self::assertSame( LIVEDESK_VERSION, $header['Version'] );
		self::assertSame( '6.6', $header['RequiresWP'] );
		self::assertSame( '8.1', $header['RequiresPHP'] );
		self::assertSame( 'livedesk', $header['TextDomain'] );
		self::assertSame( '/languages', $header['DomainPath'] );
	}

	/**
	 * Activation and deactivation are hooked.
	 *
	 * @param string $hook Hook name.
	 */
	#[DataProvider( 'lifecycle_hooks' )]
	public function test_lifecycle_hooks_are_registered( string $hook ): void {
		self::assertNotFalse( has_action( $hook ) );
	}

	/**
	 * WordPress's activation and deactivation hooks for the plugin.
	 *
	 * @return array<string, array{string}>
	 */
	public static function lifecycle_hooks(): array {
		return array(
			'activation'   => array( 'activate_livedesk/livedesk.php' ),
			'deactivation' => array( 'deactivate_livedesk/livedesk.php' ),
		);
	}

	/**
	 * Each part is hooked where it serves.
	 *
	 * @param string $hook       Hook name.
	 * @param string $class_name Class whose instance is hooked.
	 * @param string $method     Hooked method.
	 */
	#[DataProvider( 'wiring' )]
	public function test_parts_are_wired( string $hook, string $class_name, string $method ): void {
		$found = false;
		foreach ( $GLOBALS['wp_filter'][ $hook ]->callbacks ?? array() as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				if ( is_array( $function ) && $function[0] instanceof $class_name && $method === $function[1] ) {
					$found = true;
				}
			}
		}

		self::assertTrue( $found, "{$class_name}::{$method} should be hooked to {$hook}." );
	}

	/**
	 * Hook, class, method.
	 *
	 * @return array<string, array{string, string, string}>
	 */
	public static function wiring(): array {
		return array(
			'text domain'     => array( 'init', Plugin::class, 'action_init' ),
			'upgrades'        => array( 'init', Lifecycle::class, 'action_init' ),
			'settings'        => array( 'init', Settings::class, 'action_init' ),
			'admin menu'      => array( 'admin_menu', Menu::class, 'action_admin_menu' ),
			'admin assets'    => array( 'admin_enqueue_scripts', Assets::class, 'action_admin_enqueue_scripts' ),
			'admin notices'   => array( 'admin_notices', Assets::class, 'action_admin_notices' ),
			'settings routes' => array( 'rest_api_init', SettingsController::class, 'register_routes' ),
			'token route'     => array( 'rest_api_init', AgentTokenController::class, 'register_routes' ),
			'visitors routes' => array( 'rest_api_init', VisitorsController::class, 'register_routes' ),
			'tracker'         => array( 'wp_enqueue_scripts', Tracker::class, 'action_wp_enqueue_scripts' ),
			'privacy policy'  => array( 'admin_init', PolicyContent::class, 'action_admin_init' ),
			'chat routes'     => array( 'rest_api_init', ChatController::class, 'register_routes' ),
			'conversations'   => array( 'rest_api_init', ConversationsController::class, 'register_routes' ),
			'playground'      => array( 'rest_api_init', PlaygroundController::class, 'register_routes' ),
			'chat launcher'   => array( 'wp_enqueue_scripts', ChatLauncher::class, 'action_wp_enqueue_scripts' ),
			'data exporter'   => array( 'wp_privacy_personal_data_exporters', PersonalData::class, 'filter_exporters' ),
			'data eraser'     => array( 'wp_privacy_personal_data_erasers', PersonalData::class, 'filter_erasers' ),
		);
	}
}
