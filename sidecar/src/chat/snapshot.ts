/**
 * What a conversation records about its visitor at chat time (DESIGN.md "Per
 * chat"): the connection's IP (as the IP setting allows) and location, the
 * browser, the browser's language and time zone, and the last 10 pages with
 * titles. Pure: the transport gathers the parts.
 */

/**
 * Internal dependencies
 */
import type {
	ConversationPage,
	ConversationVisitorSnapshot,
	PresenceDevice,
	PresenceGeo,
} from '../../../src/protocol';

/** Pages a snapshot keeps. */
export const SNAPSHOT_PAGES = 10;

/** The parts of a snapshot. */
export interface SnapshotParts {
	/** Full, anonymised or '' per the IP setting. */
	ip: string;
	geo: Pick< PresenceGeo, 'country' | 'region' | 'city' | 'timezone' >;
	device: PresenceDevice;
	/** From the visitor's latest page view ('' when unknown). */
	language: string;
	/** The browser's time zone ('' when unknown; the location's is used then). */
	browserTimezone: string;
	/** Stored page views, newest first. */
	storedPages: readonly ConversationPage[];
	/** The page the visitor shows now (presence), if known. */
	currentPage: { path: string; title: string; since: number } | null;
	/** Unix milliseconds. */
	now: number;
}

// Page views are stored to the second; presence keeps milliseconds.
function samePage(
	stored: ConversationPage | undefined,
	current: { path: string; since: number }
): boolean {
	if ( ! stored || stored.path !== current.path ) {
		return false;
	}
	const viewed = Date.parse( stored.viewed_at );
	return (
		Math.abs( viewed - Math.floor( current.since / 1000 ) * 1000 ) < 2000
	);
}

/**
 * The snapshot: stored pages with the current page in front when it is not
 * stored yet (buffered, or tracking just failed to write).
 *
 * @param parts The parts.
 */
export function buildSnapshot(
	parts: SnapshotParts
): ConversationVisitorSnapshot {
	const pages = parts.storedPages.slice( 0, SNAPSHOT_PAGES );
	const current = parts.currentPage;
	if ( current && current.path !== '' && ! samePage( pages[ 0 ], current ) ) {
		pages.unshift( {
			path: current.path,
			title: current.title,
			viewed_at: new Date( current.since ).toISOString(),
		} );
	}
	return {
		ip: parts.ip,
		country: parts.geo.country,
		region: parts.geo.region,
		city: parts.geo.city,
		timezone: parts.browserTimezone || parts.geo.timezone,
		browser: parts.device.browser,
		os: parts.device.os,
		device: parts.device.device,
		language: parts.language,
		pages: pages
			.slice( 0, SNAPSHOT_PAGES )
			.map( ( page ) => ( { ...page } ) ),
		last_seen: new Date( parts.now ).toISOString(),
	};
}
