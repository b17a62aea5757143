<?php
/**
 * Tests for LiveDesk\Privacy\PolicyContent.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Privacy;

use LiveDesk\Privacy\PolicyContent;
use LiveDesk\Settings;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The suggested privacy policy text.
 */
#[CoversClass( PolicyContent::class )]
final class PolicyContentTest extends TestCase {

	/**
	 * Starts from the default settings.
	 */
	protected function set_up(): void {
		delete_option( Settings::IP_MODE );
		delete_option( Settings::CONSENT_MODE );
	}

	/**
	 * The text names what is stored: paths without query strings, titles,
	 * approximate location, browser, and the IP as configured.
	 */
	public function test_text_says_what_is_stored(): void {
		$text = ( new PolicyContent( new Settings() ) )->text();

		foreach ( array( 'without query string or fragment', 'title', 'approximate location', 'browser', 'operating system', 'shortened form' ) as $phrase ) {
			self::assertStringContainsString( $phrase, $text );
		}
		self::assertStringNotContainsString( 'consent', $text );
	}

	/**
	 * With chat on, the text says what the chat stores and that offline
	 * messages are e-mailed; with chat off it does not mention the chat.
	 */
	public function test_chat_is_described_when_on(): void {
		delete_option( Settings::CHAT_ENABLED );
		$text = ( new PolicyContent( new Settings() ) )->text();
		foreach ( array( 'If you use the chat', 'your messages and our replies', 'name and e-mail address', 'sent to our team by e-mail', 'erased' ) as $phrase ) {
			self::assertStringContainsString( $phrase, $text );
		}

		( new Settings() )->set_chat_enabled( false );
		self::assertStringNotContainsString( 'If you use the chat', ( new PolicyContent( new Settings() ) )->text() );
	}

	/**
	 * The IP sentence follows the IP setting.
	 *
	 * @param string $mode   IP mode.
	 * @param string $phrase Expected phrase.
	 */
	#[DataProvider( 'ip_modes' )]
	public function test_ip_sentence_follows_the_setting( string $mode, string $phrase ): void {
		( new Settings() )->set_ip_mode( $mode );

		self::assertStringContainsString( $phrase, ( new PolicyContent( new Settings() ) )->text() );
	}

	/**
	 * IP mode cases.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function ip_modes(): array {
		return array(
			'anonymised' => array( 'anonymised', 'stored only in shortened form' ),
			'full'       => array( 'full', 'stored in full' ),
			'none'       => array( 'none', 'is not stored' ),
		);
	}

	/**
	 * With consent mode on, the text says nothing happens before consent.
	 */
	public function test_consent_mode_is_mentioned_when_on(): void {
		( new Settings() )->set_consent_mode( true );

		self::assertStringContainsString( 'until you have given your consent', ( new PolicyContent( new Settings() ) )->text() );
	}

	/**
	 * The text is well-formed HTML that survives wp_kses_post unchanged.
	 */
	public function test_text_is_safe_html(): void {
		$text = ( new PolicyContent( new Settings() ) )->text();

		self::assertSame( wp_kses_post( $text ), $text );
		self::assertSame( substr_count( $text, '<p' ), substr_count( $text, '</p>' ) );
	}

	/**
	 * On admin_init the text is handed to WordPress's policy guide.
	 */
	public function test_admin_init_adds_the_text_to_the_policy_guide(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		$previous_screen = $GLOBALS['current_screen'] ?? null;
		$previous_count  = $GLOBALS['wp_actions']['admin_init'] ?? null;
		set_current_screen( 'dashboard' );
		$GLOBALS['wp_actions']['admin_init'] = 1; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- admin_init "has run", as wp_add_privacy_policy_content() requires.

		try {
			$policy = new PolicyContent( new Settings() );
			$policy->action_admin_init();
			$found = array();
			foreach ( \WP_Privacy_Policy_Content::get_suggested_policy_text() as $entry ) {
				if ( 'LiveDesk' === $entry['plugin_name'] ) {
					$found[] = $entry['policy_text'];
				}
			}
		} finally {
			$GLOBALS['current_screen'] = $previous_screen; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring.
			if ( null === $previous_count ) {
				unset( $GLOBALS['wp_actions']['admin_init'] );
			} else {
				$GLOBALS['wp_actions']['admin_init'] = $previous_count; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring.
			}
		}

		self::assertContains( $policy->text(), $found );
	}
}
