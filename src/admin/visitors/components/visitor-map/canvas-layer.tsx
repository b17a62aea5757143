/**
 * External dependencies
 */
import type { MutableRefObject, RefObject } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useMemo, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	clusterPoints,
	drawClusters,
	projectGroups,
	type Cluster,
	type ViewTransform,
} from './cluster';
import { CLUSTER_CELL_SIZE } from './constants';
import type { PinGroup } from './grouping';

/** Props of the canvas drawer (rendered inside the zoomable group, draws outside). */
export interface CanvasLayerProps {
	groups: readonly PinGroup[];
	project: ( lat: number, lng: number ) => [ number, number ] | null;
	transform: ViewTransform;
	size: { width: number; height: number };
	/** The canvas laid over the map. */
	canvasRef: RefObject< HTMLCanvasElement >;
	/** Receives the clusters as last drawn, for hit-testing clicks. */
	clustersRef: MutableRefObject< Cluster[] >;
}

/**
 * Draws clustered pins on the overlay canvas. Projection happens once per
 * data change (through the cache); clustering and drawing once per animation
 * frame however many zoom, pan or data events arrive in it.
 *
 * @param props             Layer props.
 * @param props.groups
 * @param props.project
 * @param props.transform
 * @param props.size
 * @param props.canvasRef
 * @param props.clustersRef
 */
export default function CanvasLayer( {
	groups,
	project,
	transform,
	size,
	canvasRef,
	clustersRef,
}: CanvasLayerProps ) {
	const points = useMemo(
		() => projectGroups( groups, project ),
		[ groups, project ]
	);
	const latest = useRef( { points, transform, size } );
	latest.current = { points, transform, size };
	const frame = useRef< number | null >( null );

	useEffect( () => {
		if ( frame.current !== null ) {
			return;
		}
		frame.current = window.requestAnimationFrame( () => {
			frame.current = null;
			const canvas = canvasRef.current;
			const ctx = canvas?.getContext( '2d' );
			if ( ! canvas || ! ctx ) {
				return;
			}
			const { points: now, transform: view, size: box } = latest.current;
			const ratio = window.devicePixelRatio || 1;
			const width = Math.round( box.width * ratio );
			const height = Math.round( box.height * ratio );
			if ( canvas.width !== width || canvas.height !== height ) {
				canvas.width = width;
				canvas.height = height;
			}
			const clusters = clusterPoints( now, view, CLUSTER_CELL_SIZE, box );
			clustersRef.current = clusters;
			drawClusters( ctx, clusters, box, ratio );
		} );
	}, [ points, transform, size, canvasRef, clustersRef ] );

	useEffect(
		() => () => {
			if ( frame.current !== null ) {
				window.cancelAnimationFrame( frame.current );
				frame.current = null;
			}
		},
		[]
	);

	return null;
}
