/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import type { ConnectionReason } from '../../../live/types';
import {
	receiveSnapshot,
	receiveUpdate,
	setConnectionStatus,
} from '../actions';
import reducer from '../reducer';
import {
	getConnection,
	getCounts,
	getServerOffset,
	getVisitor,
	getVisitors,
} from '../selectors';
import type { PresenceState } from '../types';
import { COUNTS, ids, snapshot, update, visitor } from './fixtures';

const A = visitor( 'a', 1000 );
const B = visitor( 'b', 3000 );
const C = visitor( 'c', 2000 );

function withSnapshot( visitors: PresenceVisitor[] ): PresenceState {
	return reducer(
		undefined,
		receiveSnapshot( snapshot( visitors, 5000 ), 4000 )
	);
}

describe( 'presence reducer', () => {
	it( 'starts empty and connecting', () => {
		const state = reducer( undefined, setConnectionStatus( 'connecting' ) );
		expect( getVisitors( state ) ).toEqual( [] );
		expect( getCounts( state ) ).toBeNull();
		expect( getConnection( state ) ).toEqual( {
			status: 'connecting',
			reason: null,
		} );
		expect( getServerOffset( state ) ).toBe( 0 );
	} );

	describe( 'snapshot', () => {
		it( 'lists visitors most recently connected first, with counts and the clock offset', () => {
			const state = withSnapshot( [ A, B, C ] );
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'b', 'c', 'a' ] );
			expect( getVisitor( state, 'c' ) ).toBe( C );
			expect( getCounts( state ) ).toEqual( COUNTS );
			// serverTime 5000, received at 4000 by this browser's clock.
			expect( getServerOffset( state ) ).toBe( 1000 );
		} );

		it( 'orders visitors that connected at the same moment by id', () => {
			const state = withSnapshot( [
				visitor( 'y', 10 ),
				visitor( 'x', 10 ),
				visitor( 'z', 20 ),
			] );
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'z', 'x', 'y' ] );
		} );

		it( 'keeps one entry per id, the last one sent', () => {
			const newer = visitor( 'a', 1000, '/pricing' );
			const state = withSnapshot( [ A, B, newer ] );
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'b', 'a' ] );
			expect( getVisitor( state, 'a' ) ).toBe( newer );
		} );

		it( 'replaces everything known before', () => {
			const state = reducer(
				withSnapshot( [ A, B ] ),
				receiveSnapshot( snapshot( [ C ] ) )
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'c' ] );
			expect( getVisitor( state, 'a' ) ).toBeNull();
		} );
	} );

	describe( 'update', () => {
		it( 'replaces an entry in place when it did not reconnect', () => {
			const before = withSnapshot( [ A, B, C ] );
			const moved = visitor( 'c', 2000, '/checkout' );
			const state = reducer(
				before,
				receiveUpdate( update( [ moved ] ) )
			);
			const list = getVisitors( state );
			expect( ids( list ) ).toEqual( [ 'b', 'c', 'a' ] );
			expect( list[ 1 ] ).toBe( moved );
			expect( getVisitor( state, 'c' )?.page.path ).toBe( '/checkout' );
			// Untouched entries are the same objects.
			expect( list[ 0 ] ).toBe( B );
			expect( list[ 2 ] ).toBe( A );
		} );

		it( 'inserts new visitors at their place', () => {
			const state = reducer(
				withSnapshot( [ A, B, C ] ),
				receiveUpdate(
					update( [ visitor( 'd', 2500 ), visitor( 'e', 9000 ) ] )
				)
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [
				'e',
				'b',
				'd',
				'c',
				'a',
			] );
		} );

		it( 'moves an entry whose connection time changed', () => {
			const state = reducer(
				withSnapshot( [ A, B, C ] ),
				receiveUpdate( update( [ visitor( 'a', 4000 ) ] ) )
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'a', 'b', 'c' ] );
		} );

		it( 'removes listed visitors and ignores unknown ids', () => {
			const before = withSnapshot( [ A, B, C ] );
			const state = reducer(
				before,
				receiveUpdate( update( [], [ 'c', 'nobody' ] ) )
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'b', 'a' ] );
			expect( getVisitor( state, 'c' ) ).toBeNull();
		} );

		it( 'changes nothing for removals of unknown ids only', () => {
			const before = withSnapshot( [ A, B ] );
			const state = reducer(
				before,
				receiveUpdate( update( [], [ 'nobody', 'ghost' ] ) )
			);
			expect( state.visitors ).toBe( before.visitors );
			expect( getVisitors( state ) ).toBe( getVisitors( before ) );
		} );

		it( 'applies removals before upserts of the same id', () => {
			const back = visitor( 'a', 6000, '/again' );
			const state = reducer(
				withSnapshot( [ A, B ] ),
				receiveUpdate( update( [ back ], [ 'a' ] ) )
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'a', 'b' ] );
			expect( getVisitor( state, 'a' ) ).toBe( back );
		} );

		it( 'keeps the last of several upserts of one id', () => {
			const first = visitor( 'd', 2500, '/one' );
			const second = visitor( 'd', 2500, '/two' );
			const third = visitor( 'a', 500, '/three' );
			const state = reducer(
				withSnapshot( [ A, B ] ),
				receiveUpdate(
					update( [ first, second, visitor( 'a', 7000 ), third ] )
				)
			);
			expect( ids( getVisitors( state ) ) ).toEqual( [ 'b', 'd', 'a' ] );
			expect( getVisitor( state, 'd' ) ).toBe( second );
			expect( getVisitor( state, 'a' ) ).toBe( third );
		} );

		it( 'updates the clock offset', () => {
			const state = reducer(
				withSnapshot( [ A ] ),
				receiveUpdate( update( [], [], 10_000 ), 10_250 )
			);
			expect( getServerOffset( state ) ).toBe( -250 );
		} );
	} );

	describe( 'counts', () => {
		it( 'keeps the same object when the totals did not change', () => {
			const before = withSnapshot( [ A ] );
			const state = reducer(
				before,
				receiveUpdate( update( [], [], 1, { ...COUNTS } ) )
			);
			expect( getCounts( state ) ).toBe( getCounts( before ) );
		} );

		it( 'takes new totals', () => {
			const counts = { ...COUNTS, overCap: 12, live: 15 };
			const state = reducer(
				withSnapshot( [ A ] ),
				receiveUpdate( update( [], [], 1, counts ) )
			);
			expect( getCounts( state ) ).toEqual( counts );
		} );
	} );

	describe( 'connection', () => {
		const REASON: ConnectionReason = {
			source: 'sidecar',
			code: 'server_not_ready',
			message: 'shared secret not loaded',
			httpStatus: null,
			retrying: true,
		};

		it( 'records the status and the reason', () => {
			const state = reducer(
				undefined,
				setConnectionStatus( 'offline', REASON )
			);
			expect( getConnection( state ) ).toEqual( {
				status: 'offline',
				reason: REASON,
			} );
		} );

		it( 'clears the reason when live', () => {
			const offline = reducer(
				undefined,
				setConnectionStatus( 'offline', REASON )
			);
			const state = reducer( offline, setConnectionStatus( 'live' ) );
			expect( getConnection( state ) ).toEqual( {
				status: 'live',
				reason: null,
			} );
		} );

		it( 'keeps the same object for the same status', () => {
			const before = reducer(
				undefined,
				setConnectionStatus( 'offline', REASON )
			);
			const state = reducer(
				before,
				setConnectionStatus( 'offline', REASON )
			);
			expect( getConnection( state ) ).toBe( getConnection( before ) );
		} );
	} );

	describe( 'getVisitors', () => {
		it( 'returns the same array while no visitor changes', () => {
			const before = withSnapshot( [ A, B, C ] );
			let state = reducer(
				before,
				setConnectionStatus( 'reconnecting' )
			);
			state = reducer(
				state,
				receiveUpdate(
					update( [], [ 'unknown' ], 2, { ...COUNTS, live: 99 } )
				)
			);
			expect( getVisitors( state ) ).toBe( getVisitors( before ) );
			expect( getCounts( state )?.live ).toBe( 99 );
		} );

		it( 'returns a new array when a visitor changes', () => {
			const before = withSnapshot( [ A, B, C ] );
			const state = reducer(
				before,
				receiveUpdate( update( [ visitor( 'b', 3000, '/cart' ) ] ) )
			);
			expect( getVisitors( state ) ).not.toBe( getVisitors( before ) );
			expect( getVisitors( before )[ 0 ]?.page.path ).toBe( '/' );
		} );
	} );
} );
