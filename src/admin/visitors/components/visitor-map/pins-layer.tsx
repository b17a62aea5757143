/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { memo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { STATUS_COLORS } from './constants';
import type { PinGroup } from './grouping';
import { pinLabel } from './labels';

/** Props of the SVG pins layer. */
export interface PinsLayerProps {
	groups: readonly PinGroup[];
	/** Cached projection: lat, lng → map coordinates. */
	project: ( lat: number, lng: number ) => [ number, number ] | null;
	/** Current zoom factor: pins keep their on-screen size. */
	zoom: number;
	selectedId: string | null;
	onSelect: ( id: string ) => void;
}

interface PinProps {
	group: PinGroup;
	x: number;
	y: number;
	zoom: number;
	selected: boolean;
	onSelect: ( id: string ) => void;
}

/**
 * Radius of a pin in screen pixels.
 *
 * @param count Visitors at the pin.
 */
export function pinRadius( count: number ): number {
	return count > 1 ? Math.min( 16, 7 + Math.log2( count ) * 2 ) : 5;
}

/**
 * One pin: a dot in its status colour, a ring when approximate, the count
 * when grouped. A focusable button for keyboard users.
 *
 * @param props          Pin props.
 * @param props.group
 * @param props.x
 * @param props.y
 * @param props.zoom
 * @param props.selected
 * @param props.onSelect
 */
function Pin( { group, x, y, zoom, selected, onSelect }: PinProps ) {
	const radius = pinRadius( group.count );
	const select = () => onSelect( group.primaryId );
	const onKeyDown = ( event: KeyboardEvent< SVGGElement > ) => {
		if ( event.key === 'Enter' || event.key === ' ' ) {
			event.preventDefault();
			select();
		}
	};
	const classes = [
		'livedesk-visitor-map__pin',
		`is-${ group.status }`,
		selected ? 'is-selected' : '',
	]
		.filter( Boolean )
		.join( ' ' );
	return (
		<g
			className={ classes }
			transform={ `translate(${ x } ${ y }) scale(${ 1 / zoom })` }
			role="button"
			tabIndex={ 0 }
			aria-label={ pinLabel( group ) }
			aria-pressed={ selected }
			onClick={ select }
			onKeyDown={ onKeyDown }
			data-key={ group.key }
		>
			{ group.approximate && (
				<circle
					className="livedesk-visitor-map__pin-ring"
					r={ radius + 6 }
					fill="none"
					stroke={ STATUS_COLORS[ group.status ] }
				/>
			) }
			<circle
				className="livedesk-visitor-map__pin-dot"
				r={ radius }
				fill={ STATUS_COLORS[ group.status ] }
			/>
			{ group.count > 1 && (
				<text
					className="livedesk-visitor-map__pin-count"
					textAnchor="middle"
					dominantBaseline="central"
					aria-hidden="true"
				>
					{ group.count }
				</text>
			) }
		</g>
	);
}

const MemoPin = memo(
	Pin,
	( a, b ) =>
		a.x === b.x &&
		a.y === b.y &&
		a.zoom === b.zoom &&
		a.selected === b.selected &&
		a.onSelect === b.onSelect &&
		a.group.key === b.group.key &&
		a.group.count === b.group.count &&
		a.group.status === b.group.status &&
		a.group.approximate === b.group.approximate &&
		a.group.primaryId === b.group.primaryId &&
		a.group.city === b.group.city &&
		a.group.country === b.group.country
);

/**
 * The SVG pins, one per place, drawn inside the map's zoomable group.
 *
 * @param props            Layer props.
 * @param props.groups
 * @param props.project
 * @param props.zoom
 * @param props.selectedId
 * @param props.onSelect
 */
export default function PinsLayer( {
	groups,
	project,
	zoom,
	selectedId,
	onSelect,
}: PinsLayerProps ) {
	return (
		<g className="livedesk-visitor-map__pins">
			{ groups.map( ( group ) => {
				const point = project( group.lat, group.lng );
				if ( point === null ) {
					return null;
				}
				return (
					<MemoPin
						key={ group.key }
						group={ group }
						x={ point[ 0 ] }
						y={ point[ 1 ] }
						zoom={ zoom }
						selected={
							selectedId !== null &&
							group.ids.includes( selectedId )
						}
						onSelect={ onSelect }
					/>
				);
			} ) }
		</g>
	);
}
