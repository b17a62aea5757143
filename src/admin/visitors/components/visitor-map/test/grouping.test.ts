/**
 * Internal dependencies
 */
import { CANVAS_THRESHOLD } from '../constants';
import type { PresenceVisitor } from '../../../../../protocol';
import {
	chooseLayer,
	createGrouper,
	groupKey,
	groupVisitors,
	plottedCount,
	type PinGroup,
} from '../grouping';
import {
	applyVisitorChanges,
	visitorsFromSnapshot,
} from '../../../../store/presence/visitors';
import { BERLIN, FRANCE, visitor } from './fixtures';

/**
 * The ids of a group's visitors, in order.
 *
 * @param group A pin group.
 */
function ids( group: PinGroup | undefined ): string[] {
	return group?.members.map( ( member ) => member.id ) ?? [];
}

describe( 'chooseLayer', () => {
	it( 'uses SVG up to the threshold and canvas above it', () => {
		expect( CANVAS_THRESHOLD ).toBe( 2000 );
		expect( chooseLayer( 0 ) ).toBe( 'svg' );
		expect( chooseLayer( CANVAS_THRESHOLD ) ).toBe( 'svg' );
		expect( chooseLayer( CANVAS_THRESHOLD + 1 ) ).toBe( 'canvas' );
		expect( chooseLayer( 10_000 ) ).toBe( 'canvas' );
	} );
} );

describe( 'groupKey', () => {
	it( 'keys by country, region and city, or country alone', () => {
		expect( groupKey( visitor( 'a' ) ) ).toBe( 'FR|IDF|Paris' );
		expect( groupKey( visitor( 'b', FRANCE ) ) ).toBe( 'FR' );
	} );

	it( 'is null without usable coordinates', () => {
		expect( groupKey( visitor( 'a', { lat: null } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lng: null } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lat: Number.NaN } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lng: 200 } ) ) ).toBeNull();
	} );
} );

describe( 'groupVisitors', () => {
	it( 'puts visitors of the same city into one group with a count', () => {
		const groups = groupVisitors( [
			visitor( 'a', {}, 'online', 1 ),
			visitor( 'b', BERLIN ),
			visitor( 'c', {}, 'online', 3 ),
			visitor( 'd', {}, 'online', 2 ),
		] );
		expect( groups ).toHaveLength( 2 );
		const paris = groups.find( ( group ) => group.city === 'Paris' );
		expect( paris ).toMatchObject( {
			key: 'FR|IDF|Paris',
			count: 3,
			primaryId: 'c',
			approximate: false,
			lat: 48.86,
			lng: 2.35,
		} );
		expect( ids( paris ) ).toEqual( [ 'c', 'd', 'a' ] );
		expect( plottedCount( groups ) ).toBe( 4 );
	} );

	it( 'keeps country-level visitors in their own, approximate group', () => {
		const groups = groupVisitors( [
			visitor( 'a' ),
			visitor( 'b', FRANCE ),
			visitor( 'c', FRANCE ),
		] );
		const france = groups.find( ( group ) => group.key === 'FR' );
		expect( france ).toMatchObject( { count: 2, approximate: true } );
		expect(
			groups.find( ( group ) => group.key === 'FR|IDF|Paris' )
		).toMatchObject( { count: 1, approximate: false } );
	} );

	it( 'skips visitors without coordinates', () => {
		const groups = groupVisitors( [
			visitor( 'a', { lat: null, lng: null, city: '', country: '' } ),
			visitor( 'b', { lat: null, lng: null } ),
			visitor( 'c', BERLIN ),
		] );
		expect( groups.map( ids ) ).toEqual( [ [ 'c' ] ] );
		expect( plottedCount( groups ) ).toBe( 1 );
	} );

	it( 'takes the most active status and selects a visitor with it', () => {
		const [ group ] = groupVisitors( [
			visitor( 'off', {}, 'offline', 50 ),
			visitor( 'chat-old', {}, 'chatting', 10 ),
			visitor( 'on', {}, 'online', 40 ),
			visitor( 'chat-new', {}, 'chatting', 20 ),
		] );
		expect( group?.status ).toBe( 'chatting' );
		expect( group?.primaryId ).toBe( 'chat-new' );

		const [ onlineGroup ] = groupVisitors( [
			visitor( 'off', {}, 'offline', 50 ),
			visitor( 'on', {}, 'online', 40 ),
		] );
		expect( onlineGroup?.status ).toBe( 'online' );
		expect( onlineGroup?.primaryId ).toBe( 'on' );

		const [ offlineGroup ] = groupVisitors( [
			visitor( 'off', {}, 'offline' ),
		] );
		expect( offlineGroup?.status ).toBe( 'offline' );
	} );

	it( 'orders groups so the most active are drawn last (on top)', () => {
		const groups = groupVisitors( [
			visitor( 'a', {}, 'chatting' ),
			visitor( 'b', BERLIN, 'offline' ),
			visitor( 'c', FRANCE, 'online' ),
		] );
		expect( groups.map( ( group ) => group.status ) ).toEqual( [
			'offline',
			'online',
			'chatting',
		] );
	} );
} );

