/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useId, useMemo, useRef } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import { filterVisitors } from '../../lib';
import type { VisitorFilterProps } from './types';
import './style.scss';

/**
 * The visitors matching a query, recomputed only when either changes; the
 * same array as given while the query is empty.
 *
 * @param visitors The listed visitors.
 * @param query    What the agent typed.
 */
export function useFilteredVisitors(
	visitors: readonly PresenceVisitor[],
	query: string
): readonly PresenceVisitor[] {
	return useMemo(
		() => filterVisitors( visitors, query ),
		[ visitors, query ]
	);
}

/**
 * A search field that narrows the visitors as you type (no Enter needed),
 * with a button (and Escape) to clear it.
 *
 * @param props The query, its setter, and the match counts to announce.
 */
export default function VisitorFilter( props: VisitorFilterProps ) {
	const { value, onChange, matches, total } = props;
	const inputId = useId();
	const input = useRef< HTMLInputElement >( null );

	const clear = () => {
		onChange( '' );
		input.current?.focus();
	};
	const onKeyDown = ( event: KeyboardEvent< HTMLInputElement > ) => {
		if ( event.key === 'Escape' && value !== '' ) {
			event.preventDefault();
			event.stopPropagation();
			clear();
		}
	};

	let summary = '';
	if ( value.trim() !== '' && matches !== undefined ) {
		summary =
			total === undefined
				? sprintf(
						/* translators: %d: number of matching visitors. */
						_n(
							'%d visitor shown.',
							'%d visitors shown.',
							matches,
							'livedesk'
						),
						matches
					)
				: sprintf(
						/* translators: 1: number of matching visitors, 2: number of listed visitors. */
						_n(
							'%1$d of %2$d visitor shown.',
							'%1$d of %2$d visitors shown.',
							total,
							'livedesk'
						),
						matches,
						total
					);
	}

	return (
		<div className="livedesk-visitor-filter" role="search">
			<label
				className="livedesk-visitor-filter__label"
				htmlFor={ inputId }
			>
				{ __( 'Filter visitors', 'livedesk' ) }
			</label>
			<div className="livedesk-visitor-filter__field">
				<input
					ref={ input }
					id={ inputId }
					className="livedesk-visitor-filter__input"
					type="search"
					value={ value }
					placeholder={ __(
						'Name, city, country or page',
						'livedesk'
					) }
					autoComplete="off"
					spellCheck={ false }
					onChange={ ( event ) => onChange( event.target.value ) }
					onKeyDown={ onKeyDown }
				/>
				{ value !== '' && (
					<Button
						className="livedesk-visitor-filter__clear"
						variant="tertiary"
						size="compact"
						onClick={ clear }
					>
						{ __( 'Clear filter', 'livedesk' ) }
					</Button>
				) }
			</div>
			<p className="livedesk-visitor-filter__summary" aria-live="polite">
				{ summary }
			</p>
		</div>
	);
}
