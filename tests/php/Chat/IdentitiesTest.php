<?php
/**
 * Tests for LiveDesk\Chat\Identities.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Chat;

use LiveDesk\Chat\Identities;
use LiveDesk\Secret;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Signed identities, as docs/chat.md tells sites to compute them.
 */
#[CoversClass( Identities::class )]
final class IdentitiesTest extends TestCase {

	private const SECRET = 'cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd';

	private const NOW = 1798000000;

	/**
	 * A fixed identity secret.
	 */
	protected function set_up(): void {
		update_option( Secret::IDENTITY_OPTION, self::SECRET, false );
	}

	/**
	 * The documented PHP snippet and Node's crypto give the same signature,
	 * and it verifies.
	 */
	public function test_documented_signature_verifies(): void {
		$identity = array(
			'id'      => 'customer-42',
			'name'    => 'Ada Lovelace',
			'email'   => 'ada@example.com',
			'expires' => 1798761600,
		);
		// The snippet of docs/chat.md, with the secret from Settings.
		$identity['signature'] = hash_hmac(
			'sha256',
			"livedesk-identity.v1\n{$identity['id']}\n{$identity['email']}\n{$identity['name']}\n{$identity['expires']}",
			self::SECRET
		);
		self::assertSame( 'aae3a58ad21d2210a619e0cbafccb7819b89f22d620ad79c425ad1bd9e1d0e56', $identity['signature'], 'Computed by Node for the same input.' );

		$result = $this->identities()->verify( $identity, self::NOW );

		self::assertSame(
			array(
				'verified' => true,
				'identity' => array(
					'id'      => 'customer-42',
					'name'    => 'Ada Lovelace',
					'email'   => 'ada@example.com',
					'expires' => 1798761600,
				),
			),
			$result
		);
	}

	/**
	 * Name and e-mail are optional and sign as empty lines.
	 */
	public function test_minimal_identity(): void {
		$result = $this->identities()->verify(
			array(
				'id'        => 'wp:7',
				'expires'   => 1798761600,
				'signature' => '8fa23c6fa1664a372d4be06e381caa90094c3402fc4c44be4b77b9c7d94e55da',
			),
			self::NOW
		);

		self::assertTrue( $result['verified'] );
	}

	/**
	 * The plugin's identity of a logged-in user: wp:<id>, display name,
	 * e-mail, one hour, and it verifies.
	 */
	public function test_for_user(): void {
		$user = get_userdata( $this->create_user( 'subscriber' ) );
		self::assertInstanceOf( \WP_User::class, $user );

		$identity = $this->identities()->for_user( $user, self::NOW );

		self::assertSame( 'wp:' . $user->ID, $identity['id'] );
		self::assertSame( $user->display_name, $identity['name'] );
		self::assertSame( $user->user_email, $identity['email'] );
		self::assertSame( self::NOW + 3600, $identity['expires'] );
		self::assertTrue( $this->identities()->verify( $identity, self::NOW )['verified'] );
		self::assertSame( 'expired', $this->identities()->verify( $identity, self::NOW + 3600 )['reason'] ?? null, 'Expired after an hour.' );
	}

	/**
	 * Identities that are never verified, and why.
	 *
	 * @param callable $change Turns a valid identity into the case.
	 * @param string   $reason Expected reason.
	 *
	 * @phpstan-param callable(array<string, mixed>): mixed $change
	 */
	#[DataProvider( 'refused' )]
	public function test_refused_identities( callable $change, string $reason ): void {
		$user = get_userdata( $this->create_user( 'subscriber' ) );
		self::assertInstanceOf( \WP_User::class, $user );
		$valid = $this->identities()->for_user( $user, self::NOW );

		$result = $this->identities()->verify( $change( $valid ), self::NOW );

		self::assertSame(
			array(
				'verified' => false,
				'reason'   => $reason,
			),
			$result
		);
	}

	/**
	 * Refused cases.
	 *
	 * @return array<string, array{callable(array<string, mixed>): mixed, string}>
	 */
	public static function refused(): array {
		return array(
			'unsigned'        => array( static fn ( array $i ) => array_diff_key( $i, array( 'signature' => 1 ) ), 'bad_signature' ),
			'other name'      => array( static fn ( array $i ) => array( 'name' => 'Mallory' ) + $i, 'bad_signature' ),
			'other id'        => array( static fn ( array $i ) => array( 'id' => 'wp:1' ) + $i, 'bad_signature' ),
			'later expiry'    => array( static fn ( array $i ) => array( 'expires' => $i['expires'] + 1 ) + $i, 'bad_signature' ),
			'not an object'   => array( static fn ( array $i ) => 'wp:1', 'invalid' ),
			'no id'           => array( static fn ( array $i ) => array( 'id' => '' ) + $i, 'invalid' ),
			'long id'         => array( static fn ( array $i ) => array( 'id' => str_repeat( 'x', 192 ) ) + $i, 'invalid' ),
			'expires as text' => array( static fn ( array $i ) => array( 'expires' => 'tomorrow' ) + $i, 'invalid' ),
			'bad email'       => array( static fn ( array $i ) => array( 'email' => 'nope' ) + $i, 'invalid' ),
		);
	}

	/**
	 * An identity signed with a regenerated (old) secret stops verifying.
	 */
	public function test_regenerated_secret_invalidates_identities(): void {
		$user = get_userdata( $this->create_user( 'subscriber' ) );
		self::assertInstanceOf( \WP_User::class, $user );
		$identity = $this->identities()->for_user( $user, self::NOW );

		( new Secret( Secret::IDENTITY_OPTION ) )->regenerate();

		self::assertSame( 'bad_signature', $this->identities()->verify( $identity, self::NOW )['reason'] ?? null );
	}

	/**
	 * The class under test.
	 */
	private function identities(): Identities {
		return new Identities( new Secret( Secret::IDENTITY_OPTION ) );
	}
}
