/**
 * Internal dependencies
 */
import type { ChatAction, ChatSettingsState } from './types';

const NO_SETTINGS: ChatSettingsState = {
	values: null,
	status: 'idle',
	error: null,
	save: { status: 'idle' },
};

/**
 * The chat settings and where their latest load and save stand.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function settings(
	state: ChatSettingsState = NO_SETTINGS,
	action: ChatAction
): ChatSettingsState {
	switch ( action.type ) {
		case 'FETCH_CHAT_SETTINGS_START':
			return { ...state, status: 'loading', error: null };
		case 'RECEIVE_CHAT_SETTINGS':
			return {
				...state,
				values: action.settings,
				status: 'ready',
				error: null,
			};
		case 'RECEIVE_CHAT_SETTINGS_ERROR':
			return { ...state, status: 'error', error: action.error };
		case 'SAVE_CHAT_SETTINGS_START':
			return {
				...state,
				save: { status: 'saving', changes: action.changes },
			};
		case 'SAVE_CHAT_SETTINGS_DONE':
			return action.error
				? {
						...state,
						save: {
							status: 'error',
							changes: action.changes,
							error: action.error,
						},
					}
				: {
						...state,
						values: action.settings ?? state.values,
						save: { status: 'saved', changes: action.changes },
					};
		case 'CLEAR_CHAT_SETTINGS_SAVE':
			return { ...state, save: { status: 'idle' } };
		default:
			return state;
	}
}
