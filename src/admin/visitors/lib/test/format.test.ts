/**
 * Internal dependencies
 */
import { countryFlag, countryName } from '../flags';
import {
	formatDuration,
	formatLocalTime,
	orDash,
	pageLabel,
	safeHttpUrl,
	visitorLabel,
} from '../format';
import { STATUS_COLORS, statusLabel } from '../status';

describe( 'countryFlag', () => {
	it( 'builds the flag from regional indicator symbols', () => {
		expect( countryFlag( 'FR' ) ).toBe( '\u{1F1EB}\u{1F1F7}' );
		expect( countryFlag( 'gb' ) ).toBe( '\u{1F1EC}\u{1F1E7}' );
	} );

	it( 'returns nothing for an empty or malformed code', () => {
		expect( countryFlag( '' ) ).toBe( '' );
		expect( countryFlag( 'FRA' ) ).toBe( '' );
		expect( countryFlag( '1A' ) ).toBe( '' );
	} );
} );

describe( 'countryName', () => {
	it( 'names a country in a locale', () => {
		expect( countryName( 'DE' ) ).toBe( 'Germany' );
		expect( countryName( 'de', 'fr' ) ).toBe( 'Allemagne' );
		expect( countryName( '' ) ).toBe( '' );
	} );
} );

describe( 'formatDuration', () => {
	it( 'formats minutes and seconds, then hours', () => {
		expect( formatDuration( 0 ) ).toBe( '0:00' );
		expect( formatDuration( 65_999 ) ).toBe( '1:05' );
		expect( formatDuration( 3_723_000 ) ).toBe( '1:02:03' );
		expect( formatDuration( -5000 ) ).toBe( '0:00' );
	} );
} );

describe( 'formatLocalTime', () => {
	it( 'shows the time in the zone, or a dash when the zone is unknown', () => {
		const noonUtc = Date.UTC( 2026, 0, 15, 12, 0, 0 );
		expect( formatLocalTime( noonUtc, 'Asia/Tokyo', 'en-GB' ) ).toBe(
			'21:00:00'
		);
		expect( formatLocalTime( noonUtc, '', 'en-GB' ) ).toBe( '—' );
		expect( formatLocalTime( noonUtc, 'Not/AZone', 'en-GB' ) ).toBe( '—' );
	} );
} );

describe( 'safeHttpUrl', () => {
	it( 'accepts only absolute http(s) URLs', () => {
		expect( safeHttpUrl( 'https://news.example/a' ) ).toBe(
			'https://news.example/a'
		);
		expect( safeHttpUrl( 'javascript:alert(1)' ) ).toBeNull();
		expect( safeHttpUrl( 'data:text/html,x' ) ).toBeNull();
		expect( safeHttpUrl( '/relative' ) ).toBeNull();
		expect( safeHttpUrl( '' ) ).toBeNull();
	} );
} );

describe( 'labels', () => {
	it( 'names a visitor by name or number', () => {
		expect( visitorLabel( { name: null, number: 7 } ) ).toBe( 'Visitor 7' );
		expect( visitorLabel( { name: '  ', number: 7 } ) ).toBe( 'Visitor 7' );
		expect( visitorLabel( { name: 'Ana', number: 7 } ) ).toBe( 'Ana' );
	} );

	it( 'names a page by title, else path', () => {
		expect( pageLabel( { path: '/a', title: 'A' } ) ).toBe( 'A' );
		expect( pageLabel( { path: '/a', title: '' } ) ).toBe( '/a' );
	} );

	it( 'shows a dash for empty values', () => {
		expect( orDash( '' ) ).toBe( '—' );
		expect( orDash( null ) ).toBe( '—' );
		expect( orDash( 'x' ) ).toBe( 'x' );
	} );

	it( 'has a colour and a word for every status', () => {
		expect( STATUS_COLORS ).toEqual( {
			chatting: '#E69F00',
			online: '#009E73',
			offline: '#8C8C8C',
		} );
		expect( statusLabel( 'chatting' ) ).toBe( 'Chatting' );
		expect( statusLabel( 'offline' ) ).toBe( 'Offline' );
	} );
} );