describe( 'createGrouper', () => {
	const paris1 = visitor( 'p1', {}, 'online', 1 );
	const paris2 = visitor( 'p2', {}, 'online', 2 );
	const berlin = visitor( 'b1', BERLIN, 'online', 3 );
	const france = visitor( 'f1', FRANCE, 'offline', 4 );
	const nowhere = visitor( 'x', { lat: null, lng: null } );
	const all = [ france, berlin, paris2, paris1, nowhere ];

	/**
	 * A visitor's entry after a change (a new object, as the store makes).
	 *
	 * @param old    The visitor.
	 * @param change Fields to change.
	 */
	function changed(
		old: PresenceVisitor,
		change: Partial< PresenceVisitor >
	): PresenceVisitor {
		return { ...old, ...change };
	}

	it( 'groups like groupVisitors, with lookups by key and visitor', () => {
		const grouping = createGrouper()( all );
		expect( grouping.groups ).toEqual( groupVisitors( all ) );
		expect( grouping.plotted ).toBe( 4 );
		expect( grouping.byKey.get( 'DE|BE|Berlin' )?.count ).toBe( 1 );
		expect( grouping.keyOf( 'p2' ) ).toBe( 'FR|IDF|Paris' );
		expect( grouping.keyOf( 'x' ) ).toBeNull();
		expect( grouping.keyOf( 'nobody' ) ).toBeNull();
	} );

	it( 'returns the same result when no visitor object changed', () => {
		const group = createGrouper();
		const first = group( all );
		// A new array (e.g. a filter's) with the same visitors.
		expect( group( [ ...all ] ) ).toBe( first );
	} );

	it( 'rebuilds only the group of a visitor who changed', () => {
		const group = createGrouper();
		const before = group( all );
		const moved = changed( paris1, {
			page: { path: '/pricing', title: 'Pricing', since: 9 },
		} );
		const after = group( [ france, berlin, paris2, moved, nowhere ] );
		expect( after ).not.toBe( before );
		const key = 'FR|IDF|Paris';
		expect( after.byKey.get( key ) ).not.toBe( before.byKey.get( key ) );
		expect( after.byKey.get( key )?.members ).toContain( moved );
		for ( const other of [ 'DE|BE|Berlin', 'FR' ] ) {
			expect( after.byKey.get( other ) ).toBe(
				before.byKey.get( other )
			);
		}
		// Same draw order, with the new Paris group in its place.
		expect( after.groups.map( ( g ) => g.key ) ).toEqual(
			before.groups.map( ( g ) => g.key )
		);
	} );

	it( 'follows status changes, moves between places and removals', () => {
		const group = createGrouper();
		group( all );
		const chatting = changed( berlin, { status: 'chatting' } );
		const toBerlin = changed( paris2, {
			geo: { ...paris2.geo, ...BERLIN },
		} );
		let grouping = group( [ france, chatting, toBerlin, paris1 ] );
		expect( grouping.groups.map( ( g ) => [ g.key, g.count ] ) ).toEqual( [
			[ 'FR', 1 ],
			[ 'FR|IDF|Paris', 1 ],
			[ 'DE|BE|Berlin', 2 ],
		] );
		expect( grouping.byKey.get( 'DE|BE|Berlin' ) ).toMatchObject( {
			status: 'chatting',
			primaryId: 'b1',
		} );
		expect( grouping.keyOf( 'p2' ) ).toBe( 'DE|BE|Berlin' );
		expect( grouping.plotted ).toBe( 4 );

		// Everyone in Paris and France leaves: their pins go.
		grouping = group( [ chatting, toBerlin ] );
		expect( grouping.groups.map( ( g ) => g.key ) ).toEqual( [
			'DE|BE|Berlin',
		] );
		expect( grouping.byKey.has( 'FR' ) ).toBe( false );
		expect( grouping.keyOf( 'p1' ) ).toBeNull();
		expect( grouping.plotted ).toBe( 2 );

		// And come back.
		grouping = group( [ chatting, toBerlin, paris1 ] );
		expect( ids( grouping.byKey.get( 'FR|IDF|Paris' ) ) ).toEqual( [
			'p1',
		] );
		expect( group( [] ).groups ).toEqual( [] );
	} );
} );

