/**
 * Internal dependencies
 */
import type { ProjectedGroup } from './cluster';
import type { PinGroup } from './grouping';

/** A projection from [lng, lat] to map coordinates (null when not drawable). */
export type Project = (
	coordinates: [ number, number ]
) => [ number, number ] | null;

/**
 * Wraps a projection with a cache keyed by lat/lng (numbers, no string keys),
 * so updating one visitor does not re-project thousands of unchanged points.
 *
 * @param project The map's projection.
 */
export function createProjectionCache( project: Project ) {
	const cache = new Map< number, Map< number, [ number, number ] | null > >();
	return ( lat: number, lng: number ): [ number, number ] | null => {
		let row = cache.get( lat );
		if ( row === undefined ) {
			row = new Map();
			cache.set( lat, row );
		}
		let point = row.get( lng );
		if ( point === undefined ) {
			point = project( [ lng, lat ] );
			row.set( lng, point );
		}
		return point;
	};
}

/**
 * Projects pin groups, leaving out those the projection cannot place. With
 * a cache, a group object seen before reuses its projected entry.
 *
 * @param groups  Pin groups.
 * @param project A (cached) projection taking lat, lng.
 * @param cache   Projected entries by group object (tied to `project`).
 */
export function projectGroups(
	groups: readonly PinGroup[],
	project: ( lat: number, lng: number ) => [ number, number ] | null,
	cache?: WeakMap< PinGroup, ProjectedGroup | null >
): ProjectedGroup[] {
	const projected: ProjectedGroup[] = [];
	for ( const group of groups ) {
		let entry = cache?.get( group );
		if ( entry === undefined ) {
			const point = project( group.lat, group.lng );
			entry = point && { group, px: point[ 0 ], py: point[ 1 ] };
			cache?.set( group, entry );
		}
		if ( entry !== null ) {
			projected.push( entry );
		}
	}
	return projected;
}
