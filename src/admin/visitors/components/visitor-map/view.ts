/**
 * Zoom arithmetic of the map, in map coordinates (the projection's output
 * before zoom/pan): screen = map × k + (x, y). The map component turns the
 * resulting centre into longitude/latitude with the projection.
 */

/**
 * Internal dependencies
 */
import type { ViewTransform } from './cluster';
import { MAX_ZOOM, MIN_ZOOM } from './constants';

/** A view to move to: its centre in map coordinates, and its zoom. */
export interface MapTarget {
	center: [ number, number ];
	zoom: number;
}

interface Size {
	width: number;
	height: number;
}

/**
 * A zoom factor within the map's limits.
 *
 * @param zoom Wanted zoom.
 */
export function clampZoom( zoom: number ): number {
	return Math.min( MAX_ZOOM, Math.max( MIN_ZOOM, zoom ) );
}

/**
 * The view after zooming by a factor about a screen point, which stays put
 * (a double click zooms about the pointer).
 *
 * @param transform Current zoom/pan.
 * @param point     Screen point, CSS pixels from the map's top left.
 * @param point.x
 * @param point.y
 * @param factor    2 to zoom in, 0.5 to zoom out.
 * @param size      Map size in CSS pixels.
 */
export function zoomAbout(
	transform: ViewTransform,
	point: { x: number; y: number },
	factor: number,
	size: Size
): MapTarget {
	const zoom = clampZoom( transform.k * factor );
	// The map point under the pointer, and where the view must move so it stays there.
	const mapX = ( point.x - transform.x ) / transform.k;
	const mapY = ( point.y - transform.y ) / transform.k;
	const x = point.x - mapX * zoom;
	const y = point.y - mapY * zoom;
	return {
		center: [
			( size.width / 2 - x ) / zoom,
			( size.height / 2 - y ) / zoom,
		],
		zoom,
	};
}

/**
 * The view that shows a set of map points filling about a third of the map
 * (so a cluster of them splits up), zooming in at least twice as far as now.
 *
 * @param points  Map points, at least one.
 * @param current Current zoom.
 * @param size    Map size in CSS pixels.
 */
export function fitPoints(
	points: ReadonlyArray< { px: number; py: number } >,
	current: number,
	size: Size
): MapTarget {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for ( const { px, py } of points ) {
		minX = Math.min( minX, px );
		minY = Math.min( minY, py );
		maxX = Math.max( maxX, px );
		maxY = Math.max( maxY, py );
	}
	const spread = Math.max( maxX - minX, maxY - minY );
	const fit =
		spread > 0
			? Math.min( size.width, size.height ) / 3 / spread
			: MAX_ZOOM;
	return {
		center: [ ( minX + maxX ) / 2, ( minY + maxY ) / 2 ],
		zoom: clampZoom( Math.max( current * 2, fit ) ),
	};
}

/**
 * Which events the map's zoom/pan follows: the wheel (a trackpad pinch is a
 * wheel event with ctrlKey, and zooms the map rather than the page), and
 * primary-button drags and touches. Double clicks are left to the map
 * component, which zooms without animating.
 *
 * @param event A pointer, wheel or touch event.
 */
export function isZoomGesture( event: Event ): boolean {
	if ( event.type === 'dblclick' ) {
		return false;
	}
	if ( event.type === 'wheel' ) {
		return true;
	}
	const { button, ctrlKey } = event as MouseEvent;
	return ! ctrlKey && ! button;
}
