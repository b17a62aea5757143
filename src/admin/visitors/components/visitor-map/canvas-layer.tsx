/**
 * External dependencies
 */
import type { RefObject } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useMemo, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { Clusterer, ProjectedGroup, ViewTransform } from './cluster';
import { CLUSTER_CELL_SIZE } from './constants';
import { drawClusters } from './draw-clusters';
import type { PinGroup } from './grouping';
import { projectGroups } from './projection';

/** Props of the canvas drawer (rendered inside the zoomable group, draws outside). */
export interface CanvasLayerProps {
	groups: readonly PinGroup[];
	project: ( lat: number, lng: number ) => [ number, number ] | null;
	transform: ViewTransform;
	size: { width: number; height: number };
	/** Key of the selected visitor's group, outlined on the map. */
	selectedKey: string | null;
	/** The canvas laid over the map. */
	canvasRef: RefObject< HTMLCanvasElement >;
	/** Clusters each frame and keeps the last one, for hit-testing clicks. */
	clusterer: Clusterer;
}

/**
 * Draws clustered pins on the overlay canvas. Projection happens once per
 * pin group (a group that did not change keeps its projected entry);
 * clustering and drawing once per animation frame however many zoom, pan or
 * data events arrive in it.
 *
 * @param props             Layer props.
 * @param props.groups
 * @param props.project
 * @param props.transform
 * @param props.size
 * @param props.selectedKey
 * @param props.canvasRef
 * @param props.clusterer
 */
export default function CanvasLayer( {
	groups,
	project,
	transform,
	size,
	selectedKey,
	canvasRef,
	clusterer,
}: CanvasLayerProps ) {
	const cache = useMemo(
		() => new WeakMap< PinGroup, ProjectedGroup | null >(),
		// A new projection (e.g. after a resize) projects everything again.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ project ]
	);
	const points = useMemo(
		() => projectGroups( groups, project, cache ),
		[ groups, project, cache ]
	);
	const latest = useRef( { points, transform, size, selectedKey } );
	latest.current = { points, transform, size, selectedKey };
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
			const now = latest.current;
			const ratio = window.devicePixelRatio || 1;
			const width = Math.round( now.size.width * ratio );
			const height = Math.round( now.size.height * ratio );
			if ( canvas.width !== width || canvas.height !== height ) {
				canvas.width = width;
				canvas.height = height;
			}
			const clusters = clusterer.run(
				now.points,
				now.transform,
				CLUSTER_CELL_SIZE,
				now.size,
				now.selectedKey
			);
			drawClusters( ctx, clusters, now.size, ratio );
		} );
	}, [ points, transform, size, selectedKey, canvasRef, clusterer ] );

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
