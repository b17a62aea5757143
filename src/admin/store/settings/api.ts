/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getBootConfig } from '../../boot';
import { IP_MODES } from './types';
import type { IpMode, RequestError, Settings, SettingsChanges } from './types';

/** Thrown when the server answers with something that is not settings. */
export class UnexpectedResponseError extends Error {
	readonly code = 'livedesk_unexpected_response';
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function isIpMode( value: unknown ): value is IpMode {
	return ( IP_MODES as readonly unknown[] ).includes( value );
}

function settingsPath(): string {
	return `/${ getBootConfig().restNamespace }/settings`;
}

/**
 * Checks a REST response is a settings object, throwing UnexpectedResponseError if not.
 *
 * @param value The parsed response body.
 */
export function parseSettings( value: unknown ): Settings {
	if (
		isRecord( value ) &&
		typeof value.delete_data_on_uninstall === 'boolean' &&
		typeof value.sidecar_url === 'string' &&
		typeof value.effective_sidecar_url === 'string' &&
		typeof value.tracking === 'boolean' &&
		typeof value.consent_mode === 'boolean' &&
		isIpMode( value.ip_mode ) &&
		Number.isSafeInteger( value.visitor_cap ) &&
		( value.visitor_cap as number ) >= 1 &&
		Array.isArray( value.trusted_proxies ) &&
		value.trusted_proxies.every( ( entry ) => typeof entry === 'string' )
	) {
		return {
			delete_data_on_uninstall: value.delete_data_on_uninstall,
			sidecar_url: value.sidecar_url,
			effective_sidecar_url: value.effective_sidecar_url,
			tracking: value.tracking,
			consent_mode: value.consent_mode,
			ip_mode: value.ip_mode,
			visitor_cap: value.visitor_cap as number,
			trusted_proxies: [ ...( value.trusted_proxies as string[] ) ],
		};
	}
	throw new UnexpectedResponseError(
		__( 'The server answered, but not with LiveDesk settings.', 'livedesk' )
	);
}

/**
 * Turns whatever apiFetch rejected with into a RequestError.
 *
 * @param error A REST error body, a network error or anything else thrown.
 */
export function toRequestError( error: unknown ): RequestError {
	const source = isRecord( error ) ? error : {};
	const data = isRecord( source.data ) ? source.data : {};
	const params = isRecord( data.params ) ? data.params : {};
	const message =
		typeof source.message === 'string' && source.message.trim() !== ''
			? source.message
			: __( 'An unknown error occurred.', 'livedesk' );
	return {
		code: typeof source.code === 'string' ? source.code : 'unknown_error',
		message,
		status: typeof data.status === 'number' ? data.status : null,
		details: Object.values( params ).filter(
			( detail ): detail is string => typeof detail === 'string'
		),
	};
}

/** `GET /livedesk/v1/settings`. */
export async function fetchSettings(): Promise< Settings > {
	return parseSettings( await apiFetch( { path: settingsPath() } ) );
}

/**
 * `POST /livedesk/v1/settings` with only the given fields; resolves to the saved settings.
 *
 * @param changes The fields to change.
 */
export async function postSettings(
	changes: SettingsChanges
): Promise< Settings > {
	return parseSettings(
		await apiFetch( {
			path: settingsPath(),
			method: 'POST',
			data: changes,
		} )
	);
}
