/**
 * External dependencies
 */
import { BlockList, isIPv4 } from 'node:net';

/**
 * Internal dependencies
 */
import { pick, visitorAddress, visitorUserAgent } from '../fleet';

describe( 'visitorAddress', () => {
	const reserved = new BlockList();
	for ( const [ net, bits ] of [
		[ '0.0.0.0', 8 ],
		[ '10.0.0.0', 8 ],
		[ '100.64.0.0', 10 ],
		[ '127.0.0.0', 8 ],
		[ '169.254.0.0', 16 ],
		[ '172.16.0.0', 12 ],
		[ '192.168.0.0', 16 ],
		[ '224.0.0.0', 3 ],
	] as const ) {
		reserved.addSubnet( net, bits );
	}
	const addresses = Array.from( { length: 10_000 }, ( _, i ) =>
		visitorAddress( i )
	);

	it( 'gives public IPv4 addresses', () => {
		for ( const address of addresses ) {
			expect( isIPv4( address ) ).toBe( true );
			expect( reserved.check( address ) ).toBe( false );
			expect( address.endsWith( '.0' ) ).toBe( false );
		}
	} );

	it( 'is stable per visitor and spread over visitors', () => {
		expect( visitorAddress( 42 ) ).toBe( addresses[ 42 ] );
		expect( new Set( addresses ).size ).toBeGreaterThan( 9_900 );
	} );
} );

describe( 'pick and visitorUserAgent', () => {
	it( 'go round the list by index', () => {
		expect( pick( [ 'a', 'b', 'c' ], 4 ) ).toBe( 'b' );
		expect( visitorUserAgent( 0 ) ).toBe( visitorUserAgent( 6 ) );
		expect( visitorUserAgent( 0 ) ).not.toBe( visitorUserAgent( 1 ) );
	} );
} );
