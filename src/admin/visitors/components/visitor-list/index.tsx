/**
 * External dependencies
 */
import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	useCallback,
	useEffect,
	useId,
	useLayoutEffect,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import VisitorRow, { ROW_HEIGHT } from './row';
import type { VisitorListProps } from './types';
import './style.scss';

export { ROW_HEIGHT };
export { default as StatusDot } from './status-dot';

/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
export const OVERSCAN = 6;

// Used until the list is laid out (and in environments without layout).
const FALLBACK_HEIGHT = 600;

function clamp( value: number, min: number, max: number ): number {
	return Math.min( Math.max( value, min ), max );
}

// Tracks the element's height (ResizeObserver where available).
function useHeight( ref: { current: HTMLElement | null } ): number {
	const [ height, setHeight ] = useState( FALLBACK_HEIGHT );
	useLayoutEffect( () => {
		const element = ref.current;
		if ( ! element ) {
			return undefined;
		}
		const measure = () =>
			setHeight( element.clientHeight || FALLBACK_HEIGHT );
		measure();
		if ( typeof ResizeObserver === 'undefined' ) {
			return undefined;
		}
		const observer = new ResizeObserver( measure );
		observer.observe( element );
		return () => observer.disconnect();
	}, [ ref ] );
	return height;
}

/**
 * The visitors as a keyboard-operable listbox that renders only the rows in
 * view (plus OVERSCAN), so thousands of visitors scroll smoothly. Arrow keys,
 * Home/End and Page Up/Down move through the rows; Enter or Space opens one.
 *
 * @param props Visitors, the open one, and what opening does.
 */
export default function VisitorList( props: VisitorListProps ) {
	const { visitors, selectedId, onSelect, label } = props;
	const baseId = useId();
	const viewport = useRef< HTMLDivElement >( null );
	const height = useHeight( viewport );
	const [ scrollTop, setScrollTop ] = useState( 0 );
	const [ activeId, setActiveId ] = useState< string | null >( null );

	const count = visitors.length;
	// The active row follows its visitor when the list reorders.
	let active = activeId
		? visitors.findIndex( ( v ) => v.id === activeId )
		: -1;
	if ( active === -1 && count > 0 && activeId !== null ) {
		active = 0;
	}

	// Keeps the active row in view.
	const reveal = useCallback(
		( index: number ) => {
			const element = viewport.current;
			if ( ! element ) {
				return;
			}
			const top = index * ROW_HEIGHT;
			if ( top < element.scrollTop ) {
				element.scrollTop = top;
			} else if ( top + ROW_HEIGHT > element.scrollTop + height ) {
				element.scrollTop = top + ROW_HEIGHT - height;
			}
			setScrollTop( element.scrollTop );
		},
		[ height ]
	);

	// A visitor opened elsewhere (e.g. a map pin) becomes the active row, in view.
	const latest = useRef( visitors );
	latest.current = visitors;
	useEffect( () => {
		if ( selectedId === null ) {
			return;
		}
		setActiveId( selectedId );
		const index = latest.current.findIndex( ( v ) => v.id === selectedId );
		if ( index >= 0 ) {
			reveal( index );
		}
	}, [ selectedId, reveal ] );

	const onKeyDown = ( event: KeyboardEvent< HTMLDivElement > ) => {
		if ( count === 0 ) {
			return;
		}
		const page = Math.max( 1, Math.floor( height / ROW_HEIGHT ) - 1 );
		// With no active row yet, every move starts from the top.
		const moves: Record< string, number > = {
			ArrowDown: active + 1,
			ArrowUp: active - 1,
			Home: 0,
			End: count - 1,
			PageDown: active + page,
			PageUp: active - page,
		};
		const target = moves[ event.key ];
		if ( target !== undefined ) {
			event.preventDefault();
			const index = clamp( target, 0, count - 1 );
			setActiveId( visitors[ index ]?.id ?? null );
			reveal( index );
			return;
		}
		if ( ( event.key === 'Enter' || event.key === ' ' ) && active >= 0 ) {
			event.preventDefault();
			const visitor = visitors[ active ];
			if ( visitor ) {
				onSelect( visitor.id );
			}
		}
	};

	// One listener for every row: rows carry their visitor's id.
	const onClick = ( event: MouseEvent< HTMLDivElement > ) => {
		const row = ( event.target as Element ).closest< HTMLElement >(
			'[data-visitor-id]'
		);
		const id = row?.dataset.visitorId;
		if ( id ) {
			setActiveId( id );
			onSelect( id );
		}
	};

	const first = clamp(
		Math.floor( scrollTop / ROW_HEIGHT ) - OVERSCAN,
		0,
		count
	);
	const last = clamp(
		Math.ceil( ( scrollTop + height ) / ROW_HEIGHT ) + OVERSCAN,
		0,
		count
	);
	const rowId = ( index: number ) => `${ baseId }-row-${ index }`;
	const indexes = [];
	for ( let index = first; index < last; index++ ) {
		indexes.push( index );
	}
	// aria-activedescendant must name an element in the DOM, even when the
	// active row has been scrolled out of view with the mouse.
	if ( active >= 0 && ( active < first || active >= last ) ) {
		indexes.push( active );
	}
	const rows = [];
	for ( const index of indexes ) {
		const visitor = visitors[ index ];
		if ( visitor ) {
			rows.push(
				<VisitorRow
					key={ visitor.id }
					visitor={ visitor }
					id={ rowId( index ) }
					index={ index }
					count={ count }
					selected={ visitor.id === selectedId }
					active={ index === active }
				/>
			);
		}
	}

	return (
		<div
			ref={ viewport }
			className="livedesk-visitor-list"
			role="listbox"
			tabIndex={ 0 }
			aria-label={ label ?? __( 'Visitors', 'livedesk' ) }
			aria-activedescendant={ active >= 0 ? rowId( active ) : undefined }
			onKeyDown={ onKeyDown }
			onClick={ onClick }
			onFocus={ () => {
				if ( active === -1 && count > 0 ) {
					// The first row fully in view.
					const index = clamp(
						Math.ceil( scrollTop / ROW_HEIGHT ),
						0,
						count - 1
					);
					setActiveId( visitors[ index ]?.id ?? null );
				}
			} }
			onScroll={ ( event ) =>
				setScrollTop( event.currentTarget.scrollTop )
			}
		>
			<div
				className="livedesk-visitor-list__rows"
				style={ { height: count * ROW_HEIGHT } }
			>
				{ rows }
			</div>
		</div>
	);
}
