/**
 * Internal dependencies
 */
import {
	Clusterer,
	clusterPoints,
	hitTest,
	type Cluster,
	type ProjectedGroup,
} from '../cluster';
import { STATUS_COLORS } from '../constants';
import { drawClusters, type DrawingContext } from '../draw-clusters';
import { groupVisitors, type PinGroup } from '../grouping';
import { createProjectionCache, projectGroups } from '../projection';
import { BERLIN, FRANCE, LYON, visitor } from './fixtures';

const VIEWPORT = { width: 800, height: 450 };
const IDENTITY = { x: 0, y: 0, k: 1 };

/**
 * A projected group at a map position.
 *
 * @param group Pin group.
 * @param px    Map x.
 * @param py    Map y.
 */
function at( group: PinGroup, px: number, py: number ): ProjectedGroup {
	return { group, px, py };
}

describe( 'createProjectionCache', () => {
	it( 'projects each lat/lng once', () => {
		const project = jest.fn(
			( [ lng, lat ]: [ number, number ] ) =>
				[ lng * 2, -lat ] as [ number, number ]
		);
		const cached = createProjectionCache( project );
		expect( cached( 10, 20 ) ).toEqual( [ 40, -10 ] );
		expect( cached( 10, 20 ) ).toEqual( [ 40, -10 ] );
		expect( cached( 11, 20 ) ).toEqual( [ 40, -11 ] );
		expect( project ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'drops groups the projection cannot place', () => {
		const groups = groupVisitors( [
			visitor( 'a' ),
			visitor( 'b', BERLIN ),
		] );
		const projected = projectGroups( groups, ( lat ) =>
			lat > 50 ? null : [ 1, 2 ]
		);
		expect( projected.map( ( point ) => point.group.city ) ).toEqual( [
			'Paris',
		] );
	} );

	it( 'reuses the projected entry of a group object seen before', () => {
		const project = jest.fn( (): [ number, number ] => [ 1, 2 ] );
		const cache = new WeakMap();
		const groups = groupVisitors( [
			visitor( 'a' ),
			visitor( 'b', BERLIN ),
		] );
		const first = projectGroups( groups, project, cache );
		const second = projectGroups( groups, project, cache );
		expect( project ).toHaveBeenCalledTimes( 2 );
		expect( second[ 0 ] ).toBe( first[ 0 ] );
		expect( second[ 1 ] ).toBe( first[ 1 ] );
	} );
} );

describe( 'clusterPoints', () => {
	const [ paris ] = groupVisitors( [
		visitor( 'p1', {}, 'online', 1 ),
		visitor( 'p2', {}, 'online', 2 ),
	] ) as [ PinGroup ];
	const [ france ] = groupVisitors( [
		visitor( 'f1', FRANCE, 'chatting', 3 ),
	] ) as [ PinGroup ];
	const [ berlin ] = groupVisitors( [
		visitor( 'b1', BERLIN, 'offline', 9 ),
	] ) as [ PinGroup ];

	it( 'merges points within one cell, summing counts, taking the most active', () => {
		const clusters = clusterPoints(
			[ at( paris, 100, 100 ), at( france, 110, 110 ) ],
			IDENTITY,
			40,
			VIEWPORT
		);
		expect( clusters ).toHaveLength( 1 );
		expect( clusters[ 0 ] ).toMatchObject( {
			x: 105,
			y: 105,
			count: 3,
			status: 'chatting',
			primaryId: 'f1',
			approximate: false,
		} );
	} );

	it( 'splits them when zoomed in', () => {
		const points = [ at( paris, 100, 100 ), at( france, 110, 110 ) ];
		const zoomed = clusterPoints(
			points,
			{ x: -700, y: -700, k: 8 },
			40,
			VIEWPORT
		);
		expect( zoomed ).toHaveLength( 2 );
		expect( zoomed.map( ( cluster ) => [ cluster.x, cluster.y ] ) ).toEqual(
			[
				[ 100, 100 ],
				[ 180, 180 ],
			]
		);
	} );

	it( 'keeps points in different cells apart and skips off-screen ones', () => {
		const clusters = clusterPoints(
			[
				at( paris, 100, 100 ),
				at( berlin, 300, 100 ),
				at( france, 5000, 100 ),
			],
			IDENTITY,
			40,
			VIEWPORT
		);
		expect( clusters.map( ( cluster ) => cluster.status ) ).toEqual( [
			'offline',
			'online',
		] );
	} );

	it( 'marks a cluster approximate only when all of it is', () => {
		const [ cluster ] = clusterPoints(
			[ at( france, 100, 100 ) ],
			IDENTITY,
			40,
			VIEWPORT
		);
		expect( cluster?.approximate ).toBe( true );
	} );
} );

describe( 'drawClusters and hitTest', () => {
	it( 'draws a dot per cluster in its colour, a ring and a count', () => {
		const calls: string[] = [];
		const fills: string[] = [];
		const strokes: Array< [ string, number ] > = [];
		const ctx = {
			setTransform: ( ...args: number[] ) =>
				calls.push( `setTransform ${ args.join( ',' ) }` ),
			clearRect: () => calls.push( 'clear' ),
			beginPath: () => undefined,
			arc: ( x: number, y: number ) => calls.push( `arc ${ x },${ y }` ),
			fill( this: { fillStyle: unknown } ) {
				fills.push( String( this.fillStyle ) );
			},
			stroke( this: { strokeStyle: unknown; lineWidth: number } ) {
				calls.push( 'stroke' );
				strokes.push( [ String( this.strokeStyle ), this.lineWidth ] );
			},
			fillText: ( text: string ) => calls.push( `text ${ text }` ),
			fillStyle: '',
			strokeStyle: '',
			lineWidth: 1,
			globalAlpha: 1,
			font: '',
			textAlign: 'left',
			textBaseline: 'alphabetic',
		} as unknown as DrawingContext;
		drawClusters(
			ctx,
			[
				{
					x: 10,
					y: 20,
					count: 1,
					places: 1,
					status: 'online',
					approximate: true,
					selected: false,
					primaryId: 'a',
					primaryConnectedAt: 0,
				},
				{
					x: 50,
					y: 60,
					count: 12,
					places: 3,
					status: 'chatting',
					approximate: false,
					selected: true,
					primaryId: 'b',
					primaryConnectedAt: 0,
				},
			],
			VIEWPORT,
			2
		);
		expect( calls[ 0 ] ).toBe( 'setTransform 2,0,0,2,0,0' );
		expect( calls ).toContain( 'clear' );
		// The approximate cluster has a ring and a dot at the same place.
		expect( calls.filter( ( call ) => call === 'arc 10,20' ) ).toHaveLength(
			2
		);
		expect( calls ).toContain( 'arc 50,60' );
		expect( fills ).toEqual( [
			STATUS_COLORS.online,
			STATUS_COLORS.chatting,
		] );
		expect( calls ).toContain( 'text 12' );
		expect( calls ).not.toContain( 'text 1' );
		// The selected visitor's cluster is outlined in white.
		expect( strokes ).toEqual( [
			[ STATUS_COLORS.online, 2 ],
			[ '#1e1e1e', 1 ],
			[ '#fff', 3 ],
		] );
	} );

	it( 'finds the topmost cluster under a point', () => {
		const base = {
			count: 1,
			places: 1,
			approximate: false,
			selected: false,
			primaryConnectedAt: 0,
		};
		const clusters: Cluster[] = [
			{
				...base,
				x: 100,
				y: 100,
				status: 'offline' as const,
				primaryId: 'a',
			},
			{
				...base,
				x: 104,
				y: 100,
				status: 'online' as const,
				primaryId: 'b',
			},
		];
		expect( hitTest( clusters, 102, 100 )?.primaryId ).toBe( 'b' );
		expect( hitTest( clusters, 93, 100 )?.primaryId ).toBe( 'a' );
		expect( hitTest( clusters, 300, 300 ) ).toBeNull();
	} );
} );

describe( 'Clusterer', () => {
	const groups = groupVisitors( [
		visitor( 'p1', {}, 'online', 1 ),
		visitor( 'p2', {}, 'online', 2 ),
		visitor( 'l1', LYON, 'chatting', 3 ),
		visitor( 'b1', BERLIN, 'offline', 4 ),
	] );
	const byCity = ( city: string ) =>
		groups.find( ( group ) => group.city === city ) as PinGroup;
	const points = [
		at( byCity( 'Paris' ), 100, 100 ),
		at( byCity( 'Lyon' ), 110, 110 ),
		at( byCity( 'Berlin' ), 300, 100 ),
	];

	it( 'names the places in each cluster', () => {
		const clusterer = new Clusterer();
		const clusters = clusterer.run( points, IDENTITY, 40, VIEWPORT );
		expect( clusters.map( ( cluster ) => cluster.places ) ).toEqual( [
			1, 2,
		] );
		const france = clusters[ 1 ] as Cluster;
		expect( france ).toMatchObject( { count: 3, status: 'chatting' } );
		expect(
			clusterer.members( france ).map( ( point ) => point.group.city )
		).toEqual( [ 'Paris', 'Lyon' ] );
		expect(
			clusterer
				.members( clusters[ 0 ] as Cluster )
				.map( ( point ) => point.group.city )
		).toEqual( [ 'Berlin' ] );
		expect( clusterer.transform ).toBe( IDENTITY );
	} );

	it( 'reuses its cluster objects and list from frame to frame', () => {
		const clusterer = new Clusterer();
		const first = clusterer.run( points, IDENTITY, 40, VIEWPORT );
		const objects = [ ...first ];
		const panned = { x: 5, y: 0, k: 1 };
		const second = clusterer.run( points, panned, 40, VIEWPORT );
		expect( second ).toBe( first );
		expect( second ).toHaveLength( 2 );
		second.forEach( ( cluster, i ) =>
			expect( cluster ).toBe( objects[ i ] )
		);
		expect( second[ 0 ] ).toMatchObject( { x: 305, y: 100 } );
		// Zoomed in, more clusters: the old objects are among them.
		const zoomed = clusterer.run(
			points,
			{ x: -700, y: -700, k: 8 },
			40,
			VIEWPORT
		);
		expect( zoomed ).toHaveLength( 2 );
		expect(
			zoomed.map( ( cluster ) => clusterer.members( cluster ).length )
		).toEqual( [ 1, 1 ] );
	} );

	it( 'marks the cluster holding the selected visitor', () => {
		const clusters = new Clusterer().run(
			points,
			IDENTITY,
			40,
			VIEWPORT,
			'FR|ARA|Lyon'
		);
		expect( clusters.map( ( cluster ) => cluster.selected ) ).toEqual( [
			false,
			true,
		] );
	} );
} );
