<?php
/**
 * Chat tables and repositories for tests.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;

/**
 * Empties the chat tables inside the test's transaction and counts rows.
 */
trait ChatFixtures {

	/**
	 * Empties both chat tables (inside the transaction, rolled back after).
	 */
	protected function empty_chat_tables(): void {
		$wpdb = $this->wpdb();
		foreach ( array( 'livedesk_conversations', 'livedesk_messages' ) as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- test fixture; WPCS 2.3 predates %i.
			$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', $wpdb->prefix . $table ) );
		}
	}

	/**
	 * How many rows a chat table holds.
	 *
	 * @param string $table 'conversations' or 'messages'.
	 */
	protected function count_rows( string $table ): int {
		$wpdb = $this->wpdb();

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- checking stored rows; WPCS 2.3 predates %i.
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i', $wpdb->prefix . 'livedesk_' . $table ) );
	}

	/**
	 * The conversations repository.
	 */
	protected function conversations(): ConversationsRepository {
		return new ConversationsRepository( $this->wpdb() );
	}

	/**
	 * The messages repository.
	 */
	protected function messages(): MessagesRepository {
		return new MessagesRepository( $this->wpdb() );
	}
}
