/**
 * WordPress dependencies
 */
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import SaveNoticeView from '../save-status-notice/view';
import useChatSettingsSave from './use-chat-settings-save';

/** Says, in words, whether the latest chat settings change is saving, saved or failed. */
export default function ChatSaveNotice() {
	const { save } = useChatSettingsSave();
	const { clearChatSettingsSave } = useDispatch( chatStore );
	return (
		<SaveNoticeView
			save={ save }
			onRemove={ clearChatSettingsSave }
			savedText={
				save.status === 'saved' && save.changes === 'secret'
					? __(
							'A new identity secret is in use. Update your site’s code with it.',
							'livedesk'
						)
					: undefined
			}
		/>
	);
}
