<?php
/**
 * The visitor's side of chat over REST (the widget's fallback).
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;
use LiveDesk\Settings;

/**
 * What a visitor may do over REST: read their conversation, send to it
 * (starting it when there is none) and leave an offline message.
 *
 * A visitor reaches only their own open conversation, decided from the
 * signed visitor id and a verified identity (VisitorContext), never from a
 * payload: the identity's (`i:<id>`), else the browser's (`v:<id>`, or one
 * of the browser's that a verified identity took over).
 *
 * @phpstan-import-type ConversationRow from ConversationsRepository
 * @phpstan-import-type MessageRow from MessagesRepository
 */
final class VisitorChat {

	/**
	 * Chat rules.
	 *
	 * @var ChatService
	 */
	private ChatService $chat;

	/**
	 * Visitor snapshots.
	 *
	 * @var Snapshots
	 */
	private Snapshots $snapshots;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param ChatService $chat      Chat rules.
	 * @param Snapshots   $snapshots Visitor snapshots.
	 * @param Settings    $settings  Settings storage.
	 */
	public function __construct( ChatService $chat, Snapshots $snapshots, Settings $settings ) {
		$this->chat      = $chat;
		$this->snapshots = $snapshots;
		$this->settings  = $settings;
	}

	/**
	 * The visitor's open conversation, or null.
	 *
	 * @param VisitorContext $visitor Who asks.
	 * @return ConversationRow|null
	 */
	public function reachable( VisitorContext $visitor ): ?array {
		$conversations = $this->chat->conversations();
		if ( null !== $visitor->identity ) {
			$own = $conversations->find_open( 'i:' . $visitor->identity['id'] );
			if ( null !== $own ) {
				return $own;
			}
		}
		if ( '' === $visitor->visitor_id ) {
			return null;
		}
		// The browser's own open conversation, under its `v:` key or re-keyed to an identity.
		$browser = $conversations->find_open_for_visitor( $visitor->visitor_id );
		// Another verified person's conversation on a shared browser is not
		// this identity's to read.
		if ( null !== $browser && null !== $visitor->identity && '' !== $browser['identity_id'] && $browser['identity_id'] !== $visitor->identity['id'] ) {
			return null;
		}

		return $browser;
	}

	/**
	 * The fallback poll: the open conversation and its messages after an id
	 * (`VisitorChatSync`).
	 *
	 * @param VisitorContext $visitor  Who asks.
	 * @param int            $after_id Last message id the widget has.
	 * @return array{conversation: array<string, mixed>|null, messages: list<array<string, mixed>>, more: bool}
	 */
	public function sync( VisitorContext $visitor, int $after_id ): array {
		$conversation = $this->reachable( $visitor );
		if ( null === $conversation ) {
			return array(
				'conversation' => null,
				'messages'     => array(),
				'more'         => false,
			);
		}
		$rows     = $this->chat->messages_after( $conversation, $after_id, Rules::SYNC_PAGE + 1 );
		$messages = array();
		foreach ( array_slice( $rows, 0, Rules::SYNC_PAGE ) as $row ) {
			$messages[] = Format::message( $row, $conversation['public_id'], true );
		}

		return array(
			'conversation' => Format::visitor_conversation( $conversation ),
			'messages'     => $messages,
			'more'         => count( $rows ) > Rules::SYNC_PAGE,
		);
	}

