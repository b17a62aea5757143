/**
 * Internal dependencies
 */
import type { PresenceStatus, PresenceVisitor } from '../../../../protocol';
import { CANVAS_THRESHOLD, STATUS_RANK } from './constants';

/** Visitors at one place on the map: one pin. */
export interface PinGroup {
	/** Country + region + city (or country alone for country-level locations). */
	key: string;
	lat: number;
	lng: number;
	country: string;
	region: string;
	city: string;
	/** The visitors in the group, most recently connected first. */
	members: readonly PresenceVisitor[];
	count: number;
	/** The most active status in the group (chatting > online > offline). */
	status: PresenceStatus;
	/** True when any location in the group is only approximate. */
	approximate: boolean;
	/** The visitor a click selects: most recent among those with `status`. */
	primaryId: string;
	/** When that visitor connected (orders pins and picks the primary). */
	primaryConnectedAt: number;
}

/** The pins of a list of visitors. */
export interface Grouping {
	/** Least active first, so the most active are drawn on top. */
	groups: readonly PinGroup[];
	byKey: ReadonlyMap< string, PinGroup >;
	/** Visitors with coordinates (the sum of the groups' counts). */
	plotted: number;
	/** The key of the group a plotted visitor is in, or null. */
	keyOf: ( id: string ) => string | null;
}

/** Which layer draws the pins. */
export type MapLayer = 'svg' | 'canvas';

/**
 * Picks the drawing layer for a number of plotted visitors: SVG (accessible,
 * one element per pin) up to CANVAS_THRESHOLD, a clustered canvas above.
 *
 * @param pointCount Number of visitors with coordinates.
 */
export function chooseLayer( pointCount: number ): MapLayer {
	return pointCount > CANVAS_THRESHOLD ? 'canvas' : 'svg';
}

/**
 * The grouping key of a visitor's location, or null when it has no
 * coordinates (and so is not plotted).
 *
 * @param visitor A listed visitor.
 */
export function groupKey( visitor: PresenceVisitor ): string | null {
	const { geo } = visitor;
	if ( ! isCoordinate( geo.lat, 90 ) || ! isCoordinate( geo.lng, 180 ) ) {
		return null;
	}
	if ( geo.city === '' ) {
		// Country-level (or unknown) location: one pin per country, and
		// per point when not even the country is known.
		return geo.country !== ''
			? geo.country
			: `@${ geo.lat.toFixed( 2 ) },${ geo.lng.toFixed( 2 ) }`;
	}
	return `${ geo.country }|${ geo.region }|${ geo.city }`;
}

/**
 * Whether a value is a finite coordinate within ±limit.
 *
 * @param value A latitude or longitude.
 * @param limit 90 or 180.
 */
function isCoordinate( value: number | null, limit: number ): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite( value ) &&
		Math.abs( value ) <= limit
	);
}

/**
 * Whether `a` should be a group's primary visitor rather than `b`.
 *
 * @param a Candidate.
 * @param b Current primary.
 */
function outranks( a: PresenceVisitor, b: PresenceVisitor ): boolean {
	const rankA = STATUS_RANK[ a.status ];
	const rankB = STATUS_RANK[ b.status ];
	return rankA !== rankB ? rankA > rankB : a.connectedAt > b.connectedAt;
}

// Most recently connected first; then by id, so the order is total.
function byRecency( a: PresenceVisitor, b: PresenceVisitor ): number {
	if ( a.connectedAt !== b.connectedAt ) {
		return b.connectedAt - a.connectedAt;
	}
	return a.id < b.id ? -1 : 1;
}

// Draw order: least active first, then oldest first.
function byDrawOrder( a: PinGroup, b: PinGroup ): number {
	return (
		STATUS_RANK[ a.status ] - STATUS_RANK[ b.status ] ||
		a.primaryConnectedAt - b.primaryConnectedAt
	);
}

/**
 * A pin group from its visitors (at least one).
 *
 * @param key     The group's key.
 * @param members Its visitors, by id.
 */
function buildGroup(
	key: string,
	members: ReadonlyMap< string, PresenceVisitor >
): PinGroup {
	const sorted = [ ...members.values() ].sort( byRecency );
	let primary = sorted[ 0 ] as PresenceVisitor;
	let approximate = false;
	for ( const member of sorted ) {
		if ( outranks( member, primary ) ) {
			primary = member;
		}
		approximate ||= member.geo.approximate;
	}
	const { geo } = primary;
	return {
		key,
		// groupKey() returned a key, so every member has coordinates.
		lat: geo.lat as number,
		lng: geo.lng as number,
		country: geo.country,
		region: geo.region,
		city: geo.city,
		members: sorted,
		count: sorted.length,
		status: primary.status,
		approximate,
		primaryId: primary.id,
		primaryConnectedAt: primary.connectedAt,
	};
}

