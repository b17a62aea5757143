/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceStatus } from '../../../../protocol';
import { STATUS_COLORS } from './constants';

/** The legend's entries, most active first. */
function entries(): Array< [ PresenceStatus, string ] > {
	return [
		[ 'chatting', __( 'Chatting', 'livedesk' ) ],
		[ 'online', __( 'Online', 'livedesk' ) ],
		[ 'offline', __( 'Offline', 'livedesk' ) ],
	];
}

/** What the pin colours and rings mean. */
export default function MapLegend() {
	return (
		<ul
			className="livedesk-visitor-map__legend"
			aria-label={ __( 'Map legend', 'livedesk' ) }
		>
			{ entries().map( ( [ status, label ] ) => (
				<li key={ status }>
					<span
						className="livedesk-visitor-map__swatch"
						style={ { backgroundColor: STATUS_COLORS[ status ] } }
						aria-hidden="true"
					/>
					{ label }
				</li>
			) ) }
			<li>
				<span
					className="livedesk-visitor-map__swatch is-ring"
					aria-hidden="true"
				/>
				{ __( 'Approximate location (country only)', 'livedesk' ) }
			</li>
		</ul>
	);
}
