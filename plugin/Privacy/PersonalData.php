<?php
/**
 * LiveDesk data in WordPress's personal data export and erasure.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Privacy;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;
use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Database\Time;
use LiveDesk\Database\VisitorsRepository;

/**
 * Registers an exporter and an eraser (Tools → Export / Erase Personal
 * Data) for what LiveDesk stores about a person found by e-mail address:
 * their conversations and messages (by the e-mail given in the chat, the
 * offline form or a verified identity, and by `wp:<user id>` for a user
 * with that address), and what the tracker stored about the browsers those
 * conversations came from (visitor record and page views) together with
 * those browsers' other conversations.
 *
 * @phpstan-import-type ConversationRow from ConversationsRepository
 */
final class PersonalData {

	/** Exporter and eraser id. */
	public const ID = 'livedesk';

	/** Conversations per export page. */
	private const EXPORT_PAGE = 20;

	/** Conversations per erasure call; the next call erases the rest. */
	private const ERASE_BATCH = 200;

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
	 * Visitors table.
	 *
	 * @var VisitorsRepository
	 */
	private VisitorsRepository $visitors;

	/**
	 * Page views table.
	 *
	 * @var PageViewsRepository
	 */
	private PageViewsRepository $page_views;

	/**
	 * Constructor.
	 *
	 * @param ConversationsRepository $conversations Conversations table.
	 * @param MessagesRepository      $messages      Messages table.
	 * @param VisitorsRepository      $visitors      Visitors table.
	 * @param PageViewsRepository     $page_views    Page views table.
	 */
	public function __construct( ConversationsRepository $conversations, MessagesRepository $messages, VisitorsRepository $visitors, PageViewsRepository $page_views ) {
		$this->conversations = $conversations;
		$this->messages      = $messages;
		$this->visitors      = $visitors;
		$this->page_views    = $page_views;
	}

	/**
	 * Adds the exporter.
	 *
	 * @param array<string, mixed> $exporters Registered exporters.
	 * @return array<string, mixed>
	 */
	public function filter_exporters( array $exporters ): array {
		$exporters[ self::ID ] = array(
			'exporter_friendly_name' => __( 'LiveDesk chats and visits', 'livedesk' ),
			'callback'               => array( $this, 'export' ),
		);

		return $exporters;
	}

	/**
	 * Adds the eraser.
	 *
	 * @param array<string, mixed> $erasers Registered erasers.
	 * @return array<string, mixed>
	 */
	public function filter_erasers( array $erasers ): array {
		$erasers[ self::ID ] = array(
			'eraser_friendly_name' => __( 'LiveDesk chats and visits', 'livedesk' ),
			'callback'             => array( $this, 'erase' ),
		);

		return $erasers;
	}

	/**
	 * One page of a person's data: conversations (with their transcript),
	 * and on the first page the visitor records of their browsers.
	 *
	 * @param string $email E-mail address.
	 * @param int    $page  1-based page.
	 * @return array{data: list<array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}>, done: bool}
	 */
	public function export( string $email, int $page = 1 ): array {
		$email = trim( $email );
		$ids   = $this->identity_ids( $email );
		$keys  = $this->conversations->visitor_keys_of( $email, $ids );
		$rows  = $this->conversations->for_person( $email, $ids, $keys, self::EXPORT_PAGE, ( max( 1, $page ) - 1 ) * self::EXPORT_PAGE );
		$items = array();
		foreach ( $rows as $row ) {
			$items[] = $this->conversation_item( $row );
		}
		if ( 1 === $page ) {
			foreach ( $keys as $key ) {
				$visitor = $this->visitor_item( $key );
				if ( null !== $visitor ) {
					$items[] = $visitor;
				}
			}
		}

		return array(
			'data' => $items,
			'done' => count( $rows ) < self::EXPORT_PAGE,
		);
	}

