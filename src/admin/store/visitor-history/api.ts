/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { VISITOR_ID_PATTERN } from '../../../protocol';
import { getBootConfig } from '../../boot';
import type { HistoryPage, VisitorHistory } from './types';

/** Thrown when the server answers with something that is not a visitor. */
export class UnexpectedHistoryError extends Error {
	readonly code = 'livedesk_unexpected_response';
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function parsePage( value: unknown ): HistoryPage | null {
	if (
		isRecord( value ) &&
		typeof value.path === 'string' &&
		typeof value.title === 'string' &&
		typeof value.viewed_at === 'string'
	) {
		return {
			path: value.path,
			title: value.title,
			viewed_at: value.viewed_at,
		};
	}
	return null;
}

/**
 * Checks a REST response is a visitor with its pages, throwing UnexpectedHistoryError if not.
 * Malformed page entries are dropped rather than failing the whole history.
 *
 * @param value The parsed response body.
 */
export function parseVisitorHistory( value: unknown ): VisitorHistory {
	if (
		isRecord( value ) &&
		typeof value.id === 'string' &&
		typeof value.first_seen === 'string' &&
		typeof value.last_seen === 'string' &&
		Number.isSafeInteger( value.visit_count ) &&
		Array.isArray( value.pages )
	) {
		return {
			id: value.id,
			first_seen: value.first_seen,
			last_seen: value.last_seen,
			visit_count: value.visit_count as number,
			pages: value.pages
				.map( parsePage )
				.filter( ( page ): page is HistoryPage => page !== null ),
		};
	}
	throw new UnexpectedHistoryError(
		__(
			'The server answered, but not with a LiveDesk visitor.',
			'livedesk'
		)
	);
}

/**
 * `GET /livedesk/v1/visitors/{id}`: the visitor's profile and latest pages.
 *
 * @param id Visitor id (32 lowercase hex; anything else is refused without a request).
 */
export async function fetchVisitorHistory(
	id: string
): Promise< VisitorHistory > {
	if ( ! VISITOR_ID_PATTERN.test( id ) ) {
		throw new UnexpectedHistoryError(
			__( 'This is not a valid visitor id.', 'livedesk' )
		);
	}
	const path = `/${ getBootConfig().restNamespace }/visitors/${ id }`;
	return parseVisitorHistory( await apiFetch( { path } ) );
}
