/**
 * Internal dependencies
 */
import {
	fetchSettingsStart,
	receiveSettings,
	receiveSettingsError,
} from './actions';
import { fetchSettings, toRequestError } from './api';
import type { SettingsThunkArgs } from './types';

/** Loads settings from the REST API the first time `getSettings` is selected. */
export const getSettings =
	() =>
	async ( { dispatch }: SettingsThunkArgs ): Promise< void > => {
		dispatch( fetchSettingsStart() );
		let settings;
		try {
			settings = await fetchSettings();
		} catch ( error ) {
			dispatch( receiveSettingsError( toRequestError( error ) ) );
			return;
		}
		dispatch( receiveSettings( settings ) );
	};
