/**
 * Internal dependencies
 */
import type { PresenceStatus } from '../../../../protocol';
import { STATUS_RANK } from './constants';
import type { PinGroup } from './grouping';

/** The zoom/pan transform: screen = point × k + (x, y). */
export interface ViewTransform {
	x: number;
	y: number;
	k: number;
}

/** A pin group projected to (untransformed) map coordinates. */
export interface ProjectedGroup {
	group: PinGroup;
	px: number;
	py: number;
}

/** Pins merged on screen by the canvas layer. */
export interface Cluster {
	/** Screen position (mean of its members), CSS pixels. */
	x: number;
	y: number;
	/** Visitors in the cluster. */
	count: number;
	/** Pin groups (places) in the cluster. */
	places: number;
	status: PresenceStatus;
	approximate: boolean;
	/** True when the cluster holds the selected visitor. */
	selected: boolean;
	/** The visitor a click on a one-visitor cluster selects. */
	primaryId: string;
	primaryConnectedAt: number;
}

interface ClusterSlot extends Cluster {
	sumX: number;
	sumY: number;
	/** Index of the first and last member in the points, linked through `next`. */
	first: number;
	last: number;
}

// Cell coordinates are small integers (the viewport plus a margin): one
// number keys a cell without building a string.
const CELL_KEY_SPAN = 65536;

/**
 * Screen-space grid clustering for the canvas layer, reusing its objects and
 * buffers from frame to frame: pins whose transformed positions fall in the
 * same cell merge into one cluster; zooming in spreads them over more cells.
 * Pins outside the viewport (plus one cell) are skipped.
 */
export class Clusterer {
	/** The clusters of the last run, in draw order (least active first). */
	readonly clusters: Cluster[] = [];
	/** The points of the last run (members are indexes into it). */
	points: readonly ProjectedGroup[] = [];
	/** The transform of the last run. */
	transform: ViewTransform = { x: 0, y: 0, k: 1 };

	private readonly pool: ClusterSlot[] = [];
	private readonly cells = new Map< number, ClusterSlot >();
	private next = new Int32Array( 0 );

	/**
	 * Clusters points as seen through a transform.
	 *
	 * @param points          Projected pin groups.
	 * @param transform       Current zoom/pan.
	 * @param cellSize        Cell side in CSS pixels.
	 * @param viewport        Visible area in CSS pixels.
	 * @param viewport.width  Width.
	 * @param viewport.height Height.
	 * @param selectedKey     Group key of the selected visitor, or null.
	 */
	run(
		points: readonly ProjectedGroup[],
		transform: ViewTransform,
		cellSize: number,
		viewport: { width: number; height: number },
		selectedKey: string | null = null
	): readonly Cluster[] {
		this.points = points;
		this.transform = transform;
		if ( this.next.length < points.length ) {
			this.next = new Int32Array( Math.max( 64, points.length * 2 ) );
		}
		const { cells, pool, next } = this;
		cells.clear();
		let used = 0;
		for ( let i = 0; i < points.length; i++ ) {
			const { group, px, py } = points[ i ] as ProjectedGroup;
			const sx = px * transform.k + transform.x;
			const sy = py * transform.k + transform.y;
			if (
				sx < -cellSize ||
				sy < -cellSize ||
				sx > viewport.width + cellSize ||
				sy > viewport.height + cellSize
			) {
				continue;
			}
			next[ i ] = -1;
			const key =
				( Math.floor( sx / cellSize ) + 2 ) * CELL_KEY_SPAN +
				Math.floor( sy / cellSize ) +
				2;
			const cell = cells.get( key );
			if ( cell === undefined ) {
				const slot = pool[ used ] ?? emptySlot();
				pool[ used++ ] = slot;
				startSlot( slot, group, sx, sy, i, selectedKey );
				cells.set( key, slot );
				continue;
			}
			next[ cell.last ] = i;
			cell.last = i;
			addToSlot( cell, group, sx, sy, selectedKey );
		}
		// Draw order without sorting: offline, then online, then chatting.
		const { clusters } = this;
		clusters.length = 0;
		for ( let rank = 0; rank <= 2; rank++ ) {
			for ( let s = 0; s < used; s++ ) {
				const slot = pool[ s ] as ClusterSlot;
				if ( STATUS_RANK[ slot.status ] === rank ) {
					slot.x = slot.sumX / slot.places;
					slot.y = slot.sumY / slot.places;
					clusters.push( slot );
				}
			}
		}
		return clusters;
	}

