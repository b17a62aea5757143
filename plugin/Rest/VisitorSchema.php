<?php
/**
 * JSON schema of a stored visitor.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

/**
 * The properties of `livedesk/v1/visitors` items. Every property is
 * read-only: the sidecar writes visitors, the REST API only reads them.
 */
final class VisitorSchema {

	/**
	 * The schema's properties, each with a description, type and context.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$text = static function ( string $description ): array {
			return self::property( $description, 'string' );
		};

		return array(
			'id'               => self::property( __( 'The visitor\'s id: 32 lowercase hex characters, kept in the visitor\'s browser.', 'livedesk' ), 'string' ) + array( 'pattern' => '^[0-9a-f]{32}$' ),
			'first_seen'       => self::property( __( 'When the visitor was first seen (UTC, ISO 8601).', 'livedesk' ), 'string' ) + array( 'format' => 'date-time' ),
			'last_seen'        => self::property( __( 'When the visitor was last seen (UTC, ISO 8601).', 'livedesk' ), 'string' ) + array( 'format' => 'date-time' ),
			'visit_count'      => self::property( __( 'How many visits the visitor made.', 'livedesk' ), 'integer' ),
			'country'          => $text( __( 'Country (ISO 3166-1 alpha-2) from the IP address; empty when unknown.', 'livedesk' ) ),
			'region'           => $text( __( 'Region from the IP address; empty when unknown.', 'livedesk' ) ),
			'city'             => $text( __( 'City from the IP address; empty when unknown.', 'livedesk' ) ),
			'latitude'         => self::property( __( 'Approximate latitude from the IP address; null when unknown.', 'livedesk' ), array( 'number', 'null' ) ),
			'longitude'        => self::property( __( 'Approximate longitude from the IP address; null when unknown.', 'livedesk' ), array( 'number', 'null' ) ),
			'timezone'         => $text( __( 'Time zone (IANA) from the IP address; empty when unknown.', 'livedesk' ) ),
			'browser_timezone' => $text( __( 'Time zone (IANA) the visitor\'s browser reported.', 'livedesk' ) ),
			'language'         => $text( __( 'Language (BCP 47) the visitor\'s browser reported.', 'livedesk' ) ),
			'referrer'         => $text( __( 'The page that first sent the visitor here, without query string or fragment.', 'livedesk' ) ),
			'browser'          => $text( __( 'Browser family, from the user agent.', 'livedesk' ) ),
			'os'               => $text( __( 'Operating system, from the user agent.', 'livedesk' ) ),
			'device'           => $text( __( 'Device type, from the user agent.', 'livedesk' ) ),
			'ip'               => $text( __( 'IP address as stored under the IP setting: full, anonymised, or empty.', 'livedesk' ) ),
			'pages'            => self::property( __( 'The visitor\'s latest page views, newest first (single-visitor responses only).', 'livedesk' ), 'array' ) + array(
				'items' => array(
					'type'       => 'object',
					'properties' => array(
						'path'      => $text( __( 'Path of the page, without query string or fragment.', 'livedesk' ) ),
						'title'     => $text( __( 'Title of the page, as the visitor\'s browser reported it.', 'livedesk' ) ),
						'viewed_at' => self::property( __( 'When the page was viewed (UTC, ISO 8601).', 'livedesk' ), 'string' ) + array( 'format' => 'date-time' ),
					),
				),
			),
		);
	}

	/**
	 * One read-only property.
	 *
	 * @param string              $description What it is.
	 * @param string|list<string> $type        JSON type(s).
	 * @return array<string, mixed>
	 */
	private static function property( string $description, $type ): array {
		return array(
			'description' => $description,
			'type'        => $type,
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
	}
}
