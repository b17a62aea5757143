/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ScreenHeader from '../../components/screen-header';
import EmptyState from '../../components/empty-state';

/** The Analytics screen: totals built from recorded visits and chats. */
export default function AnalyticsScreen() {
	return (
		<>
			<ScreenHeader
				title={ __( 'Analytics', 'livedesk' ) }
				description={ __(
					'Totals built from the visits and chats LiveDesk records.',
					'livedesk'
				) }
			/>
			<EmptyState title={ __( 'No data collected yet', 'livedesk' ) }>
				<p>
					{ __(
						'There is nothing to report until LiveDesk has recorded visits and chats on your site.',
						'livedesk'
					) }
				</p>
			</EmptyState>
		</>
	);
}
