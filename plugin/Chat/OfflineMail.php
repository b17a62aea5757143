<?php
/**
 * The e-mail of a message left while no agent was online.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Admin\Menu;
use LiveDesk\Settings;

/**
 * Tells the site's team that a visitor left a message, by `wp_mail()` to the
 * offline e-mail setting. Plain text. Nothing the visitor typed goes into a
 * header (no subject, no Reply-To): only into the body.
 */
final class OfflineMail {

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings Settings storage.
	 */
	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Sends the e-mail.
	 *
	 * @param string $name  The visitor's name ('' when not given).
	 * @param string $email The visitor's e-mail address.
	 * @param string $body  The message.
	 * @return bool Whether wp_mail() accepted it.
	 */
	public function send( string $name, string $email, string $body ): bool {
		$site    = wp_specialchars_decode( (string) get_option( 'blogname', '' ), ENT_QUOTES );
		$subject = sprintf(
			/* translators: %s: the site's name. */
			__( '[%s] New message from a visitor', 'livedesk' ),
			$site
		);
		$lines = array(
			__( 'A visitor left a message while no agent was online.', 'livedesk' ),
			'',
			/* translators: %s: the visitor's name. */
			sprintf( __( 'Name: %s', 'livedesk' ), '' !== $name ? $name : __( '(not given)', 'livedesk' ) ),
			/* translators: %s: the visitor's e-mail address. */
			sprintf( __( 'E-mail: %s', 'livedesk' ), $email ),
			'',
			$body,
			'',
			'-- ',
			/* translators: %s: URL of the Live Chat screen. */
			sprintf( __( 'Reply from the Live Chat screen: %s', 'livedesk' ), admin_url( 'admin.php?page=' . Menu::PARENT_SLUG ) ),
		);

		// Plain text even when another plugin makes HTML the site's default:
		// the visitor's words must not become markup in the team's inbox.
		$plain = static fn(): string => 'text/plain';
		add_filter( 'wp_mail_content_type', $plain, PHP_INT_MAX );
		try {
			return wp_mail( $this->settings->chat_offline_email(), $subject, implode( "\n", $lines ) );
		} finally {
			remove_filter( 'wp_mail_content_type', $plain, PHP_INT_MAX );
		}
	}
}
