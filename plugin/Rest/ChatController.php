<?php
/**
 * REST resource: the visitor's chat (the widget's routes).
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Chat\ChatError;
use LiveDesk\Chat\Format;
use LiveDesk\Chat\Identities;
use LiveDesk\Chat\OfflineMail;
use LiveDesk\Chat\RateLimiter;
use LiveDesk\Chat\Rules;
use LiveDesk\Chat\VisitorChat;
use LiveDesk\Chat\VisitorContext;
use LiveDesk\Chat\VisitorSignatures;
use LiveDesk\Chat\WidgetStrings;
use LiveDesk\Database\ConversationsRepository;
use LiveDesk\Database\MessagesRepository;
use LiveDesk\Network\ClientIp;
use LiveDesk\Settings;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `livedesk/v1/chat/*` (docs/chat.md): public routes the widget uses, with
 * its configuration and, when the sidecar is unreachable, as the chat
 * itself (send + poll), plus the offline form, the logged-in user's
 * signed identity and, for a visitor the sidecar never reached, a signed
 * visitor id.
 *
 * Visitors are anonymous, so these routes do not check a capability. Who a
 * visitor is comes from the signed `X-LiveDesk-Visitor: <id>.<sig>` header
 * (and a verified identity), checked in the permission callbacks (the
 * sidecar hands such ids out, and `chat/visitor` when it cannot); each
 * route is rate-limited per visitor and per IP and validates its body
 * against a schema. Refusals carry a `ChatErrorCode`.
 *
 * @phpstan-import-type ConversationRow from ConversationsRepository
 * @phpstan-import-type MessageRow from MessagesRepository
 */
final class ChatController extends WP_REST_Controller {

	/** Header carrying the signed visitor id. */
	public const VISITOR_HEADER = 'X-LiveDesk-Visitor';

	/** Header carrying a `SignedIdentity` as base64url JSON (GET requests; POST may use the body). */
	public const IDENTITY_HEADER = 'X-LiveDesk-Identity';

	/** Header carrying a playground token (an admin's test chat). */
	public const PLAYGROUND_HEADER = 'X-LiveDesk-Playground';

	/** One minute, in seconds. */
	private const MINUTE = 60;

	/** Requests per minute a visitor may make to the chat routes (a 3 s poll plus sends). */
	private const VISITOR_LIMIT = 60;

	/** Requests per minute one IP address may make (several visitors behind one NAT). */
	private const IP_LIMIT = 120;

	/** Offline messages per ten minutes per IP address and per visitor: each one sends an e-mail. */
	private const OFFLINE_LIMIT = 10;

	/** Identities per minute per logged-in user. */
	private const IDENTITY_LIMIT = 20;

	/**
	 * Visitor ids per ten minutes per IP address: a browser needs one, kept
	 * in localStorage, unless its storage is cleared or blocked.
	 */
	private const VISITOR_ID_LIMIT = 10;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * The visitor side of chat.
	 *
	 * @var VisitorChat
	 */
	private VisitorChat $chat;

	/**
	 * Visitor id verification.
	 *
	 * @var VisitorSignatures
	 */
	private VisitorSignatures $signatures;

	/**
	 * Identity signing and verification.
	 *
	 * @var Identities
	 */
	private Identities $identities;

	/**
	 * Request counting.
	 *
	 * @var RateLimiter
	 */
	private RateLimiter $limiter;

	/**
	 * Offline message e-mail.
	 *
	 * @var OfflineMail
	 */
	private OfflineMail $mail;

