<?php
/**
 * REST resource: playground identities.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Chat\VisitorSignatures;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `POST livedesk/v1/playground`: a fresh visitor identity and a playground
 * token, with which the Live Chat screen opens a test chat as if it were a
 * visitor (source `playground`, never listed on the map). Needs
 * livedesk_chat.
 */
final class PlaygroundController extends WP_REST_Controller {

	/**
	 * Visitor id and playground token signing.
	 *
	 * @var VisitorSignatures
	 */
	private VisitorSignatures $signatures;

	/**
	 * Constructor.
	 *
	 * @param VisitorSignatures $signatures Visitor id and playground token signing.
	 */
	public function __construct( VisitorSignatures $signatures ) {
		$this->namespace  = Api::ROUTE_NAMESPACE;
		$this->rest_base  = 'playground';
		$this->signatures = $signatures;
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
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Whether the current user may open a test chat: livedesk_chat.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_item_permissions_check( $request ) {
		return Api::require_capability( Capabilities::CHAT, __( 'Sorry, you are not allowed to open a test chat.', 'livedesk' ) );
	}

	/**
	 * A new playground identity: `{ visitor: { id, sig }, playground }`.
	 * Never cached: it is a credential.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function create_item( $request ) {
		try {
			$visitor = $this->signatures->issue();
			$token   = $this->signatures->playground_token( $visitor['id'] );
		} catch ( \RuntimeException ) {
			return new WP_Error(
				'livedesk_no_secret',
				__( 'LiveDesk cannot sign a test chat: the site has no valid secret. Deactivate and activate the plugin to create one.', 'livedesk' ),
				array( 'status' => 500 )
			);
		}

		$response = rest_ensure_response(
			array(
				'visitor'    => $visitor,
				'playground' => $token,
			)
		);
		$response->set_status( 201 );
		foreach ( wp_get_nocache_headers() as $name => $value ) {
			if ( is_string( $value ) ) {
				$response->header( $name, $value );
			}
		}

		return $response;
	}

	/**
	 * The schema, built once.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-playground',
			'type'       => 'object',
			'properties' => array(
				'visitor'    => array(
					'description' => __( 'A fresh visitor identity: pass id and sig in the handshake auth of a /visitor chat connection.', 'livedesk' ),
					'type'        => 'object',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'properties'  => array(
						'id'  => array(
							'description' => __( 'Visitor id: 32 lowercase hex characters.', 'livedesk' ),
							'type'        => 'string',
						),
						'sig' => array(
							'description' => __( 'Its signature (base64url).', 'livedesk' ),
							'type'        => 'string',
						),
					),
				),
				'playground' => array(
					'description' => __( 'Playground token for that visitor id: pass it as auth.playground.', 'livedesk' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
			),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}
}
