<?php
/**
 * REST resource: stored visitors.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Database\VisitorsRepository;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `livedesk/v1/visitors` and `livedesk/v1/visitors/<id>`: visitor history as
 * the sidecar stored it, for users with livedesk_view.
 *
 * Everything here is visitor-supplied text (titles, referrers) or derived
 * from it; it is returned as plain JSON strings, and escaped by whoever
 * renders it.
 *
 * @phpstan-import-type VisitorRow from VisitorsRepository
 */
final class VisitorsController extends WP_REST_Controller {

	/** How many of a visitor's latest page views the item route returns. */
	public const PAGES_SHOWN = 10;

	/** Largest page size of the collection. */
	private const PER_PAGE_MAX = 100;

	/** A visitor id: the 128-bit visitor key in lowercase hex. */
	private const ID_PATTERN = '[0-9a-f]{32}';

	/**
	 * Visitors table.
	 *
	 * @var VisitorsRepository
	 */
	private VisitorsRepository $visitors;

	/**
	 * Page views table.
	 *
	 * @var PageViewsRepository
	 */
	private PageViewsRepository $page_views;

	/**
	 * Constructor.
	 *
	 * @param VisitorsRepository  $visitors   Visitors table.
	 * @param PageViewsRepository $page_views Page views table.
	 */
	public function __construct( VisitorsRepository $visitors, PageViewsRepository $page_views ) {
		$this->namespace  = Api::ROUTE_NAMESPACE;
		$this->rest_base  = 'visitors';
		$this->visitors   = $visitors;
		$this->page_views = $page_views;
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
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);

