/**
 * Internal dependencies
 */
import type {
	PresenceCounts,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
} from '../../../../protocol';

/** Totals for tests. */
export const COUNTS: PresenceCounts = {
	live: 3,
	online: 2,
	chatting: 0,
	offline: 1,
	overCap: 0,
	cap: 500,
	tracking: true,
};

/**
 * A whole visitor entry.
 *
 * @param id          Visitor id.
 * @param connectedAt When the visit started.
 * @param path        Current page.
 */
export function visitor(
	id: string,
	connectedAt: number,
	path = '/'
): PresenceVisitor {
	return {
		id,
		number: 1,
		name: null,
		status: 'online',
		returning: false,
		connectedAt,
		leftAt: null,
		page: { path, title: 'Home', since: connectedAt },
		tabs: [],
		referrer: '',
		language: 'en-GB',
		timezone: 'Europe/London',
		geo: {
			country: '',
			region: '',
			city: '',
			lat: null,
			lng: null,
			timezone: '',
			approximate: true,
		},
		device: { browser: 'Firefox', os: 'Linux', device: 'desktop' },
	};
}

/**
 * A snapshot of the given visitors.
 *
 * @param visitors   Listed visitors.
 * @param serverTime The sidecar's clock.
 */
export function snapshot(
	visitors: PresenceVisitor[],
	serverTime = 1_000_000
): PresenceSnapshot {
	return { visitors, counts: COUNTS, serverTime };
}

/**
 * An update.
 *
 * @param upserts    New or changed entries.
 * @param removals   Ids no longer listed.
 * @param serverTime The sidecar's clock.
 * @param counts     Totals.
 */
export function update(
	upserts: PresenceVisitor[],
	removals: string[] = [],
	serverTime = 1_000_000,
	counts: PresenceCounts = COUNTS
): PresenceUpdate {
	return { upserts, removals, counts, serverTime };
}

/**
 * Ids in list order.
 *
 * @param list Visitors.
 */
export function ids( list: readonly PresenceVisitor[] ): string[] {
	return list.map( ( entry ) => entry.id );
}
