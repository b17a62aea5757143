/**
 * Internal dependencies
 */
import type { SettingsChanges } from '../../store/settings/types';

/** Props of the save status notice. */
export interface SaveStatusNoticeProps {
	/** Report only saves that changed one of these fields; every save when omitted. */
	fields?: ReadonlyArray< keyof SettingsChanges >;
}
