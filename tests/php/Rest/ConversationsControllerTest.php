<?php
/**
 * Tests for LiveDesk\Rest\ConversationsController.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Chat\ChatService;
use LiveDesk\Chat\Format;
use LiveDesk\Rest\ChatSchema;
use LiveDesk\Rest\ConversationsController;
use LiveDesk\Tests\ChatFixtures;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;

/**
 * `livedesk/v1/conversations` and its sub-routes through the real REST
 * server and database.
 */
#[CoversClass( ConversationsController::class )]
#[CoversClass( ChatService::class )]
#[CoversClass( ChatSchema::class )]
#[CoversClass( Format::class )]
final class ConversationsControllerTest extends TestCase {

	use ChatFixtures;
	use ChatRequests;

	private const ROUTE = '/livedesk/v1/conversations';

	/** A name that must stay text everywhere. */
	private const HOSTILE = '"><svg onload=alert(1)>';

	/**
	 * Empty chat tables; an agent logged in.
	 */
	protected function set_up(): void {
		$this->empty_chat_tables();
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
	}

	/**
	 * Every route of docs/chat.md's agent table exists with its methods.
	 */
	public function test_routes_are_registered(): void {
		$routes = rest_get_server()->get_routes( 'livedesk/v1' );
		$item   = self::ROUTE . '/(?P<id>[0-9a-f]{32})';
		$want   = array(
			self::ROUTE               => array( 'GET', 'POST' ),
			$item                     => array( 'GET' ),
			$item . '/messages'       => array( 'GET', 'POST' ),
			$item . '/archive'        => array( 'POST' ),
			$item . '/assign'         => array( 'POST' ),
			$item . '/read'           => array( 'POST' ),
			'/livedesk/v1/playground' => array( 'POST' ),
		);
		foreach ( $want as $route => $expected ) {
			self::assertArrayHasKey( $route, $routes );
			$methods = array();
			foreach ( $routes[ $route ] as $endpoint ) {
				$methods = array_merge( $methods, array_keys( $endpoint['methods'] ) );
			}
			sort( $methods );
			self::assertSame( $expected, $methods, $route );
		}
	}

	/**
	 * The API starts a conversation: 201, source api, the first message as
	 * the customer's; a retry with the same client id answers 200 with the
	 * same conversation and message, and stores nothing more.
	 */
	public function test_post_conversation_is_created_once(): void {
		$body = array(
			'name'      => self::HOSTILE,
			'email'     => 'ada@example.org',
			'body'      => 'Hello <b>there</b>',
			'client_id' => 'api-client-0001',
		);

		$first  = $this->dispatch( $this->json( 'POST', self::ROUTE, $body ) );
		$second = $this->dispatch( $this->json( 'POST', self::ROUTE, $body ) );
		$third  = $this->dispatch( $this->json( 'POST', self::ROUTE, $body ) );

		self::assertSame( 201, $first->get_status() );
		self::assertSame( 200, $second->get_status() );
		self::assertSame( 200, $third->get_status() );
		$data = $this->data( $first );
		self::assertSame( $data['message'], $this->data( $second )['message'] );
		self::assertSame( $data['conversation']['id'], $this->data( $third )['conversation']['id'] );
		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );

