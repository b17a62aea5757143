<?php
/**
 * The LiveDesk admin menu.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Admin;

use LiveDesk\Capabilities;

/**
 * Registers the LiveDesk menu and its four screens.
 *
 * Every screen is a mount point for a React bundle; PHP renders only the
 * container and a no-JavaScript message.
 */
final class Menu {

	/** Slug of the top-level page, which is also the Live Chat screen. */
	public const PARENT_SLUG = 'livedesk';

	/**
	 * Screen ids (as used by the admin bundles) keyed by page slug, in menu order.
	 */
	private const SCREENS = array(
		'livedesk'           => 'live-chat',
		'livedesk-visitors'  => 'visitors',
		'livedesk-analytics' => 'analytics',
		'livedesk-settings'  => 'settings',
	);

	/**
	 * Screen ids keyed by the hook suffix WordPress returned for each page.
	 *
	 * @var array<string, string>
	 */
	private array $hook_suffixes = array();

	/**
	 * One render callback per screen, reused so that the top-level page and
	 * its first submenu (the same page) do not hook it twice.
	 *
	 * @var array<string, callable(): void>
	 */
	private array $renderers = array();

	/**
	 * Adds the top-level menu and its submenus for users who may view LiveDesk.
	 */
	public function action_admin_menu(): void {
		if ( ! current_user_can( Capabilities::VIEW ) ) {
			return;
		}

		add_menu_page(
			__( 'LiveDesk', 'livedesk' ),
			__( 'LiveDesk', 'livedesk' ),
			Capabilities::VIEW,
			self::PARENT_SLUG,
			$this->renderer( 'live-chat' ),
			'dashicons-format-chat',
			3
		);

		foreach ( self::SCREENS as $slug => $screen ) {
			$title       = $this->title( $screen );
			$hook_suffix = add_submenu_page(
				self::PARENT_SLUG,
				$title,
				$title,
				Capabilities::VIEW,
				$slug,
				$this->renderer( $screen )
			);
			if ( is_string( $hook_suffix ) ) {
				$this->hook_suffixes[ $hook_suffix ] = $screen;
			}
		}
	}

	/**
	 * The LiveDesk screen an admin page hook suffix belongs to.
	 *
	 * @param string $hook_suffix Hook suffix, as passed to admin_enqueue_scripts.
	 * @return string|null Screen id, or null for any other admin page.
	 */
	public function screen_for_hook( string $hook_suffix ): ?string {
		return $this->hook_suffixes[ $hook_suffix ] ?? null;
	}

	/**
	 * The page slug of a screen.
	 *
	 * @param string $screen Screen id.
	 */
	public static function slug( string $screen ): string {
		$slug = array_search( $screen, self::SCREENS, true );

		return is_string( $slug ) ? $slug : self::PARENT_SLUG;
	}

	/**
	 * Prints the mount point of a screen.
	 *
	 * @param string $screen Screen id.
	 */
	public function render( string $screen ): void {
		?>
		<div class="wrap">
			<div id="livedesk-admin-root" data-screen="<?php echo esc_attr( $screen ); ?>"></div>
			<noscript>
				<p><?php esc_html_e( 'LiveDesk needs JavaScript. Please enable JavaScript in your browser to use this screen.', 'livedesk' ); ?></p>
			</noscript>
		</div>
		<?php
	}

	/**
	 * A callback that renders one screen.
	 *
	 * @param string $screen Screen id.
	 * @return callable(): void
	 */
	private function renderer( string $screen ): callable {
		if ( ! isset( $this->renderers[ $screen ] ) ) {
			$this->renderers[ $screen ] = function () use ( $screen ): void {
				$this->render( $screen );
			};
		}

		return $this->renderers[ $screen ];
	}

	/**
	 * The menu and page title of a screen.
	 *
	 * @param string $screen Screen id.
	 */
	private function title( string $screen ): string {
		switch ( $screen ) {
			case 'visitors':
				return __( 'Visitors', 'livedesk' );
			case 'analytics':
				return __( 'Analytics', 'livedesk' );
			case 'settings':
				return __( 'Settings', 'livedesk' );
			default:
				return __( 'Live Chat', 'livedesk' );
		}
	}
}
