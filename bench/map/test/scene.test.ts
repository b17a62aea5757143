/**
 * Internal dependencies
 */
import { checkPageView } from '../../../src/protocol';
import { identityFor, localeFor } from '../screenshot';
import { SITE_PAGES, sitePage, siteScript } from '../scene';

describe( 'sitePage', () => {
	it( 'moves every visitor to another page at each step', () => {
		for ( let index = 0; index < 50; index++ ) {
			for ( let step = 0; step < 20; step++ ) {
				expect( sitePage( index, step + 1 ) ).not.toEqual(
					sitePage( index, step )
				);
			}
		}
	} );

	it( 'lands neighbours on different pages', () => {
		const landings = new Set(
			Array.from( { length: 11 }, ( _, i ) => sitePage( i, 0 ).path )
		);
		expect( landings.size ).toBe( SITE_PAGES.length );
	} );
} );

describe( 'siteScript', () => {
	it( 'sends page views the sidecar accepts, a new page each time', () => {
		const script = siteScript();
		const landing = script.auth( 4 ).page;
		const first = script.pageView( 4, 0 );
		const second = script.pageView( 4, 0 );
		for ( const view of [ landing, first, second ] ) {
			expect( checkPageView( view ).ok ).toBe( true );
		}
		expect( first.path ).not.toBe( landing?.path );
		expect( second.path ).not.toBe( first.path );
	} );

	it( 'passes identity, locale and address through', () => {
		const script = siteScript( {
			identity: () => ( { id: 'a'.repeat( 32 ), sig: 'b'.repeat( 43 ) } ),
			locale: () => ( { language: 'th-TH', timezone: 'Asia/Bangkok' } ),
			address: () => '101.109.166.219',
		} );
		expect( script.auth( 0 ) ).toMatchObject( {
			id: 'a'.repeat( 32 ),
			sig: 'b'.repeat( 43 ),
			page: { language: 'th-TH', timezone: 'Asia/Bangkok' },
		} );
		expect( script.address?.( 0 ) ).toBe( '101.109.166.219' );
	} );
} );

describe( 'screenshot helpers', () => {
	it( 'gives a visitor the language of its country and its zone', () => {
		expect( localeFor( 'TH', 'Asia/Bangkok' ) ).toEqual( {
			language: 'th-TH',
			timezone: 'Asia/Bangkok',
		} );
		expect( localeFor( '', '' ) ).toEqual( {
			language: 'en-US',
			timezone: 'UTC',
		} );
	} );

	it( 'makes stable, well-formed identities', () => {
		const one = identityFor( 'crowd-1', 'secret' );
		expect( one ).toEqual( identityFor( 'crowd-1', 'secret' ) );
		expect( one.id ).toMatch( /^[0-9a-f]{32}$/ );
		expect( one.sig ).toMatch( /^[A-Za-z0-9_-]{43}$/ );
		expect( identityFor( 'crowd-2', 'secret' ).id ).not.toBe( one.id );
	} );
} );
