/**
 * What changed between two visitor lists of the presence store, so work that
 * follows the list (the map's grouping) can cost O(changes) per update instead
 * of a pass over every visitor.
 *
 * Each list the store derives from an update gets a version, and the update
 * that made it is kept in a short log. Lists are only referenced weakly and
 * the log is bounded, so old lists are not kept alive: a consumer that falls
 * further behind than the log (or holds a list the store did not make, such
 * as a filtered one) gets `undefined` and compares the lists itself.
 */

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';

/** One update, in the order the store applied it: removals, then upserts. */
export interface ListChange {
	upserts: readonly PresenceVisitor[];
	removals: readonly string[];
}

type List = readonly PresenceVisitor[];

interface LogEntry {
	from: number;
	to: number;
	change: ListChange;
}

/** How many updates a consumer may fall behind and still get the changes. */
export const LIST_CHANGE_LOG_SIZE = 32;

const versions = new WeakMap< List, number >();
const log: LogEntry[] = [];
let lastVersion = 0;

function versionOf( list: List ): number {
	let version = versions.get( list );
	if ( version === undefined ) {
		version = ++lastVersion;
		versions.set( list, version );
	}
	return version;
}

/**
 * Records that `next` is `previous` with `change` applied.
 *
 * @param previous The list before the update.
 * @param next     The list after it (a new array).
 * @param change   The update.
 */
export function recordListChange(
	previous: List,
	next: List,
	change: ListChange
): void {
	log.push( {
		from: versionOf( previous ),
		to: versionOf( next ),
		change,
	} );
	if ( log.length > LIST_CHANGE_LOG_SIZE ) {
		log.shift();
	}
}

/**
 * The updates that lead from `from` to `to`, oldest first (empty when they
 * are the same list), or undefined when the log cannot tell.
 *
 * @param from A list seen earlier.
 * @param to   The current list.
 */
export function changesBetween(
	from: List,
	to: List
): ListChange[] | undefined {
	if ( from === to ) {
		return [];
	}
	const start = versions.get( from );
	let current = versions.get( to );
	if ( start === undefined || current === undefined ) {
		return undefined;
	}
	const changes: ListChange[] = [];
	for ( let i = log.length - 1; i >= 0 && current !== start; i-- ) {
		const entry = log[ i ] as LogEntry;
		if ( entry.to === current ) {
			changes.push( entry.change );
			current = entry.from;
		}
	}
	return current === start ? changes.reverse() : undefined;
}
