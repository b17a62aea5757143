/**
 * Internal dependencies
 */
import { startTracker } from './tracking';
import type { TrackerOptions } from './tracking';

/** What the plugin prints as `window.livedeskTracker` (the same for every visitor). */
export interface TrackerConfig {
	/** The sidecar's public URL; socket.io is served under `<sidecarUrl>socket.io/`. */
	sidecarUrl: string;
	/** Consent mode: when true, nothing connects until `LiveDesk.inject()`. */
	consent: boolean;
}

/** The page's `window.LiveDesk`, as far as the tracker defines it. */
export interface LiveDeskGlobal {
	/** Consent was given: start tracking (once; later calls do nothing). */
	inject: () => void;
}

/** A window as the tracker sees it: the plugin's config and the public global. */
export type TrackerWindow = Window & {
	livedeskTracker?: unknown;
	LiveDesk?: object;
};

/** How long the tracker waits for an idle moment after `load`, at most. */
export const IDLE_TIMEOUT_MS = 3000;

/** WP Consent API category that covers presence tracking. */
export const CONSENT_CATEGORY = 'statistics';

/** Event the WP Consent API dispatches on `document` when consent changes. */
export const CONSENT_EVENT = 'wp_listen_for_consent_change';

/** A window with the WP Consent API's global, when a consent plugin is active. */
type ConsentWindow = Window & {
	wp_has_consent?: ( category: string ) => boolean;
};

/**
 * Reads `window.livedeskTracker`; null when it is absent or unusable. The
 * sidecar URL is resolved against the page and kept as origin + path; consent
 * mode is off only for a literal `false`, so a garbled config fails closed.
 *
 * @param raw  The global's value.
 * @param base The page URL relative sidecar URLs resolve against.
 */
export function readTrackerConfig(
	raw: unknown,
	base: string
): TrackerConfig | null {
	const { sidecarUrl, consent } = ( raw ?? {} ) as Record< string, unknown >;
	if ( typeof sidecarUrl !== 'string' || ! sidecarUrl ) {
		return null;
	}
	try {
		const url = new URL( sidecarUrl, base );
		return /^https?:$/.test( url.protocol )
			? {
					sidecarUrl: url.origin + url.pathname,
					consent: consent !== false,
				}
			: null;
	} catch {
		return null;
	}
}

/**
 * Runs `run` once the page has loaded and the browser is idle (or
 * IDLE_TIMEOUT_MS passed), so tracking never competes with the page itself.
 *
 * @param win The window.
 * @param run What to run.
 */
export function whenLoadedAndIdle( win: Window, run: () => void ): void {
	const idle = () => {
		if ( win.requestIdleCallback ) {
			win.requestIdleCallback( run, { timeout: IDLE_TIMEOUT_MS } );
		} else {
			win.setTimeout( run, 1 );
		}
	};
	if ( win.document.readyState === 'complete' ) {
		idle();
	} else {
		win.addEventListener( 'load', idle, { once: true } );
	}
}

/**
 * The tracker's start on every public page: nothing without a config; with
 * one, `window.LiveDesk.inject()` is defined (merged into an existing object,
 * calling an inject() defined before it too, e.g. the chat launcher's) and
 * tracking starts after load and idle — at once, or with consent mode on,
 * only after inject().
 *
 * @param win   The window.
 * @param start Starts the tracker (replaceable in tests).
 */
export function boot(
	win: TrackerWindow,
	start: ( options: TrackerOptions ) => unknown = startTracker
): void {
	const config = readTrackerConfig( win.livedeskTracker, win.location.href );
	if ( ! config ) {
		return;
	}
	let started = false;
	const inject = () => {
		if ( ! started ) {
			started = true;
			whenLoadedAndIdle( win, () =>
				start( { sidecarUrl: config.sidecarUrl, win } )
			);
		}
	};
	// The chat launcher may have defined inject() first: one call starts both.
	const previous = ( win.LiveDesk as Partial< LiveDeskGlobal > | undefined )
		?.inject;
	const api: LiveDeskGlobal = {
		inject() {
			previous?.();
			inject();
		},
	};
	win.LiveDesk = Object.assign( win.LiveDesk || {}, api );
	if ( ! config.consent ) {
		inject();
		return;
	}
	// The WP Consent API, when a consent plugin provides it: presence is
	// statistics, so a grant of that category counts as consent.
	const has = ( win as ConsentWindow ).wp_has_consent;
	if ( typeof has === 'function' && has( CONSENT_CATEGORY ) ) {
		inject();
	}
	win.document.addEventListener( CONSENT_EVENT, ( event ) => {
		const detail = ( event as CustomEvent ).detail as
			Record< string, unknown > | undefined;
		if ( detail?.[ CONSENT_CATEGORY ] === 'allow' ) {
			inject();
		}
	} );
}
