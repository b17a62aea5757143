/**
 * Narrowing the visitor list by what an agent types.
 */

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';
import { countryName, userLocale } from './flags';
import { pageLabel, visitorLabel } from './format';

/**
 * Lower case without accents, so "zurich" finds "Zürich" and "SAO" finds "São".
 *
 * @param text Any text.
 */
export function normaliseText( text: string ): string {
	return text
		.normalize( 'NFD' )
		.replace( /\p{Diacritic}/gu, '' )
		.toLowerCase()
		.trim();
}

// Visitor entries are replaced whole when they change, so each object's
// search text can be kept until the object is dropped.
const searchTexts = new WeakMap< PresenceVisitor, Map< string, string > >();

function searchText( visitor: PresenceVisitor, locale: string ): string {
	let byLocale = searchTexts.get( visitor );
	let text = byLocale?.get( locale );
	if ( text !== undefined ) {
		return text;
	}
	const { country, city } = visitor.geo;
	text = normaliseText(
		[
			visitorLabel( visitor ),
			city,
			country,
			countryName( country, 'en' ),
			countryName( country, locale ),
			pageLabel( visitor.page ),
		].join( '\n' )
	);
	if ( ! byLocale ) {
		byLocale = new Map();
		searchTexts.set( visitor, byLocale );
	}
	byLocale.set( locale, text );
	return text;
}

/**
 * The visitors whose name ("Visitor N" when unknown), city, country code,
 * country name (in English or the user's locale) or current page title (its
 * path when untitled) contains the query, ignoring case and accents, in their
 * original order. An empty query returns `visitors` itself, so nothing that
 * depends on the list re-renders.
 *
 * @param visitors The listed visitors.
 * @param query    What the agent typed.
 * @param locale   The user's locale, for country names; the page's or browser's by default.
 */
export function filterVisitors(
	visitors: readonly PresenceVisitor[],
	query: string,
	locale: string = userLocale()
): readonly PresenceVisitor[] {
	const needle = normaliseText( query );
	if ( needle === '' ) {
		return visitors;
	}
	return visitors.filter( ( visitor ) =>
		searchText( visitor, locale ).includes( needle )
	);
}
