<?php
/**
 * REST resource: the plugin settings.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Secret;
use LiveDesk\Settings;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `livedesk/v1/settings`: read with livedesk_view, change with livedesk_manage.
 * The identity verification secret is in the answer only for livedesk_manage;
 * `POST livedesk/v1/settings/identity-secret` replaces it.
 */
final class SettingsController extends WP_REST_Controller {

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Identity verification secret.
	 *
	 * @var Secret
	 */
	private Secret $identity_secret;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings        Settings storage.
	 * @param Secret   $identity_secret Identity verification secret.
	 */
	public function __construct( Settings $settings, Secret $identity_secret ) {
		$this->namespace       = Api::ROUTE_NAMESPACE;
		$this->rest_base       = 'settings';
		$this->settings        = $settings;
		$this->identity_secret = $identity_secret;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			Api::ROUTE_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'context' => $this->get_context_param( array( 'default' => 'view' ) ),
					),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		register_rest_route(
			Api::ROUTE_NAMESPACE,
			'/' . $this->rest_base . '/identity-secret',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'regenerate_identity_secret' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Replaces the identity verification secret and returns every setting
	 * (with the new secret). Identities signed with the old one stop
	 * verifying at once.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function regenerate_identity_secret( $request ) {
		$this->identity_secret->regenerate();

		return $this->prepare_item_for_response( $this->settings->to_array(), $request );
	}

	/**
	 * Whether the current user may read the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_item_permissions_check( $request ) {
		return Api::require_capability( Capabilities::VIEW, __( 'Sorry, you are not allowed to view LiveDesk settings.', 'livedesk' ) );
	}

	/**
	 * Returns the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_item( $request ) {
		return $this->prepare_item_for_response( $this->settings->to_array(), $request );
	}

	/**
	 * Whether the current user may change the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function update_item_permissions_check( $request ) {
		return Api::require_capability( Capabilities::MANAGE, __( 'Sorry, you are not allowed to change LiveDesk settings.', 'livedesk' ) );
	}

	/**
	 * Changes the settings present in the request (a partial update) and
	 * returns all of them.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function update_item( $request ) {
		// The REST server validated every parameter against the schema before
		// calling this, so nothing is written unless all of them are valid.
		if ( $request->has_param( 'delete_data_on_uninstall' ) ) {
			$this->settings->set_delete_data_on_uninstall( (bool) $request->get_param( 'delete_data_on_uninstall' ) );
		}
		$url = $request->get_param( 'sidecar_url' );
		if ( is_string( $url ) ) {
			$this->settings->set_sidecar_url( $url );
		}
		if ( $request->has_param( 'tracking' ) ) {
			$this->settings->set_tracking( (bool) $request->get_param( 'tracking' ) );
		}
		if ( $request->has_param( 'consent_mode' ) ) {
			$this->settings->set_consent_mode( (bool) $request->get_param( 'consent_mode' ) );
		}
		$ip_mode = $request->get_param( 'ip_mode' );
		if ( is_string( $ip_mode ) ) {
			$this->settings->set_ip_mode( $ip_mode );
		}
		$cap = $request->get_param( 'visitor_cap' );
		if ( is_int( $cap ) ) {
			$this->settings->set_visitor_cap( $cap );
		}
		$proxies = $request->get_param( 'trusted_proxies' );
		if ( is_array( $proxies ) ) {
			$this->settings->set_trusted_proxies( $proxies );
		}
		$this->update_chat_settings( $request );

		return $this->prepare_item_for_response( $this->settings->to_array(), $request );
	}

	/**
	 * Changes the chat settings present in the request (already validated).
	 *
	 * @param WP_REST_Request $request Request.
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	private function update_chat_settings( WP_REST_Request $request ): void {
		foreach ( array(
			'chat_enabled'          => array( $this->settings, 'set_chat_enabled' ),
			'chat_require_verified' => array( $this->settings, 'set_chat_require_verified' ),
		) as $param => $setter ) {
			if ( $request->has_param( $param ) ) {
				$setter( (bool) $request->get_param( $param ) );
			}
		}
		foreach ( array(
			'chat_color'         => array( $this->settings, 'set_chat_color' ),
			'chat_position'      => array( $this->settings, 'set_chat_position' ),
			'chat_greeting'      => array( $this->settings, 'set_chat_greeting' ),
			'chat_email_capture' => array( $this->settings, 'set_chat_email_capture' ),
			'chat_offline_email' => array( $this->settings, 'set_chat_offline_email' ),
		) as $param => $setter ) {
			$value = $request->get_param( $param );
			if ( is_string( $value ) ) {
				$setter( $value );
			}
		}
	}

	/**
	 * Shapes the settings for a response. The identity secret is added for
	 * users who may manage LiveDesk, and only for them.
	 *
	 * @param mixed           $item    Settings, as returned by Settings::to_array().
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data = is_array( $item ) ? $item : array();
		if ( current_user_can( Capabilities::MANAGE ) ) {
			// Created on activation; a site that skipped it gets one now.
			$this->identity_secret->ensure();
			$data['identity_secret'] = $this->identity_secret->get();
		}
		$context = $request->get_param( 'context' );
		$data    = $this->add_additional_fields_to_object( $data, $request );
		$data    = $this->filter_response_by_context( $data, is_string( $context ) ? $context : 'view' );

		return rest_ensure_response( $data );
	}

	/**
	 * The settings schema, built once.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}

		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-settings',
			'type'       => 'object',
			'properties' => array(
				'delete_data_on_uninstall' => array(
					'description' => __( 'Remove all LiveDesk data (tables, settings, the agent role) when the plugin is deleted.', 'livedesk' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
				),
				'sidecar_url'              => array(
					'description' => __( 'URL of the LiveDesk sidecar; an empty string means the site\'s own origin.', 'livedesk' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'arg_options' => array(
						'validate_callback' => array( $this, 'validate_sidecar_url' ),
					),
				),
				'effective_sidecar_url'    => array(
					'description' => __( 'The sidecar URL clients connect to.', 'livedesk' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'tracking'                 => array(
					'description' => __( 'Whether visitors are tracked. Off: the tracker sends nothing and nothing new is stored.', 'livedesk' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
				),
				'consent_mode'             => array(
					'description' => __( 'Whether the tracker waits until the site reports the visitor\'s consent.', 'livedesk' ),
					'type'        => 'boolean',
					'context'     => array( 'view', 'edit' ),
				),
				'ip_mode'                  => array(
					'description' => __( 'How visitor IP addresses are stored: anonymised (last part zeroed), full, or none.', 'livedesk' ),
					'type'        => 'string',
					'enum'        => Settings::IP_MODES,
					'context'     => array( 'view', 'edit' ),
				),
				'visitor_cap'              => array(
					'description' => __( 'How many concurrent visitors are listed; visitors beyond it are only counted.', 'livedesk' ),
					'type'        => 'integer',
					'minimum'     => Settings::VISITOR_CAP_MIN,
					'maximum'     => Settings::VISITOR_CAP_MAX,
					'context'     => array( 'view', 'edit' ),
				),
				'trusted_proxies'          => array(
					'description' => __( 'Proxies whose X-Forwarded-For header is trusted: IP addresses or CIDR ranges (IPv4 or IPv6).', 'livedesk' ),
					'type'        => 'array',
					'items'       => array( 'type' => 'string' ),
					'maxItems'    => Settings::TRUSTED_PROXIES_MAX,
					'context'     => array( 'view', 'edit' ),
					'arg_options' => array(
						'validate_callback' => array( $this, 'validate_trusted_proxies' ),
					),
				),
			) + $this->chat_properties(),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The chat settings' schema properties (docs/chat.md).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function chat_properties(): array {
		return array(
			'chat_enabled'          => array(
				'description' => __( 'Whether the chat widget is offered to visitors.', 'livedesk' ),
				'type'        => 'boolean',
				'context'     => array( 'view', 'edit' ),
			),
			'chat_color'            => array(
				'description' => __( 'Accent colour of the chat widget, #rrggbb.', 'livedesk' ),
				'type'        => 'string',
				'pattern'     => '^#([0-9a-fA-F]{3}){1,2}$',
				'context'     => array( 'view', 'edit' ),
			),
			'chat_position'         => array(
				'description' => __( 'Corner of the page the chat launcher sits in.', 'livedesk' ),
				'type'        => 'string',
				'enum'        => Settings::CHAT_POSITIONS,
				'context'     => array( 'view', 'edit' ),
			),
			'chat_greeting'         => array(
				'description' => __( 'Greeting shown when a visitor opens the chat (plain text); empty for the default greeting.', 'livedesk' ),
				'type'        => 'string',
				'maxLength'   => Settings::GREETING_MAX,
				'context'     => array( 'view', 'edit' ),
			),
			'chat_email_capture'    => array(
				'description' => __( 'Whether the chat asks for a name and e-mail address before the first message: off, optional or required.', 'livedesk' ),
				'type'        => 'string',
				'enum'        => Settings::EMAIL_CAPTURE_MODES,
				'context'     => array( 'view', 'edit' ),
			),
			'chat_require_verified' => array(
				'description' => __( 'Whether the server refuses to start a chat without a verified identity.', 'livedesk' ),
				'type'        => 'boolean',
				'context'     => array( 'view', 'edit' ),
			),
			'chat_offline_email'    => array(
				'description' => __( 'Where messages left while no agent is online are e-mailed; send an empty string for the site\'s admin e-mail.', 'livedesk' ),
				'type'        => 'string',
				'context'     => array( 'view', 'edit' ),
				'arg_options' => array(
					'validate_callback' => array( $this, 'validate_offline_email' ),
				),
			),
			'identity_secret'       => array(
				'description' => __( 'Secret a site signs visitor identities with (HMAC-SHA256). Only users who may manage LiveDesk see it.', 'livedesk' ),
				'type'        => 'string',
				'pattern'     => '^[0-9a-f]{64}$',
				'context'     => array( 'view', 'edit' ),
				'readonly'    => true,
			),
		);
	}

	/**
	 * Validates `chat_offline_email`: '' or an e-mail address.
	 *
	 * @param mixed           $value   Value from the request.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function validate_offline_email( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		if ( is_string( $value ) && ( '' === trim( $value ) || is_email( trim( $value ) ) ) ) {
			return true;
		}

		return new WP_Error(
			'rest_invalid_param',
			__( 'The offline e-mail must be an e-mail address, or empty for the site\'s admin e-mail.', 'livedesk' ),
			array( 'status' => 400 )
		);
	}

	/**
	 * Validates `sidecar_url`: the schema type first, then "'' or http(s)".
	 *
	 * @param mixed           $value   Value from the request.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function validate_sidecar_url( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}

		if ( ! is_string( $value ) || ! Settings::is_valid_sidecar_url( $value ) ) {
			return $this->invalid_sidecar_url();
		}

		return true;
	}

	/**
	 * Validates `trusted_proxies`: the schema first (a list of strings), then
	 * each entry, naming the first one that is not an IP or CIDR range.
	 *
	 * @param mixed           $value   Value from the request.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function validate_trusted_proxies( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}

		// The schema also accepts "a, b" for a list (core's wp_parse_list()).
		$invalid = Settings::first_invalid_proxy( is_array( $value ) ? $value : wp_parse_list( is_string( $value ) ? $value : '' ) );
		if ( null === $invalid ) {
			return true;
		}

		// Keep a pasted novel out of the message.
		$shown = mb_strlen( $invalid ) > 60 ? mb_substr( $invalid, 0, 60 ) . '…' : $invalid;

		return new WP_Error(
			'rest_invalid_param',
			sprintf(
				/* translators: %s: the rejected entry. */
				__( '"%s" is not an IP address or CIDR range (for example 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32).', 'livedesk' ),
				$shown
			),
			array(
				'status' => 400,
				'entry'  => $invalid,
			)
		);
	}

	/**
	 * The error for a sidecar URL that is not '' or an http(s) URL.
	 */
	private function invalid_sidecar_url(): WP_Error {
		return new WP_Error(
			'rest_invalid_param',
			__( 'The sidecar URL must be empty or an http:// or https:// URL.', 'livedesk' ),
			array( 'status' => 400 )
		);
	}
}
