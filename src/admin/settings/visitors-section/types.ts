/**
 * Internal dependencies
 */
import type { Settings } from '../../store/settings/types';

/** Props of the Visitors section of the settings screen. */
export interface VisitorsSectionProps {
	/** The values the server last confirmed. */
	settings: Settings;
	/** Whether the user may change settings; otherwise every control is read-only. */
	canManage: boolean;
}
