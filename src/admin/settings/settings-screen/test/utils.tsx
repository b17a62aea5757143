/**
 * External dependencies
 */
import { render } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import SettingsScreen from '..';
import { store as chatStore } from '../../../store/chat';
import type { ChatSettings } from '../../../store/chat/types';
import { store } from '../../../store/settings';

// The whole screen (every section) renders in each test, which jsdom makes
// slow; with CI running every suite at once, 5 s per test was not enough.
jest.setTimeout( 15_000 );

/** apiFetch, as mocked by `jest.mock( '@wordpress/api-fetch' )` in each test file. */
export const mockApiFetch = apiFetch as unknown as jest.Mock;

/** Settings as a fresh install returns them. */
export const SAVED = {
	delete_data_on_uninstall: false,
	sidecar_url: '',
	effective_sidecar_url: 'https://shop.example/',
	tracking: true,
	consent_mode: false,
	ip_mode: 'anonymised' as const,
	visitor_cap: 500,
	trusted_proxies: [ '127.0.0.1', '::1' ],
};

/** The chat settings of a fresh install (the secret only for managers). */
export const CHAT_SAVED: ChatSettings = {
	chat_enabled: true,
	chat_color: '#2563eb',
	chat_position: 'right',
	chat_greeting: '',
	chat_email_capture: 'off',
	chat_require_verified: false,
	chat_offline_email: '',
	identity_secret: '0123456789abcdef'.repeat( 4 ),
};

/** Label of the uninstall toggle. */
export const TOGGLE_LABEL =
	'Delete all LiveDesk data when the plugin is uninstalled';

/** Notices are also announced in hidden a11y-speak regions; match only the visible text. */
export const VISIBLE = { ignore: 'script, style, .a11y-speak-region' };

/** The notice shown to users without `livedesk_manage`. */
export const READ_ONLY_NOTICE =
	'You can view these settings, but only administrators (users with the livedesk_manage capability) can change them.';

/**
 * Renders the screen with a fresh registry, so resolver results never leak between tests.
 *
 * @param canManage    Whether the user may change settings.
 * @param chatSettings Chat settings already loaded (so the Chat section makes
 *                     no request of its own), or null to let it load them
 *                     through apiFetch.
 */
export function renderScreen(
	canManage = true,
	chatSettings: ChatSettings | null = CHAT_SAVED
) {
	const registry = createRegistry();
	registry.register( store );
	registry.register( chatStore );
	if ( chatSettings ) {
		registry.dispatch( chatStore ).receiveChatSettings( chatSettings );
		registry
			.dispatch( chatStore )
			.finishResolution( 'getChatSettingsState', [] );
	}
	return render(
		<RegistryProvider value={ registry }>
			<SettingsScreen canManage={ canManage } />
		</RegistryProvider>
	);
}

/** The POST requests made so far. */
export function postCalls() {
	return mockApiFetch.mock.calls.filter(
		( [ options ] ) => options.method === 'POST'
	);
}
