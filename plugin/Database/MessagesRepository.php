<?php
/**
 * SQL for the messages table.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Reads and writes `{prefix}livedesk_messages` (docs/chat.md).
 *
 * `UNIQUE (conversation_id, client_id)` makes a resent message land on the
 * row it already has; ids (auto-increment) order messages and are the
 * catch-up cursor. Times are UTC `datetime(3)` strings (see Time).
 *
 * @phpstan-type MessageRow array{id: int, conversation_id: int, client_id: string, author: string, agent_id: int|null, body: string, created_at: string, read_at: string|null}
 */
final class MessagesRepository {

	/**
	 * Database connection.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Constructor.
	 *
	 * @param \wpdb $wpdb Database connection.
	 */
	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	/**
	 * The table's full name.
	 */
	public function table(): string {
		return $this->wpdb->prefix . 'livedesk_messages';
	}

	/**
	 * Stores a message once. A message whose client id the conversation
	 * already has is not stored again: the stored row is returned instead,
	 * so a retry gets the answer the first send got.
	 *
	 * @param int      $conversation_id Conversation row id.
	 * @param string   $client_id       The sender's id for the message.
	 * @param string   $author          'visitor', 'agent' or 'system'.
	 * @param int|null $agent_id        The agent's user id (agent messages).
	 * @param string   $body            Plain text.
	 * @return array{message: MessageRow, created: bool}|null Null when the database failed.
	 */
	public function add( int $conversation_id, string $client_id, string $author, ?int $agent_id, string $body ): ?array {
		// A client id the conversation has (a retry, or two sends racing)
		// fails on the unique key; the stored row is read then.
		$suppress = $this->wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table.
		$inserted = $this->wpdb->insert(
			$this->table(),
			array(
				'conversation_id' => $conversation_id,
				'client_id'       => $client_id,
				'author'          => $author,
				'agent_id'        => $agent_id,
				'body'            => $body,
				'created_at'      => Time::now(),
			),
			array( '%d', '%s', '%s', '%d', '%s', '%s' )
		);
		$this->wpdb->suppress_errors( $suppress );

		$stored = 1 === $inserted
			? $this->find_by_id( (int) $this->wpdb->insert_id )
			: $this->find_by_client_id( $conversation_id, $client_id );

		return null === $stored ? null : array(
			'message' => $stored,
			'created' => 1 === $inserted,
		);
	}

	/**
	 * A message by its row id.
	 *
	 * @param int $id Row id.
	 * @return MessageRow|null
	 */
	public function find_by_id( int $id ): ?array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i WHERE id = %d', $this->table(), $id ), ARRAY_A );

