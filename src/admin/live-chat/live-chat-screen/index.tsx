/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ScreenHeader from '../../components/screen-header';
import EmptyState from '../../components/empty-state';

/** The Live Chat screen: conversations with visitors. */
export default function LiveChatScreen() {
	return (
		<>
			<ScreenHeader
				title={ __( 'Live Chat', 'livedesk' ) }
				description={ __(
					'Reply to visitors who start a chat on your site.',
					'livedesk'
				) }
			/>
			<EmptyState title={ __( 'No conversations yet', 'livedesk' ) }>
				<p>
					{ __(
						'When visitors start a chat from your site, their conversations will appear here so your team can reply.',
						'livedesk'
					) }
				</p>
			</EmptyState>
		</>
	);
}
