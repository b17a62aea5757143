/**
 * Internal dependencies
 */
import {
	anonymiseIp,
	clientIp,
	normaliseIp,
	parseTrustedProxies,
	storedIp,
} from '../ip';

const trusted = ( list: string ) => parseTrustedProxies( list ).proxies;

describe( 'normaliseIp', () => {
	it.each( [
		[ 'plain IPv4', '203.0.113.7', '203.0.113.7' ],
		[ 'surrounding space', '  203.0.113.7\t', '203.0.113.7' ],
		[ 'mapped IPv4', '::ffff:10.1.2.3', '10.1.2.3' ],
		[ 'mapped IPv4, upper case', '::FFFF:10.1.2.3', '10.1.2.3' ],
		[ 'mapped IPv4 in hex', '::ffff:a01:203', '10.1.2.3' ],
		[ 'brackets', '[2001:db8::1]', '2001:db8::1' ],
		[ 'zone id', 'fe80::1%eth0', 'fe80::1' ],
		[ 'brackets and zone id', '[fe80::1%25en0]', 'fe80::1' ],
		[ 'upper case, long form', '2001:DB8:0:0:0:0:0:1', '2001:db8::1' ],
		[
			'leading zeros',
			'2001:0db8:0000:0000:0001:0000:0000:0001',
			'2001:db8::1:0:0:1',
		],
		[
			'one zero group is not compressed',
			'2001:db8:0:1:1:1:1:1',
			'2001:db8:0:1:1:1:1:1',
		],
		[ 'loopback', '::1', '::1' ],
		[ 'unspecified', '::', '::' ],
		[
			'embedded IPv4, not mapped',
			'64:ff9b::192.0.2.33',
			'64:ff9b::c000:221',
		],
	] )( '%s', ( _name, input, expected ) => {
		expect( normaliseIp( input ) ).toBe( expected );
	} );

	it.each( [
		'',
		'   ',
		'unknown',
		'1.2.3',
		'1.2.3.4.5',
		'256.1.1.1',
		'010.1.2.3',
		'1.2.3.4:8080',
		'[1.2.3.4]',
		'2001:db8::1::2',
		'1:2:3:4:5:6:7:8:9',
		'%eth0',
		'_gateway',
	] )( 'rejects %j', ( input ) => {
		expect( normaliseIp( input ) ).toBeNull();
	} );
} );

