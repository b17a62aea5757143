/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { countryName as sharedCountryName, userLocale } from '../../lib';
import type { PinGroup } from './grouping';

/**
 * The country's name in the page's language, or its code when the browser
 * cannot name it.
 *
 * @param code ISO 3166-1 alpha-2 code.
 */
export function countryName( code: string ): string {
	return sharedCountryName( code, userLocale() ) || code;
}

/**
 * Where a pin is, in words: "Paris, France", "France", or "Unknown location".
 *
 * @param group A pin group.
 */
export function placeName( group: PinGroup ): string {
	const country = group.country ? countryName( group.country ) : '';
	const parts = [ group.city, country ].filter( ( part ) => part !== '' );
	return parts.length > 0
		? parts.join( ', ' )
		: __( 'Unknown location', 'livedesk' );
}

/**
 * The accessible name of a pin, e.g. "Paris, France: 3 visitors".
 *
 * @param group A pin group.
 */
export function pinLabel( group: PinGroup ): string {
	const label = sprintf(
		/* translators: 1: place, e.g. "Paris, France"; 2: number of visitors. */
		_n(
			'%1$s: %2$d visitor',
			'%1$s: %2$d visitors',
			group.count,
			'livedesk'
		),
		placeName( group ),
		group.count
	);
	return group.approximate
		? sprintf(
				/* translators: %s: a pin's label, e.g. "France: 2 visitors". */
				__( '%s (approximate location)', 'livedesk' ),
				label
			)
		: label;
}

/**
 * The heading of the chooser of a cluster of several places, e.g. "12
 * visitors in this area".
 *
 * @param count Visitors in the cluster.
 */
export function areaLabel( count: number ): string {
	return sprintf(
		/* translators: %d: number of visitors in a cluster of nearby places. */
		_n(
			'%d visitor in this area',
			'%d visitors in this area',
			count,
			'livedesk'
		),
		count
	);
}
