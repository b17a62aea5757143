<?php
/**
 * Facts about LiveDesk's REST API shared by its controllers and the admin.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

/**
 * The REST API's namespace, defined once.
 */
final class Api {

	/** Namespace of every LiveDesk route. */
	public const ROUTE_NAMESPACE = 'livedesk/v1';

	/**
	 * The answer of a permission_callback that needs one capability: true,
	 * or a `rest_forbidden` error (401 when logged out, 403 otherwise).
	 *
	 * @param string $capability Capability the current user must have.
	 * @param string $message    Translated sentence for those without it.
	 * @return true|\WP_Error
	 */
	public static function require_capability( string $capability, string $message ) {
		if ( current_user_can( $capability ) ) {
			return true;
		}

		return new \WP_Error( 'rest_forbidden', $message, array( 'status' => rest_authorization_required_code() ) );
	}
}
