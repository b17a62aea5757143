/**
 * Chat failures in words an agent can act on.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ChatFailure } from '../../../protocol';
import type { RequestError } from './types';

/**
 * A sentence for a chat error code (from a socket ack or a REST error), or
 * null when the code has none of its own.
 *
 * @param code Machine code, e.g. `archived`.
 */
export function chatErrorSentence( code: string ): string | null {
	switch ( code ) {
		case 'archived':
		case 'livedesk_archived':
			return __( 'This conversation has been archived.', 'livedesk' );
		case 'forbidden':
		case 'rest_forbidden':
			return __(
				'You are not allowed to do this (it needs the livedesk_chat capability).',
				'livedesk'
			);
		case 'not_found':
		case 'livedesk_not_found':
			return __( 'This conversation no longer exists.', 'livedesk' );
		case 'rate_limited':
			return __(
				'Too many requests in a short time. LiveDesk will try again.',
				'livedesk'
			);
		case 'storage_unavailable':
			return __(
				'The database is not available right now. LiveDesk will try again.',
				'livedesk'
			);
		case 'invalid_payload':
			return __(
				'The server refused this message as invalid.',
				'livedesk'
			);
		case 'chat_disabled':
			return __( 'Chat is turned off in Settings → Chat.', 'livedesk' );
		case 'no_answer':
			return __( 'No answer from the server yet.', 'livedesk' );
		default:
			return null;
	}
}

/**
 * A socket failure as a RequestError (translated where the code is known).
 *
 * @param failure The sidecar's refusal.
 */
export function failureToRequestError( failure: ChatFailure ): RequestError {
	return {
		code: failure.code,
		message: chatErrorSentence( failure.code ) ?? failure.message,
		status: null,
		details: [],
	};
}

/**
 * Whether a failed REST request may work if sent again: network failures,
 * rate limits and server errors may; refusals (4xx) will not.
 *
 * @param error The normalised failure.
 */
export function isRetryableRequestError( error: RequestError ): boolean {
	if (
		error.code === 'storage_unavailable' ||
		error.code === 'livedesk_storage_unavailable' ||
		error.code === 'rate_limited'
	) {
		return true;
	}
	return error.status === null || error.status === 429 || error.status >= 500;
}