	/**
	 * Erases a person's data: their conversations and messages, and the
	 * visitor records and page views of the browsers they chatted from.
	 *
	 * @param string $email E-mail address.
	 * @param int    $page  1-based call number (each call erases a batch).
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	public function erase( string $email, int $page = 1 ): array {
		unset( $page );
		$email = trim( $email );
		$ids   = $this->identity_ids( $email );
		$keys  = $this->conversations->visitor_keys_of( $email, $ids );
		// What ties the browsers to the person goes last (see for_person()).
		$rows  = $this->conversations->for_person( $email, $ids, $keys, self::ERASE_BATCH, 0, true );
		$found = array_column( $rows, 'id' );

		$removed  = $this->messages->delete_for( $found ) > 0;
		$removed  = $this->conversations->delete( $found ) > 0 || $removed;
		$removed  = $this->page_views->delete_for_visitors( $keys ) > 0 || $removed;
		$removed  = $this->visitors->delete( $keys ) > 0 || $removed;
		$messages = array();
		if ( $removed ) {
			/* translators: %d: number of conversations. */
			$messages[] = sprintf( _n( 'Removed %d LiveDesk conversation and the visits linked to it.', 'Removed %d LiveDesk conversations and the visits linked to them.', count( $found ), 'livedesk' ), count( $found ) );
		}

		return array(
			'items_removed'  => $removed,
			'items_retained' => false,
			'messages'       => $messages,
			'done'           => count( $rows ) < self::ERASE_BATCH,
		);
	}

	/**
	 * The identity ids a person has: the plugin's own `wp:<id>` when a user
	 * has this address.
	 *
	 * @param string $email E-mail address.
	 * @return list<string>
	 */
	private function identity_ids( string $email ): array {
		$user = '' === $email ? false : get_user_by( 'email', $email );

		return $user instanceof \WP_User ? array( 'wp:' . $user->ID ) : array();
	}

	/**
	 * A conversation as an export item.
	 *
	 * @param array<string, mixed> $row Conversation row.
	 * @return array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}
	 *
	 * @phpstan-param ConversationRow $row
	 */
	private function conversation_item( array $row ): array {
		$pages = array();
		foreach ( $row['pages'] as $view ) {
			$pages[] = $view['path'] . ( '' !== $view['title'] ? ' (' . $view['title'] . ')' : '' );
		}
		$custom = array();
		foreach ( $row['custom_data'] as $key => $value ) {
			$custom[] = $key . ': ' . $value;
		}
		$fields = array(
			__( 'Conversation', 'livedesk' ) => $row['public_id'],
			__( 'Started', 'livedesk' )      => (string) Time::iso( $row['created_at'] ),
			__( 'Status', 'livedesk' )       => $row['status'],
			__( 'Source', 'livedesk' )       => $row['source'],
			__( 'Name', 'livedesk' )         => $row['name'],
			__( 'E-mail', 'livedesk' )       => $row['email'],
			__( 'Identity', 'livedesk' )     => $row['identity_id'],
			__( 'IP address', 'livedesk' )   => $row['ip'],
			__( 'Location', 'livedesk' )     => implode( ', ', array_filter( array( $row['city'], $row['region'], $row['country'] ) ) ),
			__( 'Time zone', 'livedesk' )    => $row['timezone'],
			__( 'Browser', 'livedesk' )      => trim( $row['browser'] . ' ' . $row['os'] . ' ' . $row['device'] ),
			__( 'Language', 'livedesk' )     => $row['language'],
			__( 'Pages viewed', 'livedesk' ) => implode( "\n", $pages ),
			__( 'Custom data', 'livedesk' )  => implode( "\n", $custom ),
			__( 'Messages', 'livedesk' )     => $this->transcript( $row['id'] ),
		);

		return array(
			'group_id'          => 'livedesk-conversations',
			'group_label'       => __( 'Chat conversations', 'livedesk' ),
			'group_description' => __( 'Conversations with the site\'s team through the LiveDesk chat.', 'livedesk' ),
			'item_id'           => 'livedesk-conversation-' . $row['public_id'],
			'data'              => self::fields( $fields ),
		);
	}

	/**
	 * A conversation's messages as text, one per line.
	 *
	 * @param int $conversation_id Conversation row id.
	 */
	private function transcript( int $conversation_id ): string {
		$lines    = array();
		$after_id = 0;
		do {
			$page = $this->messages->after( $conversation_id, $after_id, 500 );
			$more = 500 === count( $page );
			foreach ( $page as $message ) {
				$lines[]  = Time::iso( $message['created_at'] ) . ' ' . $message['author'] . ': ' . $message['body'];
				$after_id = $message['id'];
			}
		} while ( $more );

		return implode( "\n", $lines );
	}

	/**
	 * What the tracker stored about one browser, as an export item.
	 *
	 * @param string $visitor_key Visitor key.
	 * @return array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}|null
	 */
	private function visitor_item( string $visitor_key ): ?array {
		$visitor = $this->visitors->find( $visitor_key );
		if ( null === $visitor ) {
			return null;
		}
		$pages = array();
		foreach ( $this->page_views->latest_for_visitor( $visitor_key, 1000 ) as $view ) {
			$pages[] = $view['viewed_at'] . ' UTC ' . $view['path'] . ( '' !== $view['title'] ? ' (' . $view['title'] . ')' : '' );
		}
		$fields = array(
			__( 'Visitor', 'livedesk' )      => $visitor_key,
			__( 'First seen', 'livedesk' )   => $visitor['first_seen'] . ' UTC',
			__( 'Last seen', 'livedesk' )    => $visitor['last_seen'] . ' UTC',
			__( 'Visits', 'livedesk' )       => $visitor['visit_count'],
			__( 'IP address', 'livedesk' )   => $visitor['ip'],
			__( 'Location', 'livedesk' )     => implode( ', ', array_filter( array( $visitor['city'], $visitor['region'], $visitor['country'] ) ) ),
			__( 'Time zone', 'livedesk' )    => $visitor['timezone'],
			__( 'Browser', 'livedesk' )      => trim( $visitor['browser'] . ' ' . $visitor['os'] . ' ' . $visitor['device'] ),
			__( 'Language', 'livedesk' )     => $visitor['language'],
			__( 'Referrer', 'livedesk' )     => $visitor['referrer'],
			__( 'Pages viewed', 'livedesk' ) => implode( "\n", $pages ),
		);

		return array(
			'group_id'          => 'livedesk-visitors',
			'group_label'       => __( 'Site visits', 'livedesk' ),
			'group_description' => __( 'What LiveDesk recorded about the browsers used for these chats.', 'livedesk' ),
			'item_id'           => 'livedesk-visitor-' . $visitor_key,
			'data'              => self::fields( $fields ),
		);
	}

	/**
	 * Export fields with a value. Values are visitor-supplied text: they
	 * are escaped here (the export keeps only a few tags, and shows the
	 * rest as text only if escaped), with line breaks kept.
	 *
	 * @param array<string, string> $fields Label → value.
	 * @return list<array{name: string, value: string}>
	 */
	private static function fields( array $fields ): array {
		$data = array();
		foreach ( $fields as $name => $value ) {
			if ( '' !== $value ) {
				$data[] = array(
					'name'  => $name,
					'value' => implode( '<br />', array_map( 'esc_html', explode( "\n", $value ) ) ),
				);
			}
		}

		return $data;
	}
}