describe( 'parseTrustedProxies', () => {
	it( 'splits on newlines, commas and spaces and skips blanks', () => {
		const { proxies, invalid } = parseTrustedProxies(
			'10.0.0.0/8,\n\n 192.168.1.10  fd00::/8,,\r\n2001:DB8::1\n'
		);
		expect( proxies.entries ).toEqual( [
			'10.0.0.0/8',
			'192.168.1.10',
			'fd00::/8',
			'2001:db8::1',
		] );
		expect( invalid ).toEqual( [] );
	} );

	it( 'reports bad entries without throwing and keeps the good ones', () => {
		const { proxies, invalid } = parseTrustedProxies(
			'10.0.0.0/33 proxy.local 1.2.3.4/ 1.2.3.4/x fd00::/129 ::/-1 10.0.0.1/8/8 172.16.0.1'
		);
		expect( invalid ).toEqual( [
			'10.0.0.0/33',
			'proxy.local',
			'1.2.3.4/',
			'1.2.3.4/x',
			'fd00::/129',
			'::/-1',
			'10.0.0.1/8/8',
		] );
		expect( proxies.entries ).toEqual( [ '172.16.0.1' ] );
		expect( proxies.has( '172.16.0.1' ) ).toBe( true );
	} );

	it( 'matches addresses inside CIDR ranges only', () => {
		const proxies = trusted( '10.0.0.0/8 192.168.5.0/24 fd00::/8' );
		expect( proxies.has( '10.255.1.2' ) ).toBe( true );
		expect( proxies.has( '11.0.0.1' ) ).toBe( false );
		expect( proxies.has( '192.168.5.200' ) ).toBe( true );
		expect( proxies.has( '192.168.6.1' ) ).toBe( false );
		expect( proxies.has( 'fd12:3456::1' ) ).toBe( true );
		expect( proxies.has( 'fe80::1' ) ).toBe( false );
	} );

	it( 'matches a range whose address has host bits set', () => {
		const proxies = trusted( '10.1.2.3/8' );
		expect( proxies.has( '10.200.0.1' ) ).toBe( true );
		expect( proxies.has( '11.1.2.3' ) ).toBe( false );
	} );

	it( 'matches single addresses exactly, whatever their spelling', () => {
		const proxies = trusted( '2001:db8::1 203.0.113.9' );
		expect( proxies.has( '2001:0DB8:0:0:0:0:0:1' ) ).toBe( true );
		expect( proxies.has( '2001:db8::2' ) ).toBe( false );
		expect( proxies.has( '203.0.113.9' ) ).toBe( true );
		expect( proxies.has( '203.0.113.10' ) ).toBe( false );
	} );

	it( 'matches IPv4-mapped IPv6 against IPv4 entries', () => {
		const proxies = trusted( '10.0.0.0/8 127.0.0.1' );
		expect( proxies.has( '::ffff:10.1.2.3' ) ).toBe( true );
		expect( proxies.has( '::ffff:127.0.0.1' ) ).toBe( true );
		expect( proxies.has( '::ffff:11.1.2.3' ) ).toBe( false );
	} );

	it( 'reads IPv4-mapped entries as IPv4', () => {
		const { proxies, invalid } = parseTrustedProxies(
			'::ffff:10.0.0.0/104 ::ffff:192.0.2.1 ::ffff:0.0.0.0/95'
		);
		expect( proxies.entries ).toEqual( [ '10.0.0.0/8', '192.0.2.1' ] );
		expect( invalid ).toEqual( [ '::ffff:0.0.0.0/95' ] );
		expect( proxies.has( '10.9.9.9' ) ).toBe( true );
	} );

	it( 'trusts nothing when empty, and rejects non-addresses', () => {
		const empty = trusted( '' );
		expect( empty.entries ).toEqual( [] );
		expect( empty.has( '127.0.0.1' ) ).toBe( false );
		expect( trusted( '0.0.0.0/0' ).has( 'garbage' ) ).toBe( false );
	} );
} );

describe( 'clientIp', () => {
	const proxies = trusted( '10.0.0.0/8, 2001:db8:ffff::/48' );

	it( 'uses the remote address and ignores XFF from an untrusted peer', () => {
		expect( clientIp( '198.51.100.5', '203.0.113.1', proxies ) ).toBe(
			'198.51.100.5'
		);
		expect(
			clientIp( '198.51.100.5', [ '203.0.113.1', '10.0.0.1' ], proxies )
		).toBe( '198.51.100.5' );
	} );

	it( 'takes the rightmost untrusted hop behind a trusted proxy', () => {
		expect( clientIp( '10.0.0.2', '1.1.1.1, 203.0.113.1', proxies ) ).toBe(
			'203.0.113.1'
		);
	} );

	it( 'walks past a chain of trusted proxies', () => {
		expect(
			clientIp(
				'10.0.0.3',
				'6.6.6.6, 203.0.113.1, 10.0.0.1,10.0.0.2',
				proxies
			)
		).toBe( '203.0.113.1' );
	} );

	it( 'stops at a hop that is not an IP and keeps the last valid one', () => {
		expect(
			clientIp( '10.0.0.3', '203.0.113.1, evil, 10.0.0.1', proxies )
		).toBe( '10.0.0.1' );
		expect( clientIp( '10.0.0.3', 'unknown', proxies ) ).toBe( '10.0.0.3' );
		expect( clientIp( '10.0.0.3', '203.0.113.1:5555', proxies ) ).toBe(
			'10.0.0.3'
		);
	} );

	it( 'returns the leftmost hop when every hop is trusted', () => {
		expect( clientIp( '10.0.0.3', '10.0.0.1, 10.0.0.2', proxies ) ).toBe(
			'10.0.0.1'
		);
	} );

	it( 'returns the trusted peer when there is no XFF', () => {
		expect( clientIp( '10.0.0.3', undefined, proxies ) ).toBe( '10.0.0.3' );
		expect( clientIp( '10.0.0.3', '', proxies ) ).toBe( '10.0.0.3' );
		expect( clientIp( '10.0.0.3', [], proxies ) ).toBe( '10.0.0.3' );
	} );

	it( 'skips blank entries', () => {
		expect( clientIp( '10.0.0.3', '203.0.113.1, , ,', proxies ) ).toBe(
			'203.0.113.1'
		);
	} );

	it( 'joins several XFF headers in order', () => {
		expect(
			clientIp(
				'10.0.0.3',
				[ '203.0.113.1, 198.51.100.7', '10.0.0.1' ],
				proxies
			)
		).toBe( '198.51.100.7' );
		expect(
			clientIp(
				'10.0.0.3',
				[ '203.0.113.1', '10.0.0.9, 10.0.0.1' ],
				proxies
			)
		).toBe( '203.0.113.1' );
	} );

	it( 'handles IPv6 peers and hops', () => {
		expect(
			clientIp(
				'2001:db8:ffff::10',
				'2001:DB8:1::7, 2001:db8:ffff::1',
				proxies
			)
		).toBe( '2001:db8:1::7' );
		expect( clientIp( '2001:db8:1::7', '203.0.113.1', proxies ) ).toBe(
			'2001:db8:1::7'
		);
		expect( clientIp( '10.0.0.3', '[2001:db8:2::9]', proxies ) ).toBe(
			'2001:db8:2::9'
		);
	} );

	it( 'treats IPv4-mapped addresses as IPv4', () => {
		expect(
			clientIp( '::ffff:10.0.0.3', '::ffff:203.0.113.1', proxies )
		).toBe( '203.0.113.1' );
		expect( clientIp( '::ffff:198.51.100.5', '6.6.6.6', proxies ) ).toBe(
			'198.51.100.5'
		);
	} );

	it( 'returns null when the remote address is unknown or invalid', () => {
		expect( clientIp( undefined, '203.0.113.1', proxies ) ).toBeNull();
		expect( clientIp( 'nope', '203.0.113.1', proxies ) ).toBeNull();
	} );

	it( 'trusts no XFF when no proxies are configured', () => {
		expect( clientIp( '10.0.0.3', '203.0.113.1', trusted( '' ) ) ).toBe(
			'10.0.0.3'
		);
	} );
} );

