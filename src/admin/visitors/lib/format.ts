/**
 * Formatting of visitor data for display. Every result is plain text, to be
 * rendered as a React text node.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';

/** What an empty or unknown field shows. */
export const EMPTY_FIELD = '—';

/**
 * The value, or "—" when it is empty.
 *
 * @param value A text value.
 */
export function orDash( value: string | null | undefined ): string {
	return value && value.trim() !== '' ? value : EMPTY_FIELD;
}

/**
 * "Visitor N", or the visitor's name once known.
 *
 * @param visitor The visitor.
 */
export function visitorLabel(
	visitor: Pick< PresenceVisitor, 'name' | 'number' >
): string {
	if ( visitor.name !== null && visitor.name.trim() !== '' ) {
		return visitor.name;
	}
	/* translators: %d: the visitor's number, e.g. 3. */
	return sprintf( __( 'Visitor %d', 'livedesk' ), visitor.number );
}

/**
 * A page's title, or its path when the title is empty.
 *
 * @param page       The page.
 * @param page.path
 * @param page.title
 */
export function pageLabel( page: { path: string; title: string } ): string {
	return page.title.trim() !== '' ? page.title : page.path;
}

/**
 * A duration as `m:ss` or `h:mm:ss` (negative durations count as zero).
 *
 * @param ms Milliseconds.
 */
export function formatDuration( ms: number ): string {
	const total = Math.max( 0, Math.floor( ms / 1000 ) );
	const hours = Math.floor( total / 3600 );
	const minutes = Math.floor( ( total % 3600 ) / 60 );
	const seconds = String( total % 60 ).padStart( 2, '0' );
	return hours > 0
		? `${ hours }:${ String( minutes ).padStart( 2, '0' ) }:${ seconds }`
		: `${ minutes }:${ seconds }`;
}

/**
 * A moment as a date and time in the admin's locale and time zone; "—" when invalid.
 *
 * @param time   Unix ms, or an ISO 8601 string.
 * @param locale BCP 47 locale.
 */
export function formatDateTime(
	time: number | string,
	locale?: string
): string {
	const date = new Date( time );
	if ( Number.isNaN( date.getTime() ) ) {
		return EMPTY_FIELD;
	}
	try {
		return new Intl.DateTimeFormat( locale, {
			dateStyle: 'medium',
			timeStyle: 'medium',
		} ).format( date );
	} catch {
		return date.toISOString();
	}
}

/**
 * The wall-clock time in a time zone, or "—" when the zone is empty or unknown.
 *
 * @param time     Unix ms.
 * @param timeZone IANA time zone, e.g. `Europe/Paris`.
 * @param locale   BCP 47 locale.
 */
export function formatLocalTime(
	time: number,
	timeZone: string,
	locale?: string
): string {
	if ( timeZone.trim() === '' ) {
		return EMPTY_FIELD;
	}
	try {
		return new Intl.DateTimeFormat( locale, {
			timeZone,
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		} ).format( new Date( time ) );
	} catch {
		return EMPTY_FIELD; // not a time zone this browser knows
	}
}

/**
 * The name of a language tag in the admin's locale (e.g. "British English"), or '' when unknown.
 *
 * @param tag    BCP 47 tag, e.g. `en-GB`.
 * @param locale BCP 47 locale to name it in.
 */
export function languageName( tag: string, locale = 'en' ): string {
	if ( tag.trim() === '' ) {
		return '';
	}
	try {
		return (
			new Intl.DisplayNames( [ locale, 'en' ], {
				type: 'language',
				fallback: 'none',
			} ).of( tag ) ?? ''
		);
	} catch {
		return '';
	}
}

/**
 * The URL when it is an absolute http(s) URL (safe for an href), else null.
 * Visitor-supplied text must never become a `javascript:` or `data:` link.
 *
 * @param value A URL supplied by a visitor.
 */
export function safeHttpUrl( value: string ): string | null {
	if ( value.trim() === '' ) {
		return null;
	}
	try {
		const url = new URL( value.trim() );
		return url.protocol === 'http:' || url.protocol === 'https:'
			? url.href
			: null;
	} catch {
		return null;
	}
}

/**
 * A device type as the sidecar names it, in words; '' when unknown.
 *
 * @param device `desktop`, `mobile`, `tablet`, … or ''.
 */
export function deviceLabel( device: string ): string {
	switch ( device ) {
		case 'desktop':
			return __( 'Desktop', 'livedesk' );
		case 'mobile':
			return __( 'Mobile', 'livedesk' );
		case 'tablet':
			return __( 'Tablet', 'livedesk' );
		case 'smarttv':
			return __( 'Smart TV', 'livedesk' );
		case 'console':
			return __( 'Games console', 'livedesk' );
		case 'wearable':
			return __( 'Wearable', 'livedesk' );
		case 'embedded':
			return __( 'Embedded device', 'livedesk' );
		default:
			return device;
	}
}
