/**
 * Internal dependencies
 */
import type { Settings } from '../../store/settings/types';

/** Props of the settings form. */
export interface SettingsFormProps {
	/** The values the server last confirmed. */
	settings: Settings;
	/** Whether the user may change settings; otherwise every control is read-only. */
	canManage: boolean;
}