interface Entry {
	visitor: PresenceVisitor;
	key: string | null;
	/** The call that last saw this visitor. */
	seen: number;
}

/**
 * An incremental grouper. Each call takes the whole visitor list, but only
 * visitors that are new objects (the presence store replaces a visitor's
 * object when it changes, and keeps the others) are regrouped, and only
 * their groups are rebuilt: the other groups keep their identity, so pins
 * that did not change are not redrawn. A call that changes nothing returns
 * the previous result itself.
 */
export function createGrouper(): (
	visitors: readonly PresenceVisitor[]
) => Grouping {
	const entries = new Map< string, Entry >();
	const membersByKey = new Map< string, Map< string, PresenceVisitor > >();
	const keyOf = ( id: string ) => entries.get( id )?.key ?? null;
	let result: Grouping = {
		groups: [],
		byKey: new Map(),
		plotted: 0,
		keyOf,
	};
	let call = 0;

	const leave = ( id: string, key: string | null, dirty: Set< string > ) => {
		if ( key !== null ) {
			membersByKey.get( key )?.delete( id );
			dirty.add( key );
		}
	};

	return ( visitors ) => {
		call++;
		const dirty = new Set< string >();
		for ( const visitor of visitors ) {
			const entry = entries.get( visitor.id );
			if ( entry?.visitor === visitor ) {
				entry.seen = call;
				continue;
			}
			const key = groupKey( visitor );
			if ( entry ) {
				leave( visitor.id, entry.key, dirty );
				entry.visitor = visitor;
				entry.key = key;
				entry.seen = call;
			} else {
				entries.set( visitor.id, { visitor, key, seen: call } );
			}
			if ( key !== null ) {
				let members = membersByKey.get( key );
				if ( ! members ) {
					members = new Map();
					membersByKey.set( key, members );
				}
				members.set( visitor.id, visitor );
				dirty.add( key );
			}
		}
		if ( entries.size > visitors.length ) {
			for ( const [ id, entry ] of entries ) {
				if ( entry.seen !== call ) {
					entries.delete( id );
					leave( id, entry.key, dirty );
				}
			}
		}
		if ( dirty.size === 0 ) {
			return result;
		}
		result = rebuild( result, dirty, membersByKey, keyOf );
		return result;
	};
}

/**
 * The next grouping: the dirty groups rebuilt (or dropped when empty), the
 * others kept as they are.
 *
 * @param previous     The last result.
 * @param dirty        Keys of the groups whose members changed.
 * @param membersByKey Current members of every group.
 * @param keyOf        Looks up a visitor's group.
 */
function rebuild(
	previous: Grouping,
	dirty: ReadonlySet< string >,
	membersByKey: Map< string, Map< string, PresenceVisitor > >,
	keyOf: ( id: string ) => string | null
): Grouping {
	const byKey = new Map( previous.byKey );
	let plotted = previous.plotted;
	// Whether the draw order can stay as it was (no group added, removed or moved).
	let sameOrder = true;
	for ( const key of dirty ) {
		const old = byKey.get( key );
		const members = membersByKey.get( key );
		plotted -= old?.count ?? 0;
		if ( ! members || members.size === 0 ) {
			membersByKey.delete( key );
			if ( old ) {
				byKey.delete( key );
				sameOrder = false;
			}
			continue;
		}
		const group = buildGroup( key, members );
		plotted += group.count;
		byKey.set( key, group );
		if ( ! old || byDrawOrder( old, group ) !== 0 ) {
			sameOrder = false;
		}
	}
	const groups = sameOrder
		? previous.groups.map( ( group ) => byKey.get( group.key ) as PinGroup )
		: [ ...byKey.values() ].sort( byDrawOrder );
	return { groups, byKey, plotted, keyOf };
}

/**
 * Groups visitors into pins by place (a one-off grouping); visitors without
 * coordinates are left out. Pins come least active first so the most active
 * are drawn on top.
 *
 * @param visitors Listed visitors, in any order.
 */
export function groupVisitors(
	visitors: readonly PresenceVisitor[]
): readonly PinGroup[] {
	return createGrouper()( visitors ).groups;
}

/**
 * Number of visitors the groups plot.
 *
 * @param groups Pin groups.
 */
export function plottedCount( groups: readonly PinGroup[] ): number {
	let total = 0;
	for ( const group of groups ) {
		total += group.count;
	}
	return total;
}
