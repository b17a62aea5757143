<?php
/**
 * Conversations and messages in the shapes of src/protocol/chat.ts.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;
use LiveDesk\Database\Time;

/**
 * Turns rows into `ChatMessage`, `Conversation` and `VisitorConversation`,
 * the one shape REST answers and sidecar events share. Everything here is
 * returned as JSON strings; whoever renders it escapes it.
 *
 * @phpstan-import-type ConversationRow from ConversationsRepository
 * @phpstan-import-type MessageRow from MessagesRepository
 */
final class Format {

	/**
	 * A `ChatMessage`. Towards visitors the agent's user id is never shown.
	 *
	 * @param array<string, mixed> $message         Message row.
	 * @param string               $conversation_id Public id of its conversation.
	 * @param bool                 $for_visitor     Whether a visitor will see it.
	 * @return array{id: int, conversation_id: string, client_id: string, author: string, agent_id: int|null, agent_name: string, body: string, created_at: string, read_at: string|null}
	 *
	 * @phpstan-param MessageRow $message
	 */
	public static function message( array $message, string $conversation_id, bool $for_visitor ): array {
		$is_agent = 'agent' === $message['author'] && null !== $message['agent_id'];

		return array(
			'id'              => $message['id'],
			'conversation_id' => $conversation_id,
			'client_id'       => $message['client_id'],
			'author'          => $message['author'],
			'agent_id'        => $is_agent && ! $for_visitor ? $message['agent_id'] : null,
			'agent_name'      => $is_agent ? self::user_name( $message['agent_id'] ) : '',
			'body'            => $message['body'],
			'created_at'      => (string) Time::iso( $message['created_at'] ),
			'read_at'         => Time::iso( $message['read_at'] ),
		);
	}

	/**
	 * A `Conversation`, as agents see it.
	 *
	 * @param array<string, mixed>      $conversation Conversation row.
	 * @param array<string, mixed>|null $last         Its newest message row, if any.
	 * @param int                       $unread       Visitor messages no agent has read.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param ConversationRow $conversation
	 * @phpstan-param MessageRow|null $last
	 */
	public static function conversation( array $conversation, ?array $last, int $unread ): array {
		$agent = $conversation['assigned_agent_id'];

		return array(
			'id'                  => $conversation['public_id'],
			'status'              => $conversation['status'],
			'source'              => $conversation['source'],
			'visitor_id'          => $conversation['visitor_key'],
			'name'                => $conversation['name'],
			'email'               => $conversation['email'],
			'identity_id'         => $conversation['identity_id'],
			'verified'            => $conversation['verified'],
			// An object even when empty: `Record<string, string>` in JSON.
			'custom_data'         => (object) $conversation['custom_data'],
			'assigned_agent_id'   => $agent,
			'assigned_agent_name' => null === $agent ? '' : self::user_name( $agent ),
			'created_at'          => (string) Time::iso( $conversation['created_at'] ),
			'updated_at'          => (string) Time::iso( $conversation['updated_at'] ),
			'last_message_at'     => Time::iso( $conversation['last_message_at'] ),
			'archived_at'         => Time::iso( $conversation['archived_at'] ),
			'last_message'        => null === $last ? null : array(
				'id'         => $last['id'],
				'author'     => $last['author'],
				'body'       => mb_substr( $last['body'], 0, Rules::PREVIEW_MAX ),
				'created_at' => (string) Time::iso( $last['created_at'] ),
			),
			'unread_count'        => $unread,
			'visitor'             => self::snapshot( $conversation ),
		);
	}

	/**
	 * A `VisitorConversation`: what a visitor sees of their own conversation.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @return array{id: string, status: string, name: string, email: string, verified: bool}
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public static function visitor_conversation( array $conversation ): array {
		return array(
			'id'       => $conversation['public_id'],
			'status'   => $conversation['status'],
			'name'     => $conversation['name'],
			'email'    => $conversation['email'],
			'verified' => $conversation['verified'],
		);
	}

	/**
	 * The `ConversationVisitorSnapshot` of a conversation.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	private static function snapshot( array $conversation ): array {
		$pages = array();
		foreach ( $conversation['pages'] as $page ) {
			$pages[] = array(
				'path'      => $page['path'],
				'title'     => $page['title'],
				// The sidecar may store either form; the API always says ISO.
				'viewed_at' => Time::iso( $page['viewed_at'] ) ?? $page['viewed_at'],
			);
		}

		return array(
			'ip'        => $conversation['ip'],
			'country'   => $conversation['country'],
			'region'    => $conversation['region'],
			'city'      => $conversation['city'],
			'timezone'  => $conversation['timezone'],
			'browser'   => $conversation['browser'],
			'os'        => $conversation['os'],
			'device'    => $conversation['device'],
			'language'  => $conversation['language'],
			'pages'     => $pages,
			'last_seen' => Time::iso( $conversation['last_seen'] ),
		);
	}

	/**
	 * A user's display name ('' when the user no longer exists).
	 *
	 * @param int $user_id User id.
	 */
	private static function user_name( int $user_id ): string {
		$user = get_userdata( $user_id );

		return $user instanceof \WP_User ? (string) $user->display_name : '';
	}
}