	/**
	 * Constructor.
	 *
	 * @param Settings          $settings   Settings storage.
	 * @param VisitorChat       $chat       The visitor side of chat.
	 * @param VisitorSignatures $signatures Visitor id verification.
	 * @param Identities        $identities Identity signing and verification.
	 * @param RateLimiter       $limiter    Request counting.
	 * @param OfflineMail       $mail       Offline message e-mail.
	 */
	public function __construct( Settings $settings, VisitorChat $chat, VisitorSignatures $signatures, Identities $identities, RateLimiter $limiter, OfflineMail $mail ) {
		$this->namespace  = Api::ROUTE_NAMESPACE;
		$this->rest_base  = 'chat';
		$this->settings   = $settings;
		$this->chat       = $chat;
		$this->signatures = $signatures;
		$this->identities = $identities;
		$this->limiter    = $limiter;
		$this->mail       = $mail;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$routes = array(
			'config'   => array(
				array( WP_REST_Server::READABLE, 'get_config', 'config_permissions_check', array() ),
			),
			'messages' => array(
				array( WP_REST_Server::READABLE, 'get_messages', 'visitor_permissions_check', $this->poll_args() ),
				array( WP_REST_Server::CREATABLE, 'create_message', 'visitor_permissions_check', ChatSchema::send_args() + $this->visitor_args() ),
			),
			'offline'  => array(
				array( WP_REST_Server::CREATABLE, 'create_offline_message', 'offline_permissions_check', $this->offline_args() ),
			),
			'identity' => array(
				array( WP_REST_Server::CREATABLE, 'create_identity', 'identity_permissions_check', array() ),
			),
			'visitor'  => array(
				array( WP_REST_Server::CREATABLE, 'create_visitor', 'new_visitor_permissions_check', array() ),
			),
		);
		foreach ( $routes as $path => $endpoints ) {
			$route = array();
			foreach ( $endpoints as list( $methods, $callback, $permission, $args ) ) {
				$route[] = array(
					'methods'             => $methods,
					'callback'            => array( $this, $callback ),
					'permission_callback' => array( $this, $permission ),
					'args'                => $args,
				);
			}
			register_rest_route( Api::ROUTE_NAMESPACE, '/' . $this->rest_base . '/' . $path, $route );
		}
	}

