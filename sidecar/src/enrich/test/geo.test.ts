/**
 * Internal dependencies
 */
import type { GeoLookupFn, GeoRecord } from '../geo';
import { createGeoLookup, emptyGeo, isPublicIp, lookupGeo } from '../geo';

const EMPTY = {
	country: '',
	region: '',
	city: '',
	lat: null,
	lng: null,
	timezone: '',
	approximate: true,
};

const PARIS: GeoRecord = {
	country: 'fr',
	region: 'IDF',
	city: 'Paris',
	ll: [ 48.8566, 2.3522 ],
	timezone: 'Europe/Paris',
	eu: '1',
	metro: 0,
	area: 20,
};

function fakeLookup( record: GeoRecord ): GeoLookupFn & { calls: string[] } {
	const calls: string[] = [];
	const lookup = ( ip: string ) => {
		calls.push( ip );
		return record;
	};
	return Object.assign( lookup, { calls } );
}

describe( 'createGeoLookup with an injected lookup', () => {
	it( 'maps a city-level record', () => {
		const lookup = fakeLookup( PARIS );
		expect( createGeoLookup( lookup )( '203.1.2.3' ) ).toEqual( {
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			lat: 48.8566,
			lng: 2.3522,
			timezone: 'Europe/Paris',
			approximate: false,
		} );
		expect( lookup.calls ).toEqual( [ '203.1.2.3' ] );
	} );

	it( 'marks a country-only record as approximate', () => {
		const geo = createGeoLookup(
			fakeLookup( {
				country: 'US',
				region: '',
				city: '',
				ll: [ 37.751, -97.822 ],
				timezone: 'America/Chicago',
			} )
		)( '8.8.8.8' );
		expect( geo ).toEqual( {
			country: 'US',
			region: '',
			city: '',
			lat: 37.751,
			lng: -97.822,
			timezone: 'America/Chicago',
			approximate: true,
		} );
	} );

	it( 'drops missing, null or 0,0 coordinates without a country', () => {
		const nulls = createGeoLookup(
			fakeLookup( {
				country: '',
				region: '',
				city: '',
				ll: [ null, null ] as unknown as [ number, number ],
			} )
		)( '1.1.1.1' );
		expect( nulls ).toEqual( EMPTY );

		const zero = createGeoLookup(
			fakeLookup( { country: '', city: '', ll: [ 0, 0 ] } )
		)( '1.1.1.1' );
		expect( [ zero.lat, zero.lng ] ).toEqual( [ null, null ] );

		const missing = createGeoLookup( fakeLookup( { country: 'DE' } ) )(
			'1.1.1.1'
		);
		expect( missing ).toEqual( { ...EMPTY, country: 'DE' } );
	} );

	it( 'keeps 0,0 when a country vouches for it', () => {
		const geo = createGeoLookup(
			fakeLookup( { country: 'GH', city: '', ll: [ 0, 0 ] } )
		)( '1.1.1.1' );
		expect( [ geo.lat, geo.lng ] ).toEqual( [ 0, 0 ] );
	} );

	it( 'ignores values of the wrong type or range', () => {
		const geo = createGeoLookup(
			fakeLookup( {
				country: 'Narnia',
				region: 7 as unknown as string,
				city: '  Springfield ',
				ll: [ 91, 10 ],
				timezone: undefined,
			} )
		)( '1.1.1.1' );
		expect( geo ).toEqual( {
			...EMPTY,
			city: 'Springfield',
			approximate: false,
		} );
	} );

	it( 'is empty when the lookup finds nothing', () => {
		expect( createGeoLookup( fakeLookup( null ) )( '1.1.1.1' ) ).toEqual(
			EMPTY
		);
	} );

	it( 'is empty, not thrown, when the lookup throws', () => {
		const locate = createGeoLookup( () => {
			throw new Error( 'database gone' );
		} );
		expect( locate( '1.1.1.1' ) ).toEqual( EMPTY );
	} );

	it.each( [
		null,
		'',
		'not an ip',
		'10.1.2.3',
		'172.20.0.5',
		'192.168.1.1',
		'127.0.0.1',
		'100.64.1.1',
		'169.254.1.1',
		'::1',
		'::',
		'fd00::1',
		'fe80::1%eth0',
		'::ffff:192.168.0.1',
	] )( 'does not look up %j', ( ip ) => {
		const lookup = fakeLookup( PARIS );
		expect( createGeoLookup( lookup )( ip ) ).toEqual( EMPTY );
		expect( lookup.calls ).toEqual( [] );
	} );

	it( 'looks up the canonical form of the address', () => {
		const lookup = fakeLookup( PARIS );
		const locate = createGeoLookup( lookup );
		locate( '::ffff:8.8.4.4' );
		locate( ' 2001:4860:4860:0:0:0:0:8888 ' );
		expect( lookup.calls ).toEqual( [ '8.8.4.4', '2001:4860:4860::8888' ] );
	} );

	it( 'returns a fresh empty object each time', () => {
		const a = emptyGeo();
		a.country = 'XX';
		expect( emptyGeo().country ).toBe( '' );
	} );
} );

describe( 'isPublicIp', () => {
	it( 'tells public from special-purpose addresses', () => {
		expect( isPublicIp( '8.8.8.8' ) ).toBe( true );
		expect( isPublicIp( '2001:4860:4860::8888' ) ).toBe( true );
		expect( isPublicIp( '10.0.0.1' ) ).toBe( false );
		expect( isPublicIp( '224.0.0.1' ) ).toBe( false );
		expect( isPublicIp( '2001:db8::1' ) ).toBe( false );
	} );
} );

// The bundled database: only countries of long-stable allocations are
// asserted, since cities move between database releases.
describe( 'lookupGeo with the real database', () => {
	it.each( [
		[ '8.8.8.8', 'US' ],
		[ '::ffff:8.8.8.8', 'US' ],
		[ '2001:4860:4860::8888', 'US' ],
		[ '193.0.6.139', 'NL' ],
		[ '81.2.69.142', 'GB' ],
	] )( 'puts %s in %s', ( ip, country ) => {
		const geo = lookupGeo( ip );
		expect( geo.country ).toBe( country );
		expect( geo.timezone ).not.toBe( '' );
		expect( typeof geo.lat ).toBe( 'number' );
		expect( typeof geo.lng ).toBe( 'number' );
		expect( geo.approximate ).toBe( geo.city === '' );
	} );

	it.each( [ '192.168.1.1', '127.0.0.1', '::1', 'garbage', null ] )(
		'leaves %j empty',
		( ip ) => {
			expect( lookupGeo( ip ) ).toEqual( EMPTY );
		}
	);
} );