		$conversation = $data['conversation'];
		self::assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $conversation['id'] );
		self::assertSame( 'api', $conversation['source'] );
		self::assertSame( 'open', $conversation['status'] );
		self::assertSame( '', $conversation['visitor_id'] );
		self::assertSame( self::HOSTILE, $conversation['name'], 'Stored and returned as text, unchanged.' );
		self::assertSame( 'ada@example.org', $conversation['email'] );
		self::assertSame( 1, $conversation['unread_count'] );
		self::assertSame( 'visitor', $data['message']['author'] );
		self::assertSame( 'Hello <b>there</b>', $data['message']['body'] );
		self::assertSame( 'api-client-0001', $data['message']['client_id'] );
		self::assertSame( $conversation['id'], $data['message']['conversation_id'] );
		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/', $data['message']['created_at'] );
		self::assertSame( rest_url( 'livedesk/v1/conversations/' . $conversation['id'] ), $first->get_headers()['Location'] );
		self::assertArrayNotHasKey( 'Location', $second->get_headers(), 'A 200 with a Location header would go out as a 302.' );
	}

	/**
	 * Starting and replying need livedesk_chat: a view-only user and a
	 * logged-out request are refused and nothing is stored.
	 */
	public function test_writing_requires_the_chat_capability(): void {
		$id = $this->start();
		$this->log_in_viewer();

		foreach ( array(
			$this->json( 'POST', self::ROUTE, $this->send( 'viewer-000001' ) ),
			$this->json( 'POST', self::ROUTE . "/{$id}/messages", $this->send( 'viewer-000002' ) ),
			$this->json( 'POST', self::ROUTE . "/{$id}/archive" ),
			$this->json( 'POST', self::ROUTE . "/{$id}/assign", array( 'assignee' => 'me' ) ),
		) as $request ) {
			$this->assert_error( 403, 'rest_forbidden', $this->dispatch( $request ) );
		}
		wp_set_current_user( 0 );
		$this->assert_error( 401, 'rest_forbidden', $this->dispatch( $this->json( 'POST', self::ROUTE, $this->send( 'anon-0000001' ) ) ) );

		self::assertSame( 1, $this->count_rows( 'conversations' ) );
		self::assertSame( 1, $this->count_rows( 'messages' ) );
		$row = $this->conversations()->find( $id );
		self::assertNotNull( $row );
		self::assertSame( 'open', $row['status'] );
		self::assertNull( $row['assigned_agent_id'] );
	}

	/**
	 * Who may read conversations and messages.
	 *
	 * @param string|null $role   Role; null for logged out; 'viewer' for view only.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'readers' )]
	public function test_reading_requires_the_view_capability( ?string $role, int $status ): void {
		$id = $this->start();
		if ( 'viewer' === $role ) {
			$this->log_in_viewer();
		} else {
			wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );
		}

		foreach ( array( self::ROUTE, self::ROUTE . "/{$id}", self::ROUTE . "/{$id}/messages" ) as $route ) {
			$response = $this->dispatch( new WP_REST_Request( 'GET', $route ) );
			self::assertSame( $status, $response->get_status(), $route );
		}
	}

	/**
	 * Read access cases.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public static function readers(): array {
		return array(
			'administrator' => array( 'administrator', 200 ),
			'agent'         => array( Capabilities::AGENT_ROLE, 200 ),
			'view only'     => array( 'viewer', 200 ),
			'subscriber'    => array( 'subscriber', 403 ),
			'anonymous'     => array( null, 401 ),
		);
	}

	/**
	 * Refused bodies: clear codes and messages, nothing stored.
	 *
	 * @param array<string, mixed> $body   Request body.
	 * @param string               $code   Expected code.
	 * @param string               $reason Expected `data.reason` or field ('' for none).
	 */
	#[DataProvider( 'invalid_starts' )]
	public function test_invalid_starts_are_refused( array $body, string $code, string $reason ): void {
		$response = $this->dispatch( $this->json( 'POST', self::ROUTE, $body ) );

		$this->assert_error( 400, $code, $response );
		$data = $this->data( $response );
		self::assertNotEmpty( $data['message'] );
		if ( '' !== $reason ) {
			self::assertContains( $reason, array( $data['data']['reason'] ?? '', $data['data']['field'] ?? '' ) );
		}
		self::assertSame( 0, $this->count_rows( 'conversations' ) );
	}

	/**
	 * Invalid starts.
	 *
	 * @return array<string, array{array<string, mixed>, string, string}>
	 */
	public static function invalid_starts(): array {
		return array(
			'no body'           => array( array( 'client_id' => 'client-00001' ), 'rest_missing_callback_param', '' ),
			'no client id'      => array( array( 'body' => 'hi' ), 'rest_missing_callback_param', '' ),
			'short client id'   => array(
				array(
					'body'      => 'hi',
					'client_id' => 'short',
				),
				'rest_invalid_param',
				'',
			),
			'client id symbols' => array(
				array(
					'body'      => 'hi',
					'client_id' => 'client id with spaces',
				),
				'rest_invalid_param',
				'',
			),
			'blank body'        => array(
				array(
					'body'      => " \n\t ",
					'client_id' => 'client-00002',
				),
				'invalid_payload',
				'empty',
			),
			'too long'          => array(
				array(
					'body'      => str_repeat( '🎉', 2001 ),
					'client_id' => 'client-00003',
				),
				'invalid_payload',
				'too_long',
			),
			'bad email'         => array(
				array(
					'body'      => 'hi',
					'email'     => 'not an address',
					'client_id' => 'client-00004',
				),
				'invalid_payload',
				'email',
			),
		);
	}

	/**
	 * MESSAGE_MAX counts UTF-16 code units like the sidecar: 4,000 ASCII
	 * characters or 2,000 emoji fit.
	 */
	public function test_longest_message_fits(): void {
		self::assertSame( 201, $this->dispatch( $this->json( 'POST', self::ROUTE, $this->send( 'client-00005', str_repeat( 'a', 4000 ) ) ) )->get_status() );
		self::assertSame( 201, $this->dispatch( $this->json( 'POST', self::ROUTE, $this->send( 'client-00006', str_repeat( '🎉', 2000 ) ) ) )->get_status() );
	}

	/**
	 * The list: open by default, newest activity first, searchable, paged
	 * with totals; every item in the Conversation shape.
	 */
	public function test_list_conversations(): void {
		$older = $this->start( 'client-list-1', 'Ada', 'First question' );
		$newer = $this->start( 'client-list-2', 'Grace', 'Second question' );
		$done  = $this->start( 'client-list-3', 'Linus', 'Done' );
		$this->dispatch( $this->json( 'POST', self::ROUTE . "/{$done}/archive" ) );
		// The same millisecond is possible: make the order explicit.
		$older_row = $this->conversations()->find( $older );
		self::assertNotNull( $older_row );
		$this->conversations()->touch_message( $older_row['id'], '2000-01-01 00:00:00.000' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) );
		self::assertSame( array( $newer, $older ), array_column( $this->data( $response ), 'id' ) );
		self::assertSame( '2', $response->get_headers()['X-WP-Total'] );
		self::assertSame( '1', $response->get_headers()['X-WP-TotalPages'] );

		$archived = new WP_REST_Request( 'GET', self::ROUTE );
		$archived->set_param( 'status', 'archived' );
		self::assertSame( array( $done ), array_column( $this->data( $this->dispatch( $archived ) ), 'id' ) );

		$search = new WP_REST_Request( 'GET', self::ROUTE );
		$search->set_param( 'search', 'second' );
		self::assertSame( array( $newer ), array_column( $this->data( $this->dispatch( $search ) ), 'id' ) );

		$paged = new WP_REST_Request( 'GET', self::ROUTE );
		$paged->set_param( 'per_page', 1 );
		$paged->set_param( 'page', 2 );
		$page_two = $this->dispatch( $paged );
		self::assertSame( array( $older ), array_column( $this->data( $page_two ), 'id' ) );
		self::assertSame( '2', $page_two->get_headers()['X-WP-TotalPages'] );

		$paged->set_param( 'page', 3 );
		$this->assert_error( 400, 'rest_invalid_page_number', $this->dispatch( $paged ) );
	}

	/**
	 * One conversation has every field of the protocol's Conversation.
	 */
	public function test_get_conversation_shape(): void {
		$id   = $this->start();
		$data = $this->data( $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . "/{$id}" ) ) );

		self::assertSame(
			array( 'id', 'status', 'source', 'visitor_id', 'name', 'email', 'identity_id', 'verified', 'custom_data', 'assigned_agent_id', 'assigned_agent_name', 'created_at', 'updated_at', 'last_message_at', 'archived_at', 'last_message', 'unread_count', 'visitor' ),
			array_keys( $data )
		);
		self::assertSame( '{}', wp_json_encode( $data['custom_data'] ), 'An object in JSON, even when empty.' );
		self::assertSame( array( 'id', 'author', 'body', 'created_at' ), array_keys( $data['last_message'] ) );
		self::assertSame( array( 'ip', 'country', 'region', 'city', 'timezone', 'browser', 'os', 'device', 'language', 'pages', 'last_seen' ), array_keys( $data['visitor'] ) );
		self::assertFalse( $data['verified'] );
		self::assertNull( $data['archived_at'] );
	}

	/**
	 * An id that names no conversation is a 404 on every route.
	 */
	public function test_unknown_conversation_is_not_found(): void {
		$id = str_repeat( 'f', 32 );
		foreach ( array(
			new WP_REST_Request( 'GET', self::ROUTE . "/{$id}" ),
			new WP_REST_Request( 'GET', self::ROUTE . "/{$id}/messages" ),
			$this->json( 'POST', self::ROUTE . "/{$id}/messages", $this->send( 'client-404-1' ) ),
			$this->json( 'POST', self::ROUTE . "/{$id}/archive" ),
			$this->json( 'POST', self::ROUTE . "/{$id}/assign", array( 'assignee' => 'me' ) ),
			$this->json( 'POST', self::ROUTE . "/{$id}/read", array( 'up_to_id' => 1 ) ),
		) as $request ) {
			$this->assert_error( 404, 'not_found', $this->dispatch( $request ) );
		}
		$this->assert_error( 404, 'rest_no_route', $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/1' ) ) );
	}

	/**
	 * An agent's reply: 201 with the agent's id and name; a retry is 200
	 * with the same message; messages page after an id.
	 */
	public function test_agent_reply_and_catch_up(): void {
		$id    = $this->start();
		$agent = wp_get_current_user();
		$route = self::ROUTE . "/{$id}/messages";

		$first = $this->dispatch( $this->json( 'POST', $route, $this->send( 'reply-000001', 'How can I help?' ) ) );
		$again = $this->dispatch( $this->json( 'POST', $route, $this->send( 'reply-000001', 'How can I help?' ) ) );

		self::assertSame( 201, $first->get_status() );
		self::assertSame( 200, $again->get_status() );
		$message = $this->data( $first );
		self::assertSame( $message, $this->data( $again ) );
		self::assertSame( 'agent', $message['author'] );
		self::assertSame( $agent->ID, $message['agent_id'] );
		self::assertSame( $agent->display_name, $message['agent_name'] );

		$this->dispatch( $this->json( 'POST', $route, $this->send( 'reply-000002', 'Second' ) ) );
		$all = $this->dispatch( new WP_REST_Request( 'GET', $route ) );
		self::assertSame( array( 'Hello', 'How can I help?', 'Second' ), array_column( $this->data( $all ), 'body' ) );
		self::assertSame( '0', $all->get_headers()['X-LiveDesk-More'] );

		$page = new WP_REST_Request( 'GET', $route );
		$page->set_param( 'limit', 1 );
		$page->set_param( 'after_id', $this->data( $all )[0]['id'] );
		$one = $this->dispatch( $page );
		self::assertSame( array( 'How can I help?' ), array_column( $this->data( $one ), 'body' ) );
		self::assertSame( '1', $one->get_headers()['X-LiveDesk-More'] );
	}

	/**
	 * Archive: status, time, a system message, the open key freed; a second
	 * archive changes nothing; new replies are refused, a retry of a stored
	 * one still gets its answer.
	 */
	public function test_archive(): void {
		$id    = $this->start();
		$route = self::ROUTE . "/{$id}";
		$this->dispatch( $this->json( 'POST', "{$route}/messages", $this->send( 'reply-000010', 'Bye' ) ) );

		$archived = $this->dispatch( $this->json( 'POST', "{$route}/archive" ) );
		$again    = $this->dispatch( $this->json( 'POST', "{$route}/archive" ) );

		self::assertSame( 200, $archived->get_status() );
		$data = $this->data( $archived );
		self::assertSame( 'archived', $data['status'] );
		self::assertNotNull( $data['archived_at'] );
		self::assertSame( 'system', $data['last_message']['author'] );
		self::assertSame( $data['archived_at'], $this->data( $again )['archived_at'] );
		$row = $this->conversations()->find( $id );
		self::assertNotNull( $row );
		self::assertNull( $row['open_key'] );
		self::assertSame( 3, $this->count_rows( 'messages' ), 'One system message, however often archived.' );

		$this->assert_error( 409, 'archived', $this->dispatch( $this->json( 'POST', "{$route}/messages", $this->send( 'reply-000011', 'Late' ) ) ) );
		self::assertSame( 200, $this->dispatch( $this->json( 'POST', "{$route}/messages", $this->send( 'reply-000010', 'Bye' ) ) )->get_status() );
	}

	/**
	 * Assign to me, then to nobody; a request that says nothing is refused.
	 */
	public function test_assign(): void {
		$id    = $this->start();
		$route = self::ROUTE . "/{$id}/assign";

		$mine = $this->data( $this->dispatch( $this->json( 'POST', $route, array( 'assignee' => 'me' ) ) ) );
		self::assertSame( get_current_user_id(), $mine['assigned_agent_id'] );
		self::assertSame( wp_get_current_user()->display_name, $mine['assigned_agent_name'] );

		$nobody = $this->data( $this->dispatch( $this->json( 'POST', $route, array( 'assignee' => null ) ) ) );
		self::assertNull( $nobody['assigned_agent_id'] );
		self::assertSame( '', $nobody['assigned_agent_name'] );

		$this->assert_error( 400, 'invalid_payload', $this->dispatch( $this->json( 'POST', $route ) ) );
		$this->assert_error( 400, 'rest_invalid_param', $this->dispatch( $this->json( 'POST', $route, array( 'assignee' => 12 ) ) ) );
	}

	/**
	 * Reading the visitor's messages clears the unread count; a view-only
	 * user may do it.
	 */
	public function test_read_clears_unread(): void {
		$id       = $this->start();
		$messages = $this->data( $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . "/{$id}/messages" ) ) );
		$this->log_in_viewer();

		$response = $this->dispatch( $this->json( 'POST', self::ROUTE . "/{$id}/read", array( 'up_to_id' => $messages[0]['id'] ) ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( 0, $this->data( $response )['unread_count'] );
		$after = $this->data( $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . "/{$id}/messages" ) ) );
		self::assertNotNull( $after[0]['read_at'] );
	}

	/**
	 * An API client authenticates with a WordPress application password
	 * (HTTP Basic): an agent's password may start a conversation, a
	 * subscriber's may not.
	 */
	public function test_application_password_authenticates_the_api(): void {
		$agent      = $this->create_user( Capabilities::AGENT_ROLE );
		$subscriber = $this->create_user( 'subscriber' );
		add_filter( 'application_password_is_api_request', '__return_true' );
		try {
			self::assertSame( 201, $this->dispatch_as_application( $agent, 'app-client-01' )->get_status() );
			$this->assert_error( 403, 'rest_forbidden', $this->dispatch_as_application( $subscriber, 'app-client-02' ) );
		} finally {
			remove_filter( 'application_password_is_api_request', '__return_true' );
			unset( $_SERVER['PHP_AUTH_USER'], $_SERVER['PHP_AUTH_PW'] );
		}
		$row = $this->conversations()->page( 'open', '', 10, 0 );
		self::assertCount( 1, $row );
		self::assertSame( 'api', $row[0]['source'] );
	}

	/**
	 * Sends POST conversations authenticated only by an application
	 * password, the way core authenticates a Basic-auth REST request.
	 *
	 * @param int    $user_id   User whose password is used.
	 * @param string $client_id Client id of the message.
	 */
	private function dispatch_as_application( int $user_id, string $client_id ): \WP_REST_Response {
		$created = \WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'LiveDesk test' ) );
		self::assertIsArray( $created );
		$user = get_userdata( $user_id );
		self::assertInstanceOf( \WP_User::class, $user );

		wp_set_current_user( 0 );
		$GLOBALS['current_user']  = null; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- makes core determine the user from the request again.
		$_SERVER['PHP_AUTH_USER'] = $user->user_login;
		$_SERVER['PHP_AUTH_PW']   = $created[0];
		self::assertSame( $user_id, get_current_user_id(), 'Core resolves the user from the application password.' );

		return $this->dispatch( $this->json( 'POST', self::ROUTE, $this->send( $client_id ) ) );
	}

	/**
	 * A send body.
	 *
	 * @param string $client_id Client id.
	 * @param string $body      Message.
	 * @return array<string, string>
	 */
	private function send( string $client_id, string $body = 'Hello' ): array {
		return array(
			'client_id' => $client_id,
			'body'      => $body,
		);
	}

	/**
	 * Starts a conversation through the API and returns its public id.
	 *
	 * @param string $client_id Client id.
	 * @param string $name      Customer name.
	 * @param string $body      First message.
	 */
	private function start( string $client_id = 'client-start-1', string $name = 'Ada', string $body = 'Hello' ): string {
		$response = $this->dispatch( $this->json( 'POST', self::ROUTE, $this->send( $client_id, $body ) + array( 'name' => $name ) ) );
		self::assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );

		return (string) $this->data( $response )['conversation']['id'];
	}
}