	/**
	 * The fallback send: stores a visitor message in their open
	 * conversation, starting one (with the pre-chat answers) when there is
	 * none. A retry answers with the stored message.
	 *
	 * @param VisitorContext $visitor   Who sends.
	 * @param string         $client_id Client message id.
	 * @param string         $body      Message.
	 * @param string         $name      Pre-chat name ('' when not given).
	 * @param string         $email     Pre-chat e-mail ('' when not given).
	 * @return array{conversation: ConversationRow, message: MessageRow, created: bool}|\WP_Error
	 */
	public function send( VisitorContext $visitor, string $client_id, string $body, string $name, string $email ) {
		$email = trim( $email );
		if ( ! Rules::is_email_or_empty( $email ) ) {
			return ChatError::make( 'invalid_payload', __( 'The e-mail address is not valid.', 'livedesk' ), array( 'field' => 'email' ) );
		}
		$retried = $this->retried( $visitor, $client_id );
		if ( null !== $retried ) {
			return $retried;
		}
		$conversation = $this->reachable( $visitor );
		if ( null === $conversation ) {
			$conversation = $this->start( $visitor, $body, Rules::clean_name( $name ), $email );
			if ( $conversation instanceof \WP_Error ) {
				return $conversation;
			}
		} elseif ( null !== $visitor->identity && ! $conversation['verified'] ) {
			$conversation = $this->attach_identity( $conversation, $visitor );
		}

		$stored = $this->chat->store( $conversation, $client_id, 'visitor', null, $body );
		if ( $stored instanceof \WP_Error ) {
			return $stored;
		}

		return array(
			'conversation' => $conversation,
			'message'      => $stored['message'],
			'created'      => $stored['created'],
		);
	}

	/**
	 * A send this visitor made before with the same client id, in any of
	 * their conversations (the first answer was lost, and the conversation
	 * may have been archived since): the stored message, not a new one.
	 *
	 * @param VisitorContext $visitor   Who sends.
	 * @param string         $client_id Client message id.
	 * @return array{conversation: ConversationRow, message: MessageRow, created: bool}|null
	 */
	private function retried( VisitorContext $visitor, string $client_id ): ?array {
		$message = $this->chat->messages()->find_visitor_message( $visitor->visitor_id, $visitor->identity['id'] ?? '', $client_id );
		if ( null === $message ) {
			return null;
		}
		$conversation = $this->chat->conversations()->find_by_id( $message['conversation_id'] );

		return null === $conversation ? null : array(
			'conversation' => $conversation,
			'message'      => $message,
			'created'      => false,
		);
	}

	/**
	 * The offline form: stores the message as a conversation (the visitor's
	 * open one, or a new one) and fills in the name and e-mail it lacked.
	 * Without a visitor id, a retry is recognised by its client id.
	 *
	 * @param VisitorContext $visitor   Who sends (visitor id '' when the request carried none).
	 * @param string         $client_id Client message id.
	 * @param string         $body      Message.
	 * @param string         $name      Name ('' when not given).
	 * @param string         $email     E-mail address (required).
	 * @return array{conversation: ConversationRow, message: MessageRow, created: bool}|\WP_Error
	 */
	public function offline( VisitorContext $visitor, string $client_id, string $body, string $name, string $email ) {
		$email = trim( $email );
		if ( '' === $email || ! Rules::is_email_or_empty( $email ) ) {
			return ChatError::make( 'invalid_payload', __( 'Please give a valid e-mail address so that we can reply.', 'livedesk' ), array( 'field' => 'email' ) );
		}
		$name = Rules::clean_name( $name );

		$sent = '' === $visitor->visitor_id && null === $visitor->identity
			? $this->send_anonymous( $visitor, $client_id, $body, $name, $email )
			: $this->send( $visitor, $client_id, $body, $name, $email );
		if ( $sent instanceof \WP_Error ) {
			return $sent;
		}

		$missing = array_filter(
			array(
				'name'  => '' === $sent['conversation']['name'] ? $name : '',
				'email' => '' === $sent['conversation']['email'] ? $email : '',
			)
		);
		if ( array() !== $missing ) {
			$this->chat->conversations()->update( $sent['conversation']['id'], $missing );
			$sent['conversation'] = array_merge( $sent['conversation'], $missing );
		}

		return $sent;
	}

