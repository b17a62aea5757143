<?php
/**
 * Tests for LiveDesk\Rest\VisitorsController.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Rest\VisitorsController;
use LiveDesk\Rest\VisitorSchema;
use LiveDesk\Tests\TestCase;
use LiveDesk\Tests\VisitorFixtures;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use WP_REST_Request;
use WP_REST_Response;

/**
 * `livedesk/v1/visitors` and `livedesk/v1/visitors/<id>` through the real
 * REST server, over rows inserted as the sidecar writes them.
 */
#[CoversClass( VisitorsController::class )]
#[CoversClass( VisitorSchema::class )]
final class VisitorsControllerTest extends TestCase {

	use VisitorFixtures;

	private const ROUTE = '/livedesk/v1/visitors';

	/**
	 * Empty tables and an agent logged in.
	 */
	protected function set_up(): void {
		$this->empty_visitor_tables();
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
	}

	/**
	 * Both routes exist, for GET only.
	 */
	public function test_routes_are_registered(): void {
		$routes = rest_get_server()->get_routes( 'livedesk/v1' );

		foreach ( array( self::ROUTE, self::ROUTE . '/(?P<id>[0-9a-f]{32})' ) as $route ) {
			self::assertArrayHasKey( $route, $routes );
			$methods = array();
			foreach ( $routes[ $route ] as $endpoint ) {
				$methods = array_merge( $methods, array_keys( $endpoint['methods'] ) );
			}
			self::assertSame( array( 'GET' ), $methods, $route );
		}
	}

	/**
	 * Who may read visitors, on both routes.
	 *
	 * @param string|null $role   Role; null for a visitor.
	 * @param int         $status Expected status.
	 */
	#[DataProvider( 'readers' )]
	public function test_reading_requires_the_view_capability( ?string $role, int $status ): void {
		$this->insert_visitor( self::key( 1 ), '2026-11-21 10:00:00' );
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );

