/**
 * Internal dependencies
 */
import { MAX_USER_AGENT_LENGTH, UserAgentParser } from '../user-agent';

const CHROME_WINDOWS =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FIREFOX_LINUX =
	'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';
const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_SAFARI =
	'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1';
const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const PLAYSTATION =
	'Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15';

describe( 'UserAgentParser.parse', () => {
	it.each( [
		[ 'Chrome on Windows', CHROME_WINDOWS, 'Chrome', 'Windows', 'desktop' ],
		[ 'Firefox on Linux', FIREFOX_LINUX, 'Firefox', 'Ubuntu', 'desktop' ],
		[ 'Safari on iPhone', IPHONE_SAFARI, 'Mobile Safari', 'iOS', 'mobile' ],
		[ 'Safari on iPad', IPAD_SAFARI, 'Mobile Safari', 'iOS', 'tablet' ],
		[ 'Chrome on Android', ANDROID_CHROME, 'Chrome', 'Android', 'mobile' ],
		[ 'a console', PLAYSTATION, 'Safari', 'PlayStation', 'console' ],
	] )( '%s', ( _name, ua, browser, os, device ) => {
		expect( new UserAgentParser().parse( ua ) ).toEqual( {
			browser,
			os,
			device,
		} );
	} );

	it.each( [ undefined, '', '   ' ] )( 'knows nothing of %j', ( ua ) => {
		expect( new UserAgentParser().parse( ua ) ).toEqual( {
			browser: '',
			os: '',
			device: '',
		} );
	} );

	it( 'knows nothing of garbage, and does not call it a desktop', () => {
		const parser = new UserAgentParser();
		for ( const ua of [
			'zzzz',
			'<script>alert(1)</script>',
			'\u0000\u0001',
		] ) {
			expect( parser.parse( ua ) ).toEqual( {
				browser: '',
				os: '',
				device: '',
			} );
		}
	} );

	it( 'survives a 10 KB user agent and parses only its start', () => {
		const parser = new UserAgentParser();
		const huge = CHROME_WINDOWS + ' ' + 'x'.repeat( 10 * 1024 );
		const started = Date.now();
		expect( parser.parse( huge ) ).toEqual( {
			browser: 'Chrome',
			os: 'Windows',
			device: 'desktop',
		} );
		expect( Date.now() - started ).toBeLessThan( 1000 );

		// Anything past the limit is ignored, so it cannot change the result.
		const padded = CHROME_WINDOWS.padEnd( MAX_USER_AGENT_LENGTH, ' ' );
		expect( parser.parse( padded + ' iPhone' ) ).toEqual(
			parser.parse( padded )
		);
	} );

	it( 'survives a 10 KB user agent of a repeated token', () => {
		const parser = new UserAgentParser();
		const result = parser.parse( 'Mozilla/5.0 ('.repeat( 800 ) );
		expect( typeof result.browser ).toBe( 'string' );
		expect( parser.size ).toBe( 1 );
	} );

	it( 'returns an equal but separate result from the cache', () => {
		const parser = new UserAgentParser();
		const first = parser.parse( IPHONE_SAFARI );
		first.browser = 'changed by a caller';
		const second = parser.parse( IPHONE_SAFARI );
		expect( second ).toEqual( {
			browser: 'Mobile Safari',
			os: 'iOS',
			device: 'mobile',
		} );
		expect( parser.size ).toBe( 1 );
	} );

	it( 'bounds the cache and evicts the least recently used entry', () => {
		const parser = new UserAgentParser( 3 );
		const ua = ( n: number ) => `${ CHROME_WINDOWS } Build/${ n }`;
		parser.parse( ua( 1 ) );
		parser.parse( ua( 2 ) );
		parser.parse( ua( 3 ) );
		parser.parse( ua( 4 ) );
		expect( parser.size ).toBe( 3 );

		for ( let n = 5; n < 100; n++ ) {
			parser.parse( ua( n ) );
		}
		expect( parser.size ).toBe( 3 );
	} );

	it( 'serves a cached user agent without parsing it again', () => {
		const parser = new UserAgentParser( 2 );
		const compute = jest.spyOn(
			parser as unknown as { compute: ( ua: string ) => unknown },
			'compute'
		);
		parser.parse( CHROME_WINDOWS );
		parser.parse( IPHONE_SAFARI );
		parser.parse( CHROME_WINDOWS );
		expect( compute ).toHaveBeenCalledTimes( 2 );

		parser.parse( IPAD_SAFARI ); // evicts the iPhone, used longest ago
		parser.parse( CHROME_WINDOWS );
		expect( compute ).toHaveBeenCalledTimes( 3 );
		parser.parse( IPHONE_SAFARI );
		expect( compute ).toHaveBeenCalledTimes( 4 );
	} );
} );
