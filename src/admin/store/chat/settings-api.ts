/**
 * The chat options of `livedesk/v1/settings` (docs/chat.md "Settings") and
 * the identity secret's regeneration.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { UnexpectedResponseError } from '../settings/api';
import { base, unexpected } from './api';
import { isRecord, text } from './normalize';
import { EMAIL_CAPTURE_MODES } from './types';
import type {
	ChatSettings,
	ChatSettingsChanges,
	EmailCaptureMode,
} from './types';

function isCaptureMode( value: unknown ): value is EmailCaptureMode {
	return ( EMAIL_CAPTURE_MODES as readonly unknown[] ).includes( value );
}

/**
 * The chat options of a settings answer, throwing when they are missing.
 *
 * @param value The parsed `livedesk/v1/settings` answer.
 */
export function parseChatSettings( value: unknown ): ChatSettings {
	if (
		isRecord( value ) &&
		typeof value.chat_enabled === 'boolean' &&
		typeof value.chat_color === 'string' &&
		( value.chat_position === 'right' || value.chat_position === 'left' ) &&
		typeof value.chat_greeting === 'string' &&
		isCaptureMode( value.chat_email_capture ) &&
		typeof value.chat_require_verified === 'boolean' &&
		typeof value.chat_offline_email === 'string'
	) {
		return {
			chat_enabled: value.chat_enabled,
			chat_color: value.chat_color,
			chat_position: value.chat_position,
			chat_greeting: value.chat_greeting,
			chat_email_capture: value.chat_email_capture,
			chat_require_verified: value.chat_require_verified,
			chat_offline_email: value.chat_offline_email,
			identity_secret: text( value.identity_secret ),
		};
	}
	throw new UnexpectedResponseError(
		__( 'The server answered, but without the chat settings.', 'livedesk' )
	);
}

/** `GET settings`, keeping the chat options. */
export async function fetchChatSettings(): Promise< ChatSettings > {
	return parseChatSettings(
		await apiFetch( { path: `${ base() }/settings` } )
	);
}

/**
 * `POST settings` with only the given chat options.
 *
 * @param changes The options to change.
 */
export async function postChatSettings(
	changes: ChatSettingsChanges
): Promise< ChatSettings > {
	return parseChatSettings(
		await apiFetch( {
			path: `${ base() }/settings`,
			method: 'POST',
			data: changes,
		} )
	);
}

/**
 * Replaces the identity secret; resolves to the new one. Every identity
 * signed with the old secret stops being verified.
 */
export async function regenerateIdentitySecret(): Promise< string > {
	const answer: unknown = await apiFetch( {
		path: `${ base() }/settings/identity-secret`,
		method: 'POST',
	} );
	const secret = isRecord( answer )
		? ( answer.identity_secret ?? answer.secret )
		: null;
	if ( typeof secret === 'string' && /^[0-9a-f]{64}$/.test( secret ) ) {
		return secret;
	}
	throw unexpected( 'identity secret' );
}