describe( 'createGrouper on lists of the presence store', () => {
	// A small deterministic generator, so a failure can be replayed.
	function prng( seed: number ): () => number {
		let state = seed;
		return () => {
			state = ( state * 1103515245 + 12345 ) % 2147483648;
			return state / 2147483648;
		};
	}

	const PLACES = [
		{},
		BERLIN,
		FRANCE,
		{ country: 'JP', region: '13', city: 'Tokyo', lat: 35.7, lng: 139.7 },
		{ lat: null },
	];
	const STATUSES = [ 'online', 'offline', 'chatting' ] as const;

	// Groups as plain data, to compare an incremental result with a fresh one.
	function summary( groups: readonly PinGroup[] ) {
		return groups.map( ( group ) => ( {
			key: group.key,
			status: group.status,
			primaryId: group.primaryId,
			approximate: group.approximate,
			members: ids( group ),
		} ) );
	}

	it( 'applies only the store updates and agrees with a fresh grouping', () => {
		const random = prng( 7 );
		const pick = < T >( items: readonly T[] ): T =>
			items[ Math.floor( random() * items.length ) ] as T;
		const group = createGrouper();
		let state = visitorsFromSnapshot(
			Array.from( { length: 40 }, ( _, i ) =>
				visitor( `v${ i }`, pick( PLACES ), pick( STATUSES ), i % 7 )
			)
		);
		group( state.list );
		for ( let round = 0; round < 300; round++ ) {
			const upserts: PresenceVisitor[] = [];
			const removals: string[] = [];
			for ( let k = Math.floor( random() * 4 ); k >= 0; k-- ) {
				const id = `v${ Math.floor( random() * 50 ) }`;
				const old = state.byId.get( id );
				if ( old && random() < 0.2 ) {
					removals.push( id );
				} else {
					upserts.push(
						visitor(
							id,
							pick( PLACES ),
							pick( STATUSES ),
							old && random() < 0.7
								? old.connectedAt
								: Math.floor( random() * 9 )
						)
					);
				}
			}
			state = applyVisitorChanges( state, upserts, removals );
			const list = state.list;
			// Only the updates are read, never the whole list.
			const guard = list as PresenceVisitor[];
			const forEach = guard.forEach;
			const iterate = guard[ Symbol.iterator ];
			guard.forEach = () => {
				throw new Error( 'the whole list was read' );
			};
			guard[ Symbol.iterator ] = guard.forEach as never;
			const grouping = group( list );
			guard.forEach = forEach;
			guard[ Symbol.iterator ] = iterate;

			const fresh = createGrouper()( list );
			expect( summary( grouping.groups ) ).toEqual(
				summary( fresh.groups )
			);
			expect( grouping.plotted ).toBe( fresh.plotted );
		}
	} );

	it( 'compares the lists itself when it falls behind the store', () => {
		const group = createGrouper();
		const first = visitorsFromSnapshot( [
			visitor( 'a' ),
			visitor( 'b', BERLIN ),
		] );
		group( first.list );
		// A filtered list is not the store's: compared entry by entry.
		const filtered = first.list.filter( ( v ) => v.id === 'b' );
		expect( summary( group( filtered ).groups ) ).toEqual(
			summary( groupVisitors( filtered ) )
		);
		expect( summary( group( first.list ).groups ) ).toEqual(
			summary( groupVisitors( first.list ) )
		);
	} );
} );