	/**
	 * The pin groups of a cluster of the last run.
	 *
	 * @param cluster A cluster from `clusters`.
	 */
	members( cluster: Cluster ): ProjectedGroup[] {
		const out: ProjectedGroup[] = [];
		for (
			let i = ( cluster as ClusterSlot ).first;
			i >= 0 && out.length < cluster.places;
			i = this.next[ i ] ?? -1
		) {
			out.push( this.points[ i ] as ProjectedGroup );
		}
		return out;
	}
}

function emptySlot(): ClusterSlot {
	return {
		x: 0,
		y: 0,
		sumX: 0,
		sumY: 0,
		count: 0,
		places: 0,
		status: 'offline',
		approximate: false,
		selected: false,
		primaryId: '',
		primaryConnectedAt: 0,
		first: -1,
		last: -1,
	};
}

function startSlot(
	slot: ClusterSlot,
	group: PinGroup,
	sx: number,
	sy: number,
	index: number,
	selectedKey: string | null
): void {
	slot.sumX = sx;
	slot.sumY = sy;
	slot.places = 1;
	slot.count = group.count;
	slot.status = group.status;
	slot.approximate = group.approximate;
	slot.selected = group.key === selectedKey;
	slot.primaryId = group.primaryId;
	slot.primaryConnectedAt = group.primaryConnectedAt;
	slot.first = index;
	slot.last = index;
}

function addToSlot(
	slot: ClusterSlot,
	group: PinGroup,
	sx: number,
	sy: number,
	selectedKey: string | null
): void {
	slot.sumX += sx;
	slot.sumY += sy;
	slot.places += 1;
	slot.count += group.count;
	slot.approximate = slot.approximate && group.approximate;
	slot.selected = slot.selected || group.key === selectedKey;
	const rank = STATUS_RANK[ group.status ] - STATUS_RANK[ slot.status ];
	if (
		rank > 0 ||
		( rank === 0 && group.primaryConnectedAt > slot.primaryConnectedAt )
	) {
		slot.status = group.status;
		slot.primaryId = group.primaryId;
		slot.primaryConnectedAt = group.primaryConnectedAt;
	}
}

/**
 * Clusters points once (a fresh Clusterer); see Clusterer.run.
 *
 * @param points          Projected pin groups.
 * @param transform       Current zoom/pan.
 * @param cellSize        Cell side in CSS pixels.
 * @param viewport        Visible area in CSS pixels.
 * @param viewport.width  Width.
 * @param viewport.height Height.
 */
export function clusterPoints(
	points: readonly ProjectedGroup[],
	transform: ViewTransform,
	cellSize: number,
	viewport: { width: number; height: number }
): Cluster[] {
	return [ ...new Clusterer().run( points, transform, cellSize, viewport ) ];
}

/**
 * Radius of a cluster's dot in CSS pixels: grows slowly with its size.
 *
 * @param count Visitors in the cluster.
 */
export function clusterRadius( count: number ): number {
	return Math.min( 22, 4 + Math.sqrt( count ) * 1.5 );
}

/**
 * The topmost cluster under a point (for clicks on the canvas), or null.
 *
 * @param clusters Clusters as drawn (later ones on top).
 * @param x        Screen x, CSS pixels.
 * @param y        Screen y, CSS pixels.
 */
export function hitTest(
	clusters: readonly Cluster[],
	x: number,
	y: number
): Cluster | null {
	for ( let i = clusters.length - 1; i >= 0; i-- ) {
		const cluster = clusters[ i ] as Cluster;
		const radius = clusterRadius( cluster.count ) + 3;
		if ( ( cluster.x - x ) ** 2 + ( cluster.y - y ) ** 2 <= radius ** 2 ) {
			return cluster;
		}
	}
	return null;
}