		foreach ( array( self::ROUTE, self::ROUTE . '/' . self::key( 1 ) ) as $route ) {
			$response = $this->dispatch( new WP_REST_Request( 'GET', $route ) );

			self::assertSame( $status, $response->get_status(), $route );
			if ( 200 !== $status ) {
				self::assertSame( 'rest_forbidden', $this->data( $response )['code'] );
			}
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
			'subscriber'    => array( 'subscriber', 403 ),
			'anonymous'     => array( null, 401 ),
		);
	}

	/**
	 * The most recently seen visitor comes first, page by page, with the
	 * totals and prev / next links in the headers.
	 */
	public function test_list_is_newest_first_and_paginated(): void {
		for ( $n = 1; $n <= 25; $n++ ) {
			$this->insert_visitor( self::key( $n ), gmdate( 'Y-m-d H:i:s', 1795000000 + 60 * $n ) );
		}

		$first = $this->dispatch( $this->list_request( array( 'per_page' => 10 ) ) );
		$last  = $this->dispatch(
			$this->list_request(
				array(
					'per_page' => 10,
					'page'     => 3,
				)
			)
		);

		self::assertSame( 200, $first->get_status() );
		self::assertSame( array_map( array( self::class, 'key' ), range( 25, 16 ) ), array_column( $this->data( $first ), 'id' ) );
		self::assertSame( array_map( array( self::class, 'key' ), range( 5, 1 ) ), array_column( $this->data( $last ), 'id' ) );
		foreach ( array( $first, $last ) as $response ) {
			$headers = $response->get_headers();
			self::assertSame( '25', $headers['X-WP-Total'] );
			self::assertSame( '3', $headers['X-WP-TotalPages'] );
		}
		self::assertStringContainsString( 'rel="next"', $this->link_header( $first ) );
		self::assertStringNotContainsString( 'rel="prev"', $this->link_header( $first ) );
		self::assertStringContainsString( 'rel="prev"', $this->link_header( $last ) );
		self::assertStringNotContainsString( 'rel="next"', $this->link_header( $last ) );
	}

	/**
	 * Ten per page unless asked otherwise.
	 */
	public function test_default_page_size_is_ten(): void {
		for ( $n = 1; $n <= 12; $n++ ) {
			$this->insert_visitor( self::key( $n ), gmdate( 'Y-m-d H:i:s', 1795000000 + $n ) );
		}

		$response = $this->dispatch( $this->list_request( array() ) );

		self::assertCount( 10, $this->data( $response ) );
		self::assertSame( '2', $response->get_headers()['X-WP-TotalPages'] );
	}

	/**
	 * No visitors: an empty list, not an error.
	 */
	public function test_empty_list(): void {
		$response = $this->dispatch( $this->list_request( array() ) );

		self::assertSame( 200, $response->get_status() );
		self::assertSame( array(), $response->get_data() );
		self::assertSame( '0', $response->get_headers()['X-WP-Total'] );
		self::assertSame( '0', $response->get_headers()['X-WP-TotalPages'] );
	}

	/**
	 * Bad paging parameters are a 400.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @param string               $code   Expected error code.
	 */
	#[DataProvider( 'bad_paging' )]
	public function test_bad_paging_is_rejected( array $params, string $code ): void {
		$this->insert_visitor( self::key( 1 ), '2026-11-21 10:00:00' );

		$response = $this->dispatch( $this->list_request( $params ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( $code, $this->data( $response )['code'] );
	}

	/**
	 * Bad paging cases.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function bad_paging(): array {
		return array(
			'per_page 101'      => array( array( 'per_page' => 101 ), 'rest_invalid_param' ),
			'per_page 0'        => array( array( 'per_page' => 0 ), 'rest_invalid_param' ),
			'page 0'            => array( array( 'page' => 0 ), 'rest_invalid_param' ),
			'page past the end' => array( array( 'page' => 2 ), 'rest_invalid_page_number' ),
		);
	}

	/**
	 * A page size of 100 is allowed.
	 */
	public function test_per_page_100_is_allowed(): void {
		$response = $this->dispatch( $this->list_request( array( 'per_page' => 100 ) ) );

		self::assertSame( 200, $response->get_status() );
	}

	/**
	 * One visitor: the profile, formatted, and the last 10 of 12 page views,
	 * newest first.
	 */
	public function test_item_has_the_profile_and_the_last_ten_pages(): void {
		$key = self::key( 7 );
		$this->insert_visitor(
			$key,
			'2026-11-21 10:00:00',
			array(
				'first_seen'       => '2026-11-01 08:30:05',
				'visit_count'      => 4,
				'country'          => 'FR',
				'region'           => 'IDF',
				'city'             => 'Paris',
				'latitude'         => '48.856600',
				'longitude'        => '2.352200',
				'timezone'         => 'Europe/Paris',
				'browser_timezone' => 'Europe/Paris',
				'language'         => 'fr-FR',
				'referrer'         => 'https://search.example/results',
				'browser'          => 'Firefox',
				'os'               => 'Linux',
				'device'           => 'desktop',
				'ip'               => '203.0.113.0',
			)
		);
		for ( $n = 1; $n <= 12; $n++ ) {
			$this->insert_page_view( $key, "/page-{$n}/", "Page {$n}", gmdate( 'Y-m-d H:i:s', strtotime( '2026-11-21 09:00:00 UTC' ) + 60 * $n ) );
		}
		$this->insert_page_view( self::key( 8 ), '/someone-else/', 'Not theirs', '2026-11-21 11:00:00' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . $key ) );

		self::assertSame( 200, $response->get_status() );
		$data  = $this->data( $response );
		$pages = $data['pages'];
		unset( $data['pages'] );
		self::assertSame(
			array(
				'id'               => $key,
				'first_seen'       => '2026-11-01T08:30:05Z',
				'last_seen'        => '2026-11-21T10:00:00Z',
				'visit_count'      => 4,
				'country'          => 'FR',
				'region'           => 'IDF',
				'city'             => 'Paris',
				'latitude'         => 48.8566,
				'longitude'        => 2.3522,
				'timezone'         => 'Europe/Paris',
				'browser_timezone' => 'Europe/Paris',
				'language'         => 'fr-FR',
				'referrer'         => 'https://search.example/results',
				'browser'          => 'Firefox',
				'os'               => 'Linux',
				'device'           => 'desktop',
				'ip'               => '203.0.113.0',
			),
			$data
		);
		self::assertCount( 10, $pages );
		self::assertSame( array_map( static fn ( int $n ): string => "/page-{$n}/", range( 12, 3 ) ), array_column( $pages, 'path' ) );
		self::assertSame(
			array(
				'path'      => '/page-12/',
				'title'     => 'Page 12',
				'viewed_at' => '2026-11-21T09:12:00Z',
			),
			$pages[0]
		);
	}

	/**
	 * A visitor without page views or a location: empty pages, null
	 * coordinates.
	 */
	public function test_item_without_location_or_pages(): void {
		$this->insert_visitor( self::key( 3 ), '2026-11-21 10:00:00' );

		$data = $this->data( $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . self::key( 3 ) ) ) );

		self::assertNull( $data['latitude'] );
		self::assertNull( $data['longitude'] );
		self::assertSame( '', $data['country'] );
		self::assertSame( array(), $data['pages'] );
	}

	/**
	 * An unknown id is a 404 that says so.
	 */
	public function test_unknown_visitor_is_404(): void {
		$this->insert_visitor( self::key( 1 ), '2026-11-21 10:00:00' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . self::key( 2 ) ) );

		self::assertSame( 404, $response->get_status() );
		$data = $this->data( $response );
		self::assertSame( 'livedesk_visitor_not_found', $data['code'] );
		self::assertStringContainsString( 'No visitor with this id', $data['message'] );
	}

	/**
	 * Ids that are not 32 lowercase hex characters match no route.
	 *
	 * @param string $id Malformed id.
	 */
	#[DataProvider( 'malformed_ids' )]
	public function test_malformed_ids_match_no_route( string $id ): void {
		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . $id ) );

		self::assertSame( 404, $response->get_status() );
		self::assertSame( 'rest_no_route', $this->data( $response )['code'] );
	}

	/**
	 * Malformed ids.
	 *
	 * @return array<string, array{string}>
	 */
	public static function malformed_ids(): array {
		return array(
			'too short' => array( str_repeat( 'a', 31 ) ),
			'too long'  => array( str_repeat( 'a', 33 ) ),
			'not hex'   => array( str_repeat( 'g', 32 ) ),
		);
	}

	/**
	 * Route matching ignores case, so an upper-case id reaches the route and
	 * fails its pattern: ids are lowercase.
	 */
	public function test_upper_case_id_is_rejected(): void {
		$this->insert_visitor( str_repeat( 'ab', 16 ), '2026-11-21 10:00:00' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . strtoupper( str_repeat( 'ab', 16 ) ) ) );

		self::assertSame( 400, $response->get_status() );
		self::assertSame( 'rest_invalid_param', $this->data( $response )['code'] );
	}

	/**
	 * Visitor-supplied text comes back exactly as stored: no HTML decoding,
	 * no encoding, no stripping. Whoever renders it escapes it.
	 */
	public function test_hostile_text_is_returned_as_is(): void {
		$title    = '<script>alert("x")</script> &amp; Tom &lt;b&gt; Jerry\'s "Caf&eacute;" – 🙂';
		$path     = '/<img src=x onerror=alert(1)>/%3Cscript%3E/';
		$referrer = 'https://evil.example/"><svg onload=alert(1)>';
		$key      = self::key( 5 );
		$this->insert_visitor(
			$key,
			'2026-11-21 10:00:00',
			array(
				'referrer' => $referrer,
				'city'     => '<b>Springfield</b>',
			)
		);
		$this->insert_page_view( $key, $path, $title, '2026-11-21 10:00:00' );

		$response = $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . $key ) );
		// What a client gets: the JSON the server would send, decoded.
		$json = json_decode( (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );

		self::assertIsArray( $json );
		self::assertSame( $title, $json['pages'][0]['title'] );
		self::assertSame( $path, $json['pages'][0]['path'] );
		self::assertSame( $referrer, $json['referrer'] );
		self::assertSame( '<b>Springfield</b>', $json['city'] );
	}

	/**
	 * Every field of both routes is in the schema, with a value of the
	 * schema's type; the list has every field but `pages`.
	 */
	public function test_fields_match_the_schema(): void {
		$this->insert_visitor(
			self::key( 1 ),
			'2026-11-21 10:00:00',
			array(
				'latitude'  => '-33.868800',
				'longitude' => '151.209300',
			)
		);
		$this->insert_visitor( self::key( 2 ), '2026-11-21 09:00:00' );
		$this->insert_page_view( self::key( 1 ), '/', 'Home', '2026-11-21 10:00:00' );

		$schema     = $this->data( $this->dispatch( new WP_REST_Request( 'OPTIONS', self::ROUTE ) ) )['schema'];
		$properties = $schema['properties'];
		foreach ( $properties as $name => $property ) {
			self::assertNotEmpty( $property['description'], "{$name} needs a description." );
			self::assertArrayHasKey( 'context', $property );
			self::assertTrue( $property['readonly'] );
		}

		$list = $this->data( $this->dispatch( $this->list_request( array() ) ) );
		$item = $this->data( $this->dispatch( new WP_REST_Request( 'GET', self::ROUTE . '/' . self::key( 1 ) ) ) );
		self::assertCount( 2, $list );
		foreach ( $list as $visitor ) {
			unset( $visitor['_links'] );
			self::assertSame( array_keys( array_diff_key( $properties, array( 'pages' => true ) ) ), array_keys( $visitor ) );
			$this->assert_matches_schema( $visitor, $properties );
		}
		self::assertSame( array_keys( $properties ), array_keys( $item ) );
		$this->assert_matches_schema( $item, $properties );
		self::assertSame( -33.8688, $item['latitude'] );
		self::assertSame( 1, preg_match( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/D', $item['last_seen'] ) );
	}

	/**
	 * Asserts each value validates against its property schema.
	 *
	 * @param array<string, mixed>                $data       Response data.
	 * @param array<string, array<string, mixed>> $properties Schema properties.
	 */
	private function assert_matches_schema( array $data, array $properties ): void {
		foreach ( $data as $name => $value ) {
			self::assertArrayHasKey( $name, $properties, "{$name} is not in the schema." );
			$schema = $properties[ $name ];
			unset( $schema['readonly'], $schema['context'] );
			self::assertTrue( rest_validate_value_from_schema( $value, $schema, $name ), "{$name} does not match its schema." );
		}
	}

	/**
	 * A GET request for the collection.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @return WP_REST_Request<array<string, mixed>>
	 */
	private function list_request( array $params ): WP_REST_Request {
		$request = new WP_REST_Request( 'GET', self::ROUTE );
		$request->set_query_params( $params );

		return $request;
	}

	/**
	 * The data of a response, as an array.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		$data = $response->get_data();
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * The Link header of a response ('' when none).
	 *
	 * @param WP_REST_Response $response Response.
	 */
	private function link_header( WP_REST_Response $response ): string {
		$links = $response->get_headers()['Link'] ?? '';

		return is_array( $links ) ? implode( ', ', $links ) : (string) $links;
	}
}
