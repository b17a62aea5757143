<?php
/**
 * Suggested privacy policy text.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Privacy;

use LiveDesk\Settings;

/**
 * Offers site owners a paragraph for their privacy policy (Settings →
 * Privacy → Policy Guide) saying what LiveDesk stores about visitors. The
 * IP sentence follows the current IP setting, so changing the setting
 * flags the policy as needing a review.
 */
final class PolicyContent {

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
	 * Adds the suggested text; WordPress accepts it only from admin_init on.
	 */
	public function action_admin_init(): void {
		wp_add_privacy_policy_content( __( 'LiveDesk', 'livedesk' ), $this->text() );
	}

	/**
	 * The suggested text, as HTML.
	 */
	public function text(): string {
		$paragraphs = array(
			__( 'When you visit this site, a script keeps a random identifier in your browser and reports the pages you view to our live chat service, LiveDesk, so that our team can see who is on the site and help.', 'livedesk' ),
			__( 'For each visitor we store: the pages viewed (their address without query string or fragment, their title and the time), the page that first referred you here, your browser\'s language and time zone, your browser, operating system and type of device, and an approximate location (country, region, city and coordinates) looked up from your IP address.', 'livedesk' ),
			$this->ip_sentence(),
		);
		if ( $this->settings->consent_mode() ) {
			$paragraphs[] = __( 'Nothing is reported or stored until you have given your consent.', 'livedesk' );
		}
		if ( $this->settings->chat_enabled() ) {
			array_push( $paragraphs, ...$this->chat_paragraphs() );
		}
		$paragraphs[] = __( 'This information is kept on this site\'s own servers and is not shared with third parties.', 'livedesk' );

		$html  = '<p class="privacy-policy-tutorial">' . esc_html__( 'LiveDesk shows your team who is on your site right now and lets them chat with visitors. The text below follows your current LiveDesk settings; review it when you change them.', 'livedesk' ) . '</p>';
		$html .= '<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'livedesk' ) . ' </strong>';
		foreach ( $paragraphs as $paragraph ) {
			$html .= '<p>' . esc_html( $paragraph ) . '</p>';
		}

		return $html;
	}

	/**
	 * What the chat stores, and who sees it.
	 *
	 * @return list<string>
	 */
	private function chat_paragraphs(): array {
		return array(
			__( 'If you use the chat, we store your messages and our replies, the name and e-mail address you give us, and, when the conversation starts, a snapshot of your visit (the last pages you viewed, approximate location, time zone, browser and language, and your IP address as described above) so that the person answering can help you.', 'livedesk' ),
			__( 'If you are logged in to this site, or the site tells the chat who you are, our team sees your name and e-mail address as verified.', 'livedesk' ),
			__( 'If you leave a message while nobody is online, it is stored in the same way and sent to our team by e-mail.', 'livedesk' ),
			__( 'Conversations are kept until our team deletes them or you ask for them to be erased. You can ask for a copy of what we store about you, or for it to be erased, with the e-mail address you gave in the chat.', 'livedesk' ),
		);
	}

	/**
	 * What happens to the IP address under the current IP setting.
	 */
	private function ip_sentence(): string {
		switch ( $this->settings->ip_mode() ) {
			case 'full':
				return __( 'Your IP address is stored in full.', 'livedesk' );
			case 'none':
				return __( 'Your IP address is used to look up your approximate location and is not stored.', 'livedesk' );
			default:
				return __( 'Your IP address is stored only in shortened form (its last part removed), which does not identify your connection.', 'livedesk' );
		}
	}
}
