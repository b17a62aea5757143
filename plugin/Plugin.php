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
use LiveDesk\Chat\ChatService;
use LiveDesk\Chat\Identities;
use LiveDesk\Chat\OfflineMail;
use LiveDesk\Chat\RateLimiter;
use LiveDesk\Chat\Snapshots;
use LiveDesk\Chat\VisitorChat;
use LiveDesk\Chat\VisitorSignatures;
use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;
use LiveDesk\Database\Migrations;
use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Database\VisitorsRepository;
use LiveDesk\Frontend\ChatLauncher;
use LiveDesk\Frontend\Tracker;
use LiveDesk\Privacy\PersonalData;
use LiveDesk\Privacy\PolicyContent;
use LiveDesk\Rest\AgentTokenController;
use LiveDesk\Rest\ChatController;
use LiveDesk\Rest\ConversationsController;
use LiveDesk\Rest\PlaygroundController;
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
	 * Conversations REST controller.
	 *
	 * @var ConversationsController
	 */
	private ConversationsController $conversations_controller;

	/**
	 * Visitor chat REST controller.
	 *
	 * @var ChatController
	 */
	private ChatController $chat_controller;

	/**
	 * Playground REST controller.
	 *
	 * @var PlaygroundController
	 */
	private PlaygroundController $playground_controller;

	/**
	 * Visitor tracker on public pages.
	 *
	 * @var Tracker
	 */
	private Tracker $tracker;

	/**
	 * Chat launcher on public pages.
	 *
	 * @var ChatLauncher
	 */
	private ChatLauncher $chat_launcher;

	/**
	 * Personal data exporter and eraser.
	 *
	 * @var PersonalData
	 */
	private PersonalData $personal_data;

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
		$secret                         = new Secret();
		$identity_secret                = new Secret( Secret::IDENTITY_OPTION );
		$build_url                      = plugins_url( 'build/', $file );
		$this->file                     = $file;
		$this->settings                 = new Settings();
		$this->lifecycle                = new Lifecycle( new Migrations( $wpdb ), new Capabilities(), $secret, $identity_secret, $this->settings );
		$this->menu                     = new Menu();
		$this->assets                   = new Assets(
			$this->menu,
			$this->settings,
			$dir . 'build/',
			$build_url,
			$dir . 'languages',
			$version
		);
		$this->settings_controller      = new SettingsController( $this->settings, $identity_secret );
		$this->agent_token_controller   = new AgentTokenController( new AgentTokens( $secret ), $this->settings );
		$visitors                       = new VisitorsRepository( $wpdb );
		$page_views                     = new PageViewsRepository( $wpdb );
		$this->visitors_controller      = new VisitorsController( $visitors, $page_views );
		$conversations                  = new ConversationsRepository( $wpdb );
		$messages                       = new MessagesRepository( $wpdb );
		$chat                           = new ChatService( $conversations, $messages );
		$this->personal_data            = new PersonalData( $conversations, $messages, $visitors, $page_views );
		$signatures                     = new VisitorSignatures( $secret );
		$this->conversations_controller = new ConversationsController( $chat );
		$this->playground_controller    = new PlaygroundController( $signatures );
		$this->chat_controller          = new ChatController(
			$this->settings,
			new VisitorChat( $chat, new Snapshots( $visitors, $page_views, $this->settings ), $this->settings ),
			$signatures,
			new Identities( $identity_secret ),
			new RateLimiter(),
			new OfflineMail( $this->settings )
		);
		$this->tracker                  = new Tracker( $this->settings, $dir . 'build/', $build_url, $version );
		$this->chat_launcher            = new ChatLauncher( $this->settings, $dir . 'build/', $build_url, $version );
		$this->policy_content           = new PolicyContent( $this->settings );
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
		add_filter( 'wp_privacy_personal_data_exporters', array( $this->personal_data, 'filter_exporters' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this->personal_data, 'filter_erasers' ) );
		add_action( 'wp_enqueue_scripts', array( $this->tracker, 'action_wp_enqueue_scripts' ) );
		add_action( 'wp_enqueue_scripts', array( $this->chat_launcher, 'action_wp_enqueue_scripts' ) );
		add_action( 'rest_api_init', array( $this->settings_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->agent_token_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->visitors_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->conversations_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->playground_controller, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->chat_controller, 'register_routes' ) );
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