		register_rest_route(
			Api::ROUTE_NAMESPACE,
			'/' . $this->rest_base . '/(?P<id>' . self::ID_PATTERN . ')',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The visitor\'s id.', 'livedesk' ),
						'type'        => 'string',
						'pattern'     => '^' . self::ID_PATTERN . '$',
					),
				),
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'context' => $this->get_context_param( array( 'default' => 'view' ) ),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Whether the current user may list visitors.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_items_permissions_check( $request ) {
		return $this->can_view();
	}

	/**
	 * Whether the current user may see a visitor.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_item_permissions_check( $request ) {
		return $this->can_view();
	}

	/**
	 * A page of visitors, the most recently seen first, with the totals in
	 * `X-WP-Total` / `X-WP-TotalPages` and prev / next `Link` headers.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_items( $request ) {
		$per_page = max( 1, min( self::PER_PAGE_MAX, (int) $request->get_param( 'per_page' ) ) );
		$page     = max( 1, (int) $request->get_param( 'page' ) );
		$total    = $this->visitors->count();
		$pages    = (int) ceil( $total / $per_page );

		if ( $page > $pages && $total > 0 ) {
			return new WP_Error(
				'rest_invalid_page_number',
				__( 'The page number requested is larger than the number of pages available.', 'livedesk' ),
				array( 'status' => 400 )
			);
		}

		$items = array();
		foreach ( $this->visitors->newest_first( $per_page, ( $page - 1 ) * $per_page ) as $row ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $row, $request ) );
		}

		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) $pages );
		$this->add_page_links( $response, $request, $page, $pages );

		return $response;
	}

	/**
	 * One visitor's profile and latest page views (`pages`, newest first).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function get_item( $request ) {
		$id  = (string) $request->get_param( 'id' );
		$row = $this->visitors->find( $id );
		if ( null === $row ) {
			return new WP_Error(
				'livedesk_visitor_not_found',
				__( 'No visitor with this id is stored. It may have been erased or removed by the retention clean-up.', 'livedesk' ),
				array( 'status' => 404 )
			);
		}

		$response = $this->prepare_item_for_response( $row, $request );
		$data     = (array) $response->get_data();
		$pages    = array();
		foreach ( $this->page_views->latest_for_visitor( $id, self::PAGES_SHOWN ) as $view ) {
			$pages[] = array(
				'path'      => $view['path'],
				'title'     => $view['title'],
				'viewed_at' => self::iso8601( $view['viewed_at'] ),
			);
		}
		$data['pages'] = $pages;
		$response->set_data( $data );

		return $response;
	}

	/**
	 * Shapes a visitor row for a response.
	 *
	 * @param mixed           $item    A visitor row.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 *
	 * @phpstan-param VisitorRow $item
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	public function prepare_item_for_response( $item, $request ) {
		$data     = array(
			'id'               => $item['visitor_key'],
			'first_seen'       => self::iso8601( $item['first_seen'] ),
			'last_seen'        => self::iso8601( $item['last_seen'] ),
			'visit_count'      => (int) $item['visit_count'],
			'country'          => $item['country'],
			'region'           => $item['region'],
			'city'             => $item['city'],
			'latitude'         => null === $item['latitude'] ? null : (float) $item['latitude'],
			'longitude'        => null === $item['longitude'] ? null : (float) $item['longitude'],
			'timezone'         => $item['timezone'],
			'browser_timezone' => $item['browser_timezone'],
			'language'         => $item['language'],
			'referrer'         => $item['referrer'],
			'browser'          => $item['browser'],
			'os'               => $item['os'],
			'device'           => $item['device'],
			'ip'               => $item['ip'],
		);
		$context  = $request->get_param( 'context' );
		$data     = $this->add_additional_fields_to_object( $data, $request );
		$data     = $this->filter_response_by_context( $data, is_string( $context ) ? $context : 'view' );
		$response = rest_ensure_response( $data );
		$response->add_links(
			array(
				'self'       => array( 'href' => rest_url( $this->namespace . '/' . $this->rest_base . '/' . $item['visitor_key'] ) ),
				'collection' => array( 'href' => rest_url( $this->namespace . '/' . $this->rest_base ) ),
			)
		);

		return $response;
	}

	/**
	 * The collection's query parameters: context, page and per_page.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		$params = parent::get_collection_params();
		// Nothing to search in: visitors have no name yet.
		unset( $params['search'] );
		$params['per_page']['maximum'] = self::PER_PAGE_MAX;

		return $params;
	}

	/**
	 * The visitor schema, built once.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}

		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'livedesk-visitor',
			'type'       => 'object',
			'properties' => VisitorSchema::properties(),
		);

		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * True for users with livedesk_view, an error for everyone else.
	 *
	 * @return true|WP_Error
	 */
	private function can_view() {
		return Api::require_capability( Capabilities::VIEW, __( 'Sorry, you are not allowed to view LiveDesk visitors.', 'livedesk' ) );
	}

	/**
	 * Adds `Link: <...>; rel="prev"` / `rel="next"` headers, as core's
	 * collections do.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param WP_REST_Request  $request  Request.
	 * @param int              $page     Current page.
	 * @param int              $pages    Number of pages.
	 *
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 */
	private function add_page_links( WP_REST_Response $response, WP_REST_Request $request, int $page, int $pages ): void {
		$base = add_query_arg(
			urlencode_deep( $request->get_query_params() ),
			rest_url( $this->namespace . '/' . $this->rest_base )
		);
		if ( $page > 1 ) {
			$response->link_header( 'prev', add_query_arg( 'page', min( $page - 1, max( 1, $pages ) ), $base ) );
		}
		if ( $page < $pages ) {
			$response->link_header( 'next', add_query_arg( 'page', $page + 1, $base ) );
		}
	}

	/**
	 * A UTC `Y-m-d H:i:s` column value as ISO 8601 with a Z, e.g.
	 * `2026-11-21T10:00:00Z`; a value that is not a valid date is returned
	 * unchanged.
	 *
	 * @param string $utc Column value.
	 */
	private static function iso8601( string $utc ): string {
		$date = \DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s', $utc, new \DateTimeZone( 'UTC' ) );
		if ( false === $date || $date->format( 'Y-m-d H:i:s' ) !== $utc ) {
			return $utc;
		}

		return $date->format( 'Y-m-d\TH:i:s\Z' );
	}
}
