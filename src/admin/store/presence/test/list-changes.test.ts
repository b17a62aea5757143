/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import {
	LIST_CHANGE_LOG_SIZE,
	changesBetween,
	recordListChange,
} from '../list-changes';
import { applyVisitorChanges, visitorsFromSnapshot } from '../visitors';
import { visitor } from './fixtures';

describe( 'changesBetween', () => {
	it( 'is empty for the same list and unknown for lists the store did not make', () => {
		const list = [ visitor( 'a', 1 ) ];
		expect( changesBetween( list, list ) ).toEqual( [] );
		expect( changesBetween( list, [ ...list ] ) ).toBeUndefined();
	} );

	it( 'gives the updates between two lists of the store, oldest first', () => {
		const a = visitor( 'a', 1 );
		const b = visitor( 'b', 2 );
		const first = visitorsFromSnapshot( [ a ] );
		const second = applyVisitorChanges( first, [ b ], [] );
		const a2 = { ...a, name: 'Ann' };
		const third = applyVisitorChanges( second, [ a2 ], [ 'b', 'zz' ] );

		expect( changesBetween( first.list, second.list ) ).toEqual( [
			{ upserts: [ b ], removals: [] },
		] );
		// Unknown removals are left out; both updates, in order.
		expect( changesBetween( first.list, third.list ) ).toEqual( [
			{ upserts: [ b ], removals: [] },
			{ upserts: [ a2 ], removals: [ 'b' ] },
		] );
		// Backwards is not a chain of updates.
		expect( changesBetween( third.list, first.list ) ).toBeUndefined();
		// An update that changes nothing keeps the list.
		expect( applyVisitorChanges( third, [], [ 'zz' ] ) ).toBe( third );
	} );

	it( 'forgets updates older than the log', () => {
		const start = visitorsFromSnapshot( [ visitor( 'a', 1 ) ] );
		let state = start;
		for ( let i = 0; i < LIST_CHANGE_LOG_SIZE; i++ ) {
			state = applyVisitorChanges(
				state,
				[ visitor( `v${ i }`, i ) ],
				[]
			);
		}
		expect( changesBetween( start.list, state.list ) ).toHaveLength(
			LIST_CHANGE_LOG_SIZE
		);
		const one = applyVisitorChanges( state, [ visitor( 'last', 99 ) ], [] );
		expect( changesBetween( start.list, one.list ) ).toBeUndefined();
		expect( changesBetween( state.list, one.list ) ).toHaveLength( 1 );
	} );

	it( 'follows lists recorded by hand', () => {
		const before = [ visitor( 'a', 1 ) ];
		const after = [ visitor( 'a', 1 ), visitor( 'b', 2 ) ];
		const change = {
			upserts: [ after[ 1 ] as PresenceVisitor ],
			removals: [],
		};
		recordListChange( before, after, change );
		expect( changesBetween( before, after ) ).toEqual( [ change ] );
	} );
} );
