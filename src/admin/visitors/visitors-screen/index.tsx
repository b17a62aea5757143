/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ScreenHeader from '../../components/screen-header';
import EmptyState from '../../components/empty-state';

/** The Visitors screen: who is on the site right now, on a map and a list. */
export default function VisitorsScreen() {
	return (
		<>
			<ScreenHeader
				title={ __( 'Visitors', 'livedesk' ) }
				description={ __(
					'See who is on your site right now, where they are and which page they are on.',
					'livedesk'
				) }
			/>
			<EmptyState
				title={ __( 'No live visitors to show yet', 'livedesk' ) }
			>
				<p>
					{ __(
						'Everyone on your site will appear here, on a world map and in a list, as soon as live tracking is running.',
						'livedesk'
					) }
				</p>
			</EmptyState>
		</>
	);
}