describe( 'anonymiseIp', () => {
	it.each( [
		[ 'IPv4', '203.0.113.77', '203.0.113.0' ],
		[ 'IPv4 already zero', '203.0.113.0', '203.0.113.0' ],
		[ 'mapped IPv4', '::ffff:203.0.113.77', '203.0.113.0' ],
		[ 'IPv6', '2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::' ],
		[
			'IPv6 upper case',
			'2001:0DB8:85A3:08D3:1319:8A2E:0370:7348',
			'2001:db8:85a3::',
		],
		[ 'IPv6 zero in kept bits', '2001:0:85a3:1::1', '2001:0:85a3::' ],
		[ 'IPv6 short', '2001:db8::1', '2001:db8::' ],
		[ 'IPv6 already anonymous', '2001:db8::', '2001:db8::' ],
		[ 'IPv6 loopback', '::1', '::' ],
		[ 'IPv6 with zone', 'fe80::1:2:3%eth0', 'fe80::' ],
	] )( '%s', ( _name, input, expected ) => {
		expect( anonymiseIp( input ) ).toBe( expected );
	} );

	it( 'returns an empty string for what is not an IP', () => {
		expect( anonymiseIp( 'garbage' ) ).toBe( '' );
	} );
} );

describe( 'storedIp', () => {
	it.each( [
		[ 'full', '203.0.113.77', '203.0.113.77' ],
		[ 'anonymised', '203.0.113.77', '203.0.113.0' ],
		[ 'none', '203.0.113.77', '' ],
		[ 'full', '2001:DB8::7', '2001:db8::7' ],
		[ 'anonymised', '2001:db8:1:2::7', '2001:db8:1::' ],
		[ 'none', '2001:db8::7', '' ],
	] as const )( '%s keeps %s as %j', ( mode, ip, expected ) => {
		expect( storedIp( ip, mode ) ).toBe( expected );
	} );

	it.each( [ 'full', 'anonymised', 'none' ] as const )(
		'stores nothing for an unknown IP in mode %s',
		( mode ) => {
			expect( storedIp( null, mode ) ).toBe( '' );
			expect( storedIp( 'junk', mode ) ).toBe( '' );
		}
	);
} );
