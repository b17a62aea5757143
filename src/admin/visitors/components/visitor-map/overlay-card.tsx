/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { VisitorMapOverlayCardProps } from './types';

/**
 * A number in the page's locale, or "—" when unknown.
 *
 * @param value The number.
 */
function formatCount( value: number | undefined ): string {
	return value === undefined ? '—' : value.toLocaleString();
}

/**
 * The totals card over the map: live visitors, active chats, and how many
 * visitors the cap left out.
 *
 * @param props        Component props.
 * @param props.counts Totals from the sidecar, or null before the first.
 */
export default function VisitorMapOverlayCard( {
	counts,
}: VisitorMapOverlayCardProps ) {
	const overCap = counts?.overCap ?? 0;
	return (
		<div className="livedesk-visitor-map__card">
			<dl className="livedesk-visitor-map__card-stats">
				<div className="livedesk-visitor-map__card-stat">
					<dt>{ __( 'Live visitors', 'livedesk' ) }</dt>
					<dd>{ formatCount( counts?.live ) }</dd>
				</div>
				<div className="livedesk-visitor-map__card-stat">
					<dt>{ __( 'Active chats now', 'livedesk' ) }</dt>
					<dd>{ formatCount( counts?.chatting ) }</dd>
				</div>
			</dl>
			{ overCap > 0 && (
				<p className="livedesk-visitor-map__card-over-cap">
					{ sprintf(
						/* translators: %s: number of visitors past the cap, e.g. "1,204". */
						_n(
							'%s more not shown',
							'%s more not shown',
							overCap,
							'livedesk'
						),
						overCap.toLocaleString()
					) }
				</p>
			) }
		</div>
	);
}
