/**
 * WordPress dependencies
 */
import { combineReducers } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	RequestError,
	SaveStatus,
	Settings,
	SettingsAction,
	SettingsState,
} from './types';

/**
 * The server-confirmed settings: replaced by every load or successful save.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function settings(
	state: Settings | null = null,
	action: SettingsAction
): Settings | null {
	switch ( action.type ) {
		case 'RECEIVE_SETTINGS':
		case 'SAVE_SETTINGS_SUCCESS':
			return action.settings;
		default:
			return state;
	}
}

/**
 * The last load failure, cleared when loading starts again or succeeds.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function loadError(
	state: RequestError | null = null,
	action: SettingsAction
): RequestError | null {
	switch ( action.type ) {
		case 'RECEIVE_SETTINGS_ERROR':
			return action.error;
		case 'FETCH_SETTINGS_START':
		case 'RECEIVE_SETTINGS':
			return null;
		default:
			return state;
	}
}

const IDLE: SaveStatus = { status: 'idle' };

/**
 * The outcome of the latest save.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function save(
	state: SaveStatus = IDLE,
	action: SettingsAction
): SaveStatus {
	switch ( action.type ) {
		case 'SAVE_SETTINGS_START':
			return { status: 'saving', changes: action.changes };
		case 'SAVE_SETTINGS_SUCCESS':
			return { status: 'saved', changes: action.changes };
		case 'SAVE_SETTINGS_ERROR':
			return {
				status: 'error',
				changes: action.changes,
				error: action.error,
			};
		case 'CLEAR_SAVE_STATUS':
			return IDLE;
		default:
			return state;
	}
}

/** The `livedesk/settings` store's reducer. */
const reducer: (
	state: SettingsState | undefined,
	action: SettingsAction
) => SettingsState = combineReducers( { settings, loadError, save } );

export default reducer;
