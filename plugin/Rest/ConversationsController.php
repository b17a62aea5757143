<?php
/**
 * REST resource: conversations, for agents and the API.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Chat\ChatError;
use LiveDesk\Chat\ChatService;
use LiveDesk\Chat\Format;
use LiveDesk\Chat\Rules;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `livedesk/v1/conversations` and its sub-routes (docs/chat.md): reading
 * needs livedesk_view; starting, replying, archiving and assigning need
 * livedesk_chat. Works with a cookie + nonce or an application password.
 *
 * Refusals carry the `ChatErrorCode` of src/protocol/chat.ts as their code
 * (`invalid_payload`, `not_found`, `archived`, `storage_unavailable`) and
 * `data.retryable`; permission failures are core's `rest_forbidden`.
 */
final class ConversationsController extends WP_REST_Controller {

	/** Largest page of the collection. */
	private const PER_PAGE_MAX = 100;

	/**
	 * Chat rules.
	 *
	 * @var ChatService
	 */
	private ChatService $chat;

	/**
	 * Constructor.
	 *
	 * @param ChatService $chat Chat rules.
	 */
	public function __construct( ChatService $chat ) {
		$this->namespace = Api::ROUTE_NAMESPACE;
		$this->rest_base = 'conversations';
		$this->chat      = $chat;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$base = '/' . $this->rest_base;
		$item = $base . '/(?P<id>' . Rules::CONVERSATION_ID_PATTERN . ')';
		$id   = array(
			'id' => array(
				'description' => __( 'The conversation\'s public id.', 'livedesk' ),
				'type'        => 'string',
				'pattern'     => '^' . Rules::CONVERSATION_ID_PATTERN . '$',
			),
		);

		register_rest_route(
			Api::ROUTE_NAMESPACE,
			$base,
			array(
				$this->endpoint( WP_REST_Server::READABLE, 'get_items', 'can_view', $this->get_collection_params() ),
				$this->endpoint( WP_REST_Server::CREATABLE, 'create_item', 'can_chat', ChatSchema::send_args() + ChatSchema::contact_args() ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			Api::ROUTE_NAMESPACE,
			$item,
			array(
				'args'   => $id,
				$this->endpoint( WP_REST_Server::READABLE, 'get_item', 'can_view', array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ) ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			Api::ROUTE_NAMESPACE,
			$item . '/messages',
			array(
				'args'   => $id,
				$this->endpoint( WP_REST_Server::READABLE, 'get_messages', 'can_view', $this->messages_params() ),
				$this->endpoint( WP_REST_Server::CREATABLE, 'create_message', 'can_chat', ChatSchema::send_args() ),
				'schema' => array( $this, 'get_public_message_schema' ),
			)
		);
		$actions = array(
			'archive' => array( 'archive_item', 'can_chat', array() ),
			'assign'  => array( 'assign_item', 'can_chat', $this->assign_params() ),
			'read'    => array( 'read_item', 'can_view', $this->read_params() ),
		);
		foreach ( $actions as $action => list( $callback, $permission, $args ) ) {
			register_rest_route(
				Api::ROUTE_NAMESPACE,
				$item . '/' . $action,
				array(
					'args'   => $id,
					$this->endpoint( WP_REST_Server::CREATABLE, $callback, $permission, $args ),
					'schema' => array( $this, 'get_public_item_schema' ),
				)
			);
		}
	}

	/**
	 * Permission callback: livedesk_view (read the conversations).
	 *
	 * @return true|WP_Error
	 */
	public function can_view() {
		return Api::require_capability( Capabilities::VIEW, __( 'Sorry, you are not allowed to view LiveDesk conversations.', 'livedesk' ) );
	}

	/**
	 * Permission callback: livedesk_chat (write to conversations).
	 *
	 * @return true|WP_Error
	 */
	public function can_chat() {
		return Api::require_capability( Capabilities::CHAT, __( 'Sorry, you are not allowed to chat in LiveDesk conversations.', 'livedesk' ) );
	}

	/**
	 * A page of conversations, newest activity first, with `X-WP-Total` and
	 * `X-WP-TotalPages`.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_items( $request ) {
		$per_page = max( 1, min( self::PER_PAGE_MAX, (int) $request->get_param( 'per_page' ) ) );
		$page     = max( 1, (int) $request->get_param( 'page' ) );
		$status   = 'archived' === $request->get_param( 'status' ) ? 'archived' : 'open';
		$search   = $request->get_param( 'search' );
		$result   = $this->chat->list_page( $status, is_string( $search ) ? $search : '', $per_page, $page );
		$pages    = (int) ceil( $result['total'] / $per_page );
		if ( $page > $pages && $result['total'] > 0 ) {
			return new WP_Error( 'rest_invalid_page_number', __( 'The page number requested is larger than the number of pages available.', 'livedesk' ), array( 'status' => 400 ) );
		}

		$response = rest_ensure_response( $result['items'] );
		$response->header( 'X-WP-Total', (string) $result['total'] );
		$response->header( 'X-WP-TotalPages', (string) $pages );

		return $response;
	}

	/**
	 * Starts a conversation from the API: 201 with `{ conversation, message }`,
	 * or 200 with the same answer for a retry.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_item( $request ) {
		$email = trim( (string) $request->get_param( 'email' ) );
		if ( ! Rules::is_email_or_empty( $email ) ) {
			return ChatError::make( 'invalid_payload', __( 'The e-mail address is not valid.', 'livedesk' ), array( 'field' => 'email' ) );
		}
		$started = $this->chat->start_for_api(
			get_current_user_id(),
			(string) $request->get_param( 'name' ),
			$email,
			(string) $request->get_param( 'client_id' ),
			(string) $request->get_param( 'body' )
		);
		if ( $started instanceof WP_Error ) {
			return $started;
		}

		$id       = $started['conversation']['public_id'];
		$response = rest_ensure_response(
			array(
				'conversation' => $this->chat->describe( $started['conversation'] ),
				'message'      => Format::message( $started['message'], $id, false ),
			)
		);
		$response->set_status( $started['created'] ? 201 : 200 );
		if ( $started['created'] ) {
			// Only with 201: PHP turns any other answer with a Location header into a 302.
			$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $id ) );
		}

		return $response;
	}

	/**
	 * One conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_item( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );

		return null === $conversation ? ChatError::not_found() : rest_ensure_response( $this->chat->describe( $conversation ) );
	}

	/**
	 * A conversation's messages after `after_id`, oldest first, at most
	 * `limit`; `X-LiveDesk-More: 1` when more follow.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_messages( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );
		if ( null === $conversation ) {
			return ChatError::not_found();
		}
		$limit = max( 1, min( Rules::SYNC_PAGE, (int) $request->get_param( 'limit' ) ) );
		$rows  = $this->chat->messages_after( $conversation, (int) $request->get_param( 'after_id' ), $limit + 1 );
		$more  = count( $rows ) > $limit;
		$items = array();
		foreach ( array_slice( $rows, 0, $limit ) as $row ) {
			$items[] = Format::message( $row, $conversation['public_id'], false );
		}

		$response = rest_ensure_response( $items );
		$response->header( 'X-LiveDesk-More', $more ? '1' : '0' );

		return $response;
	}

	/**
	 * An agent's reply: 201 with the message, or 200 with the stored one for
	 * a retry.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_message( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );
		if ( null === $conversation ) {
			return ChatError::not_found();
		}
		$stored = $this->chat->send_as_agent( $conversation, get_current_user_id(), (string) $request->get_param( 'client_id' ), (string) $request->get_param( 'body' ) );
		if ( $stored instanceof WP_Error ) {
			return $stored;
		}

		$response = rest_ensure_response( Format::message( $stored['message'], $conversation['public_id'], false ) );
		$response->set_status( $stored['created'] ? 201 : 200 );

		return $response;
	}

	/**
	 * Archives a conversation (idempotent); answers with the conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function archive_item( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );
		if ( null === $conversation ) {
			return ChatError::not_found();
		}
		$archived = $this->chat->archive( $conversation );

		return $archived instanceof WP_Error ? $archived : rest_ensure_response( $this->chat->describe( $archived ) );
	}

	/**
	 * Assigns a conversation to the current user (`assignee: "me"`) or to
	 * nobody (`assignee: null`); answers with the conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function assign_item( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );
		if ( null === $conversation ) {
			return ChatError::not_found();
		}
		// Core treats a required parameter sent as null as missing, so
		// presence is checked here: an empty body must not unassign.
		if ( ! $request->has_param( 'assignee' ) ) {
			return ChatError::make( 'invalid_payload', __( 'Say who takes the conversation: assignee "me", or null to hand it back.', 'livedesk' ), array( 'field' => 'assignee' ) );
		}
		$assigned = $this->chat->assign( $conversation, 'me' === $request->get_param( 'assignee' ) ? get_current_user_id() : null );

		return $assigned instanceof WP_Error ? $assigned : rest_ensure_response( $this->chat->describe( $assigned ) );
	}

	/**
	 * Marks the visitor's messages up to `up_to_id` as read by agents;
	 * answers with the conversation (its unread count updated).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function read_item( $request ) {
		$conversation = $this->chat->find( (string) $request->get_param( 'id' ) );
		if ( null === $conversation ) {
			return ChatError::not_found();
		}

		return rest_ensure_response( $this->chat->describe( $this->chat->mark_read_by_agent( $conversation, (int) $request->get_param( 'up_to_id' ) ) ) );
	}

	/**
	 * The collection's query parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		$params                          = parent::get_collection_params();
		$params['per_page']['maximum']   = self::PER_PAGE_MAX;
		$params['search']['description'] = __( 'Only conversations whose name, e-mail, identity, city, ids or messages contain this text.', 'livedesk' );
		$params['status']                = array(
			'description' => __( 'Open or archived conversations.', 'livedesk' ),
			'type'        => 'string',
			'enum'        => array( 'open', 'archived' ),
			'default'     => 'open',
		);

		return $params;
	}

	/**
	 * The conversation schema, built once.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-conversation',
			'type'       => 'object',
			'properties' => ChatSchema::conversation(),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The message schema, for the messages route.
	 *
	 * @return array<string, mixed>
	 */
	public function get_public_message_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-message',
			'type'       => 'object',
			'properties' => ChatSchema::message(),
		);
	}

	/**
	 * One endpoint of a route.
	 *
	 * @param string                              $methods    HTTP methods.
	 * @param string                              $callback   Method of this class that answers.
	 * @param string                              $permission Method of this class that checks the capability.
	 * @param array<string, array<string, mixed>> $args       Arguments.
	 * @return array<string, mixed>
	 */
	private function endpoint( string $methods, string $callback, string $permission, array $args ): array {
		return array(
			'methods'             => $methods,
			'callback'            => array( $this, $callback ),
			'permission_callback' => array( $this, $permission ),
			'args'                => $args,
		);
	}

	/**
	 * Parameters of the messages route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function messages_params(): array {
		return array(
			'after_id' => array(
				'description' => __( 'Only messages with a greater id (0 for all).', 'livedesk' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'limit'    => array(
				'description' => __( 'Most messages to return; ask again after the last id while X-LiveDesk-More is 1.', 'livedesk' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => Rules::SYNC_PAGE,
				'default'     => Rules::SYNC_PAGE,
			),
		);
	}

	/**
	 * Parameters of the assign route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function assign_params(): array {
		return array(
			'assignee' => array(
				'description' => __( '"me" to take the conversation, null to hand it back.', 'livedesk' ),
				'type'        => array( 'string', 'null' ),
				'enum'        => array( 'me', null ),
			),
		);
	}

	/**
	 * Parameters of the read route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function read_params(): array {
		return array(
			'up_to_id' => array(
				'description' => __( 'The last message id read.', 'livedesk' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'required'    => true,
			),
		);
	}
}
