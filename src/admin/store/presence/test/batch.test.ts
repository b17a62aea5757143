/**
 * Internal dependencies
 */
import type { PresenceUpdate } from '../../../../protocol';
import { receiveSnapshot, receiveUpdate } from '../actions';
import { PresenceBuffer } from '../batch';
import reducer from '../reducer';
import type { PresenceState } from '../types';
import { COUNTS, snapshot, update, visitor } from './fixtures';

const START: PresenceState = reducer(
	undefined,
	receiveSnapshot(
		snapshot( [
			visitor( 'a', 10 ),
			visitor( 'b', 20 ),
			visitor( 'c', 30 ),
		] ),
		0
	)
);

function applyBatch( state: PresenceState, buffer: PresenceBuffer ) {
	const { snapshot: s, update: u } = buffer.take();
	let next = state;
	if ( s ) {
		next = reducer( next, receiveSnapshot( s.value, s.receivedAt ) );
	}
	if ( u ) {
		next = reducer( next, receiveUpdate( u.value, u.receivedAt ) );
	}
	return next;
}

describe( 'PresenceBuffer', () => {
	it( 'is empty at first and after take()', () => {
		const buffer = new PresenceBuffer();
		expect( buffer.isEmpty() ).toBe( true );
		buffer.addUpdate( update( [] ), 1 );
		expect( buffer.isEmpty() ).toBe( false );
		buffer.take();
		expect( buffer.isEmpty() ).toBe( true );
		expect( buffer.take() ).toEqual( { snapshot: null, update: null } );
	} );

	it( 'merges updates into one with the same result as applying each', () => {
		const updates: PresenceUpdate[] = [
			update(
				[ visitor( 'd', 40 ), visitor( 'a', 10, '/one' ) ],
				[],
				100
			),
			update( [ visitor( 'a', 10, '/two' ) ], [ 'b' ], 200 ),
			update( [], [ 'd', 'nobody' ], 300, { ...COUNTS, live: 7 } ),
			update( [ visitor( 'b', 50 ), visitor( 'c', 5 ) ], [ 'c' ], 400 ),
			update( [ visitor( 'e', 60 ) ], [], 500 ),
			update( [], [ 'e' ], 600, { ...COUNTS, live: 9 } ),
		];
		const buffer = new PresenceBuffer();
		let oneByOne = START;
		updates.forEach( ( u, i ) => {
			buffer.addUpdate( u, 1000 + i );
			oneByOne = reducer( oneByOne, receiveUpdate( u, 1000 + i ) );
		} );
		const merged = applyBatch( START, buffer );

		expect( merged.visitors.list ).toEqual( oneByOne.visitors.list );
		expect( merged.counts ).toEqual( oneByOne.counts );
		expect( merged.serverOffset ).toBe( oneByOne.serverOffset );
		expect( merged.visitors.list.map( ( v ) => v.id ) ).toEqual( [
			'b',
			'a',
			'c',
		] );
	} );

	it( 'lets a snapshot supersede the updates before it, and keeps those after', () => {
		const buffer = new PresenceBuffer();
		buffer.addUpdate( update( [ visitor( 'old', 1 ) ] ), 1 );
		buffer.addSnapshot( snapshot( [ visitor( 'x', 5 ) ], 50 ), 2 );
		buffer.addUpdate( update( [ visitor( 'y', 6 ) ], [], 70 ), 3 );

		const batch = buffer.take();
		expect( batch.snapshot?.value.visitors.map( ( v ) => v.id ) ).toEqual( [
			'x',
		] );
		expect( batch.update?.value.upserts.map( ( v ) => v.id ) ).toEqual( [
			'y',
		] );
		expect( batch.update?.receivedAt ).toBe( 3 );

		buffer.addSnapshot( snapshot( [ visitor( 'x', 5 ) ], 50 ), 2 );
		buffer.addUpdate( update( [ visitor( 'y', 6 ) ], [], 70 ), 3 );
		const state = applyBatch( START, buffer );
		expect( state.visitors.list.map( ( v ) => v.id ) ).toEqual( [
			'y',
			'x',
		] );
		expect( state.serverOffset ).toBe( 67 );
	} );
} );
