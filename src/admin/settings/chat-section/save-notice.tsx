/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import useChatSettingsSave from './use-chat-settings-save';

/** Says, in words, whether the latest chat settings change is saving, saved or failed. */
export default function ChatSaveNotice() {
	const { save } = useChatSettingsSave();
	const { clearChatSettingsSave } = useDispatch( chatStore );
	switch ( save.status ) {
		case 'saving':
			return (
				<Notice status="info" isDismissible={ false }>
					{ __( 'Saving…', 'livedesk' ) }
				</Notice>
			);
		case 'saved':
			return (
				<Notice status="success" onRemove={ clearChatSettingsSave }>
					{ save.changes === 'secret'
						? __(
								'A new identity secret is in use. Update your site’s code with it.',
								'livedesk'
							)
						: __( 'Settings saved.', 'livedesk' ) }
				</Notice>
			);
		case 'error':
			return (
				<Notice status="error" onRemove={ clearChatSettingsSave }>
					<p>
						{ __( 'Your change was not saved.', 'livedesk' ) }{ ' ' }
						{ save.error.message }
					</p>
					{ save.error.details.length > 0 && (
						<ul>
							{ save.error.details.map( ( detail ) => (
								<li key={ detail }>{ detail }</li>
							) ) }
						</ul>
					) }
				</Notice>
			);
		default:
			return null;
	}
}
