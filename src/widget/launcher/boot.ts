/**
 * Internal dependencies
 */
import type { ChatHandle, ChatOptions } from '../chat/types';
import { createLauncherView } from './button';
import { readLauncherConfig } from './config';
import { OPEN_FLAG, PANEL_FLAG, readFlag, writeFlag } from './flags';

/** How build/widget-chat.js mounts the panel (it sets `LiveDesk.mountChat`). */
export type MountChat = (
	host: ShadowRoot | HTMLElement,
	options: ChatOptions
) => ChatHandle;

/** The page's `window.LiveDesk`, as far as the launcher defines it. */
export interface LauncherGlobal {
	/** A signed identity from the site's server; sent once the chat has loaded. */
	identify: ( identity: unknown ) => void;
	/** Key → value strings about the visitor; sent once the chat has loaded. */
	setData: ( data: unknown ) => void;
	/** Opens the chat panel (loading it first). */
	open: () => void;
	/** Closes the chat panel. */
	close: () => void;
	/** Consent was given (chained with the tracker's inject()). */
	inject: () => void;
	/** Set by build/widget-chat.js when it runs. */
	mountChat?: MountChat;
}

/** A window as the launcher sees it. */
export type LauncherWindow = Window & {
	livedeskChat?: unknown;
	LiveDesk?: Partial< LauncherGlobal >;
	wp_has_consent?: ( category: string ) => boolean;
};

/** Loads a script; calls done or failed once. */
export type ScriptLoader = (
	src: string,
	done: () => void,
	failed: () => void
) => void;

/** WP Consent API category that covers LiveDesk (the tracker's, so one grant covers both). */
export const CONSENT_CATEGORY = 'statistics';

/** Event the WP Consent API dispatches on `document` when consent changes. */
export const CONSENT_EVENT = 'wp_listen_for_consent_change';

type Queued = [ 'identify' | 'setData', unknown ];

/**
 * A script loader for the window's document.
 *
 * @param win The window.
 */
export function scriptLoader( win: Window ): ScriptLoader {
	return ( src, done, failed ) => {
		const script = win.document.createElement( 'script' );
		script.src = src;
		script.async = true;
		script.onload = done;
		script.onerror = failed;
		win.document.head.append( script );
	};
}

/**
 * The launcher on every public page where chat is on: the button, the public
 * `window.LiveDesk` calls (queued until the chat has loaded), and loading
 * build/widget-chat.js when the visitor opens the chat or a conversation is
 * open in this browser. In consent mode the chat loads on its own only after
 * consent; the visitor's own click (or `LiveDesk.open()`) loads it at once,
 * since they asked for the chat.
 *
 * @param win  The window.
 * @param load Loads a script (replaceable in tests).
 */
export function bootLauncher(
	win: LauncherWindow,
	load: ScriptLoader = scriptLoader( win )
): void {
	const config = readLauncherConfig( win.livedeskChat, win.location.href );
	if ( ! config || ! win.document.body ) {
		return;
	}
	const view = createLauncherView( win.document, config );
	const queue: Queued[] = [];
	let handle: ChatHandle | undefined;
	let loading = false;
	let wantOpen = false;
	// Loaded on its own (not by the visitor's click): keep the page's focus.
	let restored = false;
	let consented = ! config.consent;

	const openChange = ( open: boolean ) => {
		view.setExpanded( open );
		writeFlag( win, 'sessionStorage', PANEL_FLAG, open );
		const focused = view.root.activeElement;
		if ( ! open && focused && focused !== view.button ) {
			view.button.focus();
		}
	};

	const mount = () => {
		const mountChat = win.LiveDesk?.mountChat;
		if ( ! mountChat ) {
			loading = false;
			return;
		}
		handle = mountChat( view.root, {
			...config,
			open: wantOpen,
			restored,
			onOpenChange: openChange,
			onUnread: view.setUnread,
		} );
		queue
			.splice( 0 )
			.forEach( ( [ name, arg ] ) => handle?.[ name ]( arg ) );
	};

	const start = ( open: boolean ) => {
		wantOpen = wantOpen || open;
		if ( handle ) {
			if ( open ) {
				handle.open();
			}
		} else if ( ! loading ) {
			loading = true;
			// A failed load may be tried again with the next click.
			load( config.chatUrl, mount, () => ( loading = false ) );
		}
	};

	// The visitor asks for the chat (click, or the site's own open()).
	const ask = () => {
		restored = false;
		start( true );
	};

	const call = ( name: Queued[ 0 ] ) => ( arg: unknown ) => {
		if ( handle ) {
			handle[ name ]( arg );
		} else {
			queue.push( [ name, arg ] );
		}
	};

	// Loads the chat for an open conversation, or a panel left open on the
	// previous page, once connecting on our own is allowed.
	const resume = () => {
		const panel = readFlag( win, 'sessionStorage', PANEL_FLAG );
		if (
			consented &&
			( panel || readFlag( win, 'localStorage', OPEN_FLAG ) )
		) {
			restored = true;
			start( panel );
		}
	};

	const grant = () => {
		if ( ! consented ) {
			consented = true;
			resume();
		}
	};

	const previousInject = win.LiveDesk?.inject;
	const api: LauncherGlobal = {
		identify: call( 'identify' ),
		setData: call( 'setData' ),
		open: ask,
		close: () => handle?.close(),
		inject() {
			previousInject?.();
			grant();
		},
	};
	win.LiveDesk = Object.assign( win.LiveDesk || {}, api );

	view.button.addEventListener( 'click', () => {
		if ( handle?.isOpen() ) {
			handle.close();
		} else {
			ask();
		}
	} );

	if ( config.consent ) {
		const has = win.wp_has_consent;
		if ( typeof has === 'function' && has( CONSENT_CATEGORY ) ) {
			consented = true;
		}
		win.document.addEventListener( CONSENT_EVENT, ( event ) => {
			const detail = ( event as CustomEvent ).detail as
				Record< string, unknown > | undefined;
			if ( detail?.[ CONSENT_CATEGORY ] === 'allow' ) {
				grant();
			}
		} );
	}
	resume();
}
