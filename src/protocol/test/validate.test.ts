/**
 * Internal dependencies
 */
import {
	PATH_MAX,
	TITLE_MAX,
	checkPageView,
	checkPageVisibility,
	checkVisitorAuth,
	cleanReferrer,
	stripQueryAndFragment,
} from '..';

const VIEW = {
	path: '/pricing/',
	title: 'Pricing',
	referrer: 'https://www.google.com/',
	language: 'en-GB',
	timezone: 'Europe/London',
	visible: true,
};

describe( 'stripQueryAndFragment', () => {
	it.each( [
		[ '/shop/?utm_source=mail&token=abc', '/shop/' ],
		[ '/shop/#reviews', '/shop/' ],
		[ '/a?b#c', '/a' ],
		[ '/a#b?c', '/a' ],
		[ 'https://x.test/p?q=1', 'https://x.test/p' ],
		[ '/plain', '/plain' ],
		[ '?only', '' ],
	] )( '%s → %s', ( input, expected ) => {
		expect( stripQueryAndFragment( input ) ).toBe( expected );
	} );
} );

describe( 'cleanReferrer', () => {
	it.each( [
		[
			'https://www.Google.com/search?q=secret',
			'https://www.google.com/search',
		],
		[ 'http://user:pass@example.com/x#y', 'http://example.com/x' ],
		[ 'https://example.com', 'https://example.com/' ],
		[ 'https://example.com:8443/a/b?c', 'https://example.com:8443/a/b' ],
		[ 'javascript:alert(1)', '' ],
		[ 'android-app://com.google.android.gm/', '' ],
		[ '', '' ],
		[ 'not a url', '' ],
	] )( '%s → %s', ( input, expected ) => {
		expect( cleanReferrer( input ) ).toBe( expected );
	} );
} );

describe( 'checkPageView', () => {
	it( 'accepts a page view and strips what must not be stored', () => {
		const checked = checkPageView( {
			...VIEW,
			path: '/checkout/?coupon=SECRET#pay',
			title: '  Checkout \n\t step 2 ',
			referrer: 'https://news.example/article?id=7#top',
			extra: 'dropped',
		} );
		expect( checked ).toEqual( {
			ok: true,
			value: {
				...VIEW,
				path: '/checkout/',
				title: 'Checkout step 2',
				referrer: 'https://news.example/article',
			},
		} );
	} );

	it( 'keeps hostile text as text', () => {
		const title = '<img src=x onerror=alert(1)> "quotes" & émoji 🎉';
		const checked = checkPageView( { ...VIEW, title } );
		expect( checked.ok && checked.value.title ).toBe( title );
	} );

	it.each( [
		[ 'not an object', 'nope', /must be an object/ ],
		[ 'an array', [], /must be an object/ ],
		[
			'a missing path',
			{ ...VIEW, path: undefined },
			/path must be a string/,
		],
		[ 'a numeric title', { ...VIEW, title: 5 }, /title must be a string/ ],
		[
			'a relative path',
			{ ...VIEW, path: 'pricing' },
			/path must start with \//,
		],
		[
			'a path over the limit',
			{ ...VIEW, path: '/' + 'a'.repeat( PATH_MAX ) },
			/path is longer than 2048/,
		],
		[
			'a title over the limit',
			{ ...VIEW, title: 't'.repeat( TITLE_MAX + 1 ) },
			/title is longer than 300/,
		],
		[
			'a control character',
			{ ...VIEW, title: 'a\u0000b' },
			/control characters/,
		],
		[ 'a bad language', { ...VIEW, language: 'en GB<' }, /language/ ],
		[ 'a bad time zone', { ...VIEW, timezone: '../../etc' }, /timezone/ ],
		[
			'a missing visible',
			{ ...VIEW, visible: 'yes' },
			/visible must be a boolean/,
		],
	] )( 'refuses %s', ( _name, input, reason ) => {
		const checked = checkPageView( input );
		expect( checked.ok ).toBe( false );
		expect( ! checked.ok && checked.reason ).toMatch( reason );
	} );

	it( 'accepts empty optional strings', () => {
		expect(
			checkPageView( {
				...VIEW,
				title: '',
				referrer: '',
				language: '',
				timezone: '',
			} ).ok
		).toBe( true );
	} );
} );

describe( 'checkPageVisibility', () => {
	it( 'accepts a boolean', () => {
		expect( checkPageVisibility( { visible: false } ) ).toEqual( {
			ok: true,
			value: { visible: false },
		} );
	} );

	it( 'refuses anything else', () => {
		expect( checkPageVisibility( { visible: 1 } ).ok ).toBe( false );
		expect( checkPageVisibility( null ).ok ).toBe( false );
	} );
} );

describe( 'checkVisitorAuth', () => {
	const id = 'a'.repeat( 32 );
	const sig = 'b'.repeat( 43 );

	it( 'keeps a well-formed identity and page', () => {
		expect( checkVisitorAuth( { id, sig, page: VIEW } ) ).toEqual( {
			ok: true,
			value: { id, sig, page: VIEW },
		} );
	} );

	it.each( [
		[ 'no auth', undefined ],
		[ 'an upper-case id', { id: 'A'.repeat( 32 ), sig } ],
		[ 'a short id', { id: 'a'.repeat( 31 ), sig } ],
		[ 'a signature of the wrong length', { id, sig: 'b'.repeat( 44 ) } ],
		[ 'an id without signature', { id } ],
		[ 'numbers', { id: 1, sig: 2 } ],
	] )( 'treats %s as a new visitor', ( _name, input ) => {
		expect( checkVisitorAuth( input ) ).toEqual( { ok: true, value: {} } );
	} );

	it( 'refuses a malformed page', () => {
		const checked = checkVisitorAuth( { page: { path: 7 } } );
		expect( ! checked.ok && checked.reason ).toMatch( /^auth\.page: / );
	} );
} );
