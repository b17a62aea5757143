<?php
/**
 * Tests for LiveDesk\Network\ClientIp.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Network;

use LiveDesk\Network\ClientIp;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * The same answers as sidecar/src/enrich/ip.ts.
 */
#[CoversClass( ClientIp::class )]
final class ClientIpTest extends TestCase {

	/**
	 * Canonical forms.
	 *
	 * @param string      $ip       Input.
	 * @param string|null $expected Canonical form.
	 */
	#[DataProvider( 'addresses' )]
	public function test_normalize( string $ip, ?string $expected ): void {
		self::assertSame( $expected, ClientIp::normalize( $ip ) );
	}

	/**
	 * Address cases.
	 *
	 * @return array<string, array{string, string|null}>
	 */
	public static function addresses(): array {
		return array(
			'ipv4'        => array( ' 203.0.113.7 ', '203.0.113.7' ),
			'ipv6'        => array( '2001:DB8:0:0:0:0:0:1', '2001:db8::1' ),
			'bracketed'   => array( '[2001:db8::1]', '2001:db8::1' ),
			'zone'        => array( 'fe80::1%eth0', 'fe80::1' ),
			'mapped ipv4' => array( '::ffff:192.0.2.1', '192.0.2.1' ),
			'not an ip'   => array( 'example.org', null ),
			'empty'       => array( '', null ),
		);
	}

	/**
	 * X-Forwarded-For is believed only from trusted proxies.
	 *
	 * @param string      $remote    REMOTE_ADDR.
	 * @param string      $forwarded X-Forwarded-For.
	 * @param string[]    $trusted   Trusted proxies.
	 * @param string|null $expected  Client IP.
	 */
	#[DataProvider( 'requests' )]
	public function test_from_request( string $remote, string $forwarded, array $trusted, ?string $expected ): void {
		self::assertSame( $expected, ClientIp::from_request( $remote, $forwarded, $trusted ) );
	}

	/**
	 * Request cases.
	 *
	 * @return array<string, array{string, string, list<string>, string|null}>
	 */
	public static function requests(): array {
		return array(
			'untrusted peer'      => array( '198.51.100.9', '203.0.113.7', array( '127.0.0.1' ), '198.51.100.9' ),
			'trusted peer'        => array( '127.0.0.1', '203.0.113.7', array( '127.0.0.1' ), '203.0.113.7' ),
			'spoofed left hop'    => array( '127.0.0.1', '1.1.1.1, 203.0.113.7', array( '127.0.0.1' ), '203.0.113.7' ),
			'trusted chain'       => array( '10.0.0.2', '203.0.113.7, 10.0.0.1', array( '10.0.0.0/8' ), '203.0.113.7' ),
			'ipv6 range'          => array( '2001:db8::5', '198.51.100.1', array( '2001:db8::/32' ), '198.51.100.1' ),
			'bad hop'             => array( '127.0.0.1', 'junk', array( '127.0.0.1' ), '127.0.0.1' ),
			'all trusted'         => array( '127.0.0.1', '10.0.0.1', array( '127.0.0.1', '10.0.0.0/8' ), '10.0.0.1' ),
			'no header'           => array( '127.0.0.1', '', array( '127.0.0.1' ), '127.0.0.1' ),
			'prefix boundary /25' => array( '192.0.2.129', '203.0.113.7', array( '192.0.2.0/25' ), '192.0.2.129' ),
			'prefix inside /25'   => array( '192.0.2.127', '203.0.113.7', array( '192.0.2.0/25' ), '203.0.113.7' ),
			'mapped range'        => array( '10.1.2.3', '203.0.113.7', array( '::ffff:10.0.0.0/104' ), '203.0.113.7' ),
			'no remote'           => array( '', '203.0.113.7', array( '127.0.0.1' ), null ),
		);
	}

	/**
	 * What is stored under each IP setting.
	 */
	public function test_stored(): void {
		self::assertSame( '203.0.113.0', ClientIp::stored( '203.0.113.7', 'anonymised' ) );
		self::assertSame( '2001:db8:85a3::', ClientIp::stored( '2001:db8:85a3:8d3:1319:8a2e:370:7348', 'anonymised' ) );
		self::assertSame( '203.0.113.0', ClientIp::stored( '203.0.113.0', 'anonymised' ), 'Anonymising twice changes nothing.' );
		self::assertSame( '203.0.113.7', ClientIp::stored( '203.0.113.7', 'full' ) );
		self::assertSame( '', ClientIp::stored( '203.0.113.7', 'none' ) );
		self::assertSame( '', ClientIp::stored( null, 'full' ) );
		self::assertSame( '', ClientIp::stored( 'junk', 'anonymised' ) );
	}
}
