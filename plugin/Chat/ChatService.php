<?php
/**
 * The chat rules WordPress applies to what arrives over REST.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;

/**
 * Conversations as agents and the API work with them: list, read, start
 * (API source), reply, archive, assign, mark read. The sidecar applies the
 * same rules to socket events; the tables' unique keys keep both honest.
 *
 * @phpstan-import-type ConversationRow from ConversationsRepository
 * @phpstan-import-type MessageRow from MessagesRepository
 */
final class ChatService {

	/** Client id of the system message an archive adds (one per conversation). */
	public const ARCHIVE_CLIENT_ID = 'system-archived';

	/**
	 * The archive note's stored text: English in the database whoever
	 * archived (the sidecar stores the same, src/protocol/chat.ts
	 * ARCHIVED_MESSAGE_BODY); screens translate it by its client id.
	 */
	public const ARCHIVE_BODY = 'Conversation archived';

	/**
	 * Conversations table.
	 *
	 * @var ConversationsRepository
	 */
	private ConversationsRepository $conversations;

	/**
	 * Messages table.
	 *
	 * @var MessagesRepository
	 */
	private MessagesRepository $messages;

	/**
	 * Constructor.
	 *
	 * @param ConversationsRepository $conversations Conversations table.
	 * @param MessagesRepository      $messages      Messages table.
	 */
	public function __construct( ConversationsRepository $conversations, MessagesRepository $messages ) {
		$this->conversations = $conversations;
		$this->messages      = $messages;
	}

	/**
	 * The conversations repository (for the visitor side and privacy).
	 */
	public function conversations(): ConversationsRepository {
		return $this->conversations;
	}

	/**
	 * The messages repository.
	 */
	public function messages(): MessagesRepository {
		return $this->messages;
	}

	/**
	 * A page of conversations as `Conversation` objects, and how many match.
	 *
	 * @param string $status   'open' or 'archived'.
	 * @param string $search   Text to look for.
	 * @param int    $per_page Page size.
	 * @param int    $page     1-based page.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function list_page( string $status, string $search, int $per_page, int $page ): array {
		$rows   = $this->conversations->page( $status, $search, $per_page, ( $page - 1 ) * $per_page );
		$ids    = array_column( $rows, 'id' );
		$latest = $this->messages->latest_of( $ids );
		$unread = $this->messages->unread_counts( $ids );
		$items  = array();
		foreach ( $rows as $row ) {
			$items[] = Format::conversation( $row, $latest[ $row['id'] ] ?? null, $unread[ $row['id'] ] ?? 0 );
		}

		return array(
			'items' => $items,
			'total' => $this->conversations->count( $status, $search ),
		);
	}

	/**
	 * A conversation by public id.
	 *
	 * @param string $public_id 32 lowercase hex characters.
	 * @return ConversationRow|null
	 */
	public function find( string $public_id ): ?array {
		return $this->conversations->find( $public_id );
	}

	/**
	 * One conversation as a `Conversation` object.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @return array<string, mixed>
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function describe( array $conversation ): array {
		$id = $conversation['id'];

		return Format::conversation(
			$conversation,
			$this->messages->latest_of( array( $id ) )[ $id ] ?? null,
			$this->messages->unread_counts( array( $id ) )[ $id ] ?? 0
		);
	}

	/**
	 * Starts a conversation from the API (source `api`) with its first
	 * message, written as the customer's (author `visitor`). A retry with
	 * the same client id returns the same conversation and message while it
	 * is open: the open key is the API user's and the client id's.
	 *
	 * @param int    $user_id   The API user.
	 * @param string $name      Customer name ('' when unknown).
	 * @param string $email     Customer e-mail ('' when unknown).
	 * @param string $client_id Client message id.
	 * @param string $body      First message.
	 * @return array{conversation: ConversationRow, message: MessageRow, created: bool}|\WP_Error
	 */
	public function start_for_api( int $user_id, string $name, string $email, string $client_id, string $body ) {
		$problem = Rules::body_problem( $body );
		if ( '' !== $problem ) {
			return ChatError::body( $problem );
		}

		$started = $this->conversations->create_open(
			'a:' . $user_id . ':' . $client_id,
			array(
				'source' => 'api',
				'name'   => Rules::clean_name( $name ),
				'email'  => $email,
			)
		);
		if ( null === $started ) {
			return ChatError::storage();
		}
		$stored = $this->store( $started['conversation'], $client_id, 'visitor', null, $body );
		if ( $stored instanceof \WP_Error ) {
			return $stored;
		}

		return array(
			'conversation' => $this->reload( $started['conversation'] ),
			'message'      => $stored['message'],
			'created'      => $stored['created'],
		);
	}

