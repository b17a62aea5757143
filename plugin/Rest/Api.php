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
}