	/**
	 * `GET chat/config` is public: it is the same document for every
	 * visitor (settings and translated strings, nothing about the visitor),
	 * cacheable, and it writes nothing. It is not rate-limited for the same
	 * reasons: counting would turn a cacheable read into a write per request.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function config_permissions_check( $request ) {
		return true;
	}

	/**
	 * The widget's configuration and strings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_config( $request ) {
		$greeting = $this->settings->chat_greeting();
		$response = rest_ensure_response(
			array(
				'enabled'          => $this->settings->chat_enabled(),
				'greeting'         => '' !== $greeting ? $greeting : WidgetStrings::default_greeting(),
				'color'            => $this->settings->chat_color(),
				'position'         => $this->settings->chat_position(),
				'email_capture'    => $this->settings->chat_email_capture(),
				'require_verified' => $this->settings->chat_require_verified(),
				'message_max'      => Rules::MESSAGE_MAX,
				'strings'          => WidgetStrings::all(),
			)
		);
		$response->header( 'Cache-Control', 'public, max-age=300' );

		return $response;
	}

	/**
	 * `chat/messages` is public (visitors have no WordPress account): the
	 * caller must present a visitor id we signed, and the handlers only
	 * reach that visitor's own conversation. Rate-limited per IP and per
	 * visitor. Refused while chat is off.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function visitor_permissions_check( $request ) {
		$refused = $this->refuse_when_disabled() ?? $this->limit( 'chat-ip', $this->request_ip( $request ) ?? '', self::IP_LIMIT, self::MINUTE );
		if ( null !== $refused ) {
			return $refused;
		}
		$visitor_id = $this->signatures->verify_header( (string) $request->get_header( self::VISITOR_HEADER ) );
		if ( null === $visitor_id ) {
			return ChatError::make(
				'forbidden',
				__( 'A signed visitor id is needed (X-LiveDesk-Visitor header).', 'livedesk' ),
				array( 'status' => 401 )
			);
		}

		return $this->limit( 'chat-visitor', $visitor_id, self::VISITOR_LIMIT, self::MINUTE ) ?? true;
	}

	/**
	 * The fallback poll: the visitor's open conversation and its messages
	 * after `after_id` (`VisitorChatSync`).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_messages( $request ) {
		$sync = $this->chat->sync( $this->visitor( $request ), (int) $request->get_param( 'after_id' ) );

		return $this->private_response( $sync, 200 );
	}

	/**
	 * The fallback send: 201 with `{ ok, client_id, message, conversation }`,
	 * or 200 with the same answer for a retry.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_message( $request ) {
		$profile = $request->get_param( 'profile' );
		$profile = is_array( $profile ) ? $profile : array();
		$sent    = $this->chat->send(
			$this->visitor( $request ),
			(string) $request->get_param( 'client_id' ),
			(string) $request->get_param( 'body' ),
			is_string( $profile['name'] ?? null ) ? $profile['name'] : '',
			is_string( $profile['email'] ?? null ) ? $profile['email'] : ''
		);

		return $this->send_response( $sent, (string) $request->get_param( 'client_id' ) );
	}

	/**
	 * `chat/offline` is public: visitors leave a message for the team. A
	 * signed visitor id is used when present (the message joins that
	 * visitor's conversation) but not required, so the form works for a
	 * browser that never reached the sidecar. It sends e-mail, so it is
	 * rate-limited harder: per IP and per visitor.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function offline_permissions_check( $request ) {
		$ip      = $this->request_ip( $request ) ?? '';
		$refused = $this->refuse_when_disabled()
			?? $this->limit( 'chat-ip', $ip, self::IP_LIMIT, self::MINUTE )
			?? $this->limit( 'offline-ip', $ip, self::OFFLINE_LIMIT, 10 * self::MINUTE );
		if ( null !== $refused ) {
			return $refused;
		}
		$visitor_id = $this->signatures->verify_header( (string) $request->get_header( self::VISITOR_HEADER ) );

		return null === $visitor_id ? true : ( $this->limit( 'offline-visitor', $visitor_id, self::OFFLINE_LIMIT, 10 * self::MINUTE ) ?? true );
	}

	/**
	 * Stores an offline message and e-mails the team (once: a retry is
	 * answered from the stored message and sends nothing).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_offline_message( $request ) {
		$name  = (string) $request->get_param( 'name' );
		$email = trim( (string) $request->get_param( 'email' ) );
		$body  = (string) $request->get_param( 'body' );
		$sent  = $this->chat->offline( $this->visitor( $request ), (string) $request->get_param( 'client_id' ), $body, $name, $email );
		if ( ! $sent instanceof WP_Error && $sent['created'] ) {
			$this->mail->send( Rules::clean_name( $name ), $email, $body );
		}

		return $this->send_response( $sent, (string) $request->get_param( 'client_id' ) );
	}

	/**
	 * `chat/identity` needs a logged-in user (cookie + `X-WP-Nonce`: without
	 * the nonce core treats the request as anonymous, so another site cannot
	 * obtain it). Rate-limited per user.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function identity_permissions_check( $request ) {
		$refused = $this->refuse_when_disabled();
		if ( null !== $refused ) {
			return $refused;
		}
		if ( ! is_user_logged_in() ) {
			return ChatError::make( 'forbidden', __( 'Only logged-in users have an identity to verify.', 'livedesk' ), array( 'status' => 401 ) );
		}

		return $this->limit( 'identity-user', (string) get_current_user_id(), self::IDENTITY_LIMIT, self::MINUTE ) ?? true;
	}

	/**
	 * The logged-in user's `SignedIdentity` (`wp:<user id>`, one hour).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_identity( $request ) {
		return $this->private_response( $this->identities->for_user( wp_get_current_user(), time() ), 201 );
	}

	/**
	 * `chat/visitor` is public: it gives a visitor who has no signed visitor
	 * id yet (a first visit from a browser that cannot reach the sidecar,
	 * which normally hands them out) one, so the REST fallback can chat. A
	 * fresh id reaches no one's conversation but the one it may start, as
	 * an id the sidecar hands any connection does; nothing is stored. Each
	 * id can start a conversation, though, so it is rate-limited hard per
	 * IP. Refused while chat is off.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function new_visitor_permissions_check( $request ) {
		$ip = $this->request_ip( $request ) ?? '';

		return $this->refuse_when_disabled()
			?? $this->limit( 'chat-ip', $ip, self::IP_LIMIT, self::MINUTE )
			?? $this->limit( 'visitor-ip', $ip, self::VISITOR_ID_LIMIT, 10 * self::MINUTE )
			?? true;
	}

	/**
	 * A fresh signed visitor identity, `{ id, sig }`: the same as the
	 * sidecar's `session:ready` gives and the same signature scheme, so the
	 * widget stores it where the tracker reads it and both connect with it
	 * later. Never cached: each answer is a new id.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_visitor( $request ) {
		try {
			$visitor = $this->signatures->issue();
		} catch ( \RuntimeException ) {
			return new WP_Error( 'livedesk_no_secret', __( 'LiveDesk cannot sign a visitor id: the site has no valid secret. Deactivate and activate the plugin to create one.', 'livedesk' ), array( 'status' => 500 ) );
		}

		return $this->private_response( $visitor, 201 );
	}

	/**
	 * Who a visitor request comes from: the signed visitor id, a verified
	 * identity from the body (`identity`) or the identity header, and a
	 * playground token for that visitor id. Unsigned, wrongly signed or
	 * expired identities count as none.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	private function visitor( WP_REST_Request $request ): VisitorContext {
		$visitor_id = $this->signatures->verify_header( (string) $request->get_header( self::VISITOR_HEADER ) ) ?? '';
		$presented  = $request->get_param( 'identity' ) ?? self::decode_identity_header( (string) $request->get_header( self::IDENTITY_HEADER ) );
		$identity   = null === $presented ? array( 'verified' => false ) : $this->identities->verify( $presented, time() );
		$token      = (string) $request->get_header( self::PLAYGROUND_HEADER );

		return new VisitorContext(
			$visitor_id,
			$identity['verified'] ? $identity['identity'] : null,
			'' !== $visitor_id && '' !== $token && $this->signatures->verify_playground( $visitor_id, $token ),
			$this->request_ip( $request )
		);
	}

	/**
	 * The identity header's `SignedIdentity` (base64url or base64 of JSON),
	 * or null.
	 *
	 * @param string $header Header value.
	 * @return array<mixed>|null
	 */
	private static function decode_identity_header( string $header ): ?array {
		if ( '' === $header || strlen( $header ) > 4096 ) {
			return null;
		}
		$json    = base64_decode( strtr( $header, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the header is base64url JSON.
		$decoded = false === $json ? null : json_decode( $json, true );

		return is_array( $decoded ) ? $decoded : null;
	}

	/**
	 * The answer to a send: the stored message (201 new, 200 retry) or the
	 * refusal.
	 *
	 * @param array<string, mixed>|WP_Error $sent      What the visitor side answered.
	 * @param string                        $client_id Client message id.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param array{conversation: ConversationRow, message: MessageRow, created: bool}|WP_Error $sent
	 */
	private function send_response( $sent, string $client_id ) {
		if ( $sent instanceof WP_Error ) {
			return $sent;
		}
		$conversation = $sent['conversation'];

		return $this->private_response(
			array(
				'ok'           => true,
				'client_id'    => $client_id,
				'message'      => Format::message( $sent['message'], $conversation['public_id'], true ),
				'conversation' => Format::visitor_conversation( $conversation ),
			),
			$sent['created'] ? 201 : 200
		);
	}

	/**
	 * A response about one visitor: never stored by a cache.
	 *
	 * @param array<string, mixed> $data   Body.
	 * @param int                  $status HTTP status.
	 */
	private function private_response( array $data, int $status ): WP_REST_Response {
		$response = rest_ensure_response( $data );
		$response->set_status( $status );
		foreach ( wp_get_nocache_headers() as $name => $value ) {
			if ( is_string( $value ) ) {
				$response->header( $name, $value );
			}
		}

		return $response;
	}

	/**
	 * The `chat_disabled` refusal while chat is off, else null.
	 */
	private function refuse_when_disabled(): ?WP_Error {
		return $this->settings->chat_enabled() ? null : ChatError::make( 'chat_disabled', __( 'Chat is turned off on this site.', 'livedesk' ) );
	}

	/**
	 * Counts a request; the `rate_limited` refusal past the limit, else null.
	 *
	 * @param string $bucket  What is limited.
	 * @param string $subject Who is counted.
	 * @param int    $limit   Requests per window.
	 * @param int    $window  Window in seconds.
	 */
	private function limit( string $bucket, string $subject, int $limit, int $window ): ?WP_Error {
		if ( $this->limiter->allow( $bucket, $subject, $limit, $window ) ) {
			return null;
		}

		return ChatError::make( 'rate_limited', __( 'Too many requests. Please wait a moment and try again.', 'livedesk' ), array( 'retry_after' => $window ) );
	}

	/**
	 * The client's IP: the peer, or X-Forwarded-For from a trusted proxy.
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	private function request_ip( WP_REST_Request $request ): ?string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';

		return ClientIp::from_request( $remote, (string) $request->get_header( 'X-Forwarded-For' ), $this->settings->trusted_proxies() );
	}

	/**
	 * Arguments of the poll.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function poll_args(): array {
		return array(
			'after_id' => array(
				'description' => __( 'Only messages with a greater id (0 for all).', 'livedesk' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
		);
	}

	/**
	 * Arguments a visitor send may carry besides the message: the pre-chat
	 * answers and a signed identity.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function visitor_args(): array {
		return array(
			'profile'  => array(
				'description' => __( 'The pre-chat form\'s answers, used when this message starts the conversation.', 'livedesk' ),
				'type'        => 'object',
				'properties'  => ChatSchema::contact_args(),
			),
			'identity' => array(
				'description' => __( 'A signed identity (LiveDesk.identify() or chat/identity); ignored unless its signature verifies and it has not expired.', 'livedesk' ),
				'type'        => 'object',
			),
		);
	}

	/**
	 * Arguments of the offline form.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function offline_args(): array {
		$args                      = ChatSchema::send_args() + ChatSchema::contact_args() + $this->visitor_args();
		$args['email']['required'] = true;
		unset( $args['profile'] );

		return $args;
	}
}
