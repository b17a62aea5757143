<?php
/**
 * Tests for LiveDesk\Secret.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Secret;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The signing secret shared with the sidecar.
 */
#[CoversClass( Secret::class )]
final class SecretTest extends TestCase {

	/**
	 * A site without a secret gets one: 64 hex characters, not autoloaded.
	 */
	public function test_ensure_creates_a_secret_that_is_not_autoloaded(): void {
		delete_option( Secret::OPTION );

		( new Secret() )->ensure();

		$row = $this->option_row( Secret::OPTION );
		self::assertNotNull( $row );
		self::assertMatchesRegularExpression( '/^[0-9a-f]{64}$/D', $row['option_value'] );
		self::assertNotContains( $row['autoload'], wp_autoload_values_to_autoload() );
		self::assertSame( $row['option_value'], ( new Secret() )->get() );
	}

	/**
	 * Two sites (or two installs) never share a secret.
	 */
	public function test_each_new_secret_is_different(): void {
		delete_option( Secret::OPTION );
		( new Secret() )->ensure();
		$first = ( new Secret() )->get();

		delete_option( Secret::OPTION );
		( new Secret() )->ensure();

		self::assertNotSame( $first, ( new Secret() )->get() );
	}

	/**
	 * An existing secret is kept.
	 */
	public function test_ensure_keeps_an_existing_secret(): void {
		$before = $this->option_row( Secret::OPTION );
		self::assertNotNull( $before );

		( new Secret() )->ensure();

		self::assertSame( $before, $this->option_row( Secret::OPTION ) );
	}

	/**
	 * An empty or malformed secret is replaced with a valid one.
	 *
	 * @param string $stored The broken value.
	 */
	#[DataProvider( 'broken_secrets' )]
	public function test_ensure_replaces_a_broken_secret( string $stored ): void {
		update_option( Secret::OPTION, $stored, false );

		( new Secret() )->ensure();

		$row = $this->option_row( Secret::OPTION );
		self::assertNotNull( $row );
		self::assertTrue( Secret::is_valid( $row['option_value'] ) );
	}

	/**
	 * Values that are not a usable secret.
	 *
	 * @return array<string, array{string}>
	 */
	public static function broken_secrets(): array {
		return array(
			'empty'      => array( '' ),
			'too short'  => array( str_repeat( 'a', 63 ) ),
			'not hex'    => array( str_repeat( 'z', 64 ) ),
			'upper case' => array( str_repeat( 'A', 64 ) ),
		);
	}

	/**
	 * The identity secret is a separate option with the same rules.
	 */
	public function test_identity_secret_is_its_own_option(): void {
		delete_option( Secret::IDENTITY_OPTION );

		$identity = new Secret( Secret::IDENTITY_OPTION );
		$identity->ensure();

		$row = $this->option_row( Secret::IDENTITY_OPTION );
		self::assertNotNull( $row );
		self::assertTrue( Secret::is_valid( $row['option_value'] ) );
		self::assertNotContains( $row['autoload'], wp_autoload_values_to_autoload() );
		self::assertNotSame( ( new Secret() )->get(), $identity->get() );
	}

	/**
	 * Regenerating replaces a valid secret with a new valid one.
	 */
	public function test_regenerate_replaces_the_secret(): void {
		$identity = new Secret( Secret::IDENTITY_OPTION );
		$identity->ensure();
		$before = $identity->get();

		$after = $identity->regenerate();

		self::assertNotSame( $before, $after );
		self::assertTrue( Secret::is_valid( $after ) );
		self::assertSame( $after, $identity->get() );
		$row = $this->option_row( Secret::IDENTITY_OPTION );
		self::assertNotNull( $row );
		self::assertSame( $after, $row['option_value'] );
	}
}
