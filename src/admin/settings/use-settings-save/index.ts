/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store as settingsStore } from '../../store/settings';
import type { SaveStatus, SettingsChanges } from '../../store/settings/types';

/** What a settings control needs to show and save its value. */
export interface SettingsSave {
	/** Where the latest save stands. */
	saveStatus: SaveStatus;
	/** Whether a save is in flight (every control waits for it). */
	isSaving: boolean;
	/** The values being saved right now, shown until the server answers. */
	pending: SettingsChanges;
	/** Saves only the given fields; resolves to whether the save succeeded. */
	saveSettings: ( changes: SettingsChanges ) => Promise< boolean >;
	/**
	 * Whether the latest save failed while changing this field.
	 *
	 * @param field A settings field.
	 */
	failedOn: ( field: keyof SettingsChanges ) => boolean;
}

/** The settings store's save state and action, as settings controls use them. */
export default function useSettingsSave(): SettingsSave {
	const saveStatus = useSelect(
		( select ) => select( settingsStore ).getSaveStatus(),
		[]
	);
	const { saveSettings } = useDispatch( settingsStore );
	const isSaving = saveStatus.status === 'saving';
	return {
		saveStatus,
		isSaving,
		pending: isSaving ? saveStatus.changes : {},
		saveSettings,
		failedOn: ( field ) =>
			saveStatus.status === 'error' && field in saveStatus.changes,
	};
}
