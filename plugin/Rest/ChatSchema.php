<?php
/**
 * JSON schemas of conversations and messages.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Chat\Rules;

/**
 * The `Conversation` and `ChatMessage` shapes of src/protocol/chat.ts as
 * JSON schema properties, and the arguments of the routes that send a
 * message. Every property is read-only: messages are written through the
 * send routes, not by editing a resource.
 */
final class ChatSchema {

	/**
	 * Properties of a `ChatMessage`.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function message(): array {
		return array(
			'id'              => self::property( __( 'Message id; ids increase with storage order over the whole site.', 'livedesk' ), 'integer' ),
			'conversation_id' => self::property( __( 'Public id of the conversation.', 'livedesk' ), 'string' ) + array( 'pattern' => '^' . Rules::CONVERSATION_ID_PATTERN . '$' ),
			'client_id'       => self::property( __( 'The sender\'s id for the message; a retry carries the same one and gets the same message.', 'livedesk' ), 'string' ),
			'author'          => self::property( __( 'Who wrote it.', 'livedesk' ), 'string' ) + array( 'enum' => array( 'visitor', 'agent', 'system' ) ),
			'agent_id'        => self::property( __( 'The agent\'s user id (agent messages only).', 'livedesk' ), array( 'integer', 'null' ) ),
			'agent_name'      => self::property( __( 'The agent\'s display name; empty for visitor and system messages.', 'livedesk' ), 'string' ),
			'body'            => self::property( __( 'Plain text, never HTML.', 'livedesk' ), 'string' ),
			'created_at'      => self::date( __( 'When the message was stored (UTC, ISO 8601 with milliseconds).', 'livedesk' ) ),
			'read_at'         => self::date( __( 'When the other side read it; null until then.', 'livedesk' ), true ),
		);
	}

	/**
	 * Properties of a `Conversation`.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function conversation(): array {
		$text = static function ( string $description ): array {
			return self::property( $description, 'string' );
		};

		return array(
			'id'                  => $text( __( 'The conversation\'s public id: 32 lowercase hex characters.', 'livedesk' ) ) + array( 'pattern' => '^' . Rules::CONVERSATION_ID_PATTERN . '$' ),
			'status'              => $text( __( 'Open, or archived (ended).', 'livedesk' ) ) + array( 'enum' => array( 'open', 'archived' ) ),
			'source'              => $text( __( 'Where it started: the widget, the REST API, or an admin\'s playground.', 'livedesk' ) ) + array( 'enum' => array( 'widget', 'api', 'playground' ) ),
			'visitor_id'          => $text( __( 'The visitor\'s id; empty for API conversations.', 'livedesk' ) ),
			'name'                => $text( __( 'The visitor\'s name, as given or verified; empty when unknown.', 'livedesk' ) ),
			'email'               => $text( __( 'The visitor\'s e-mail address, as given or verified; empty when unknown.', 'livedesk' ) ),
			'identity_id'         => $text( __( 'The verified identity\'s id, or empty.', 'livedesk' ) ),
			'verified'            => self::property( __( 'Whether a valid, unexpired signed identity was presented.', 'livedesk' ), 'boolean' ),
			'custom_data'         => self::property( __( 'Key/value strings the site attached about the visitor.', 'livedesk' ), 'object' ) + array( 'additionalProperties' => array( 'type' => 'string' ) ),
			'assigned_agent_id'   => self::property( __( 'User id of the assigned agent, or null.', 'livedesk' ), array( 'integer', 'null' ) ),
			'assigned_agent_name' => $text( __( 'Display name of the assigned agent, or empty.', 'livedesk' ) ),
			'created_at'          => self::date( __( 'When the conversation started.', 'livedesk' ) ),
			'updated_at'          => self::date( __( 'When the conversation last changed.', 'livedesk' ) ),
			'last_message_at'     => self::date( __( 'When the newest message was stored.', 'livedesk' ), true ),
			'archived_at'         => self::date( __( 'When the conversation was archived.', 'livedesk' ), true ),
			'last_message'        => self::property( __( 'The newest message, its body cut to 140 characters.', 'livedesk' ), array( 'object', 'null' ) ),
			'unread_count'        => self::property( __( 'Visitor messages no agent has read yet.', 'livedesk' ), 'integer' ),
			'visitor'             => self::property( __( 'What was recorded about the visitor when the chat started: IP (per the IP setting), location, time zone, browser, language, last seen and the last 10 pages.', 'livedesk' ), 'object' ),
		);
	}

	/**
	 * Arguments of a route that sends a message: `body` and `client_id`.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function send_args(): array {
		return array(
			'client_id' => array(
				'description' => __( 'Your id for this message (8–64 characters of A–Z, a–z, 0–9, _ and -). Send a retry with the same id: it is stored once.', 'livedesk' ),
				'type'        => 'string',
				'pattern'     => Rules::CLIENT_ID_PATTERN,
				'required'    => true,
			),
			'body'      => array(
				/* translators: %d: the longest message, in characters. */
				'description' => sprintf( __( 'The message, as plain text (at most %d characters).', 'livedesk' ), Rules::MESSAGE_MAX ),
				'type'        => 'string',
				'required'    => true,
			),
		);
	}

	/**
	 * Arguments of a visitor's name and e-mail address.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function contact_args(): array {
		return array(
			'name'  => array(
				'description' => __( 'The visitor\'s name.', 'livedesk' ),
				'type'        => 'string',
				'maxLength'   => Rules::NAME_MAX,
			),
			'email' => array(
				'description' => __( 'The visitor\'s e-mail address.', 'livedesk' ),
				'type'        => 'string',
				'maxLength'   => Rules::EMAIL_MAX,
			),
		);
	}

	/**
	 * A read-only property.
	 *
	 * @param string              $description What it is.
	 * @param string|list<string> $type        JSON type(s).
	 * @return array<string, mixed>
	 */
	private static function property( string $description, $type ): array {
		return array(
			'description' => $description,
			'type'        => $type,
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
	}

	/**
	 * A read-only date-time property.
	 *
	 * @param string $description What it is.
	 * @param bool   $nullable    Whether it may be null.
	 * @return array<string, mixed>
	 */
	private static function date( string $description, bool $nullable = false ): array {
		return self::property( $description, $nullable ? array( 'string', 'null' ) : 'string' ) + array( 'format' => 'date-time' );
	}
}
