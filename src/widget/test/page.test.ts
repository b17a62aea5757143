/**
 * Internal dependencies
 */
import { TITLE_MAX, checkPageView } from '../../protocol';
import { cleanTitle, firstReferrer, readPage } from '../page';

describe( 'cleanTitle', () => {
	it( 'collapses whitespace and control characters and trims', () => {
		expect(
			cleanTitle( '  Pricing \n\t –  Shop\u0000\u0007 x\u007f ' )
		).toBe( 'Pricing – Shop x' );
		expect( cleanTitle( '' ) ).toBe( '' );
		expect( cleanTitle( ' \n ' ) ).toBe( '' );
	} );

	it( 'cuts to TITLE_MAX without splitting a surrogate pair or ending in a space', () => {
		expect( cleanTitle( 'a'.repeat( TITLE_MAX + 50 ) ) ).toHaveLength(
			TITLE_MAX
		);
		const emoji = 'a'.repeat( TITLE_MAX - 1 ) + '😀';
		expect( cleanTitle( emoji ) ).toBe( 'a'.repeat( TITLE_MAX - 1 ) );
		const spaced = 'a'.repeat( TITLE_MAX - 1 ) + ' b';
		expect( cleanTitle( spaced ) ).toBe( 'a'.repeat( TITLE_MAX - 1 ) );
	} );
} );

describe( 'firstReferrer', () => {
	const ORIGIN = 'https://shop.example';

	it.each( [
		[
			'another site, cleaned',
			'https://User:pw@Search.Example/q/x?q=shoes#top',
			'https://search.example/q/x',
		],
		[ 'this site', 'https://shop.example/pricing?a=1', '' ],
		[ 'this site, upper case host', 'https://SHOP.example/', '' ],
		[
			'a look-alike host',
			'https://shop.example.evil.test/',
			'https://shop.example.evil.test/',
		],
		[
			'this host on another scheme',
			'http://shop.example/',
			'http://shop.example/',
		],
		[ 'no referrer', '', '' ],
		[ 'not http(s)', 'android-app://com.example/', '' ],
	] )( '%s', ( _name, referrer, expected ) => {
		expect( firstReferrer( referrer, ORIGIN ) ).toBe( expected );
	} );

	it( 'cuts very long referrers to what the sidecar accepts', () => {
		const long = 'https://search.example/' + 'p'.repeat( 5000 );
		expect( firstReferrer( long, ORIGIN ) ).toHaveLength( 2048 );
	} );
} );

describe( 'readPage', () => {
	afterEach( () => {
		window.history.replaceState( null, '', '/' );
		document.title = '';
	} );

	it( 'reads the path without query or fragment, the clean title and the browser', () => {
		window.history.replaceState(
			null,
			'',
			'/shop/shoes?color=red#reviews'
		);
		document.title = '  Shoes \n | Shop ';
		const page = readPage( window, 'https://search.example/' );
		expect( page ).toEqual( {
			path: '/shop/shoes',
			title: 'Shoes | Shop',
			referrer: 'https://search.example/',
			language: navigator.language,
			timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
			visible: document.visibilityState === 'visible',
		} );
		// What the widget sends is what the sidecar accepts, unchanged.
		expect( checkPageView( page ) ).toEqual( { ok: true, value: page } );
	} );

	it( 'reports a hidden tab as not visible', () => {
		const state = jest
			.spyOn( document, 'visibilityState', 'get' )
			.mockReturnValue( 'hidden' );
		expect( readPage( window, '' ).visible ).toBe( false );
		state.mockReturnValue( 'visible' );
		expect( readPage( window, '' ).visible ).toBe( true );
		state.mockRestore();
	} );

	it( 'sends an empty time zone when Intl fails', () => {
		const spy = jest
			.spyOn( Intl, 'DateTimeFormat' )
			.mockImplementation( () => {
				throw new RangeError( 'no' );
			} );
		expect( readPage( window, '' ).timezone ).toBe( '' );
		spy.mockRestore();
	} );
} );
