/**
 * Loading and saving the chat settings, and regenerating the identity secret.
 */

/**
 * Internal dependencies
 */
import { toRequestError } from '../settings/api';
import {
	fetchChatSettings,
	postChatSettings,
	regenerateIdentitySecret,
} from './settings-api';
import type { ChatAction, ChatSettingsChanges, ChatThunkArgs } from './types';

/** Forgets the outcome of the latest chat settings save. */
export function clearChatSettingsSave(): ChatAction {
	return { type: 'CLEAR_CHAT_SETTINGS_SAVE' };
}

/** Loads the chat settings. */
export const loadChatSettings =
	() =>
	async ( { dispatch }: ChatThunkArgs ): Promise< void > => {
		dispatch( { type: 'FETCH_CHAT_SETTINGS_START' } );
		try {
			dispatch( {
				type: 'RECEIVE_CHAT_SETTINGS',
				settings: await fetchChatSettings(),
			} );
		} catch ( error ) {
			dispatch( {
				type: 'RECEIVE_CHAT_SETTINGS_ERROR',
				error: toRequestError( error ),
			} );
		}
	};

/**
 * Saves the given chat options (and only those); resolves to whether it worked.
 *
 * @param changes The options to change.
 */
export const saveChatSettings =
	( changes: ChatSettingsChanges ) =>
	async ( { dispatch }: ChatThunkArgs ): Promise< boolean > => {
		if ( Object.keys( changes ).length === 0 ) {
			return true;
		}
		dispatch( { type: 'SAVE_CHAT_SETTINGS_START', changes } );
		try {
			const settings = await postChatSettings( changes );
			dispatch( {
				type: 'SAVE_CHAT_SETTINGS_DONE',
				changes,
				settings,
				error: null,
			} );
			return true;
		} catch ( error ) {
			dispatch( {
				type: 'SAVE_CHAT_SETTINGS_DONE',
				changes,
				settings: null,
				error: toRequestError( error ),
			} );
			return false;
		}
	};

/** Replaces the identity secret; resolves to whether it worked. */
export const regenerateSecret =
	() =>
	async ( { dispatch, select }: ChatThunkArgs ): Promise< boolean > => {
		dispatch( { type: 'SAVE_CHAT_SETTINGS_START', changes: 'secret' } );
		try {
			const secret = await regenerateIdentitySecret();
			const values = select.getChatSettings();
			dispatch( {
				type: 'SAVE_CHAT_SETTINGS_DONE',
				changes: 'secret',
				settings: values
					? { ...values, identity_secret: secret }
					: null,
				error: null,
			} );
			return true;
		} catch ( error ) {
			dispatch( {
				type: 'SAVE_CHAT_SETTINGS_DONE',
				changes: 'secret',
				settings: null,
				error: toRequestError( error ),
			} );
			return false;
		}
	};
