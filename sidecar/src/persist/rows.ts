/**
 * What the sidecar stores about presence: one row per sighting of a visitor
 * and one per page view, as handed to the presence writer and the
 * repositories. Times are unix milliseconds; the repositories store them as
 * UTC `DATETIME`s.
 */

/**
 * Internal dependencies
 */
import type { PresenceDevice, PresenceGeo } from '../../../src/protocol';

/** Where a visitor is, as stored; empty strings and nulls when unknown. */
export type StoredGeo = Pick<
	PresenceGeo,
	'country' | 'region' | 'city' | 'lat' | 'lng' | 'timezone'
>;

/** A sighting of a visitor, upserted into `{prefix}livedesk_visitors`. */
export interface VisitorRow {
	/** The visitor id: 32 lowercase hex characters. */
	visitorKey: string;
	/** When the visitor was seen (unix ms); becomes `last_seen`. */
	time: number;
	/**
	 * Visits this sighting starts: 1 for the first connection of a visit, 0
	 * for a later sighting within it. Added to `visit_count`.
	 */
	visitsDelta: number;
	/** The IP as the IP setting allows storing it (full, anonymised or ''). */
	ip: string;
	geo: StoredGeo;
	device: PresenceDevice;
	/** Browser language, e.g. `en-GB`, or ''. */
	language: string;
	/** Browser time zone (IANA), or ''. */
	browserTimezone: string;
	/** Referrer of the visit's first page ('' for none); kept only from new visits. */
	referrer: string;
}

/** One page view, appended to `{prefix}livedesk_page_views`. */
export interface PageViewRow {
	/** The visitor id: 32 lowercase hex characters. */
	visitorKey: string;
	/** Path of the page, without query string or fragment. */
	path: string;
	title: string;
	/** When the page was viewed (unix ms). */
	time: number;
}
