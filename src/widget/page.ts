/**
 * Internal dependencies
 */
import {
	LANGUAGE_MAX,
	PATH_MAX,
	REFERRER_MAX,
	TIMEZONE_MAX,
	TITLE_MAX,
	cleanReferrer,
	stripQueryAndFragment,
} from '../protocol';
import type { PageView } from '../protocol';

// Whitespace and control characters (which the sidecar refuses) become one space.
const BLANKS = /[\s\u0000-\u001f\u007f]+/g;

/**
 * A page title as LiveDesk sends it: whitespace and control characters
 * collapsed to single spaces, trimmed, cut to TITLE_MAX (never in the middle
 * of a surrogate pair).
 *
 * @param title document.title.
 */
export function cleanTitle( title: string ): string {
	return title
		.replace( BLANKS, ' ' )
		.trim()
		.slice( 0, TITLE_MAX )
		.replace( /[\ud800-\udbff]$/, '' )
		.trim();
}

/**
 * The referrer of the first page as sent: scheme, host and path only, cut to
 * REFERRER_MAX; '' when there is none, it is not http(s), or it is this site.
 *
 * @param referrer document.referrer.
 * @param origin   location.origin of the page.
 */
export function firstReferrer( referrer: string, origin: string ): string {
	const cleaned = cleanReferrer( referrer ).slice( 0, REFERRER_MAX );
	return cleaned.startsWith( origin.toLowerCase() + '/' ) ? '' : cleaned;
}

/** The browser's IANA time zone, or '' when the browser does not say. */
function timeZone(): string {
	try {
		return String(
			Intl.DateTimeFormat().resolvedOptions().timeZone || ''
		).slice( 0, TIMEZONE_MAX );
	} catch {
		return '';
	}
}

/**
 * The page the window shows now, ready to send as `page:view`.
 *
 * @param win      The window.
 * @param referrer The visit's referrer (see firstReferrer).
 */
export function readPage( win: Window, referrer: string ): PageView {
	const { document: doc, location, navigator: nav } = win;
	return {
		// pathname never holds a query or fragment; the cut is the rule anyway.
		path: stripQueryAndFragment( location.pathname ).slice( 0, PATH_MAX ),
		title: cleanTitle( doc.title ),
		referrer,
		language: ( nav.language || '' ).slice( 0, LANGUAGE_MAX ),
		timezone: timeZone(),
		visible: doc.visibilityState === 'visible',
	};
}
