/**
 * External dependencies
 */
import type { MutableRefObject, RefObject } from 'react';
import {
	Geographies,
	Geography,
	useMapContext,
	useZoomPanContext,
} from 'react-simple-maps';
import type { GeoJsonObject } from 'geojson';
import countries from 'world-atlas/countries-110m.json';

/**
 * WordPress dependencies
 */
import { memo, useLayoutEffect, useMemo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import CanvasLayer from './canvas-layer';
import type { Clusterer, ViewTransform } from './cluster';
import type { PinGroup } from './grouping';
import PinsLayer, { type PinsLayerProps } from './pins-layer';
import { createProjectionCache } from './projection';

// Bundled with the script (no request at run time): 110m world countries.
const WORLD = countries as unknown as GeoJsonObject;

/** The live view, for turning screen points into places. */
export interface ViewState extends ViewTransform {
	/** Map coordinates → [lng, lat], or null where the projection cannot. */
	invert: ( point: [ number, number ] ) => [ number, number ] | null;
}

/** The countries: rendered once per map size, not on every update or zoom. */
export const Countries = memo( function CountryShapes() {
	return (
		<Geographies geography={ WORLD }>
			{ ( { geographies } ) =>
				geographies.map( ( geography ) => (
					<Geography
						key={ geography.rsmKey }
						geography={ geography }
						className="livedesk-visitor-map__country"
						tabIndex={ -1 }
						aria-hidden="true"
					/>
				) )
			}
		</Geographies>
	);
} );

/**
 * A projection cache tied to the map's current projection (new projection —
 * e.g. after a resize — new cache).
 */
function useCachedProjection() {
	const { projection } = useMapContext();
	return useMemo(
		() =>
			createProjectionCache(
				( coordinates ) =>
					projection( coordinates ) as [ number, number ] | null
			),
		[ projection ]
	);
}

/**
 * Keeps `view` up to date with the map's zoom/pan and projection (read by
 * double-click zoom and by clicks on canvas clusters).
 *
 * @param props      Bridge props.
 * @param props.view Receives the live view.
 */
export function ViewBridge( {
	view,
}: {
	view: MutableRefObject< ViewState | null >;
} ) {
	const { projection } = useMapContext();
	const { x, y, k } = useZoomPanContext();
	useLayoutEffect( () => {
		view.current = {
			x,
			y,
			k,
			invert: ( point ) =>
				( projection.invert?.( point ) as [ number, number ] ) ?? null,
		};
	}, [ view, projection, x, y, k ] );
	return null;
}

/**
 * SVG pins with the map's projection and zoom.
 *
 * @param props Layer props, without projection and zoom.
 */
export function SvgPins( props: Omit< PinsLayerProps, 'project' | 'zoom' > ) {
	const project = useCachedProjection();
	const { k } = useZoomPanContext();
	return <PinsLayer { ...props } project={ project } zoom={ k } />;
}

/**
 * Canvas clusters with the map's projection and zoom.
 *
 * @param props             Canvas props.
 * @param props.groups      Pin groups.
 * @param props.size        Map size in CSS pixels.
 * @param props.size.width  Width.
 * @param props.size.height Height.
 * @param props.selectedKey Group of the selected visitor.
 * @param props.canvasRef   The overlay canvas.
 * @param props.clusterer   Clusters each frame (and answers clicks).
 */
export function CanvasPins( {
	groups,
	size,
	selectedKey,
	canvasRef,
	clusterer,
}: {
	groups: readonly PinGroup[];
	size: { width: number; height: number };
	selectedKey: string | null;
	canvasRef: RefObject< HTMLCanvasElement >;
	clusterer: Clusterer;
} ) {
	const project = useCachedProjection();
	const { x, y, k } = useZoomPanContext();
	const transform = useMemo( () => ( { x, y, k } ), [ x, y, k ] );
	return (
		<CanvasLayer
			groups={ groups }
			project={ project }
			transform={ transform }
			size={ size }
			selectedKey={ selectedKey }
			canvasRef={ canvasRef }
			clusterer={ clusterer }
		/>
	);
}