	/**
	 * An agent's reply. A retry (same client id) gets the stored message even
	 * after the conversation was archived; a new message to an archived
	 * conversation is refused.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param int                  $agent_id     The agent's user id.
	 * @param string               $client_id    Client message id.
	 * @param string               $body         Message.
	 * @return array{message: MessageRow, created: bool}|\WP_Error
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function send_as_agent( array $conversation, int $agent_id, string $client_id, string $body ) {
		return $this->store( $conversation, $client_id, 'agent', $agent_id, $body );
	}

	/**
	 * Stores a message in a conversation, once per client id, and records
	 * the activity on the conversation.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param string               $client_id    Client message id.
	 * @param string               $author       'visitor', 'agent' or 'system'.
	 * @param int|null             $agent_id     Agent user id.
	 * @param string               $body         Message.
	 * @return array{message: MessageRow, created: bool}|\WP_Error
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function store( array $conversation, string $client_id, string $author, ?int $agent_id, string $body ) {
		// A retry is answered with the stored row before anything else is
		// checked, so it gets exactly the answer the first send got.
		$existing = $this->messages->find_by_client_id( $conversation['id'], $client_id );
		if ( null !== $existing ) {
			return array(
				'message' => $existing,
				'created' => false,
			);
		}
		$problem = Rules::body_problem( $body );
		if ( '' !== $problem ) {
			return ChatError::body( $problem );
		}
		if ( 'open' !== $conversation['status'] ) {
			return ChatError::archived();
		}

		$stored = $this->messages->add( $conversation['id'], $client_id, $author, $agent_id, $body );
		if ( null === $stored ) {
			return ChatError::storage();
		}
		if ( $stored['created'] ) {
			$this->conversations->touch_message( $conversation['id'], $stored['message']['created_at'] );
		}

		return $stored;
	}

	/**
	 * A conversation's messages after an id, oldest first.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param int                  $after_id     Last id the client has (0 for all).
	 * @param int                  $limit        Page size.
	 * @return list<MessageRow>
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function messages_after( array $conversation, int $after_id, int $limit ): array {
		return $this->messages->after( $conversation['id'], $after_id, $limit );
	}

	/**
	 * Archives a conversation: frees its open key, stamps the time and adds
	 * a system message, once. Archiving an archived conversation changes
	 * nothing.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @return ConversationRow|\WP_Error The conversation as it is now.
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function archive( array $conversation ) {
		if ( 'open' === $conversation['status'] ) {
			$this->add_archive_message( $conversation );
			$this->conversations->archive( $conversation['id'] );
		}
		$now = $this->conversations->find_by_id( $conversation['id'] );

		return null === $now || 'archived' !== $now['status'] ? ChatError::storage() : $now;
	}

	/**
	 * Assigns a conversation to an agent, or to nobody.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param int|null             $agent_id     User id, or null.
	 * @return ConversationRow|\WP_Error
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function assign( array $conversation, ?int $agent_id ) {
		if ( ! $this->conversations->assign( $conversation['id'], $agent_id ) ) {
			return ChatError::storage();
		}

		return $this->reload( $conversation );
	}

	/**
	 * An agent read the visitor's messages up to an id.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param int                  $up_to_id     Last message read.
	 * @return ConversationRow
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	public function mark_read_by_agent( array $conversation, int $up_to_id ): array {
		if ( $this->messages->mark_read( $conversation['id'], $up_to_id, 'agent' ) > 0 ) {
			// Read receipts reach the sidecar through the conversation's updated_at.
			$this->conversations->update( $conversation['id'], array() );
		}

		return $this->reload( $conversation );
	}

	/**
	 * The system message of an archive, written before the archive itself
	 * so the last message a tailing sidecar sees for the conversation is
	 * already there when it learns of the archive.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	private function add_archive_message( array $conversation ): void {
		$stored = $this->messages->add( $conversation['id'], self::ARCHIVE_CLIENT_ID, 'system', null, self::ARCHIVE_BODY );
		if ( null !== $stored && $stored['created'] ) {
			$this->conversations->touch_message( $conversation['id'], $stored['message']['created_at'] );
		}
	}

	/**
	 * A conversation read again (after a change).
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @return ConversationRow
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	private function reload( array $conversation ): array {
		return $this->conversations->find_by_id( $conversation['id'] ) ?? $conversation;
	}
}
