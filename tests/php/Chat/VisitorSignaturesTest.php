<?php
/**
 * Tests for LiveDesk\Chat\VisitorSignatures.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Chat;

use LiveDesk\Chat\VisitorSignatures;
use LiveDesk\Secret;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Visitor id signatures and playground tokens, byte-identical to the
 * sidecar's (sidecar/src/auth/visitor-identity.ts).
 */
#[CoversClass( VisitorSignatures::class )]
final class VisitorSignaturesTest extends TestCase {

	private const SECRET = 'abababababababababababababababababababababababababababababababab';

	private const ID = '0123456789abcdef0123456789abcdef';

	/**
	 * A fixed secret.
	 */
	protected function set_up(): void {
		update_option( Secret::OPTION, self::SECRET, false );
	}

	/**
	 * The signatures Node's crypto computes for the same secret and id
	 * (`createHmac('sha256', secret).update(context + id).digest('base64url')`),
	 * which hash_hmac agrees with.
	 */
	public function test_fixed_vectors(): void {
		$visitor    = 'aTOI2NdGRoHRHmL2e3gM9LtDShYGsLV-Go7OQrk1Xog';
		$playground = 'VFBr1NXSeh5K8OhG4A2YfIY_NP4ULvG38kBKd0eirdg';
		self::assertSame( $visitor, self::base64url( hash_hmac( 'sha256', 'livedesk-visitor.v1.' . self::ID, self::SECRET, true ) ) );
		self::assertSame( $playground, self::base64url( hash_hmac( 'sha256', 'livedesk-playground.v1.' . self::ID, self::SECRET, true ) ) );

		$signatures = $this->signatures();
		self::assertSame( self::ID, $signatures->verify_header( self::ID . '.' . $visitor ) );
		self::assertSame( $playground, $signatures->playground_token( self::ID ) );
		self::assertTrue( $signatures->verify_playground( self::ID, $playground ) );
		self::assertFalse( $signatures->verify_playground( self::ID, $visitor ), 'A visitor signature is not a playground token.' );
	}

	/**
	 * Issued identities are random and verify.
	 */
	public function test_issue(): void {
		$signatures = $this->signatures();
		$one        = $signatures->issue();
		$two        = $signatures->issue();

		self::assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $one['id'] );
		self::assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43}$/', $one['sig'] );
		self::assertNotSame( $one['id'], $two['id'] );
		self::assertSame( $one['id'], $signatures->verify_header( $one['id'] . '.' . $one['sig'] ) );
	}

	/**
	 * Headers that do not verify.
	 *
	 * @param string $header Header value.
	 */
	#[DataProvider( 'bad_headers' )]
	public function test_bad_headers_do_not_verify( string $header ): void {
		self::assertNull( $this->signatures()->verify_header( $header ) );
	}

	/**
	 * Forged, malformed and foreign headers.
	 *
	 * @return array<string, array{string}>
	 */
	public static function bad_headers(): array {
		$sig = 'aTOI2NdGRoHRHmL2e3gM9LtDShYGsLV-Go7OQrk1Xog';
		return array(
			'empty'             => array( '' ),
			'id only'           => array( self::ID ),
			'other id'          => array( str_repeat( 'f', 32 ) . '.' . $sig ),
			'flipped character' => array( self::ID . '.' . substr( $sig, 0, -1 ) . 'h' ),
			'padded'            => array( self::ID . '.' . $sig . '=' ),
			'upper-case id'     => array( strtoupper( self::ID ) . '.' . $sig ),
			'three parts'       => array( self::ID . '.' . $sig . '.x' ),
		);
	}

	/**
	 * Without a valid secret nothing verifies and nothing is issued.
	 */
	public function test_no_secret(): void {
		update_option( Secret::OPTION, 'broken', false );

		self::assertNull( $this->signatures()->verify_header( self::ID . '.aTOI2NdGRoHRHmL2e3gM9LtDShYGsLV-Go7OQrk1Xog' ) );
		$this->expectException( \RuntimeException::class );
		$this->signatures()->issue();
	}

	/**
	 * The class under test.
	 */
	private function signatures(): VisitorSignatures {
		return new VisitorSignatures( new Secret() );
	}

	/**
	 * Unpadded base64url.
	 *
	 * @param string $bytes Bytes.
	 */
	private static function base64url( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the signature format.
	}
}
