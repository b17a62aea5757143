<?php
/**
 * Scripts and styles of the LiveDesk admin screens.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Admin;

use LiveDesk\BuildAsset;
use LiveDesk\Capabilities;
use LiveDesk\Rest\Api;
use LiveDesk\Settings;

/**
 * Enqueues each screen's bundle (built by @wordpress/scripts into build/)
 * on that screen only, with the data it boots from.
 */
final class Assets {

	/**
	 * Admin menu, which knows the hook suffix of each screen.
	 *
	 * @var Menu
	 */
	private Menu $menu;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Directory of the built assets, with a trailing slash.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * URL of the built assets, with a trailing slash.
	 *
	 * @var string
	 */
	private string $build_url;

	/**
	 * Directory of the script translation files.
	 *
	 * @var string
	 */
	private string $languages_dir;

	/**
	 * Plugin version.
	 *
	 * @var string
	 */
	private string $version;

	/**
	 * Screen whose bundle is missing on this request, if any.
	 *
	 * @var string|null
	 */
	private ?string $missing_build = null;

	/**
	 * Constructor.
	 *
	 * @param Menu     $menu          Admin menu.
	 * @param Settings $settings      Settings storage.
	 * @param string   $build_dir     Directory of the built assets.
	 * @param string   $build_url     URL of the built assets.
	 * @param string   $languages_dir Directory of the script translation files.
	 * @param string   $version       Plugin version.
	 */
	public function __construct( Menu $menu, Settings $settings, string $build_dir, string $build_url, string $languages_dir, string $version ) {
		$this->menu          = $menu;
		$this->settings      = $settings;
		$this->build_dir     = trailingslashit( $build_dir );
		$this->build_url     = trailingslashit( $build_url );
		$this->languages_dir = $languages_dir;
		$this->version       = $version;
	}

	/**
	 * Enqueues the bundle of the LiveDesk screen being shown; does nothing on
	 * any other admin page.
	 *
	 * @param string $hook_suffix Hook suffix of the current admin page.
	 */
	public function action_admin_enqueue_scripts( string $hook_suffix ): void {
		$screen = $this->menu->screen_for_hook( $hook_suffix );
		if ( null === $screen ) {
			return;
		}

		$name  = 'admin-' . $screen;
		$asset = $this->read_asset_file( $name );
		if ( null === $asset || ! is_readable( $this->build_dir . $name . '.js' ) ) {
			$this->missing_build = $screen;
			return;
		}

		$handle = 'livedesk-' . $name;
		wp_enqueue_script( $handle, $this->build_url . $name . '.js', $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( $handle, 'livedesk', $this->languages_dir );
		wp_add_inline_script( $handle, 'window.livedeskAdmin = ' . wp_json_encode( $this->boot_data( $screen ) ) . ';', 'before' );

		if ( is_readable( $this->build_dir . $name . '.css' ) ) {
			wp_enqueue_style( $handle, $this->build_url . $name . '.css', array( 'wp-components' ), $asset['version'] );
			if ( is_readable( $this->build_dir . $name . '-rtl.css' ) ) {
				// The build writes admin-{screen}-rtl.css next to each stylesheet.
				wp_style_add_data( $handle, 'rtl', 'replace' );
			}
		}
	}

	/**
	 * Tells the developer to build the admin bundles when the current
	 * screen's bundle is missing, instead of showing an empty page.
	 */
	public function action_admin_notices(): void {
		if ( null === $this->missing_build ) {
			return;
		}

		wp_admin_notice(
			sprintf(
				/* translators: %s: a shell command. */
				esc_html__( 'The LiveDesk admin scripts are missing. Run %s in the plugin folder to build them.', 'livedesk' ),
				'<code>npm run build</code>'
			),
			array(
				'type'           => 'error',
				'paragraph_wrap' => true,
			)
		);
	}

	/**
	 * What the admin bundle boots from (`window.livedeskAdmin`).
	 *
	 * @param string $screen Screen id.
	 * @return array{screen: string, restNamespace: string, caps: array{view: bool, chat: bool, manage: bool}, user: array{id: int, name: string}, settingsUrl: string, liveChatUrl: string, visitorsUrl: string, sidecarUrl: string, version: string}
	 */
	public function boot_data( string $screen ): array {
		$user = wp_get_current_user();

		return array(
			'screen'        => $screen,
			'restNamespace' => Api::ROUTE_NAMESPACE,
			'caps'          => array(
				'view'   => current_user_can( Capabilities::VIEW ),
				'chat'   => current_user_can( Capabilities::CHAT ),
				'manage' => current_user_can( Capabilities::MANAGE ),
			),
			// Who "me" is (assign to me, the agent's own messages and typing).
			'user'          => array(
				'id'   => $user->ID,
				'name' => (string) $user->display_name,
			),
			'settingsUrl'   => admin_url( 'admin.php?page=' . Menu::slug( 'settings' ) ),
			'liveChatUrl'   => admin_url( 'admin.php?page=' . Menu::slug( 'live-chat' ) ),
			'visitorsUrl'   => admin_url( 'admin.php?page=' . Menu::slug( 'visitors' ) ),
			// The REST base the fallback paths use (apiFetch has its own root).
			'restUrl'       => rest_url( Api::ROUTE_NAMESPACE . '/' ),
			'sidecarUrl'    => $this->settings->effective_sidecar_url(),
			'version'       => $this->version,
		);
	}

	/**
	 * Reads the dependencies and version @wordpress/scripts generated for a
	 * bundle.
	 *
	 * @param string $name Bundle name, e.g. "admin-visitors".
	 * @return array{dependencies: list<non-empty-string>, version: string}|null Null when missing or malformed.
	 */
	private function read_asset_file( string $name ): ?array {
		return BuildAsset::read( $this->build_dir, $name, $this->version );
	}
}
