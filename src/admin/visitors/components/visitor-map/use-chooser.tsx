/**
 * External dependencies
 */
import type { MouseEvent, RefObject } from 'react';

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import {
	clusterRadius,
	hitTest,
	type Cluster,
	type Clusterer,
} from './cluster';
import { MAX_ZOOM } from './constants';
import GroupChooser from './group-chooser';
import type { Grouping, MapLayer, PinGroup } from './grouping';
import { areaLabel, pinLabel } from './labels';
import type { ChooserAnchor } from './types';
import { fitPoints, type MapTarget } from './view';

/**
 * A canvas cluster of up to this many visitors lists them even when they
 * are in several places; a bigger one spread over several places zooms in.
 */
export const CLUSTER_LIST_MAX = 12;

interface ChooserState {
	/** The pin groups listed (one for a pin, one or more for a cluster). */
	keys: readonly string[];
	anchor: ChooserAnchor;
	/** The layer it was opened on: it closes when the map switches layers. */
	layer: MapLayer;
}

interface UseChooserOptions {
	grouping: Grouping;
	layer: MapLayer;
	selectedId: string | null;
	onSelect: ( id: string ) => void;
	canvasRef: RefObject< HTMLCanvasElement >;
	clusterer: Clusterer;
	moveTo: ( target: MapTarget ) => void;
	size: { width: number; height: number };
}

/**
 * A still anchor at a point of the canvas (the chooser closes when the map
 * moves, so it need not follow).
 *
 * @param canvas The canvas.
 * @param x      Canvas x, CSS pixels.
 * @param y      Canvas y, CSS pixels.
 * @param radius Half the anchor's side.
 */
function pointAnchor(
	canvas: HTMLCanvasElement,
	x: number,
	y: number,
	radius: number
): ChooserAnchor {
	return {
		ownerDocument: canvas.ownerDocument,
		getBoundingClientRect: () => {
			const box = canvas.getBoundingClientRect();
			const left = box.left + x - radius;
			const top = box.top + y - radius;
			const side = radius * 2;
			return {
				x: left,
				y: top,
				left,
				top,
				width: side,
				height: side,
				right: left + side,
				bottom: top + side,
				toJSON: () => ( {} ),
			} as DOMRect;
		},
	};
}

/**
 * The visitors of some pin groups, most recently connected first.
 *
 * @param groups Pin groups.
 */
function visitorsOf( groups: readonly PinGroup[] ): readonly PresenceVisitor[] {
	if ( groups.length === 1 ) {
		return ( groups[ 0 ] as PinGroup ).members;
	}
	return groups
		.flatMap( ( group ) => group.members )
		.sort( ( a, b ) => b.connectedAt - a.connectedAt );
}

/**
 * The list of visitors at a group pin or canvas cluster: what opens it, what
 * closes it, and the element to render.
 *
 * On the canvas, a one-visitor cluster selects directly; a cluster of one
 * place, of at most CLUSTER_LIST_MAX visitors, or at full zoom lists its
 * visitors; any other cluster zooms in until it splits up, because a list of
 * hundreds of visitors from many places helps nobody (the filter does that).
 *
 * @param options Map state and callbacks.
 */
export function useChooser( options: UseChooserOptions ) {
	const { grouping, layer, selectedId, onSelect, canvasRef, clusterer } =
		options;
	const { moveTo, size } = options;
	const [ state, setState ] = useState< ChooserState | null >( null );

	const close = useCallback( () => setState( null ), [] );
	const openGroup = useCallback(
		( key: string, pin: Element ) =>
			setState( { keys: [ key ], anchor: pin, layer: 'svg' } ),
		[]
	);
	const choose = useCallback(
		( id: string ) => {
			setState( null );
			onSelect( id );
		},
		[ onSelect ]
	);

	// The groups listed, live: a visitor who changes page changes here too.
	const groups = useMemo( () => {
		if ( state === null || state.layer !== layer ) {
			return [];
		}
		return state.keys
			.map( ( key ) => grouping.byKey.get( key ) )
			.filter( ( group ): group is PinGroup => group !== undefined );
	}, [ state, layer, grouping ] );
	const listed = useMemo( () => visitorsOf( groups ), [ groups ] );

	// Nobody left there (or the layer changed): the list closes.
	const empty = state !== null && listed.length === 0;
	useEffect( () => {
		if ( empty ) {
			setState( null );
		}
	}, [ empty ] );

	const clusterAt = ( point: { x: number; y: number } ): Cluster | null =>
		layer === 'canvas'
			? hitTest( clusterer.clusters, point.x, point.y )
			: null;

	const onSurfaceClick = ( event: MouseEvent< HTMLElement > ) => {
		const canvas = canvasRef.current;
		if ( layer !== 'canvas' || ! canvas ) {
			return;
		}
		const box = canvas.getBoundingClientRect();
		const x = event.clientX - box.left;
		const y = event.clientY - box.top;
		const hit = clusterAt( { x, y } );
		if ( ! hit ) {
			return;
		}
		if ( hit.count === 1 ) {
			onSelect( hit.primaryId );
			return;
		}
		const members = clusterer.members( hit );
		if (
			members.length > 1 &&
			hit.count > CLUSTER_LIST_MAX &&
			clusterer.transform.k < MAX_ZOOM
		) {
			moveTo( fitPoints( members, clusterer.transform.k, size ) );
			return;
		}
		setState( {
			keys: members.map( ( member ) => member.group.key ),
			anchor: pointAnchor(
				canvas,
				hit.x,
				hit.y,
				clusterRadius( hit.count )
			),
			layer: 'canvas',
		} );
	};

	const element =
		state !== null && listed.length > 0 ? (
			<GroupChooser
				anchor={ state.anchor }
				title={
					groups.length === 1
						? pinLabel( groups[ 0 ] as PinGroup )
						: areaLabel( listed.length )
				}
				visitors={ listed }
				selectedId={ selectedId }
				showPlace={ groups.length > 1 }
				onChoose={ choose }
				onClose={ close }
			/>
		) : null;

	return {
		/** Key of the pin whose list is open (SVG layer). */
		openKey:
			state?.layer === 'svg' && listed.length > 0
				? ( state.keys[ 0 ] ?? null )
				: null,
		openGroup,
		close,
		clusterAt,
		onSurfaceClick,
		element,
	};
}
