/**
 * Internal dependencies
 */
import { EVENTS, VISITOR_NAMESPACE } from '../protocol';
import type { PageView } from '../protocol';
import { backoffDelay } from './backoff';
import { IDENTITY_POLL_MS, createIdentityStore } from './identity';
import { firstReferrer, readPage } from './page';
import { connectSocket, socketUrl } from './socket';
import type { SocketHandle, WebSocketConstructor } from './socket';

/** Refusal and session-error codes after which the tracker stops for good. */
export const STOP_CODES: readonly string[] = [
	'tracking_off',
	'origin_not_allowed',
];

function isStopCode( code: unknown ): boolean {
	return ( STOP_CODES as readonly unknown[] ).includes( code );
}

/** A connection up this long resets the backoff. */
export const STABLE_MS = 10000;

/** Delay after a history change before the page is read (titles change late). */
export const NAVIGATION_SETTLE_MS = 50;

/** Options of {@link startTracker}. */
export interface TrackerOptions {
	/** Absolute http(s) URL of the sidecar; socket.io is under `<sidecarUrl>socket.io/`. */
	sidecarUrl: string;
	/** The window to track; default `window`. */
	win?: Window;
	/** WebSocket implementation; default `globalThis.WebSocket`. */
	WebSocket?: WebSocketConstructor;
	/** Uniform random numbers in [0, 1) for the backoff jitter. */
	random?: () => number;
}

/** A running tracker. */
export interface Tracker {
	/** Disconnects and stops for good (listeners and history wrappers removed). */
	stop: () => void;
}

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Connects the window to the sidecar's `/visitor` namespace and keeps it
 * connected: the current page travels in the handshake auth with the stored
 * identity, later pages (single-page navigation) as `page:view`, visibility
 * changes as `page:visibility`; lost connections come back with jittered
 * backoff; `tracking_off` / `origin_not_allowed` stop it.
 *
 * @param options See {@link TrackerOptions}.
 */
export function startTracker( options: TrackerOptions ): Tracker {
	const { sidecarUrl, win = window, WebSocket, random } = options;
	const { document: doc, history } = win;
	const url = socketUrl( sidecarUrl );
	const identity = createIdentityStore( win );
	const referrer = firstReferrer( doc.referrer, win.location.origin );
	const listening = new AbortController();
	const restores: Array< () => void > = [];
	let socket: SocketHandle | undefined;
	let live: SocketHandle | undefined;
	// The page the sidecar knows: the last one sent in auth or an event.
	let sent: PageView | undefined;
	let attempt = 0;
	let upSince = 0;
	let stopped = false;
	let retryTimer: ReturnType< typeof setTimeout > | undefined;
	let navigationTimer: ReturnType< typeof setTimeout > | undefined;

	const disconnect = () => {
		clearTimeout( retryTimer );
		socket?.close();
		socket = live = undefined;
	};

	const stop = () => {
		stopped = true;
		identity.release();
		disconnect();
		clearTimeout( navigationTimer );
		listening.abort();
		restores.forEach( ( restore ) => restore() );
	};

	// Tells the sidecar what changed since `sent`, if connected; otherwise
	// the next handshake carries the page as it is then.
	const sync = () => {
		if ( ! live || ! sent ) {
			return;
		}
		const page = readPage( win, referrer );
		if ( page.path !== sent.path || page.title !== sent.title ) {
			live.emit( EVENTS.pageView, page );
		} else if ( page.visible !== sent.visible ) {
			live.emit( EVENTS.pageVisibility, { visible: page.visible } );
		}
		sent = page;
	};

	const retry = () => {
		socket = live = undefined;
		if ( stopped ) {
			return;
		}
		if ( upSince && Date.now() - upSince >= STABLE_MS ) {
			attempt = 0;
		}
		upSince = 0;
		retryTimer = setTimeout( connect, backoffDelay( attempt++, random ) );
	};

	function connect() {
		if ( identity.waiting() ) {
			retryTimer = setTimeout( connect, IDENTITY_POLL_MS );
			return;
		}
		const stored = identity.load();
		if ( ! stored ) {
			identity.claim();
		}
		sent = readPage( win, referrer );
		try {
			const handle = connectSocket( {
				url,
				namespace: VISITOR_NAMESPACE,
				auth: { ...stored, page: sent },
				WebSocket,
				onConnect() {
					live = handle;
					upSince = Date.now();
					// The page may have changed during the handshake.
					sync();
				},
				onEvent( name, data ) {
					if ( name === EVENTS.sessionReady ) {
						identity.save( data );
					} else if (
						name === EVENTS.sessionError &&
						isStopCode(
							( data as { code?: unknown } | null )?.code
						)
					) {
						stop();
					}
				},
				onRefused( code ) {
					if ( isStopCode( code ) ) {
						stop();
					} else {
						retry();
					}
				},
				onClose: retry,
			} );
			socket = handle;
		} catch {
			// The WebSocket constructor refused the URL: retrying cannot help.
			stop();
		}
	}

	const navigated = () => {
		clearTimeout( navigationTimer );
		navigationTimer = setTimeout( sync, NAVIGATION_SETTLE_MS );
	};

	const wrap = ( method: HistoryMethod ) => {
		const original = history[ method ];
		const wrapped: History[ HistoryMethod ] = function (
			this: History,
			...args
		) {
			original.apply( this, args );
			navigated();
		};
		history[ method ] = wrapped;
		restores.push( () => {
			if ( history[ method ] === wrapped ) {
				history[ method ] = original;
			}
		} );
	};

	const on = ( target: EventTarget, type: string, listener: EventListener ) =>
		target.addEventListener( type, listener, {
			signal: listening.signal,
		} );

	wrap( 'pushState' );
	wrap( 'replaceState' );
	on( win, 'popstate', navigated );
	on( doc, 'visibilitychange', sync );
	// An open WebSocket keeps a page out of the back/forward cache.
	on( win, 'pagehide', disconnect );
	on( win, 'pageshow', ( event ) => {
		if (
			( event as PageTransitionEvent ).persisted &&
			! socket &&
			! stopped
		) {
			attempt = 0;
			connect();
		}
	} );
	connect();

	return { stop };
}
