/**
 * Agent tokens from WordPress: `POST /livedesk/v1/agent-token` (cookie +
 * nonce, through apiFetch) answers `{ token, expires_at, expires_in, sidecar_url }`.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getBootConfig } from '../boot';
import { toRequestError, UnexpectedResponseError } from '../store/settings/api';
import type { AgentTokenGrant, ConnectionReason } from './types';

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * Checks a token response, throwing UnexpectedResponseError when it is not one.
 * `expires_at` is not used: `expires_in` does not depend on this computer's clock.
 *
 * @param value The parsed response body.
 */
export function parseAgentTokenResponse( value: unknown ): AgentTokenGrant {
	if (
		isRecord( value ) &&
		typeof value.token === 'string' &&
		value.token !== '' &&
		Number.isSafeInteger( value.expires_in ) &&
		( value.expires_in as number ) > 0
	) {
		return {
			token: value.token,
			expiresIn: value.expires_in as number,
			sidecarUrl:
				typeof value.sidecar_url === 'string' ? value.sidecar_url : '',
		};
	}
	throw new UnexpectedResponseError(
		__(
			'The server answered, but not with a LiveDesk agent token.',
			'livedesk'
		)
	);
}

/** Gets a new agent token for the current user from WordPress. */
export async function fetchAgentToken(): Promise< AgentTokenGrant > {
	return parseAgentTokenResponse(
		await apiFetch( {
			path: `/${ getBootConfig().restNamespace }/agent-token`,
			method: 'POST',
		} )
	);
}

/**
 * Why a token request failed, as a connection reason. 401 and 403 mean the
 * user may not connect (logged out, or no `livedesk_view`): retrying would not
 * help. Anything else (a network error, a 5xx) is retried.
 *
 * @param error Whatever the token fetcher threw.
 */
export function tokenFailureReason( error: unknown ): ConnectionReason {
	const { code, message, status } = toRequestError( error );
	return {
		source: 'token',
		code,
		message,
		httpStatus: status,
		retrying: status !== 401 && status !== 403,
	};
}
