/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import type {
	ChatSettingsChanges,
	ChatSettingsState,
} from '../../store/chat/types';

/** What a chat settings control needs to show and save its value. */
export interface ChatSettingsSave {
	save: ChatSettingsState[ 'save' ];
	isSaving: boolean;
	/** The values being saved right now, shown until the server answers. */
	pending: ChatSettingsChanges;
	saveChatSettings: ( changes: ChatSettingsChanges ) => Promise< boolean >;
}

/** The chat store's save state and action, as the chat settings controls use them. */
export default function useChatSettingsSave(): ChatSettingsSave {
	const save = useSelect(
		( select ) => select( chatStore ).getChatSettingsState().save,
		[]
	);
	const { saveChatSettings } = useDispatch( chatStore );
	const isSaving = save.status === 'saving';
	return {
		save,
		isSaving,
		pending: isSaving && save.changes !== 'secret' ? save.changes : {},
		saveChatSettings,
	};
}
