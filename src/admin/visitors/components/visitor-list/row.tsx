/**
 * WordPress dependencies
 */
import { memo } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	countryFlag,
	countryName,
	pageLabel,
	userLocale,
	visitorLabel,
} from '../../lib';
import StatusDot from './status-dot';
import type { VisitorRowProps } from './types';

/** Height of a row in pixels; the list positions rows by it. */
export const ROW_HEIGHT = 56;

/**
 * One visitor in the list: status, name, flag and current page, returning badge, tabs.
 *
 * @param props The visitor and its place in the list.
 */
function VisitorRow( props: VisitorRowProps ) {
	const { visitor, id, index, count, selected, active } = props;
	const { country } = visitor.geo;
	const flag = countryFlag( country );
	const tabs = visitor.tabs.length;
	const className = [
		'livedesk-visitor-row',
		selected && 'is-selected',
		active && 'is-active',
		`is-${ visitor.status }`,
	]
		.filter( Boolean )
		.join( ' ' );
	return (
		<div
			id={ id }
			role="option"
			aria-selected={ selected }
			aria-setsize={ count }
			aria-posinset={ index + 1 }
			className={ className }
			style={ { top: index * ROW_HEIGHT, height: ROW_HEIGHT } }
			data-visitor-id={ visitor.id }
		>
			<div className="livedesk-visitor-row__line">
				<StatusDot status={ visitor.status } />
				<span className="livedesk-visitor-row__name">
					{ visitorLabel( visitor ) }
				</span>
				{ visitor.returning && (
					<span className="livedesk-visitor-row__badge">
						<span aria-hidden="true">↩</span>
						<span className="screen-reader-text">
							{ __( 'Returning visitor', 'livedesk' ) }
						</span>
					</span>
				) }
				{ tabs > 1 && (
					<span className="livedesk-visitor-row__tabs">
						{ sprintf(
							/* translators: %d: number of open tabs (2 or more). */
							__( '%d tabs', 'livedesk' ),
							tabs
						) }
					</span>
				) }
			</div>
			<div className="livedesk-visitor-row__line livedesk-visitor-row__page">
				{ flag !== '' && (
					<span
						className="livedesk-visitor-row__flag"
						role="img"
						aria-label={
							countryName( country, userLocale() ) || country
						}
					>
						{ flag }
					</span>
				) }
				<span className="livedesk-visitor-row__title">
					{ pageLabel( visitor.page ) }
				</span>
			</div>
		</div>
	);
}

export default memo( VisitorRow );
