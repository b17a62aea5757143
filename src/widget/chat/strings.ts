/**
 * The panel's words. `GET chat/config` sends them translated (PHP's __(),
 * plugin/Chat/WidgetStrings.php) in `strings`, under the keys of docs/chat.md
 * "Strings"; the English here is the fallback for a key it does not send, or
 * when the request fails. `%s` / `%d` are filled in by the panel.
 */
export const DEFAULT_STRINGS = {
	launcher_label: 'Chat with us',
	panel_title: 'Chat',
	close: 'Close chat',
	greeting: 'Hi! How can we help you today?',
	status_online: 'We’re online',
	status_offline: 'We’ll reply by e-mail',
	name_label: 'Your name',
	email_label: 'Your e-mail',
	optional: '(optional)',
	start_chat: 'Start chat',
	message_label: 'Message',
	message_placeholder: 'Type your message…',
	send: 'Send',
	sending: 'Sending…',
	sent: 'Sent',
	delivered: 'Delivered',
	seen: 'Seen',
	typing: 'typing…',
	agent_typing: '%s is typing…',
	you: 'You',
	agent_fallback_name: 'Support',
	messages_label: 'Messages',
	new_message: 'New message from %s',
	offline_intro:
		'We’re not online right now. Leave a message and we’ll reply by e-mail.',
	offline_submit: 'Send message',
	offline_thanks: 'Thank you! We’ll reply by e-mail as soon as we can.',
	error_too_long: 'Your message is too long (at most %d characters).',
	error_empty: 'Please write a message.',
	error_rate_limited:
		'You’re sending messages too quickly. Please wait a moment.',
	error_email_invalid: 'Please enter a valid e-mail address.',
	error_email_required: 'Please enter your e-mail address.',
	error_identity_required: 'Please log in to chat with us.',
	error_not_sent: 'Not sent yet. We’ll keep trying.',
	retry: 'Retry',
	conversation_ended: 'Conversation ended',
	new_conversation: 'Start a new chat',
	not_sent: 'Not sent',
	error_generic: 'Something went wrong. Please try again.',
	error_disabled: 'Chat is not available right now.',
};

/** A key of the panel's strings. */
export type StringKey = keyof typeof DEFAULT_STRINGS;

/** The panel's strings, all present. */
export type Strings = Record< StringKey, string >;

/**
 * The strings to show: every key of `sent` that is a non-empty string,
 * English for the rest (and for anything else in `sent`).
 *
 * @param sent The `strings` object of `GET chat/config`.
 */
export function mergeStrings( sent: unknown ): Strings {
	const strings: Strings = { ...DEFAULT_STRINGS };
	const given = ( sent ?? {} ) as Record< string, unknown >;
	( Object.keys( strings ) as StringKey[] ).forEach( ( key ) => {
		const value = given[ key ];
		if ( typeof value === 'string' && value.trim() ) {
			strings[ key ] = value;
		}
	} );
	return strings;
}
