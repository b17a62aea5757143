/**
 * The listed visitors as an id map plus an ordered list, changed without
 * O(n²) work: an update with k changes costs O(n + k log k) (one pass over
 * the list, a sort of the k entries that move), and nothing at all when it
 * changes no visitor.
 */

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';
import { recordListChange } from './list-changes';
import type { VisitorsState } from './types';

/** No visitors. */
export const NO_VISITORS: VisitorsState = { byId: new Map(), list: [] };

/**
 * List order: most recently connected first, then by id so equal times
 * still have one order.
 *
 * @param a A visitor.
 * @param b Another visitor.
 */
export function compareVisitors(
	a: PresenceVisitor,
	b: PresenceVisitor
): number {
	if ( a.connectedAt !== b.connectedAt ) {
		return b.connectedAt - a.connectedAt;
	}
	if ( a.id === b.id ) {
		return 0;
	}
	return a.id < b.id ? -1 : 1;
}

/**
 * The state for a snapshot: every visitor once (the last entry of an id wins), ordered.
 *
 * @param visitors The snapshot's visitors.
 */
export function visitorsFromSnapshot(
	visitors: readonly PresenceVisitor[]
): VisitorsState {
	const byId = new Map< string, PresenceVisitor >();
	visitors.forEach( ( visitor ) => byId.set( visitor.id, visitor ) );
	return { byId, list: [ ...byId.values() ].sort( compareVisitors ) };
}

// Merges two lists that are each in compareVisitors order.
function merge(
	left: readonly PresenceVisitor[],
	right: readonly PresenceVisitor[]
): PresenceVisitor[] {
	const out: PresenceVisitor[] = [];
	let i = 0;
	let j = 0;
	while ( i < left.length && j < right.length ) {
		const a = left[ i ] as PresenceVisitor;
		const b = right[ j ] as PresenceVisitor;
		if ( compareVisitors( a, b ) <= 0 ) {
			out.push( a );
			i++;
		} else {
			out.push( b );
			j++;
		}
	}
	for ( ; i < left.length; i++ ) {
		out.push( left[ i ] as PresenceVisitor );
	}
	for ( ; j < right.length; j++ ) {
		out.push( right[ j ] as PresenceVisitor );
	}
	return out;
}

// Where `visitor` stands in `list` (compareVisitors order), or -1.
function indexOf(
	list: readonly PresenceVisitor[],
	visitor: PresenceVisitor
): number {
	let low = 0;
	let high = list.length - 1;
	while ( low <= high ) {
		const middle = Math.floor( ( low + high ) / 2 );
		const order = compareVisitors(
			list[ middle ] as PresenceVisitor,
			visitor
		);
		if ( order === 0 ) {
			return middle;
		}
		if ( order < 0 ) {
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return -1;
}

/*
 * The common update (page views, status changes): every upsert replaces a
 * listed visitor whose place does not change. Then a copy of the list with
 * k entries swapped costs O(n) native copying + O(k log n), instead of a pass
 * that looks every visitor up. Fills `byId`; returns undefined (and leaves
 * `byId` untouched) when an upsert is new or moves.
 */
function replaceInPlace(
	list: readonly PresenceVisitor[],
	byId: Map< string, PresenceVisitor >,
	upserts: readonly PresenceVisitor[]
): PresenceVisitor[] | undefined {
	const indexes: number[] = [];
	for ( const visitor of upserts ) {
		const before = byId.get( visitor.id );
		if ( ! before || before.connectedAt !== visitor.connectedAt ) {
			return undefined;
		}
		indexes.push( indexOf( list, before ) );
	}
	if ( indexes.includes( -1 ) ) {
		return undefined;
	}
	const next = list.slice();
	upserts.forEach( ( visitor, i ) => {
		next[ indexes[ i ] as number ] = visitor;
		byId.set( visitor.id, visitor );
	} );
	return next;
}

/**
 * Applies an update: removals first (unknown ids are ignored), then upserts
 * (whole entries, replacing by id). Returns `state` itself when nothing changed.
 *
 * @param state    The current visitors.
 * @param upserts  New or changed entries.
 * @param removals Ids no longer listed.
 */
export function applyVisitorChanges(
	state: VisitorsState,
	upserts: readonly PresenceVisitor[],
	removals: readonly string[]
): VisitorsState {
	const known = removals.filter( ( id ) => state.byId.has( id ) );
	if ( known.length === 0 && upserts.length === 0 ) {
		return state;
	}
	const byId = new Map( state.byId );
	if ( known.length === 0 ) {
		const list = replaceInPlace( state.list, byId, upserts );
		if ( list ) {
			recordListChange( state.list, list, { upserts, removals: [] } );
			return { byId, list };
		}
	}
	// Ids whose old position in the list is void (removed or moved).
	const moved = new Set< string >( known );
	known.forEach( ( id ) => byId.delete( id ) );
	// Ids to insert at their (new) place; their final entry is read from byId.
	const placed = new Set< string >();
	for ( const visitor of upserts ) {
		const before = byId.get( visitor.id );
		byId.set( visitor.id, visitor );
		if (
			placed.has( visitor.id ) ||
			( before && before.connectedAt === visitor.connectedAt )
		) {
			continue; // replaced where it stands (or where it will be inserted)
		}
		moved.add( visitor.id );
		placed.add( visitor.id );
	}
	const kept: PresenceVisitor[] = [];
	for ( const visitor of state.list ) {
		if ( ! moved.has( visitor.id ) ) {
			kept.push( byId.get( visitor.id ) as PresenceVisitor );
		}
	}
	const inserted = [ ...placed ]
		.map( ( id ) => byId.get( id ) as PresenceVisitor )
		.sort( compareVisitors );
	const list = merge( kept, inserted );
	recordListChange( state.list, list, { upserts, removals: known } );
	return { byId, list };
}
