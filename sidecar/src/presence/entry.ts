/**
 * The engine's own record of one visitor and how it becomes what agents see.
 * Records are mutable and never leave the engine; agents get fresh copies.
 */

/**
 * Internal dependencies
 */
import type {
	PresenceDevice,
	PresenceGeo,
	PresenceStatus,
	PresenceVisitor,
} from '../../../src/protocol';

/** One connected tab. */
export interface TabState {
	id: string;
	path: string;
	title: string;
	visible: boolean;
	since: number;
	/** False until the tab has reported a page (handshake or `page:view`). */
	hasPage: boolean;
}

/** One visitor, listed or over the cap. */
export interface Entry {
	id: string;
	/** Creation order; breaks ties between equal `connectedAt`. */
	seq: number;
	/** 0 while over the cap; a visitor number once listed. */
	number: number;
	listed: boolean;
	/** Agents were told about this id in the last update (or its predecessor's). */
	announced: boolean;
	/** Sits in the engine's waiting heap (possibly as a stale item). */
	queued: boolean;
	/** Gone from the engine; stale heap items are recognised by this. */
	removed: boolean;
	name: string | null;
	chatting: boolean;
	returning: boolean;
	connectedAt: number;
	leftAt: number | null;
	page: { path: string; title: string; since: number };
	/** Connected tabs by id; Map order is connection order. */
	tabs: Map< string, TabState >;
	referrer: string;
	language: string;
	timezone: string;
	geo: PresenceGeo;
	device: PresenceDevice;
}

/**
 * The status agents see, derived from connections and the chat flag.
 *
 * @param entry A record.
 */
export function statusOf( entry: Entry ): PresenceStatus {
	if ( entry.tabs.size === 0 ) {
		return 'offline';
	}
	return entry.chatting ? 'chatting' : 'online';
}

/**
 * A copy of a location, so callers' objects are never shared.
 *
 * @param geo A location.
 */
export function copyGeo( geo: PresenceGeo ): PresenceGeo {
	return {
		country: geo.country,
		region: geo.region,
		city: geo.city,
		lat: geo.lat,
		lng: geo.lng,
		timezone: geo.timezone,
		approximate: geo.approximate,
	};
}

/**
 * A copy of a parsed user agent.
 *
 * @param device A device.
 */
export function copyDevice( device: PresenceDevice ): PresenceDevice {
	return {
		browser: device.browser,
		os: device.os,
		device: device.device,
	};
}

/**
 * The whole entry as agents see it, sharing nothing with the record.
 *
 * @param entry A record.
 */
export function toVisitor( entry: Entry ): PresenceVisitor {
	const tabs = [];
	for ( const tab of entry.tabs.values() ) {
		tabs.push( {
			id: tab.id,
			path: tab.path,
			title: tab.title,
			visible: tab.visible,
			since: tab.since,
		} );
	}
	return {
		id: entry.id,
		number: entry.number,
		name: entry.name,
		status: statusOf( entry ),
		returning: entry.returning,
		connectedAt: entry.connectedAt,
		leftAt: entry.leftAt,
		page: {
			path: entry.page.path,
			title: entry.page.title,
			since: entry.page.since,
		},
		tabs,
		referrer: entry.referrer,
		language: entry.language,
		timezone: entry.timezone,
		geo: copyGeo( entry.geo ),
		device: copyDevice( entry.device ),
	};
}

/**
 * Visitors first by the longest wait: earliest `connectedAt`, then creation.
 *
 * @param a One record.
 * @param b Another record.
 */
export function byConnectedAt( a: Entry, b: Entry ): number {
	return a.connectedAt - b.connectedAt || a.seq - b.seq;
}
