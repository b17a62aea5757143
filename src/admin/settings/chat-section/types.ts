/**
 * Internal dependencies
 */
import type { ChatSettings } from '../../store/chat/types';

/** Props of Settings → Chat. */
export interface ChatSectionProps {
	/** Whether the user has `livedesk_manage`; without it every control is read-only. */
	canManage: boolean;
}

/** Props of the parts that show saved chat settings. */
export interface ChatSettingsPartProps {
	settings: ChatSettings;
	canManage: boolean;
}
