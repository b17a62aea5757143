<?php
/**
 * Tests for LiveDesk\Rest\PlaygroundController.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Rest;

use LiveDesk\Capabilities;
use LiveDesk\Rest\PlaygroundController;
use LiveDesk\Secret;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use WP_REST_Request;

/**
 * `POST livedesk/v1/playground`.
 */
#[CoversClass( PlaygroundController::class )]
final class PlaygroundControllerTest extends TestCase {

	use ChatRequests;

	private const ROUTE = '/livedesk/v1/playground';

	/**
	 * An agent gets a fresh visitor identity and the playground token for
	 * it, both signed with livedesk_secret as the sidecar verifies them;
	 * the answer is never cached.
	 */
	public function test_agent_gets_a_signed_playground_identity(): void {
		wp_set_current_user( $this->create_user( Capabilities::AGENT_ROLE ) );
		$secret = ( new Secret() )->get();

		$response = $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) );

		self::assertSame( 201, $response->get_status() );
		$data = $this->data( $response );
		$id   = $data['visitor']['id'];
		self::assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $id );
		self::assertSame( self::b64( hash_hmac( 'sha256', 'livedesk-visitor.v1.' . $id, $secret, true ) ), $data['visitor']['sig'] );
		self::assertSame( self::b64( hash_hmac( 'sha256', 'livedesk-playground.v1.' . $id, $secret, true ) ), $data['playground'] );
		self::assertStringContainsString( 'no-store', (string) ( $response->get_headers()['Cache-Control'] ?? '' ) );

		$other = $this->data( $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) ) );
		self::assertNotSame( $id, $other['visitor']['id'] );
	}

	/**
	 * Without livedesk_chat there is no test chat.
	 */
	public function test_requires_the_chat_capability(): void {
		$this->log_in_viewer();
		$this->assert_error( 403, 'rest_forbidden', $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) ) );

		wp_set_current_user( 0 );
		$this->assert_error( 401, 'rest_forbidden', $this->dispatch( new WP_REST_Request( 'POST', self::ROUTE ) ) );
	}

	/**
	 * Unpadded base64url.
	 *
	 * @param string $bytes Bytes.
	 */
	private static function b64( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the signature format.
	}
}
