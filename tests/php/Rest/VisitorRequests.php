<?php
/**
 * Visitor identities and requests for the public chat route tests.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Chat\Identities;
use LiveDesk\Chat\VisitorSignatures;
use LiveDesk\Secret;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Signed visitors, signed identities and requests as the widget sends them.
 */
trait VisitorRequests {

	/**
	 * A new signed visitor identity, as the sidecar issues it.
	 *
	 * @return array{id: string, sig: string}
	 */
	protected function new_visitor(): array {
		return ( new VisitorSignatures( new Secret() ) )->issue();
	}

	/**
	 * The X-LiveDesk-Visitor header of a visitor.
	 *
	 * @param array{id: string, sig: string} $visitor Visitor identity.
	 * @return array<string, string>
	 */
	protected function visitor_header( array $visitor ): array {
		return array( 'X-LiveDesk-Visitor' => $visitor['id'] . '.' . $visitor['sig'] );
	}

	/**
	 * An identity signed with the site's identity secret, as a site's
	 * server signs it for LiveDesk.identify().
	 *
	 * @param string $id      Identity id.
	 * @param int    $expires Unix expiry.
	 * @return array{id: string, name: string, email: string, expires: int, signature: string}
	 */
	protected function signed_identity( string $id, int $expires = 0 ): array {
		$identity = array(
			'id'      => $id,
			'name'    => 'Customer ' . $id,
			'email'   => $id . '@example.org',
			'expires' => 0 === $expires ? time() + 600 : $expires,
		);

		return $identity + array( 'signature' => ( new Identities( new Secret( Secret::IDENTITY_OPTION ) ) )->sign( $identity ) );
	}

	/**
	 * POST chat/messages as a visitor.
	 *
	 * @param array<string, string> $headers   Request headers (the visitor header).
	 * @param string                $client_id Client message id.
	 * @param string                $body      Message.
	 * @param array<string, mixed>  $extra     More body fields (profile, identity).
	 */
	protected function visitor_send( array $headers, string $client_id, string $body = 'Hello', array $extra = array() ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/livedesk/v1/chat/messages' );
		$request->set_header( 'Content-Type', 'application/json' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body(
			(string) wp_json_encode(
				$extra + array(
					'client_id' => $client_id,
					'body'      => $body,
				)
			)
		);

		return $this->dispatch( $request );
	}

	/**
	 * GET chat/messages as a visitor.
	 *
	 * @param array<string, string> $headers  Request headers.
	 * @param int                   $after_id Last id the widget has.
	 */
	protected function visitor_poll( array $headers, int $after_id = 0 ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', '/livedesk/v1/chat/messages' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_param( 'after_id', $after_id );

		return $this->dispatch( $request );
	}

	/**
	 * The base64url JSON of an identity, for the X-LiveDesk-Identity header.
	 *
	 * @param array<string, mixed> $identity Signed identity.
	 * @return array<string, string>
	 */
	protected function identity_header( array $identity ): array {
		return array( 'X-LiveDesk-Identity' => rtrim( strtr( base64_encode( (string) wp_json_encode( $identity ) ), '+/', '-_' ), '=' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the header format.
	}
}
