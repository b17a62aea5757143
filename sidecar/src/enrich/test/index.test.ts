/**
 * Internal dependencies
 */
import type { PresenceGeo } from '../../../../src/protocol';
import { createEnricher, emptyGeo, parseTrustedProxies } from '..';
import type { EnrichInput } from '..';

const CHROME =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

const BERLIN: PresenceGeo = {
	country: 'DE',
	region: 'BE',
	city: 'Berlin',
	lat: 52.52,
	lng: 13.405,
	timezone: 'Europe/Berlin',
	approximate: false,
};

function fakeGeo() {
	const seen: Array< string | null > = [];
	const geo = ( ip: string | null ): PresenceGeo => {
		seen.push( ip );
		return ip === '198.51.100.77' ? { ...BERLIN } : emptyGeo();
	};
	return { geo, seen };
}

const input = ( overrides: Partial< EnrichInput > = {} ): EnrichInput => ( {
	remoteAddress: '10.0.0.5',
	forwardedFor: '6.6.6.6, 198.51.100.77',
	userAgent: CHROME,
	trusted: parseTrustedProxies( '10.0.0.0/8' ).proxies,
	ipMode: 'anonymised',
	...overrides,
} );

describe( 'createEnricher', () => {
	it( 'locates the full client IP and stores it anonymised', () => {
		const { geo, seen } = fakeGeo();
		expect( createEnricher( { geo } ).enrich( input() ) ).toEqual( {
			ip: '198.51.100.0',
			geo: BERLIN,
			device: { browser: 'Chrome', os: 'Windows', device: 'desktop' },
		} );
		expect( seen ).toEqual( [ '198.51.100.77' ] );
	} );

	it.each( [
		[ 'full', '198.51.100.77' ],
		[ 'none', '' ],
	] as const )( 'stores the IP per mode %s', ( ipMode, ip ) => {
		const { geo, seen } = fakeGeo();
		const result = createEnricher( { geo } ).enrich( input( { ipMode } ) );
		expect( result.ip ).toBe( ip );
		expect( result.geo ).toEqual( BERLIN );
		expect( seen ).toEqual( [ '198.51.100.77' ] );
	} );

	it( 'ignores XFF from a peer that is not a trusted proxy', () => {
		const { geo, seen } = fakeGeo();
		const result = createEnricher( { geo } ).enrich(
			input( { remoteAddress: '203.0.113.9', ipMode: 'full' } )
		);
		expect( result.ip ).toBe( '203.0.113.9' );
		expect( seen ).toEqual( [ '203.0.113.9' ] );
	} );

	it( 'copes with a connection that offers nothing', () => {
		const { geo, seen } = fakeGeo();
		expect(
			createEnricher( { geo } ).enrich(
				input( {
					remoteAddress: undefined,
					forwardedFor: undefined,
					userAgent: undefined,
					ipMode: 'full',
				} )
			)
		).toEqual( {
			ip: '',
			geo: emptyGeo(),
			device: { browser: '', os: '', device: '' },
		} );
		expect( seen ).toEqual( [ null ] );
	} );

	it( 'uses the injected user-agent parser', () => {
		const { geo } = fakeGeo();
		const parse = jest.fn( () => ( {
			browser: 'X',
			os: 'Y',
			device: 'console',
		} ) );
		const result = createEnricher( { geo, userAgents: { parse } } ).enrich(
			input( { userAgent: 'anything' } )
		);
		expect( result.device ).toEqual( {
			browser: 'X',
			os: 'Y',
			device: 'console',
		} );
		expect( parse ).toHaveBeenCalledWith( 'anything' );
	} );

	it( 'uses the real database by default', () => {
		const result = createEnricher().enrich(
			input( { forwardedFor: '8.8.8.8', ipMode: 'none' } )
		);
		expect( result.ip ).toBe( '' );
		expect( result.geo.country ).toBe( 'US' );
		expect( result.device.browser ).toBe( 'Chrome' );
	} );
} );
