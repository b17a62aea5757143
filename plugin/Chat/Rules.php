<?php
/**
 * Limits and checks of what clients send to the chat.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

/**
 * The limits of src/protocol/chat.ts and limits.ts, checked the way the
 * sidecar checks them.
 */
final class Rules {

	/** Longest message, in UTF-16 code units (MESSAGE_MAX). */
	public const MESSAGE_MAX = 4000;

	/** Longest visitor name (VISITOR_NAME_MAX). */
	public const NAME_MAX = 100;

	/** Longest e-mail address (EMAIL_MAX). */
	public const EMAIL_MAX = 254;

	/** A client message id (CLIENT_MESSAGE_ID_PATTERN), for route schemas. */
	public const CLIENT_ID_PATTERN = '^[A-Za-z0-9_-]{8,64}$';

	/** A conversation's public id (CONVERSATION_ID_PATTERN), for routes. */
	public const CONVERSATION_ID_PATTERN = '[0-9a-f]{32}';

	/** Most messages one catch-up answer carries (CHAT_SYNC_PAGE). */
	public const SYNC_PAGE = 200;

	/** How much of the newest message a conversation summary shows. */
	public const PREVIEW_MAX = 140;

	/**
	 * Length of a string in UTF-16 code units, as JavaScript counts it (an
	 * emoji counts 2), so PHP and the sidecar agree on MESSAGE_MAX.
	 *
	 * @param string $text UTF-8 text.
	 */
	public static function utf16_length( string $text ): int {
		return intdiv( strlen( (string) mb_convert_encoding( $text, 'UTF-16LE', 'UTF-8' ) ), 2 );
	}

	/**
	 * Why a message body is refused ('' when it is fine): it must be valid
	 * UTF-8, hold more than white space, and fit MESSAGE_MAX. It is stored
	 * as sent: plain text, never HTML.
	 *
	 * @param string $body Message body.
	 * @return ''|'empty'|'too_long'|'invalid_utf8'
	 */
	public static function body_problem( string $body ): string {
		if ( ! mb_check_encoding( $body, 'UTF-8' ) ) {
			return 'invalid_utf8';
		}
		if ( '' === trim( $body ) ) {
			return 'empty';
		}

		return self::utf16_length( $body ) > self::MESSAGE_MAX ? 'too_long' : '';
	}

	/**
	 * Whether a value is '' or an e-mail address that fits EMAIL_MAX.
	 *
	 * @param string $email Candidate.
	 */
	public static function is_email_or_empty( string $email ): bool {
		return '' === $email || ( strlen( $email ) <= self::EMAIL_MAX && false !== is_email( $email ) );
	}

	/**
	 * A visitor-supplied name made safe to store: valid UTF-8, one line, no
	 * control characters, trimmed and cut to NAME_MAX. Markup is kept as
	 * typed: it is text, and shown as text.
	 *
	 * @param string $name Raw name.
	 */
	public static function clean_name( string $name ): string {
		$name = (string) preg_replace( '/[\x00-\x1F\x7F]+/u', ' ', wp_check_invalid_utf8( $name, true ) );

		return mb_substr( trim( $name ), 0, self::NAME_MAX );
	}
}
