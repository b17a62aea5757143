/**
 * External dependencies
 */
import type { MouseEvent, MutableRefObject, RefObject } from 'react';
import {
	ComposableMap,
	Geographies,
	Geography,
	ZoomableGroup,
	useMapContext,
	useZoomPanContext,
	type ZoomPanCallbackProps,
} from 'react-simple-maps';
import type { GeoJsonObject } from 'geojson';
import countries from 'world-atlas/countries-110m.json';

/**
 * WordPress dependencies
 */
import {
	memo,
	useCallback,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CanvasLayer from './canvas-layer';
import { createProjectionCache, hitTest, type Cluster } from './cluster';
import { MAX_ZOOM, MIN_ZOOM } from './constants';
import { chooseLayer, groupVisitors, plottedCount } from './grouping';
import type { PinGroup } from './grouping';
import MapLegend from './legend';
import VisitorMapOverlayCard from './overlay-card';
import PinsLayer from './pins-layer';
import type { VisitorMapProps } from './types';
import { useElementSize } from './use-size';
import ZoomControls from './zoom-controls';
import './style.scss';

export { default as VisitorMapOverlayCard } from './overlay-card';
export { STATUS_COLORS, CANVAS_THRESHOLD } from './constants';
export { chooseLayer } from './grouping';
export type { VisitorMapProps, VisitorMapOverlayCardProps } from './types';

// Bundled with the script (no request at run time): 110m world countries.
const WORLD = countries as unknown as GeoJsonObject;

const INITIAL_VIEW: MapView = { center: [ 0, 0 ], zoom: MIN_ZOOM };

interface MapView {
	center: [ number, number ];
	zoom: number;
}

/** The countries: rendered once per map size, not on every update or zoom. */
const Countries = memo( function CountryShapes() {
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

interface PlotProps {
	groups: readonly PinGroup[];
	selectedId: string | null;
	onSelect: ( id: string ) => void;
}

/**
 * SVG pins with the map's projection and zoom.
 *
 * @param props Plot props.
 */
function SvgPins( props: PlotProps ) {
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
 * @param props.canvasRef   The overlay canvas.
 * @param props.clustersRef Receives the drawn clusters.
 */
function CanvasPins( {
	groups,
	size,
	canvasRef,
	clustersRef,
}: Pick< PlotProps, 'groups' > & {
	size: { width: number; height: number };
	canvasRef: RefObject< HTMLCanvasElement >;
	clustersRef: MutableRefObject< Cluster[] >;
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
			canvasRef={ canvasRef }
			clustersRef={ clustersRef }
		/>
	);
}

/**
 * The live world map of the Visitors screen: pins by place and status, zoom
 * and pan, a totals card and a legend. Switches to a clustered canvas when
 * there are too many visitors for one SVG element each.
 *
 * @param props            Map props.
 * @param props.visitors
 * @param props.counts
 * @param props.onSelect
 * @param props.selectedId
 */
export default function VisitorMap( {
	visitors,
	counts,
	onSelect,
	selectedId,
}: VisitorMapProps ) {
	const [ containerRef, size ] = useElementSize< HTMLDivElement >();
	const [ view, setView ] = useState< MapView >( INITIAL_VIEW );
	const canvasRef = useRef< HTMLCanvasElement >( null );
	const clustersRef = useRef< Cluster[] >( [] );

	const groups = useMemo( () => groupVisitors( visitors ), [ visitors ] );
	const layer = chooseLayer( plottedCount( groups ) );

	// Equal Earth is about 5.4 × 2.6 units at scale 1: fit it in the box.
	const scale = Math.min( size.width / 5.6, size.height / 2.8 );
	const projectionConfig = useMemo( () => ( { scale } ), [ scale ] );

	const onMoveEnd = useCallback( ( position: ZoomPanCallbackProps ) => {
		if ( position.coordinates && position.zoom !== undefined ) {
			setView( {
				center: position.coordinates,
				zoom: position.zoom,
			} );
		}
	}, [] );
	const zoomBy = ( factor: number ) =>
		setView( ( old ) => ( {
			center: old.center,
			zoom: Math.min( MAX_ZOOM, Math.max( MIN_ZOOM, old.zoom * factor ) ),
		} ) );

	const onCanvasClick = ( event: MouseEvent< HTMLDivElement > ) => {
		if ( layer !== 'canvas' || ! canvasRef.current ) {
			return;
		}
		const box = canvasRef.current.getBoundingClientRect();
		const hit = hitTest(
			clustersRef.current,
			event.clientX - box.left,
			event.clientY - box.top
		);
		if ( hit ) {
			onSelect( hit.primaryId );
		}
	};

	return (
		<div className="livedesk-visitor-map">
			{ /* Clicks on the canvas come through the map below it. */ }
			{ /* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */ }
			<div
				className="livedesk-visitor-map__surface"
				ref={ containerRef }
				onClick={ onCanvasClick }
			>
				<ComposableMap
					width={ size.width }
					height={ size.height }
					projection="geoEqualEarth"
					projectionConfig={ projectionConfig }
					className="livedesk-visitor-map__svg"
					role="group"
					aria-label={ __(
						'World map of live visitors',
						'livedesk'
					) }
				>
					<ZoomableGroup
						center={ view.center }
						zoom={ view.zoom }
						minZoom={ MIN_ZOOM }
						maxZoom={ MAX_ZOOM }
						onMoveEnd={ onMoveEnd }
					>
						<Countries />
						{ layer === 'svg' ? (
							<SvgPins
								groups={ groups }
								selectedId={ selectedId }
								onSelect={ onSelect }
							/>
						) : (
							<CanvasPins
								groups={ groups }
								size={ size }
								canvasRef={ canvasRef }
								clustersRef={ clustersRef }
							/>
						) }
					</ZoomableGroup>
				</ComposableMap>
				{ layer === 'canvas' && (
					<canvas
						ref={ canvasRef }
						className="livedesk-visitor-map__canvas"
						style={ { width: size.width, height: size.height } }
						aria-hidden="true"
					/>
				) }
			</div>
			<VisitorMapOverlayCard counts={ counts } />
			<MapLegend />
			<ZoomControls
				onZoomIn={ () => zoomBy( 2 ) }
				onZoomOut={ () => zoomBy( 0.5 ) }
				onReset={ () => setView( INITIAL_VIEW ) }
				canZoomIn={ view.zoom < MAX_ZOOM }
				canZoomOut={ view.zoom > MIN_ZOOM }
			/>
		</div>
	);
}
