/**
 * Internal dependencies
 */
import type { PresenceStatus, PresenceVisitor } from '../../../../protocol';
import { changesBetween } from '../../../store/presence/list-changes';
import { compareVisitors } from '../../../store/presence/visitors';
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

// Draw order: least active first, then oldest first; then by key, so the
// order is total and a group can be found in the list by binary search.
function byDrawOrder( a: PinGroup, b: PinGroup ): number {
	return (
		STATUS_RANK[ a.status ] - STATUS_RANK[ b.status ] ||
		a.primaryConnectedAt - b.primaryConnectedAt ||
		compareText( a.key, b.key )
	);
}

function compareText( a: string, b: string ): number {
	if ( a === b ) {
		return 0;
	}
	return a < b ? -1 : 1;
}

/**
 * Where `item` is, or would go, in `list` (sorted by `compare`, a total order).
 *
 * @param list    A sorted list.
 * @param item    The item to look for.
 * @param compare The list's order.
 */
function searchSorted< T >(
	list: readonly T[],
	item: T,
	compare: ( a: T, b: T ) => number
): { index: number; found: boolean } {
	let low = 0;
	let high = list.length;
	while ( low < high ) {
		const middle = Math.floor( ( low + high ) / 2 );
		const order = compare( list[ middle ] as T, item );
		if ( order === 0 ) {
			return { index: middle, found: true };
		}
		if ( order < 0 ) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return { index: low, found: false };
}

/**
 * A pin group from its visitors (at least one).
 *
 * @param key     The group's key.
 * @param members Its visitors, most recently connected first (the group keeps the array).
 */
function buildGroup(
	key: string,
	members: readonly PresenceVisitor[]
): PinGroup {
	let primary = members[ 0 ] as PresenceVisitor;
	let approximate = false;
	for ( const member of members ) {
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
		members,
		count: members.length,
		status: primary.status,
		approximate,
		primaryId: primary.id,
		primaryConnectedAt: primary.connectedAt,
	};
}

interface Entry {
	visitor: PresenceVisitor;
	key: string | null;
	/** The full pass that last saw this visitor. */
	seen: number;
}

/**
 * An incremental grouper. Each call takes the whole visitor list. When the
 * presence store made that list from the one of the previous call, only the
 * store's upserts and removals are applied (see changesBetween), so an
 * update costs in proportion to its changes, not to the number of visitors;
 * any other list is compared entry by entry (the store replaces a visitor's
 * object when it changes and keeps the others). Either way only the groups
 * whose members changed are rebuilt: the others keep their identity, so pins
 * that did not change are not redrawn. A call that changes nothing returns
 * the previous result itself.
 */
export function createGrouper(): (
	visitors: readonly PresenceVisitor[]
) => Grouping {
	const entries = new Map< string, Entry >();
	// Each group's members, most recently connected first.
	const membersByKey = new Map< string, PresenceVisitor[] >();
	const keyOf = ( id: string ) => entries.get( id )?.key ?? null;
	let result: Grouping = {
		groups: [],
		byKey: new Map(),
		plotted: 0,
		keyOf,
	};
	let lastList: readonly PresenceVisitor[] = [];
	let pass = 0;

	const leave = ( entry: Entry, dirty: Set< string > ) => {
		const members =
			entry.key === null ? undefined : membersByKey.get( entry.key );
		if ( ! members ) {
			return;
		}
		const at = searchSorted( members, entry.visitor, compareVisitors );
		if ( at.found ) {
			members.splice( at.index, 1 );
		}
		dirty.add( entry.key as string );
	};

	const join = (
		visitor: PresenceVisitor,
		key: string | null,
		dirty: Set< string >
	) => {
		if ( key === null ) {
			return;
		}
		let members = membersByKey.get( key );
		if ( ! members ) {
			members = [];
			membersByKey.set( key, members );
		}
		members.splice(
			searchSorted( members, visitor, compareVisitors ).index,
			0,
			visitor
		);
		dirty.add( key );
	};

	const upsert = ( visitor: PresenceVisitor, dirty: Set< string > ) => {
		const entry = entries.get( visitor.id );
		if ( entry?.visitor === visitor ) {
			entry.seen = pass;
			return;
		}
		const key = groupKey( visitor );
		if ( ! entry ) {
			entries.set( visitor.id, { visitor, key, seen: pass } );
			join( visitor, key, dirty );
			return;
		}
		const before = entry.visitor;
		const members =
			key !== null && key === entry.key
				? membersByKey.get( key )
				: undefined;
		const at =
			members && before.connectedAt === visitor.connectedAt
				? searchSorted( members, before, compareVisitors )
				: undefined;
		if ( members && at?.found ) {
			// Same place in the same group: swapped where it stands.
			members[ at.index ] = visitor;
			dirty.add( key as string );
		} else {
			leave( entry, dirty );
			join( visitor, key, dirty );
		}
		entry.visitor = visitor;
		entry.key = key;
		entry.seen = pass;
	};

	const remove = ( id: string, dirty: Set< string > ) => {
		const entry = entries.get( id );
		if ( entry ) {
			entries.delete( id );
			leave( entry, dirty );
		}
	};

	return ( visitors ) => {
		const dirty = new Set< string >();
		const changes = changesBetween( lastList, visitors );
		lastList = visitors;
		if ( changes ) {
			for ( const change of changes ) {
				change.removals.forEach( ( id ) => remove( id, dirty ) );
				change.upserts.forEach( ( visitor ) =>
					upsert( visitor, dirty )
				);
			}
		} else {
			pass++;
			visitors.forEach( ( visitor ) => upsert( visitor, dirty ) );
			if ( entries.size > visitors.length ) {
				for ( const [ id, entry ] of entries ) {
					if ( entry.seen !== pass ) {
						remove( id, dirty );
					}
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
 * others kept as they are, the draw order patched rather than re-sorted.
 *
 * @param previous     The last result.
 * @param dirty        Keys of the groups whose members changed.
 * @param membersByKey Current members of every group.
 * @param keyOf        Looks up a visitor's group.
 */
function rebuild(
	previous: Grouping,
	dirty: ReadonlySet< string >,
	membersByKey: Map< string, PresenceVisitor[] >,
	keyOf: ( id: string ) => string | null
): Grouping {
	const byKey = new Map( previous.byKey );
	let plotted = previous.plotted;
	const dropped: PinGroup[] = [];
	const added: PinGroup[] = [];
	for ( const key of dirty ) {
		const old = byKey.get( key );
		const members = membersByKey.get( key );
		plotted -= old?.count ?? 0;
		if ( old ) {
			dropped.push( old );
		}
		if ( ! members || members.length === 0 ) {
			membersByKey.delete( key );
			byKey.delete( key );
			continue;
		}
		// A copy: the grouper goes on changing its own array.
		const group = buildGroup( key, members.slice() );
		plotted += group.count;
		byKey.set( key, group );
		added.push( group );
	}
	return {
		groups: patchOrder( previous.groups, dropped, added ),
		byKey,
		plotted,
		keyOf,
	};
}

/**
 * The draw order with `dropped` groups taken out and `added` ones put in:
 * groups that keep their place are swapped where they stand, the others
 * are moved by binary search.
 *
 * @param groups  The previous draw order.
 * @param dropped Groups replaced or gone.
 * @param added   Their replacements and new groups.
 */
function patchOrder(
	groups: readonly PinGroup[],
	dropped: readonly PinGroup[],
	added: readonly PinGroup[]
): PinGroup[] {
	const next = groups.slice();
	const replaced = new Map< string, PinGroup >();
	for ( const group of added ) {
		replaced.set( group.key, group );
	}
	for ( const old of dropped ) {
		const at = searchSorted( next, old, byDrawOrder );
		if ( ! at.found ) {
			continue;
		}
		const group = replaced.get( old.key );
		if ( group && byDrawOrder( old, group ) === 0 ) {
			next[ at.index ] = group;
			replaced.delete( old.key );
		} else {
			next.splice( at.index, 1 );
		}
	}
	for ( const group of replaced.values() ) {
		next.splice( searchSorted( next, group, byDrawOrder ).index, 0, group );
	}
	return next;
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