		return is_array( $row ) ? self::row( $row ) : null;
	}

	/**
	 * A conversation's message with a client id.
	 *
	 * @param int    $conversation_id Conversation row id.
	 * @param string $client_id       Client message id.
	 * @return MessageRow|null
	 */
	public function find_by_client_id( int $conversation_id, string $client_id ): ?array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i WHERE conversation_id = %d AND client_id = %s', $this->table(), $conversation_id, $client_id ), ARRAY_A );

		return is_array( $row ) ? self::row( $row ) : null;
	}

	/**
	 * A visitor's message with a client id in any conversation of the
	 * visitor's browser or of their verified identity: a retry that comes
	 * after its conversation was archived is answered from here rather than
	 * stored again in a new conversation. The sidecar asks the same.
	 *
	 * @param string $visitor_key Visitor id ('' for none).
	 * @param string $identity_id Verified identity id ('' for none).
	 * @param string $client_id   Client message id.
	 * @return MessageRow|null
	 */
	public function find_visitor_message( string $visitor_key, string $identity_id, string $client_id ): ?array {
		if ( '' === $visitor_key && '' === $identity_id ) {
			return null;
		}
		$wpdb          = $this->wpdb;
		$conversations = $wpdb->prefix . 'livedesk_conversations';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT m.* FROM %i m JOIN %i c ON c.id = m.conversation_id WHERE m.client_id = %s AND m.author = 'visitor' AND ( ( %s <> '' AND c.visitor_key = %s ) OR ( %s <> '' AND c.identity_id = %s AND c.verified = 1 ) ) ORDER BY m.id LIMIT 1", $this->table(), $conversations, $client_id, $visitor_key, $visitor_key, $identity_id, $identity_id ), ARRAY_A );

		return is_array( $row ) ? self::row( $row ) : null;
	}

	/**
	 * A conversation's messages after an id, oldest first (KEY conversation_order).
	 *
	 * @param int $conversation_id Conversation row id.
	 * @param int $after_id        Only messages with a greater id (0 for all).
	 * @param int $limit           How many at most.
	 * @return list<MessageRow>
	 */
	public function after( int $conversation_id, int $after_id, int $limit ): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i WHERE conversation_id = %d AND id > %d ORDER BY id LIMIT %d', $this->table(), $conversation_id, max( 0, $after_id ), max( 0, $limit ) ), ARRAY_A );

		return $this->rows( $rows );
	}

	/**
	 * The newest message of each of some conversations.
	 *
	 * @param int[] $conversation_ids Conversation row ids.
	 * @return array<int, MessageRow> Keyed by conversation row id.
	 */
	public function latest_of( array $conversation_ids ): array {
		if ( array() === $conversation_ids ) {
			return array();
		}
		$wpdb = $this->wpdb;
		$in   = self::placeholders( $conversation_ids );
		// $in is placeholders only.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- live data, no cache; WPCS 2.3 predates %i.
		$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT m.* FROM %i m JOIN ( SELECT MAX(id) AS id FROM %i WHERE conversation_id IN ({$in}) GROUP BY conversation_id ) latest ON latest.id = m.id", $this->table(), $this->table(), ...$conversation_ids ), ARRAY_A );
		$latest = array();
		foreach ( $this->rows( $rows ) as $row ) {
			$latest[ $row['conversation_id'] ] = $row;
		}

		return $latest;
	}

	/**
	 * How many visitor messages no agent has read, per conversation.
	 *
	 * @param int[] $conversation_ids Conversation row ids.
	 * @return array<int, int> Keyed by conversation row id; conversations with none are left out.
	 */
	public function unread_counts( array $conversation_ids ): array {
		if ( array() === $conversation_ids ) {
			return array();
		}
		$wpdb = $this->wpdb;
		$in   = self::placeholders( $conversation_ids );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- see latest_of().
		$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT conversation_id, COUNT(*) AS unread FROM %i WHERE conversation_id IN ({$in}) AND author = 'visitor' AND read_at IS NULL GROUP BY conversation_id", $this->table(), ...$conversation_ids ), ARRAY_A );
		$counts = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$counts[ (int) $row['conversation_id'] ] = (int) $row['unread'];
		}

		return $counts;
	}

	/**
	 * Marks the other side's messages up to an id as read.
	 *
	 * @param int    $conversation_id Conversation row id.
	 * @param int    $up_to_id        Last message id read.
	 * @param string $reader          'agent' (reads visitor messages) or 'visitor' (reads agent messages).
	 * @return int How many messages changed.
	 */
	public function mark_read( int $conversation_id, int $up_to_id, string $reader ): int {
		$wpdb   = $this->wpdb;
		$author = 'agent' === $reader ? 'visitor' : 'agent';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- the plugin's own table; WPCS 2.3 predates %i.
		$changed = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET read_at = %s WHERE conversation_id = %d AND id <= %d AND author = %s AND read_at IS NULL', $this->table(), Time::now(), $conversation_id, $up_to_id, $author ) );

		return is_int( $changed ) ? $changed : 0;
	}

	/**
	 * Deletes every message of some conversations.
	 *
	 * @param int[] $conversation_ids Conversation row ids.
	 * @return int How many messages were deleted.
	 */
	public function delete_for( array $conversation_ids ): int {
		if ( array() === $conversation_ids ) {
			return 0;
		}
		$wpdb = $this->wpdb;
		$in   = self::placeholders( $conversation_ids );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- see latest_of().
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM %i WHERE conversation_id IN ({$in})", $this->table(), ...$conversation_ids ) );

		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * `%d, %d, ...` for a list of ids.
	 *
	 * @param int[] $ids Ids.
	 * @return literal-string
	 */
	private static function placeholders( array $ids ): string {
		return implode( ', ', array_fill( 0, count( $ids ), '%d' ) );
	}

	/**
	 * Typed rows from a wpdb result.
	 *
	 * @param mixed $rows Result of get_results().
	 * @return list<MessageRow>
	 */
	private function rows( $rows ): array {
		$typed = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			if ( is_array( $row ) ) {
				$typed[] = self::row( $row );
			}
		}

		return $typed;
	}

	/**
	 * A database row with every column present and typed.
	 *
	 * @param array<mixed> $row Row from wpdb.
	 * @return MessageRow
	 */
	private static function row( array $row ): array {
		$text     = static function ( string $column ) use ( $row ): string {
			return is_scalar( $row[ $column ] ?? null ) ? (string) $row[ $column ] : '';
		};
		$agent_id = $row['agent_id'] ?? null;
		$read_at  = $row['read_at'] ?? null;

		return array(
			'id'              => (int) $text( 'id' ),
			'conversation_id' => (int) $text( 'conversation_id' ),
			'client_id'       => $text( 'client_id' ),
			'author'          => $text( 'author' ),
			'agent_id'        => is_numeric( $agent_id ) ? (int) $agent_id : null,
			'body'            => $text( 'body' ),
			'created_at'      => $text( 'created_at' ),
			'read_at'         => is_scalar( $read_at ) ? (string) $read_at : null,
		);
	}
}
