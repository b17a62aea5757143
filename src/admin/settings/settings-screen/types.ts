/** Props of the Settings screen. */
export interface SettingsScreenProps {
	/** Whether the user has `livedesk_manage`; without it every control is read-only. */
	canManage: boolean;
}
