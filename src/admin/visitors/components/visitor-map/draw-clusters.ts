/**
 * Internal dependencies
 */
import { clusterRadius, type Cluster } from './cluster';
import { STATUS_COLORS } from './constants';

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

// Count labels by count: the draw loop builds each string once.
const countLabels: string[] = [];

function countLabel( count: number ): string {
	let label = countLabels[ count ];
	if ( label === undefined ) {
		label = String( count );
		countLabels[ count ] = label;
	}
	return label;
}

/**
 * Draws clusters: a dot in the status colour, a faint ring when every
 * location in it is approximate, a white outline on the selected visitor's
 * cluster, and the visitor count when above one.
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
		const colour = STATUS_COLORS[ cluster.status ];
		if ( cluster.approximate ) {
			ctx.globalAlpha = 0.35;
			ctx.strokeStyle = colour;
			ctx.lineWidth = 2;
			ctx.beginPath();
			ctx.arc( cluster.x, cluster.y, radius + 5, 0, Math.PI * 2 );
			ctx.stroke();
		}
		ctx.globalAlpha = 1;
		ctx.fillStyle = colour;
		ctx.strokeStyle = cluster.selected ? '#fff' : '#1e1e1e';
		ctx.lineWidth = cluster.selected ? 3 : 1;
		ctx.beginPath();
		ctx.arc( cluster.x, cluster.y, radius, 0, Math.PI * 2 );
		ctx.fill();
		ctx.stroke();
		if ( cluster.count > 1 ) {
			ctx.fillStyle = '#000';
			ctx.fillText( countLabel( cluster.count ), cluster.x, cluster.y );
		}
	}
}
