/**
 * Country flags and names, computed locally: nothing is fetched.
 */

const COUNTRY_CODE = /^[A-Z]{2}$/;

// Regional indicator symbol letter A.
const REGIONAL_A = 0x1f1e6;

/**
 * The flag emoji of an ISO 3166-1 alpha-2 code (two regional indicator
 * symbols), or '' when the code is not two letters.
 *
 * @param code Country code, any case, e.g. `fr`.
 */
export function countryFlag( code: string ): string {
	const upper = code.trim().toUpperCase();
	if ( ! COUNTRY_CODE.test( upper ) ) {
		return '';
	}
	return String.fromCodePoint(
		REGIONAL_A + upper.charCodeAt( 0 ) - 65,
		REGIONAL_A + upper.charCodeAt( 1 ) - 65
	);
}

const displayNames = new Map< string, Intl.DisplayNames | null >();

function regionNames( locale: string ): Intl.DisplayNames | null {
	let names = displayNames.get( locale );
	if ( names === undefined ) {
		try {
			names = new Intl.DisplayNames( [ locale, 'en' ], {
				type: 'region',
				fallback: 'none',
			} );
		} catch {
			names = null; // an invalid locale tag, or no Intl.DisplayNames
		}
		displayNames.set( locale, names );
	}
	return names;
}

// Names by locale and code: rows, pins and filters name countries on every
// render, and Intl.DisplayNames is slow enough to show at thousands of them.
const countryNames = new Map< string, string >();

/**
 * The name of a country in a locale, or '' when the code or locale is unknown.
 *
 * @param code   Country code, e.g. `DE`.
 * @param locale BCP 47 locale, e.g. `fr-FR`; English by default.
 */
export function countryName( code: string, locale = 'en' ): string {
	const upper = code.trim().toUpperCase();
	if ( ! COUNTRY_CODE.test( upper ) ) {
		return '';
	}
	const key = `${ locale }|${ upper }`;
	let name = countryNames.get( key );
	if ( name === undefined ) {
		try {
			name = regionNames( locale )?.of( upper ) ?? '';
		} catch {
			name = '';
		}
		countryNames.set( key, name );
	}
	return name;
}

/** The admin user's locale: the page's language, else the browser's, else English. */
export function userLocale(): string {
	if ( typeof document !== 'undefined' && document.documentElement.lang ) {
		return document.documentElement.lang;
	}
	if ( typeof navigator !== 'undefined' && navigator.language ) {
		return navigator.language;
	}
	return 'en';
}
