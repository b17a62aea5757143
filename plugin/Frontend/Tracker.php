<?php
/**
 * The visitor tracker on public pages.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Frontend;

use LiveDesk\BuildAsset;
use LiveDesk\Settings;

/**
 * Enqueues the tracker bundle and the configuration it starts from.
 *
 * Full-page caches serve one copy of a page to everyone, so what is printed
 * here is the same for every visitor: no nonce, no user, no visitor id. The
 * tracker gets its identity from the sidecar.
 */
final class Tracker {

	/** Script handle. */
	public const HANDLE = 'livedesk-tracker';

	/** Bundle name in build/. */
	private const BUNDLE = 'widget-tracker';

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
	 * Enqueues the tracker, deferred in the footer, when tracking is on.
	 * Without a build it enqueues nothing: a public page shows no warning.
	 */
	public function action_wp_enqueue_scripts(): void {
		if ( ! $this->settings->tracking() ) {
			return;
		}

		$asset = BuildAsset::read( $this->build_dir, self::BUNDLE, $this->version );
		if ( null === $asset || ! is_readable( $this->build_dir . self::BUNDLE . '.js' ) ) {
			return;
		}

		BuildAsset::enqueue_public_script( self::HANDLE, $this->build_url . self::BUNDLE . '.js', $asset, 'livedeskTracker', $this->config() );
	}

	/**
	 * What the tracker starts from (`window.livedeskTracker`): the same for
	 * every visitor.
	 *
	 * @return array{sidecarUrl: string, consent: bool}
	 */
	public function config(): array {
		return array(
			'sidecarUrl' => $this->settings->effective_sidecar_url(),
			'consent'    => $this->settings->consent_mode(),
		);
	}
}
