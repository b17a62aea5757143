<?php
/**
 * The plugin's composition root.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

use LiveDesk\Admin\Assets;
use LiveDesk\Admin\Menu;
use LiveDesk\Auth\AgentTokens;
use LiveDesk\Database\Migrations;
use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Database\VisitorsRepository;
use LiveDesk\Frontend\Tracker;
use LiveDesk\Privacy\PolicyContent;
use LiveDesk\Rest\AgentTokenController;
use LiveDesk\Rest\SettingsController;
use LiveDesk\Rest\VisitorsController;

/**
 * Builds the plugin's objects and wires every hook, in one place.
 *
 * Constructors (this one included) only store collaborators; nothing touches
 * WordPress until register_hooks() runs.
 */
final class Plugin {

	/**
	 * The instance livedesk.php boots.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Main plugin file.
	 *
	 * @var string
	 */
	private string $file;

	/**
	 * Activation, deactivation and upgrades.
	 *
	 * @var Lifecycle
	 */
	private Lifecycle $lifecycle;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Admin menu.
	 *
	 * @var Menu
	 */
	private Menu $menu;

	/**
	 * Admin scripts and styles.
	 *
	 * @var Assets
	 */
	private Assets $assets;

	/**
	 * Settings REST controller.
	 *
	 * @var SettingsController
	 */
	private SettingsController $settings_controller;

	/**
	 * Agent token REST controller.
	 *
	 * @var AgentTokenController
	 */
	private AgentTokenController $agent_token_controller;

	/**
	 * Visitors REST controller.
	 *
	 * @var VisitorsController
	 */
	private VisitorsController $visitors_controller;

	/**
	 * Visitor tracker on public pages.
	 *
	 * @var Tracker
	 */
	private Tracker $tracker;

	/**
	 * Suggested privacy policy text.
	 *
	 * @var PolicyContent
	 */
	private PolicyContent $policy_content;

	/**
	 * Constructor.
	 *
	 * @param \wpdb  $wpdb    Database connection.
	 * @param string $dir     Plugin directory, with a trailing slash.
	 * @param string $file    Main plugin file.
	 * @param string $version Plugin version.
	 */
	public function __construct( \wpdb $wpdb, string $dir, string $file, string $version ) {
		$secret                       = new Secret();
		$build_url                    = plugins_url( 'build/', $file );
		$this->file                   = $file;
		$this->settings               = new Settings();
		$this->lifecycle              = new Lifecycle( new Migrations( $wpdb ), new Capabilities(), $secret, $this->settings );
		$this->menu                   = new Menu();
		$this->assets                 = new Assets(
			$this->menu,
			$this->settings,
			$dir . 'build/',
			$build_url,
			$dir . 'languages',
			$version
		);
		$this->settings_controller    = new SettingsController( $this->settings );
		$this->agent_token_controller = new AgentTokenController( new AgentTokens( $secret ), $this->settings );
		$this->visitors_controller    = new VisitorsController( new VisitorsRepository( $wpdb ), new PageViewsRepository( $wpdb ) );
		$this->tracker                = new Tracker( $this->settings, $dir . 'build/', $build_url, $version );
		$this->policy_content         = new PolicyContent( $this->settings );
	}

	/**
	 * The shared instance.
	 */
	public static function instance(): self {
		if ( null === self::$instance ) {
			global $wpdb;
			self::$instance = new self( $wpdb, LIVEDESK_DIR, LIVEDESK_FILE, LIVEDESK_VERSION );
		}

		return self::$instance;
	}

	/**
	 * Activation hook callback.
	 */
	public static function activate(): void {
		self::instance()->lifecycle->activate();
	}

	/**
	 * Deactivation hook callback.
	 */
	public static function deactivate(): void {
		self::instance()->lifecycle->deactivate();
	}

	/**
	 * Hooks every part of the plugin into WordPress. Call once.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'action_init' ) );
		add_action( 'init', array( $this->lifecycle, 'action_init' ) );
		add_action( 'init', array( $this->settings, 'action_init' ) );
		add_action( 'admin_menu', array( $this->menu, 'action_admin_menu' ) );
		add_action( 'admin_enqueue_scripts', array( $this->assets, 'action_admin_enqueue_scripts' ) );
		add_action( 'admin_notices', array( $this->assets, 'action_admin_notices' ) );
		add_action( 'admin_init', array( $this->policy_content, 'action_admin_init' ) );
		add_action( 'wp_enqueue_scripts', array( $this->tracker, 'action_wp_enqueue_scripts' ) );
		add_action( 'rest_api_init', array( $this->settings_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->agent_token_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->visitors_controller, 'register_routes' ) );
		// Tells the WP Consent API that the tracker waits for consent itself
		// (statistics category) when consent mode is on.
		add_filter( 'wp_consent_api_registered_' . plugin_basename( $this->file ), '__return_true' );
	}

	/**
	 * Loads translations shipped in languages/ (translations from
	 * translate.wordpress.org load on their own).
	 */
	public function action_init(): void {
		load_plugin_textdomain( 'livedesk', false, dirname( plugin_basename( $this->file ) ) . '/languages' );
	}
}
