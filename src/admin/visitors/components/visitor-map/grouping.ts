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
	/** Visitor ids in the group, most recently connected first. */
	ids: string[];
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

/**
 * Groups visitors into pins by place; visitors without coordinates are left
 * out. Pins come least active first so the most active are drawn on top.
 *
 * @param visitors Listed visitors, in any order.
 */
export function groupVisitors(
	visitors: readonly PresenceVisitor[]
): PinGroup[] {
	const byKey = new Map<
		string,
		{ members: PresenceVisitor[]; primary: PresenceVisitor }
	>();
	for ( const visitor of visitors ) {
		const key = groupKey( visitor );
		if ( key === null ) {
			continue;
		}
		const entry = byKey.get( key );
		if ( entry === undefined ) {
			byKey.set( key, { members: [ visitor ], primary: visitor } );
			continue;
		}
		entry.members.push( visitor );
		if ( outranks( visitor, entry.primary ) ) {
			entry.primary = visitor;
		}
	}

	const groups: PinGroup[] = [];
	for ( const [ key, { members, primary } ] of byKey ) {
		members.sort( ( a, b ) => b.connectedAt - a.connectedAt );
		const { geo } = primary;
		groups.push( {
			key,
			// groupKey() returned a key, so the primary has coordinates.
			lat: geo.lat as number,
			lng: geo.lng as number,
			country: geo.country,
			region: geo.region,
			city: geo.city,
			ids: members.map( ( member ) => member.id ),
			count: members.length,
			status: primary.status,
			approximate: members.some( ( member ) => member.geo.approximate ),
			primaryId: primary.id,
			primaryConnectedAt: primary.connectedAt,
		} );
	}
	return groups.sort(
		( a, b ) =>
			STATUS_RANK[ a.status ] - STATUS_RANK[ b.status ] ||
			a.primaryConnectedAt - b.primaryConnectedAt
	);
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
