/**
 * External dependencies
 */
import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Popover } from '@wordpress/components';
import { useEffect, useId, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import { pageLabel, visitorLabel } from '../../lib';
import { StatusDot } from '../visitor-list';
import { countryName } from './labels';
import type { GroupChooserProps } from './types';

/** Visitors listed in a chooser at most; the filter finds the others. */
export const MAX_CHOOSER_ROWS = 100;

/**
 * Where a visitor is, in a few words ("Lyon", "France"), for choosers that
 * span several places.
 *
 * @param visitor A visitor.
 */
function shortPlace( visitor: PresenceVisitor ): string {
	const { city, country } = visitor.geo;
	if ( city !== '' ) {
		return city;
	}
	return country !== '' ? countryName( country ) : '';
}

/**
 * A small listbox anchored to a pin (or a canvas cluster) that lists the
 * visitors there: status, "Visitor N" or name, current page. Arrow keys,
 * Home and End move; Enter, Space or a click chooses; Escape and Tab close it
 * and focus goes back where it was (the pin).
 *
 * @param props The visitors, the anchor, and what choosing does.
 */
export default function GroupChooser( props: GroupChooserProps ) {
	const {
		anchor,
		title,
		visitors,
		selectedId,
		showPlace,
		onChoose,
		onClose,
	} = props;
	const baseId = useId();
	const shown =
		visitors.length > MAX_CHOOSER_ROWS
			? visitors.slice( 0, MAX_CHOOSER_ROWS )
			: visitors;
	const [ activeId, setActiveId ] = useState< string | null >( () =>
		shown.some( ( visitor ) => visitor.id === selectedId )
			? selectedId
			: ( shown[ 0 ]?.id ?? null )
	);
	// The active option follows its visitor when the list changes.
	let active = shown.findIndex( ( visitor ) => visitor.id === activeId );
	if ( active === -1 && shown.length > 0 ) {
		active = 0;
	}
	const optionId = ( index: number ) => `${ baseId }-option-${ index }`;

	const list = useRef< HTMLDivElement >( null );
	// The list takes the focus at once (the popover's own focusing waits a
	// tick, and skips elements that are not laid out yet).
	useEffect( () => {
		list.current?.focus( { preventScroll: true } );
	}, [] );
	useEffect( () => {
		const option = list.current?.querySelector( '.is-active' );
		// Not in every environment (jsdom has no layout).
		option?.scrollIntoView?.( { block: 'nearest' } );
	}, [ active ] );

	const onKeyDown = ( event: KeyboardEvent< HTMLDivElement > ) => {
		const last = shown.length - 1;
		const moves: Record< string, number > = {
			ArrowDown: Math.min( active + 1, last ),
			ArrowUp: Math.max( active - 1, 0 ),
			Home: 0,
			End: last,
		};
		const target = moves[ event.key ];
		if ( target !== undefined ) {
			event.preventDefault();
			setActiveId( shown[ target ]?.id ?? null );
		} else if ( event.key === 'Enter' || event.key === ' ' ) {
			event.preventDefault();
			const visitor = shown[ active ];
			if ( visitor ) {
				onChoose( visitor.id );
			}
		} else if ( event.key === 'Tab' || event.key === 'Escape' ) {
			// A popup list is one stop: leaving it closes it, back on the
			// pin. (The popover closes on Escape too, where it sees keyCode.)
			event.preventDefault();
			onClose();
		}
	};

	const onClick = ( event: MouseEvent< HTMLDivElement > ) => {
		const option = ( event.target as Element ).closest< HTMLElement >(
			'[data-visitor-id]'
		);
		const id = option?.dataset.visitorId;
		if ( id ) {
			onChoose( id );
		}
	};

	const more = visitors.length - shown.length;
	return (
		<Popover
			anchor={ anchor }
			placement="right-start"
			offset={ 12 }
			shift
			focusOnMount="firstElement"
			onClose={ onClose }
			className="livedesk-visitor-map__chooser"
		>
			<div className="livedesk-visitor-map__chooser-body">
				<p
					id={ `${ baseId }-title` }
					className="livedesk-visitor-map__chooser-title"
				>
					{ title }
				</p>
				<div
					ref={ list }
					className="livedesk-visitor-map__chooser-list"
					role="listbox"
					tabIndex={ 0 }
					aria-labelledby={ `${ baseId }-title` }
					aria-describedby={ `${ baseId }-help` }
					aria-activedescendant={
						active >= 0 ? optionId( active ) : undefined
					}
					onKeyDown={ onKeyDown }
					onClick={ onClick }
				>
					{ shown.map( ( visitor, index ) => (
						<div
							key={ visitor.id }
							id={ optionId( index ) }
							role="option"
							aria-selected={ visitor.id === selectedId }
							className={
								'livedesk-visitor-map__chooser-option' +
								( index === active ? ' is-active' : '' )
							}
							data-visitor-id={ visitor.id }
						>
							<span className="livedesk-visitor-map__chooser-name">
								<StatusDot status={ visitor.status } />
								{ visitorLabel( visitor ) }
							</span>
							<span className="livedesk-visitor-map__chooser-page">
								{ showPlace && shortPlace( visitor ) !== ''
									? `${ shortPlace( visitor ) } · ${ pageLabel(
											visitor.page
										) }`
									: pageLabel( visitor.page ) }
							</span>
						</div>
					) ) }
				</div>
				{ more > 0 && (
					<p className="livedesk-visitor-map__chooser-more">
						{ sprintf(
							/* translators: %s: number of visitors not listed, e.g. "1,204". */
							_n(
								'%s more visitor here: use the filter to find them.',
								'%s more visitors here: use the filter to find them.',
								more,
								'livedesk'
							),
							more.toLocaleString()
						) }
					</p>
				) }
				<p id={ `${ baseId }-help` } className="screen-reader-text">
					{ __(
						'Choose a visitor to see their details. Escape closes the list.',
						'livedesk'
					) }
				</p>
			</div>
		</Popover>
	);
}
