<?php
/**
 * REST resource: agent tokens for the sidecar.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Auth\AgentTokens;
use LiveDesk\Capabilities;
use LiveDesk\Settings;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `POST livedesk/v1/agent-token`: a short-lived signed token with which a
 * wp-admin screen connects to the sidecar's `/agent` namespace.
 *
 * Authentication is core's: a logged-in cookie plus the `X-WP-Nonce` header
 * (without the nonce, core treats the request as anonymous), so another site
 * cannot make a visitor's browser fetch a token.
 */
final class AgentTokenController extends WP_REST_Controller {

	/**
	 * Token minting.
	 *
	 * @var AgentTokens
	 */
	private AgentTokens $tokens;

	/**
	 * Settings storage, for the sidecar URL.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param AgentTokens $tokens   Token minting.
	 * @param Settings    $settings Settings storage.
	 */
	public function __construct( AgentTokens $tokens, Settings $settings ) {
		$this->namespace = Api::ROUTE_NAMESPACE;
		$this->rest_base = 'agent-token';
		$this->tokens    = $tokens;
		$this->settings  = $settings;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Api::ROUTE_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Whether the current user may get a token: anyone who may view LiveDesk.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_item_permissions_check( $request ) {
		return Api::require_capability( Capabilities::VIEW, __( 'Sorry, you are not allowed to connect to LiveDesk as an agent.', 'livedesk' ) );
	}

	/**
	 * Mints a token for the current user. The response is never cached: it
	 * is a credential.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_item( $request ) {
		try {
			$minted = $this->tokens->mint( get_current_user_id(), time() );
		} catch ( \RuntimeException ) {
			return new WP_Error(
				'livedesk_no_secret',
				__( 'LiveDesk cannot sign agent tokens: the site has no valid secret. Deactivate and activate the plugin to create one.', 'livedesk' ),
				array( 'status' => 500 )
			);
		}

		$expires  = $minted['payload']['exp'];
		$response = $this->prepare_item_for_response(
			array(
				'token'       => $minted['token'],
				'expires_at'  => gmdate( 'Y-m-d\TH:i:s\Z', $expires ),
				'expires_in'  => $expires - $minted['payload']['iat'],
				'sidecar_url' => $this->settings->effective_sidecar_url(),
			),
			$request
		);
		foreach ( wp_get_nocache_headers() as $name => $value ) {
			if ( is_string( $value ) ) {
				$response->header( $name, $value );
			}
		}

		return $response;
	}

	/**
	 * Shapes a minted token for a response.
	 *
	 * @param mixed           $item    Token fields.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data = is_array( $item ) ? $item : array();
		$data = $this->add_additional_fields_to_object( $data, $request );

		return rest_ensure_response( $data );
	}

	/**
	 * The token schema, built once.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}

		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-agent-token',
			'type'       => 'object',
			'properties' => array(
				'token'       => array(
					'description' => __( 'The signed token; pass it as auth.token when connecting to the sidecar\'s /agent namespace.', 'livedesk' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'expires_at'  => array(
					'description' => __( 'When the token expires (UTC, ISO 8601). Get a new one before then.', 'livedesk' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'expires_in'  => array(
					'description' => __( 'Seconds until the token expires, for clients whose clock is off.', 'livedesk' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'sidecar_url' => array(
					'description' => __( 'The sidecar URL to connect to.', 'livedesk' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
			),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}
}
