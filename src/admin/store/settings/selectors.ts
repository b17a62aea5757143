/**
 * Internal dependencies
 */
import type {
	RequestError,
	SaveStatus,
	Settings,
	SettingsState,
} from './types';

/**
 * The settings the server last confirmed, or null until they are loaded.
 *
 * @param state Store state.
 */
export function getSettings( state: SettingsState ): Settings | null {
	return state.settings;
}

/**
 * Why loading settings failed, or null.
 *
 * @param state Store state.
 */
export function getLoadError( state: SettingsState ): RequestError | null {
	return state.loadError;
}

/**
 * Where the latest save stands.
 *
 * @param state Store state.
 */
export function getSaveStatus( state: SettingsState ): SaveStatus {
	return state.save;
}

/**
 * Whether a save request is in flight.
 *
 * @param state Store state.
 */
export function isSaving( state: SettingsState ): boolean {
	return state.save.status === 'saving';
}
