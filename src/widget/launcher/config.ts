/**
 * Internal dependencies
 */
import { safeColor } from './colors';

/** What the plugin prints as `window.livedeskChat` (the same for every visitor). */
export interface LauncherConfig {
	/** `livedesk/v1/` REST base, ending with a slash (may hold `?rest_route=`). */
	restUrl: string;
	/** The sidecar's public URL; socket.io is served under `<sidecarUrl>socket.io/`. */
	sidecarUrl: string;
	/** URL of build/widget-chat.js (with its version). */
	chatUrl: string;
	/** admin-ajax.php, for the logged-in user's REST nonce. */
	ajaxUrl: string;
	/** Accent colour, `#rrggbb`. */
	color: string;
	position: 'left' | 'right';
	/** The launcher's accessible name, translated. */
	label: string;
	/** Consent mode: nothing connects on its own until `LiveDesk.inject()`. */
	consent: boolean;
}

/** The launcher's name when the plugin prints none. */
export const DEFAULT_LABEL = 'Chat with us';

/**
 * An absolute http(s) URL resolved against the page, or '' when there is none.
 *
 * @param value A URL from the config.
 * @param base  The page URL.
 */
export function httpUrl( value: unknown, base: string ): string {
	try {
		const url = new URL( String( value || '' ), base );
		return value && /^https?:$/.test( url.protocol ) ? url.href : '';
	} catch {
		return '';
	}
}

/**
 * Reads `window.livedeskChat`; null when it is absent or unusable (no REST,
 * chat or sidecar URL). Consent mode is off only for a literal `false`.
 *
 * @param raw  The global's value.
 * @param base The page URL relative URLs resolve against.
 */
export function readLauncherConfig(
	raw: unknown,
	base: string
): LauncherConfig | null {
	const c = ( raw ?? {} ) as Record< string, unknown >;
	const restUrl = httpUrl( c.restUrl, base );
	const sidecar = httpUrl( c.sidecarUrl, base );
	const chatUrl = httpUrl( c.chatUrl, base );
	if ( ! restUrl || ! sidecar || ! chatUrl ) {
		return null;
	}
	const { origin, pathname } = new URL( sidecar );
	return {
		restUrl,
		sidecarUrl: origin + pathname,
		chatUrl,
		ajaxUrl: httpUrl( c.ajaxUrl, base ),
		color: safeColor( c.color ),
		position: c.position === 'left' ? 'left' : 'right',
		label:
			typeof c.label === 'string' && c.label.trim()
				? c.label.trim()
				: DEFAULT_LABEL,
		consent: c.consent !== false,
	};
}