	/**
	 * Starts the visitor's conversation (or finds the one a racing request
	 * just started), after the checks a start needs.
	 *
	 * @param VisitorContext $visitor Who starts.
	 * @param string         $body    First message.
	 * @param string         $name    Pre-chat name.
	 * @param string         $email   Pre-chat e-mail (valid or '').
	 * @return ConversationRow|\WP_Error
	 */
	private function start( VisitorContext $visitor, string $body, string $name, string $email ) {
		$identity = $visitor->identity;
		if ( null === $identity && $this->settings->chat_require_verified() ) {
			return ChatError::make( 'identity_required', __( 'This site only accepts chats from visitors with a verified identity.', 'livedesk' ) );
		}
		$name  = null !== $identity && '' !== $identity['name'] ? $identity['name'] : $name;
		$email = null !== $identity && '' !== $identity['email'] ? $identity['email'] : $email;
		if ( '' === $email && 'required' === $this->settings->chat_email_capture() ) {
			return ChatError::make(
				'invalid_payload',
				__( 'An e-mail address is needed to start a chat.', 'livedesk' ),
				array(
					'field'  => 'email',
					'reason' => 'email_required',
				)
			);
		}
		// Refuse a bad first message before it leaves an empty conversation behind.
		$problem = Rules::body_problem( $body );
		if ( '' !== $problem ) {
			return ChatError::body( $problem );
		}

		$fields  = $this->snapshots->for_visitor( $visitor->visitor_id, $visitor->ip ) + array(
			'visitor_key' => $visitor->visitor_id,
			'source'      => $visitor->playground ? 'playground' : 'widget',
			'name'        => $name,
			'email'       => $email,
			'identity_id' => null === $identity ? '' : $identity['id'],
			'verified'    => null !== $identity,
		);
		$started = $this->chat->conversations()->create_open( $visitor->open_key(), $fields );

		return null === $started ? ChatError::storage() : $started['conversation'];
	}

	/**
	 * An offline message from a browser without a visitor id: its own
	 * conversation, keyed by the client id while open so a retry finds it.
	 *
	 * @param VisitorContext $visitor   Who sends (no visitor id).
	 * @param string         $client_id Client message id.
	 * @param string         $body      Message.
	 * @param string         $name      Name.
	 * @param string         $email     E-mail address.
	 * @return array{conversation: ConversationRow, message: MessageRow, created: bool}|\WP_Error
	 */
	private function send_anonymous( VisitorContext $visitor, string $client_id, string $body, string $name, string $email ) {
		if ( $this->settings->chat_require_verified() ) {
			return ChatError::make( 'identity_required', __( 'This site only accepts chats from visitors with a verified identity.', 'livedesk' ) );
		}
		$problem = Rules::body_problem( $body );
		if ( '' !== $problem ) {
			return ChatError::body( $problem );
		}
		$started = $this->chat->conversations()->create_open(
			'o:' . $client_id,
			$this->snapshots->for_visitor( '', $visitor->ip ) + array(
				'source' => 'widget',
				'name'   => $name,
				'email'  => $email,
			)
		);
		if ( null === $started ) {
			return ChatError::storage();
		}
		$stored = $this->chat->store( $started['conversation'], $client_id, 'visitor', null, $body );

		return $stored instanceof \WP_Error ? $stored : array(
			'conversation' => $started['conversation'],
			'message'      => $stored['message'],
			'created'      => $stored['created'],
		);
	}

	/**
	 * A verified identity takes over the browser's unverified conversation:
	 * its name, e-mail and id, and its open key (`i:<id>`), so the person
	 * finds it from another device too.
	 *
	 * @param array<string, mixed> $conversation Conversation row.
	 * @param VisitorContext       $visitor      Who sends, with an identity.
	 * @return ConversationRow
	 *
	 * @phpstan-param ConversationRow $conversation
	 */
	private function attach_identity( array $conversation, VisitorContext $visitor ): array {
		$identity = $visitor->identity;
		if ( null === $identity || '' !== $conversation['identity_id'] ) {
			return $conversation;
		}
		$conversations = $this->chat->conversations();
		$conversations->update(
			$conversation['id'],
			array_filter(
				array(
					'name'  => $identity['name'],
					'email' => $identity['email'],
				)
			) + array(
				'identity_id' => $identity['id'],
				'verified'    => true,
			)
		);
		if ( null !== $conversation['open_key'] ) {
			$conversations->rekey( $conversation['id'], $conversation['open_key'], $visitor->open_key() );
		}

		return $conversations->find_by_id( $conversation['id'] ) ?? $conversation;
	}
}
