/**
 * Internal dependencies
 */
import { textOn } from './colors';
import type { LauncherConfig } from './config';

/** The launcher's element in the page and what it holds. */
export interface LauncherView {
	/** The element added to the page; its shadow root keeps the theme's CSS out. */
	host: HTMLElement;
	/** The shadow root the chat panel is mounted in too. */
	root: ShadowRoot;
	button: HTMLButtonElement;
	/** Shows whether the panel is open (icon and aria-expanded). */
	setExpanded: ( open: boolean ) => void;
	/** Shows how many agent messages arrived while the panel was closed (0 hides). */
	setUnread: ( count: number ) => void;
}

// Shared by the panel: the accent colour comes in as custom properties on the
// host, which `all: initial` leaves alone.
const CSS =
	':host{all:initial}' +
	'.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;box-sizing:border-box;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--ld-accent);color:var(--ld-on-accent);cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.3);display:flex;align-items:center;justify-content:center;transition:transform .2s}' +
	':host([data-position=left]) .l{right:auto;left:20px}' +
	'.l:hover{transform:scale(1.06)}' +
	'.l:focus-visible{outline:0;box-shadow:0 0 0 3px #fff,0 0 0 6px #111}' +
	'.l svg{width:28px;height:28px;fill:currentColor}' +
	'.b{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#d63638;color:#fff;font:700 12px/20px sans-serif;text-align:center}' +
	'@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}';

const ICON =
	'<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

/**
 * Adds the launcher to the page: a host element with an open shadow root
 * (so tests and assistive tools can reach it) holding the button.
 *
 * @param doc    The document.
 * @param config The launcher config (colour, position, label).
 */
export function createLauncherView(
	doc: Document,
	config: LauncherConfig
): LauncherView {
	const host = doc.createElement( 'div' );
	host.id = 'livedesk-chat';
	host.dataset.position = config.position;
	host.style.setProperty( '--ld-accent', config.color );
	host.style.setProperty( '--ld-on-accent', textOn( config.color ) );
	const root = host.attachShadow( { mode: 'open' } );
	const style = doc.createElement( 'style' );
	style.textContent = CSS;
	const button = doc.createElement( 'button' );
	button.type = 'button';
	button.className = 'l';
	button.setAttribute( 'aria-label', config.label );
	button.setAttribute( 'aria-expanded', 'false' );
	// Fixed markup of our own: no configured or visitor text goes in here.
	button.innerHTML = ICON;
	const badge = doc.createElement( 'span' );
	badge.className = 'b';
	badge.hidden = true;
	badge.setAttribute( 'aria-hidden', 'true' );
	button.append( badge );
	root.append( style, button );
	doc.body.append( host );
	return {
		host,
		root,
		button,
		setExpanded( open ) {
			button.setAttribute( 'aria-expanded', String( open ) );
		},
		setUnread( count ) {
			badge.hidden = count < 1;
			badge.textContent = count > 9 ? '9+' : String( count );
		},
	};
}
