<?php
/**
 * The chat widget's strings, translated.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

/**
 * Every string the visitor's chat widget shows, keyed as listed under
 * "Strings" in docs/chat.md. The widget has the English built in and uses
 * these (from `GET chat/config`) when they come, so a site in another
 * language speaks it without shipping a JavaScript translation file.
 */
final class WidgetStrings {

	/**
	 * The strings, translated into the site's language.
	 *
	 * @return array<string, string>
	 */
	public static function all(): array {
		return array(
			'launcher_label'          => self::launcher_label(),
			'panel_title'             => __( 'Chat', 'livedesk' ),
			'close'                   => __( 'Close chat', 'livedesk' ),
			'greeting'                => self::default_greeting(),
			'status_online'           => __( 'We\'re online', 'livedesk' ),
			'status_offline'          => __( 'We\'ll reply by e-mail', 'livedesk' ),
			'name_label'              => __( 'Your name', 'livedesk' ),
			'email_label'             => __( 'Your e-mail', 'livedesk' ),
			'optional'                => __( '(optional)', 'livedesk' ),
			'start_chat'              => __( 'Start chat', 'livedesk' ),
			'message_label'           => __( 'Message', 'livedesk' ),
			'message_placeholder'     => __( 'Type your message…', 'livedesk' ),
			'send'                    => __( 'Send', 'livedesk' ),
			'sending'                 => __( 'Sending…', 'livedesk' ),
			'sent'                    => __( 'Sent', 'livedesk' ),
			'delivered'               => __( 'Delivered', 'livedesk' ),
			'seen'                    => __( 'Seen', 'livedesk' ),
			'typing'                  => __( 'typing…', 'livedesk' ),
			/* translators: %s: an agent's name. */
			'agent_typing'            => __( '%s is typing…', 'livedesk' ),
			'you'                     => __( 'You', 'livedesk' ),
			'agent_fallback_name'     => __( 'Support', 'livedesk' ),
			'messages_label'          => __( 'Messages', 'livedesk' ),
			/* translators: %s: who wrote the message. */
			'new_message'             => __( 'New message from %s', 'livedesk' ),
			'offline_intro'           => __( 'We\'re not online right now. Leave a message and we\'ll reply by e-mail.', 'livedesk' ),
			'offline_submit'          => __( 'Send message', 'livedesk' ),
			'offline_thanks'          => __( 'Thank you! We\'ll reply by e-mail as soon as we can.', 'livedesk' ),
			/* translators: %d: the longest message, in characters. */
			'error_too_long'          => __( 'Your message is too long (at most %d characters).', 'livedesk' ),
			'error_empty'             => __( 'Please write a message.', 'livedesk' ),
			'error_rate_limited'      => __( 'You\'re sending messages too quickly. Please wait a moment.', 'livedesk' ),
			'error_email_invalid'     => __( 'Please enter a valid e-mail address.', 'livedesk' ),
			'error_email_required'    => __( 'Please enter your e-mail address.', 'livedesk' ),
			'error_identity_required' => __( 'Please log in to chat with us.', 'livedesk' ),
			'error_not_sent'          => __( 'Not sent yet. We\'ll keep trying.', 'livedesk' ),
			'retry'                   => __( 'Retry', 'livedesk' ),
			'conversation_ended'      => __( 'Conversation ended', 'livedesk' ),
			'new_conversation'        => __( 'Start a new chat', 'livedesk' ),
			'not_sent'                => __( 'Not sent', 'livedesk' ),
			'error_generic'           => __( 'Something went wrong. Please try again.', 'livedesk' ),
			'error_disabled'          => __( 'Chat is not available right now.', 'livedesk' ),
		);
	}

	/**
	 * The launcher button's accessible name.
	 */
	public static function launcher_label(): string {
		return __( 'Chat with us', 'livedesk' );
	}

	/**
	 * The greeting of a site that chose none.
	 */
	public static function default_greeting(): string {
		return __( 'Hi! How can we help you today?', 'livedesk' );
	}
}
