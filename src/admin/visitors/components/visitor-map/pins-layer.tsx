/**
 * External dependencies
 */
import type { CSSProperties, KeyboardEvent } from 'react';

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
	/** Key of the group holding the selected visitor. */
	selectedKey: string | null;
	/** Key of the group whose list of visitors is open. */
	openKey: string | null;
	/** A one-visitor pin selects its visitor. */
	onSelect: ( id: string ) => void;
	/** A group pin opens the list of its visitors, anchored to the pin. */
	onOpen: ( key: string, pin: Element ) => void;
}

interface PinProps {
	group: PinGroup;
	x: number;
	y: number;
	selected: boolean;
	open: boolean;
	onSelect: ( id: string ) => void;
	onOpen: ( key: string, pin: Element ) => void;
}

/** Carries 1 / zoom from the layer to every pin. */
const SCALE_VAR = '--livedesk-pin-scale';

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
 * when grouped. A focusable button for keyboard users: a one-visitor pin
 * selects its visitor, a group pin opens the list of its visitors.
 *
 * @param props          Pin props.
 * @param props.group
 * @param props.x
 * @param props.y
 * @param props.selected
 * @param props.open
 * @param props.onSelect
 * @param props.onOpen
 */
function Pin( { group, x, y, selected, open, onSelect, onOpen }: PinProps ) {
	const radius = pinRadius( group.count );
	const isGroup = group.count > 1;
	const activate = ( pin: Element ) => {
		if ( isGroup ) {
			onOpen( group.key, pin );
		} else {
			onSelect( group.primaryId );
		}
	};
	const onKeyDown = ( event: KeyboardEvent< SVGGElement > ) => {
		if ( event.key === 'Enter' || event.key === ' ' ) {
			event.preventDefault();
			activate( event.currentTarget );
		}
	};
	const classes = [
		'livedesk-visitor-map__pin',
		`is-${ group.status }`,
		selected ? 'is-selected' : '',
	]
		.filter( Boolean )
		.join( ' ' );
	// A group pin is a menu button (it opens a list); a one-visitor pin is
	// pressed while its visitor is open in the drawer.
	const state = isGroup
		? { 'aria-haspopup': 'listbox' as const, 'aria-expanded': open }
		: { 'aria-pressed': selected };
	return (
		<g
			className={ classes }
			// The scale undoes the map's zoom (see PinsLayer): a CSS variable,
			// so zooming restyles the pins without rendering them again.
			style={ {
				transform: `translate(${ x }px, ${ y }px) scale(var(${ SCALE_VAR }, 1))`,
			} }
			role="button"
			tabIndex={ 0 }
			aria-label={ pinLabel( group ) }
			{ ...state }
			onClick={ ( event ) => activate( event.currentTarget ) }
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

// A pin redraws only when what it shows changes, not when a visitor in its
// group merely changes page.
const MemoPin = memo(
	Pin,
	( a, b ) =>
		a.x === b.x &&
		a.y === b.y &&
		a.selected === b.selected &&
		a.open === b.open &&
		a.onSelect === b.onSelect &&
		a.onOpen === b.onOpen &&
		a.group.key === b.group.key &&
		a.group.count === b.group.count &&
		a.group.status === b.group.status &&
		a.group.approximate === b.group.approximate &&
		a.group.primaryId === b.group.primaryId &&
		a.group.city === b.group.city &&
		a.group.country === b.group.country
);

type PinListProps = Omit< PinsLayerProps, 'zoom' >;

/**
 * The pins, one per place. Renders only when the groups, the selection or
 * the open list change — not on zoom or pan.
 *
 * @param props             List props.
 * @param props.groups
 * @param props.project
 * @param props.selectedKey
 * @param props.openKey
 * @param props.onSelect
 * @param props.onOpen
 */
const PinList = memo( function PinElements( {
	groups,
	project,
	selectedKey,
	openKey,
	onSelect,
	onOpen,
}: PinListProps ) {
	return (
		<>
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
						selected={ group.key === selectedKey }
						open={ group.key === openKey }
						onSelect={ onSelect }
						onOpen={ onOpen }
					/>
				);
			} ) }
		</>
	);
} );

/**
 * The SVG pins, drawn inside the map's zoomable group. Pins keep their size
 * on screen: the zoom reaches them as one CSS variable on this group.
 *
 * @param props Layer props.
 */
export default function PinsLayer( props: PinsLayerProps ) {
	const { zoom, ...list } = props;
	const style = { [ SCALE_VAR ]: 1 / zoom } as CSSProperties;
	return (
		<g className="livedesk-visitor-map__pins" style={ style }>
			<PinList { ...list } />
		</g>
	);
}
