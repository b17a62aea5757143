/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import type { VisitorsState } from '../types';
import {
	applyVisitorChanges,
	compareVisitors,
	visitorsFromSnapshot,
} from '../visitors';
import { ids, visitor } from './fixtures';

// A small deterministic generator, so a failure can be replayed.
function prng( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 1103515245 + 12345 ) % 2147483648;
		return state / 2147483648;
	};
}

// What differs between the state and a plain map sorted from scratch.
function problems(
	state: VisitorsState,
	model: Map< string, PresenceVisitor >
): string[] {
	const found: string[] = [];
	const expected = [ ...model.values() ].sort( compareVisitors );
	if ( ids( state.list ).join() !== ids( expected ).join() ) {
		found.push( `order: ${ ids( state.list ).join() }` );
	}
	state.list.forEach( ( entry, index ) => {
		if ( entry !== expected[ index ] ) {
			found.push( `stale entry at ${ index }` );
		}
	} );
	if ( state.byId.size !== model.size ) {
		found.push( `byId has ${ state.byId.size } entries` );
	}
	model.forEach( ( entry, id ) => {
		if ( state.byId.get( id ) !== entry ) {
			found.push( `byId ${ id } differs` );
		}
	} );
	return found;
}

describe( 'applyVisitorChanges', () => {
	it( 'matches applying each change to a map and sorting, over random updates', () => {
		const random = prng( 42 );
		const pick = ( n: number ) => Math.floor( random() * n );
		const model = new Map< string, PresenceVisitor >();
		for ( let i = 0; i < 200; i++ ) {
			const id = `v${ pick( 300 ) }`;
			model.set( id, visitor( id, pick( 50 ) ) );
		}
		let state = visitorsFromSnapshot( [ ...model.values() ] );
		expect( problems( state, model ) ).toEqual( [] );

		for ( let round = 0; round < 300; round++ ) {
			const removals = Array.from(
				{ length: pick( 4 ) },
				() => `v${ pick( 330 ) }` // some unknown
			);
			const upserts = Array.from( { length: pick( 6 ) }, () => {
				const id = `v${ pick( 300 ) }`;
				const known = model.get( id );
				// Mostly page changes (same connectedAt), sometimes a move.
				const at =
					known && random() < 0.7 ? known.connectedAt : pick( 50 );
				return visitor( id, at, `/page-${ round }` );
			} );
			removals.forEach( ( id ) => model.delete( id ) );
			upserts.forEach( ( entry ) => model.set( entry.id, entry ) );
			state = applyVisitorChanges( state, upserts, removals );
			expect( problems( state, model ) ).toEqual( [] );
		}
	} );

	it( 'handles 10,000 visitors without sorting the list on each update', () => {
		let reads = 0;
		// Counts every read of connectedAt, the sort key.
		const counted = ( id: string, at: number, path = '/' ) => {
			const entry = visitor( id, at, path );
			Object.defineProperty( entry, 'connectedAt', {
				get: () => {
					reads++;
					return at;
				},
			} );
			return entry;
		};
		const many = Array.from( { length: 10_000 }, ( _, i ) =>
			counted( `v${ i }`, i )
		);
		let state = visitorsFromSnapshot( many );
		expect( state.list[ 0 ]?.id ).toBe( 'v9999' );

		// 100 updates of 10 page views each: no entry moves, so nothing is compared.
		reads = 0;
		for ( let round = 0; round < 100; round++ ) {
			const upserts = Array.from( { length: 10 }, ( _, i ) => {
				const n = ( round * 97 + i * 13 ) % 10_000;
				return counted( `v${ n }`, n, `/r${ round }` );
			} );
			state = applyVisitorChanges( state, upserts, [] );
		}
		// A binary search per upsert (≤ 14 comparisons of up to four reads,
		// plus the old and new entry): ~60 reads per upsert, where a sort
		// would need ~130,000 per update.
		expect( reads ).toBeLessThanOrEqual( 100 * 10 * ( 2 + 4 * 14 ) );
		expect( state.byId.get( 'v13' )?.page.path ).toBe( '/r0' );

		// A newcomer costs one merge pass: linear, not n log n.
		reads = 0;
		state = applyVisitorChanges(
			state,
			[ counted( 'new', 5000.5 ) ],
			[ 'v1' ]
		);
		expect( reads ).toBeLessThan( 4 * 10_000 );
		expect( state.list ).toHaveLength( 10_000 );
		expect( state.list[ 10_000 - 5001 ]?.id ).toBe( 'new' );
	} );
} );
