/**
 * Internal dependencies
 */
import { postSettings, toRequestError } from './api';
import type {
	RequestError,
	Settings,
	SettingsAction,
	SettingsChanges,
	SettingsThunkArgs,
} from './types';

/** Marks the start of loading settings, clearing an earlier load error. */
export function fetchSettingsStart(): SettingsAction {
	return { type: 'FETCH_SETTINGS_START' };
}

/**
 * Stores settings loaded from the server.
 *
 * @param settings The validated settings.
 */
export function receiveSettings( settings: Settings ): SettingsAction {
	return { type: 'RECEIVE_SETTINGS', settings };
}

/**
 * Records why settings could not be loaded.
 *
 * @param error The normalised failure.
 */
export function receiveSettingsError( error: RequestError ): SettingsAction {
	return { type: 'RECEIVE_SETTINGS_ERROR', error };
}

/** Forgets the outcome of the last save (e.g. when its notice is dismissed). */
export function clearSaveStatus(): SettingsAction {
	return { type: 'CLEAR_SAVE_STATUS' };
}

/**
 * Saves the given fields (and only those); resolves to whether the save succeeded.
 *
 * @param changes The fields to change.
 */
export const saveSettings =
	( changes: SettingsChanges ) =>
	async ( { dispatch }: SettingsThunkArgs ): Promise< boolean > => {
		if ( Object.keys( changes ).length === 0 ) {
			return true;
		}
		dispatch( { type: 'SAVE_SETTINGS_START', changes } );
		try {
			const settings = await postSettings( changes );
			dispatch( { type: 'SAVE_SETTINGS_SUCCESS', changes, settings } );
			return true;
		} catch ( error ) {
			dispatch( {
				type: 'SAVE_SETTINGS_ERROR',
				changes,
				error: toRequestError( error ),
			} );
			return false;
		}
	};
