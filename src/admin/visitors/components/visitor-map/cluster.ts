/**
 * Internal dependencies
 */
import type { PresenceStatus } from '../../../../protocol';
import { STATUS_COLORS, STATUS_RANK } from './constants';
import type { PinGroup } from './grouping';

/** A projection from [lng, lat] to map coordinates (null when not drawable). */
export type Project = (
	coordinates: [ number, number ]
) => [ number, number ] | null;

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
	status: PresenceStatus;
	approximate: boolean;
	/** The visitor a click on the cluster selects. */
	primaryId: string;
	primaryConnectedAt: number;
}

/**
 * Wraps a projection with a cache keyed by lat/lng, so updating one visitor
 * does not re-project thousands of unchanged points.
 *
 * @param project The map's projection.
 */
export function createProjectionCache( project: Project ) {
	const cache = new Map< string, [ number, number ] | null >();
	return ( lat: number, lng: number ): [ number, number ] | null => {
		const key = `${ lat },${ lng }`;
		let point = cache.get( key );
		if ( point === undefined ) {
			point = project( [ lng, lat ] );
			cache.set( key, point );
		}
		return point;
	};
}

/**
 * Projects pin groups, leaving out those the projection cannot place.
 *
 * @param groups  Pin groups.
 * @param project A (cached) projection taking lat, lng.
 */
export function projectGroups(
	groups: readonly PinGroup[],
	project: ( lat: number, lng: number ) => [ number, number ] | null
): ProjectedGroup[] {
	const projected: ProjectedGroup[] = [];
	for ( const group of groups ) {
		const point = project( group.lat, group.lng );
		if ( point !== null ) {
			projected.push( { group, px: point[ 0 ], py: point[ 1 ] } );
		}
	}
	return projected;
}

/**
 * Screen-space grid clustering: pins whose transformed positions fall in the
 * same cell merge into one cluster; zooming in spreads them over more cells.
 * Pins outside the viewport (plus one cell) are skipped.
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
	const cells = new Map<
		string,
		Cluster & { sumX: number; sumY: number; weight: number }
	>();
	for ( const { group, px, py } of points ) {
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
		const key = `${ Math.floor( sx / cellSize ) }:${ Math.floor(
			sy / cellSize
		) }`;
		const cell = cells.get( key );
		if ( cell === undefined ) {
			cells.set( key, {
				x: sx,
				y: sy,
				sumX: sx,
				sumY: sy,
				weight: 1,
				count: group.count,
				status: group.status,
				approximate: group.approximate,
				primaryId: group.primaryId,
				primaryConnectedAt: group.primaryConnectedAt,
			} );
			continue;
		}
		cell.sumX += sx;
		cell.sumY += sy;
		cell.weight += 1;
		cell.count += group.count;
		cell.approximate = cell.approximate && group.approximate;
		const rank = STATUS_RANK[ group.status ] - STATUS_RANK[ cell.status ];
		if (
			rank > 0 ||
			( rank === 0 && group.primaryConnectedAt > cell.primaryConnectedAt )
		) {
			cell.status = group.status;
			cell.primaryId = group.primaryId;
			cell.primaryConnectedAt = group.primaryConnectedAt;
		}
	}
	const clusters: Cluster[] = [];
	for ( const { sumX, sumY, weight, ...cluster } of cells.values() ) {
		clusters.push( { ...cluster, x: sumX / weight, y: sumY / weight } );
	}
	return clusters.sort(
		( a, b ) => STATUS_RANK[ a.status ] - STATUS_RANK[ b.status ]
	);
}

/**
 * Radius of a cluster's dot in CSS pixels: grows slowly with its size.
 *
 * @param count Visitors in the cluster.
 */
export function clusterRadius( count: number ): number {
	return Math.min( 22, 4 + Math.sqrt( count ) * 1.5 );
}

/** The part of a 2D context the canvas layer uses (mockable in tests). */
export type DrawingContext = Pick<
	CanvasRenderingContext2D,
	| 'setTransform'
	| 'clearRect'
	| 'beginPath'
	| 'arc'
	| 'fill'
	| 'stroke'
	| 'fillText'
	| 'fillStyle'
	| 'strokeStyle'
	| 'lineWidth'
	| 'globalAlpha'
	| 'font'
	| 'textAlign'
	| 'textBaseline'
>;

/**
 * Draws clusters: a dot in the status colour, a faint ring when every
 * location in it is approximate, and the visitor count when above one.
 *
 * @param ctx         2D context of the canvas.
 * @param clusters    Clusters in screen coordinates.
 * @param size        Canvas size in CSS pixels.
 * @param size.width  Width.
 * @param size.height Height.
 * @param pixelRatio  Device pixels per CSS pixel.
 */
export function drawClusters(
	ctx: DrawingContext,
	clusters: readonly Cluster[],
	size: { width: number; height: number },
	pixelRatio: number
): void {
	ctx.setTransform( pixelRatio, 0, 0, pixelRatio, 0, 0 );
	ctx.clearRect( 0, 0, size.width, size.height );
	ctx.font = '600 11px -apple-system, BlinkMacSystemFont, sans-serif';
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	for ( const cluster of clusters ) {
		const radius = clusterRadius( cluster.count );
		if ( cluster.approximate ) {
			ctx.globalAlpha = 0.35;
			ctx.strokeStyle = STATUS_COLORS[ cluster.status ];
			ctx.lineWidth = 2;
			ctx.beginPath();
			ctx.arc( cluster.x, cluster.y, radius + 5, 0, Math.PI * 2 );
			ctx.stroke();
		}
		ctx.globalAlpha = 1;
		ctx.fillStyle = STATUS_COLORS[ cluster.status ];
		ctx.strokeStyle = '#1e1e1e';
		ctx.lineWidth = 1;
		ctx.beginPath();
		ctx.arc( cluster.x, cluster.y, radius, 0, Math.PI * 2 );
		ctx.fill();
		ctx.stroke();
		if ( cluster.count > 1 ) {
			ctx.fillStyle = '#000';
			ctx.fillText( String( cluster.count ), cluster.x, cluster.y );
		}
	}
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
