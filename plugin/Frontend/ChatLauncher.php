<?php
/**
 * The chat launcher on public pages.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Frontend;

use LiveDesk\BuildAsset;
use LiveDesk\Chat\WidgetStrings;
use LiveDesk\Rest\Api;
use LiveDesk\Settings;

/**
 * Enqueues the launcher bundle (a button; the chat panel loads on click)
 * and the configuration it starts from, `window.livedeskChat`.
 *
 * Like the tracker's, the printed configuration is the same for every
 * visitor (full-page caches serve one copy to all): no nonce, no user, no
 * visitor id. A logged-in user's identity is fetched by the chat panel
 * (admin-ajax `rest-nonce`, then `POST chat/identity`).
 */
final class ChatLauncher {

	/** Script handle. */
	public const HANDLE = 'livedesk-launcher';

	/** Bundle of the launcher in build/. */
	private const BUNDLE = 'widget-launcher';

	/** Bundle of the chat panel in build/, loaded by the launcher. */
	private const CHAT_BUNDLE = 'widget-chat';

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
	 * Plugin version.
	 *
	 * @var string
	 */
	private string $version;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings  Settings storage.
	 * @param string   $build_dir Directory of the built assets.
	 * @param string   $build_url URL of the built assets.
	 * @param string   $version   Plugin version.
	 */
	public function __construct( Settings $settings, string $build_dir, string $build_url, string $version ) {
		$this->settings  = $settings;
		$this->build_dir = trailingslashit( $build_dir );
		$this->build_url = trailingslashit( $build_url );
		$this->version   = $version;
	}

	/**
	 * Enqueues the launcher, deferred in the footer, when chat is on and
	 * both bundles are built. Without a build nothing is enqueued: a public
	 * page shows no warning.
	 */
	public function action_wp_enqueue_scripts(): void {
		if ( ! $this->settings->chat_enabled() ) {
			return;
		}
		$asset = BuildAsset::read( $this->build_dir, self::BUNDLE, $this->version );
		$chat  = BuildAsset::read( $this->build_dir, self::CHAT_BUNDLE, $this->version );
		if ( null === $asset || null === $chat || ! is_readable( $this->build_dir . self::BUNDLE . '.js' ) || ! is_readable( $this->build_dir . self::CHAT_BUNDLE . '.js' ) ) {
			return;
		}

		BuildAsset::enqueue_public_script( self::HANDLE, $this->build_url . self::BUNDLE . '.js', $asset, 'livedeskChat', $this->config( $chat['version'] ) );
	}

	/**
	 * What the launcher starts from (`window.livedeskChat`): the same for
	 * every visitor.
	 *
	 * @param string $chat_version Version of the chat bundle, for its URL.
	 * @return array{restUrl: string, sidecarUrl: string, chatUrl: string, ajaxUrl: string, color: string, position: string, label: string, consent: bool}
	 */
	public function config( string $chat_version ): array {
		return array(
			'restUrl'    => rest_url( Api::ROUTE_NAMESPACE . '/' ),
			'sidecarUrl' => $this->settings->effective_sidecar_url(),
			'chatUrl'    => add_query_arg( 'ver', rawurlencode( $chat_version ), $this->build_url . self::CHAT_BUNDLE . '.js' ),
			'ajaxUrl'    => admin_url( 'admin-ajax.php' ),
			'color'      => $this->settings->chat_color(),
			'position'   => $this->settings->chat_position(),
			'label'      => WidgetStrings::launcher_label(),
			'consent'    => $this->settings->consent_mode(),
		);
	}
}
