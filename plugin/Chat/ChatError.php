<?php
/**
 * Chat refusals as REST errors.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

/**
 * Builds the WP_Error of a chat refusal. The code is a `ChatErrorCode` of
 * src/protocol/chat.ts, so clients handle a refusal the same way whether it
 * came over a socket or over REST; `data.retryable` says whether sending the
 * same request again may work.
 */
final class ChatError {

	/**
	 * HTTP status of each code.
	 */
	private const STATUS = array(
		'invalid_payload'     => 400,
		'forbidden'           => 403,
		'not_found'           => 404,
		'archived'            => 409,
		'chat_disabled'       => 403,
		'identity_required'   => 403,
		'rate_limited'        => 429,
		'storage_unavailable' => 503,
	);

	/**
	 * A refusal.
	 *
	 * @param string               $code    A ChatErrorCode.
	 * @param string               $message Translated explanation.
	 * @param array<string, mixed> $data    Extra data (e.g. `status` to override, `field`).
	 */
	public static function make( string $code, string $message, array $data = array() ): \WP_Error {
		return new \WP_Error(
			$code,
			$message,
			$data + array(
				'status'    => self::STATUS[ $code ] ?? 400,
				'retryable' => in_array( $code, array( 'rate_limited', 'storage_unavailable' ), true ),
			)
		);
	}

	/**
	 * The database failed: the client keeps the message and retries.
	 */
	public static function storage(): \WP_Error {
		return self::make( 'storage_unavailable', __( 'The message could not be stored right now. Try again in a moment.', 'livedesk' ) );
	}

	/**
	 * No conversation with this id (or none this visitor may reach).
	 */
	public static function not_found(): \WP_Error {
		return self::make( 'not_found', __( 'No conversation with this id exists.', 'livedesk' ) );
	}

	/**
	 * The conversation is archived: no new messages.
	 */
	public static function archived(): \WP_Error {
		return self::make( 'archived', __( 'This conversation has ended and takes no new messages.', 'livedesk' ) );
	}

	/**
	 * A refused message body.
	 *
	 * @param string $problem What Rules::body_problem() said.
	 */
	public static function body( string $problem ): \WP_Error {
		switch ( $problem ) {
			case 'too_long':
				/* translators: %d: the longest message, in characters. */
				$message = sprintf( __( 'The message is too long: at most %d characters.', 'livedesk' ), Rules::MESSAGE_MAX );
				break;
			case 'invalid_utf8':
				$message = __( 'The message is not valid UTF-8 text.', 'livedesk' );
				break;
			default:
				$message = __( 'The message is empty.', 'livedesk' );
		}

		return self::make(
			'invalid_payload',
			$message,
			array(
				'field'  => 'body',
				'reason' => $problem,
			)
		);
	}
}
