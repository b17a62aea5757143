<?php
/**
 * Tests for LiveDesk\Network\IpRange.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Network;

use LiveDesk\Network\IpRange;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Addresses and CIDR ranges, IPv4 and IPv6.
 */
#[CoversClass( IpRange::class )]
final class IpRangeTest extends TestCase {

	/**
	 * Valid entries come back canonical.
	 *
	 * @param string $value     Candidate.
	 * @param string $canonical Expected form.
	 */
	#[DataProvider( 'valid' )]
	public function test_valid_entries_are_canonicalised( string $value, string $canonical ): void {
		self::assertSame( $canonical, IpRange::normalize( $value ) );
	}

	/**
	 * Valid cases.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function valid(): array {
		return array(
			'IPv4'               => array( '203.0.113.7', '203.0.113.7' ),
			'IPv4 range'         => array( '10.0.0.0/8', '10.0.0.0/8' ),
			'IPv4 /0 and /32'    => array( '0.0.0.0/0', '0.0.0.0/0' ),
			'IPv4 host route'    => array( '192.168.1.1/32', '192.168.1.1/32' ),
			'IPv6 loopback'      => array( '::1', '::1' ),
			'IPv6 upper case'    => array( '2001:DB8::1', '2001:db8::1' ),
			'IPv6 uncompressed'  => array( '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1' ),
			'IPv6 range'         => array( 'fd00::/8', 'fd00::/8' ),
			'IPv6 /128'          => array( '::1/128', '::1/128' ),
			'IPv4-mapped IPv6'   => array( '::FFFF:192.0.2.1', '::ffff:192.0.2.1' ),
			'surrounding spaces' => array( " 10.0.0.1\t", '10.0.0.1' ),
		);
	}

	/**
	 * Anything else is refused.
	 *
	 * @param string $value Candidate.
	 */
	#[DataProvider( 'invalid' )]
	public function test_invalid_entries_are_refused( string $value ): void {
		self::assertNull( IpRange::normalize( $value ) );
	}

	/**
	 * Invalid cases.
	 *
	 * @return array<string, array{string}>
	 */
	public static function invalid(): array {
		return array(
			'empty'              => array( '' ),
			'host name'          => array( 'proxy.example.org' ),
			'octet over 255'     => array( '10.0.0.256' ),
			'three octets'       => array( '10.0.0' ),
			'leading zero octet' => array( '010.0.0.1' ),
			'IPv4 prefix 33'     => array( '10.0.0.0/33' ),
			'IPv6 prefix 129'    => array( '::/129' ),
			'negative prefix'    => array( '10.0.0.0/-1' ),
			'prefix with a zero' => array( '10.0.0.0/08' ),
			'empty prefix'       => array( '10.0.0.0/' ),
			'two prefixes'       => array( '10.0.0.0/8/8' ),
			'zone id'            => array( 'fe80::1%eth0' ),
			'space inside'       => array( '10.0.0.0 /8' ),
			'range with a dash'  => array( '10.0.0.1-10.0.0.9' ),
			'script'             => array( '<script>' ),
		);
	}
}
