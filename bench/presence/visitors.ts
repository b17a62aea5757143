/**
 * What the presence benchmark's simulated visitors say (the fleet itself is
 * bench/lib/fleet.ts): every page view's path names its visitor and its send
 * time, so the measuring agent can tell how long it took to arrive.
 */

/**
 * Internal dependencies
 */
import type { PageView } from '../../src/protocol';
import { pick } from '../lib/fleet';
import type { FleetScript } from '../lib/fleet';
import { benchPath } from './agent';

const LANGUAGES = [ 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR' ];
const TIMEZONES = [
	'America/New_York',
	'Europe/London',
	'Europe/Berlin',
	'Europe/Paris',
	'Europe/Madrid',
	'America/Sao_Paulo',
];

/**
 * A page view of visitor `index` with the given path.
 *
 * @param index The visitor.
 * @param path  The page's path.
 */
export function benchPageView( index: number, path: string ): PageView {
	return {
		path,
		title: `Benchmark page of visitor ${ index }`,
		referrer: index % 3 === 0 ? 'https://www.example.com/search' : '',
		language: pick( LANGUAGES, index ),
		timezone: pick( TIMEZONES, index ),
		visible: true,
	};
}

/** New visitors (no identity) on `/bench/<visitor>/entry`, then measured page views. */
export const PRESENCE_SCRIPT: FleetScript = {
	auth: ( index ) => ( {
		page: benchPageView( index, `/bench/${ index }/entry` ),
	} ),
	pageView: ( index, sentAt ) =>
		benchPageView( index, benchPath( index, sentAt ) ),
};
