/**
 * External dependencies
 */
import type { MouseEvent } from 'react';
import {
	ComposableMap,
	ZoomableGroup,
	type ZoomPanCallbackProps,
} from 'react-simple-maps';

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
import { Clusterer } from './cluster';
import { MAX_ZOOM, MIN_ZOOM } from './constants';
import { chooseLayer, createGrouper } from './grouping';
import { Countries, CanvasPins, SvgPins, ViewBridge } from './layers';
import type { ViewState } from './layers';
import MapLegend from './legend';
import VisitorMapOverlayCard from './overlay-card';
import type { VisitorMapProps } from './types';
import { useChooser } from './use-chooser';
import { useElementSize } from './use-size';
import { clampZoom, isZoomGesture, zoomAbout, type MapTarget } from './view';
import ZoomControls from './zoom-controls';
import './style.scss';

export { default as VisitorMapOverlayCard } from './overlay-card';
export { STATUS_COLORS, CANVAS_THRESHOLD } from './constants';
export { chooseLayer } from './grouping';
export type { VisitorMapProps, VisitorMapOverlayCardProps } from './types';

const INITIAL_VIEW: MapView = { center: [ 0, 0 ], zoom: MIN_ZOOM };

interface MapView {
	/** [lng, lat] at the centre of the map. */
	center: [ number, number ];
	zoom: number;
}

// Parts that do not change with the visitors.
const Legend = memo( MapLegend );
const Totals = memo( VisitorMapOverlayCard );
const Zoom = memo( ZoomControls );

/**
 * The live world map of the Visitors screen: pins by place and status, zoom
 * and pan, a totals card and a legend. Switches to a clustered canvas when
 * there are too many visitors for one SVG element each. A pin or cluster
 * with several visitors opens a list of them to choose from.
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
	const live = useRef< ViewState | null >( null );
	const [ clusterer ] = useState( () => new Clusterer() );
	const [ grouper ] = useState( () => createGrouper() );

	// Only the visitors that changed are regrouped (see createGrouper).
	const grouping = useMemo(
		() => grouper( visitors ),
		[ grouper, visitors ]
	);
	const layer = chooseLayer( grouping.plotted );
	const selectedKey =
		selectedId === null ? null : grouping.keyOf( selectedId );

	// Equal Earth is about 5.4 × 2.6 units at scale 1: fit it in the box.
	const scale = Math.min( size.width / 5.6, size.height / 2.8 );
	const projectionConfig = useMemo( () => ( { scale } ), [ scale ] );

	const moveTo = useCallback( ( target: MapTarget ) => {
		const center = live.current?.invert( target.center );
		if ( center ) {
			setView( { center, zoom: target.zoom } );
		}
	}, [] );
	const chooser = useChooser( {
		grouping,
		layer,
		selectedId,
		onSelect,
		canvasRef,
		clusterer,
		moveTo,
		size,
	} );

	const onMoveEnd = useCallback( ( position: ZoomPanCallbackProps ) => {
		const { coordinates, zoom } = position;
		if ( coordinates && zoom !== undefined ) {
			// A click without a move ends a gesture too: keep the same view then.
			setView( ( old ) =>
				old.zoom === zoom &&
				old.center[ 0 ] === coordinates[ 0 ] &&
				old.center[ 1 ] === coordinates[ 1 ]
					? old
					: { center: coordinates, zoom }
			);
		}
	}, [] );
	const zoomBy = useCallback(
		( factor: number ) =>
			setView( ( old ) => ( {
				center: old.center,
				zoom: clampZoom( old.zoom * factor ),
			} ) ),
		[]
	);
	const zoomIn = useCallback( () => zoomBy( 2 ), [ zoomBy ] );
	const zoomOut = useCallback( () => zoomBy( 0.5 ), [ zoomBy ] );
	const reset = useCallback( () => setView( INITIAL_VIEW ), [] );

	// Double click zooms about the pointer at once (d3's own double-click
	// zoom is animated, which those who ask for reduced motion do not want).
	const onDoubleClick = ( event: MouseEvent< HTMLDivElement > ) => {
		const now = live.current;
		const box = event.currentTarget.getBoundingClientRect();
		const point = {
			x: event.clientX - box.left,
			y: event.clientY - box.top,
		};
		if (
			! now ||
			( event.target as Element ).closest(
				'.livedesk-visitor-map__pin'
			) ||
			chooser.clusterAt( point )
		) {
			return;
		}
		moveTo( zoomAbout( now, point, event.shiftKey ? 0.5 : 2, size ) );
	};

	return (
		<div className="livedesk-visitor-map">
			{ /* Clicks on the canvas come through the map below it. */ }
			{ /* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */ }
			<div
				className="livedesk-visitor-map__surface"
				ref={ containerRef }
				onClick={ chooser.onSurfaceClick }
				onDoubleClick={ onDoubleClick }
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
						filterZoomEvent={ isZoomGesture }
						onMove={ chooser.close }
						onMoveEnd={ onMoveEnd }
					>
						<ViewBridge view={ live } />
						<Countries />
						{ layer === 'svg' ? (
							<SvgPins
								groups={ grouping.groups }
								selectedKey={ selectedKey }
								openKey={ chooser.openKey }
								onSelect={ onSelect }
								onOpen={ chooser.openGroup }
							/>
						) : (
							<CanvasPins
								groups={ grouping.groups }
								size={ size }
								selectedKey={ selectedKey }
								canvasRef={ canvasRef }
								clusterer={ clusterer }
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
			<Totals counts={ counts } />
			<Legend />
			<Zoom
				onZoomIn={ zoomIn }
				onZoomOut={ zoomOut }
				onReset={ reset }
				canZoomIn={ view.zoom < MAX_ZOOM }
				canZoomOut={ view.zoom > MIN_ZOOM }
			/>
			{ chooser.element }
		</div>
	);
}
