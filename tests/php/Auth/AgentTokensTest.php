<?php
/**
 * Tests for LiveDesk\Auth\AgentTokens.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Auth;

use LiveDesk\Auth\AgentTokens;
use LiveDesk\Capabilities;
use LiveDesk\Secret;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Minting and signing, checked against the format of
 * src/protocol/agent-token.ts and the sidecar's verifier.
 */
#[CoversClass( AgentTokens::class )]
final class AgentTokensTest extends TestCase {

	/** The secret of the shared test vector. */
	private const VECTOR_SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	/**
	 * The token sidecar/src/auth/test/agent-token.test.ts expects for the
	 * same payload and secret: PHP and Node agree byte for byte.
	 */
	private const VECTOR_TOKEN = 'v1.eyJzdWIiOjQyLCJjYXBzIjpbImxpdmVkZXNrX3ZpZXciLCJsaXZlZGVza19jaGF0Il0sImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwNjAwfQ.jY46p5vENsmUaBk56cvRr6BsD_KEsv4vElCI1ihLk40';

	/**
	 * A known secret and payload give exactly the reference token.
	 */
	public function test_fixed_vector(): void {
		$token = AgentTokens::sign(
			array(
				'sub'  => 42,
				'caps' => array( 'livedesk_view', 'livedesk_chat' ),
				'iat'  => 1700000000,
				'exp'  => 1700000600,
			),
			self::VECTOR_SECRET
		);

		self::assertSame( self::VECTOR_TOKEN, $token );
	}

	/**
	 * A minted token has the v1 shape, unpadded base64url parts, the user's
	 * claims, a ten-minute lifetime and a signature the sidecar's algorithm
	 * accepts.
	 */
	public function test_minted_token_verifies(): void {
		$secret  = $this->site_secret();
		$user_id = $this->create_user( Capabilities::AGENT_ROLE );

		$minted = ( new AgentTokens( new Secret() ) )->mint( $user_id, 1800000000 );

		$parts = explode( '.', $minted['token'] );
		self::assertCount( 3, $parts );
		list( $version, $payload_b64, $signature_b64 ) = $parts;
		self::assertSame( 'v1', $version );
		self::assertMatchesRegularExpression( '/^[A-Za-z0-9_-]+$/D', $payload_b64 );
		self::assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43}$/D', $signature_b64 );

		// Recomputed independently of the class: HMAC-SHA256 over "v1.<payload>"
		// keyed with the option's 64 characters as ASCII.
		$expected = rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'v1.' . $payload_b64, $secret, true ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the token format.
		self::assertSame( $expected, $signature_b64 );

		$payload = json_decode( (string) base64_decode( strtr( $payload_b64, '-_', '+/' ), true ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the token format.
		self::assertSame(
			array(
				'sub'  => $user_id,
				'caps' => array( Capabilities::VIEW, Capabilities::CHAT ),
				'iat'  => 1800000000,
				'exp'  => 1800000600,
			),
			$payload
		);
		self::assertSame( $payload, $minted['payload'] );
		self::assertSame( 600, AgentTokens::LIFETIME );
	}

	/**
	 * Capabilities come from the user's current capabilities, in a fixed order.
	 */
	public function test_capabilities_follow_the_user(): void {
		$admin      = $this->create_user( 'administrator' );
		$agent      = $this->create_user( Capabilities::AGENT_ROLE );
		$subscriber = $this->create_user( 'subscriber' );
		$editor     = $this->create_user( 'editor' );
		( new \WP_User( $editor ) )->add_cap( Capabilities::VIEW );

		self::assertSame( array( 'livedesk_view', 'livedesk_chat', 'livedesk_manage' ), AgentTokens::capabilities_of( $admin ) );
		self::assertSame( array( 'livedesk_view', 'livedesk_chat' ), AgentTokens::capabilities_of( $agent ) );
		self::assertSame( array( 'livedesk_view' ), AgentTokens::capabilities_of( $editor ) );
		self::assertSame( array(), AgentTokens::capabilities_of( $subscriber ) );
	}

	/**
	 * Without a valid secret there is nothing to sign with.
	 */
	public function test_mint_fails_without_a_secret(): void {
		update_option( Secret::OPTION, 'not-a-secret' );

		$this->expectException( \RuntimeException::class );

		( new AgentTokens( new Secret() ) )->mint( $this->create_user( 'administrator' ), time() );
	}

	/**
	 * The site's secret, as the sidecar reads it.
	 */
	private function site_secret(): string {
		$row = $this->option_row( Secret::OPTION );
		self::assertNotNull( $row );

		return $row['option_value'];
	}
}
