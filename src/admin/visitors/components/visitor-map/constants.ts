/**
 * Internal dependencies
 */
import type { PresenceStatus } from '../../../../protocol';

/** Pin colours by status: the same Okabe–Ito colours as the visitor list. */
export { STATUS_COLORS } from '../../lib';

/** How "active" a status is: a group takes the colour of its most active visitor. */
export const STATUS_RANK: Readonly< Record< PresenceStatus, number > > = {
	chatting: 2,
	online: 1,
	offline: 0,
};

/** Above this many plotted visitors the map draws on a canvas, clustered. */
export const CANVAS_THRESHOLD = 2000;

/** Side of a clustering cell on the canvas layer, in CSS pixels. */
export const CLUSTER_CELL_SIZE = 40;

/** Zoom limits of the map (1 = whole world). */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 16;

/** Map size used until the container has been measured. */
export const DEFAULT_SIZE = { width: 800, height: 450 };
