/**
 * What agents see of the visitors on the site: one entry per visitor (all of
 * a browser's tabs together), sent as a snapshot on connect and as coalesced
 * updates afterwards. All times are unix milliseconds of the sidecar's clock;
 * `serverTime` lets a screen correct for its own clock.
 */

/** A visitor's status, derived from connections on the sidecar. */
export type PresenceStatus = 'chatting' | 'online' | 'offline';

/** One open tab of a visitor. */
export interface PresenceTab {
	/** Opaque per-connection id, stable while the tab stays connected. */
	id: string;
	path: string;
	title: string;
	visible: boolean;
	/** When this tab's current page was viewed. */
	since: number;
}

/** Where a visitor is; empty strings and nulls when the lookup failed. */
export interface PresenceGeo {
	/** ISO 3166-1 alpha-2, upper case, or ''. */
	country: string;
	region: string;
	city: string;
	lat: number | null;
	lng: number | null;
	/** Time zone of the location (from the IP), or ''. */
	timezone: string;
	/** True when only the country (or less) is known, not the city. */
	approximate: boolean;
}

/** The visitor's browser, parsed from the user agent; '' when unknown. */
export interface PresenceDevice {
	browser: string;
	os: string;
	/** `desktop`, `mobile`, `tablet`, `smarttv`, `console`, `wearable`, `embedded` or ''. */
	device: string;
}

/** One listed visitor. */
export interface PresenceVisitor {
	/** The visitor id (32 hex). */
	id: string;
	/** "Visitor N": the lowest free number, stable while the entry lives. */
	number: number;
	/** The visitor's name once known (from a chat), else null. */
	name: string | null;
	status: PresenceStatus;
	/** Seen before this visit (presented a valid identity). */
	returning: boolean;
	/** When the first tab of this visit connected. */
	connectedAt: number;
	/** When the last tab disconnected; null while connected. */
	leftAt: number | null;
	/** The most recently viewed page over all tabs. */
	page: { path: string; title: string; since: number };
	/** Connected tabs (empty when offline). */
	tabs: PresenceTab[];
	/** The referrer of the visit's first page ('' for none). */
	referrer: string;
	/** Browser language, e.g. `en-GB`. */
	language: string;
	/** Browser time zone (IANA), e.g. `Europe/Paris`. */
	timezone: string;
	geo: PresenceGeo;
	device: PresenceDevice;
}

/** Totals shown above the list and map. */
export interface PresenceCounts {
	/** Online + chatting + offline within the 30-minute tail (listed or not). */
	live: number;
	online: number;
	chatting: number;
	offline: number;
	/** Visitors counted but not listed because the cap was reached. */
	overCap: number;
	/** The cap in force. */
	cap: number;
	/** Whether the site tracks visitors (off: nobody is listed, and why is worth saying). */
	tracking: boolean;
}

/**
 * Whether two totals are the same (so a message need not be sent, or state
 * need not change).
 *
 * @param a Totals.
 * @param b Other totals.
 */
export function sameCounts( a: PresenceCounts, b: PresenceCounts ): boolean {
	return (
		a.live === b.live &&
		a.online === b.online &&
		a.chatting === b.chatting &&
		a.offline === b.offline &&
		a.overCap === b.overCap &&
		a.cap === b.cap &&
		a.tracking === b.tracking
	);
}

/** Server → agent on connect: everything listed right now. */
export interface PresenceSnapshot {
	visitors: PresenceVisitor[];
	counts: PresenceCounts;
	serverTime: number;
}

/** Server → agent: what changed since the last message (one per tick at most). */
export interface PresenceUpdate {
	/** New or changed entries, whole (replace by id). */
	upserts: PresenceVisitor[];
	/** Ids of entries no longer listed. */
	removals: string[];
	counts: PresenceCounts;
	serverTime: number;
}
