/**
 * Internal dependencies
 */
import type { VisitorIdentity, VisitorTypingNotice } from '../../protocol';
import { createIdentityStore } from '../identity';
import type { IdentityStore } from '../identity';
import { createOutbox } from './outbox';
import type { Outbox } from './outbox';
import type { Strings } from './strings';

/**
 * Whether `host` is a shadow root (a document fragment) rather than an element.
 *
 * @param host The panel's host.
 */
export function isShadowRoot(
	host: ShadowRoot | HTMLElement
): host is ShadowRoot {
	return host.nodeType === 11;
}

/**
 * Whether WordPress says a user is logged in on this page: the body class
 * `body_class()` prints, or the admin bar. Only then is the plugin asked for
 * the user's signed identity (anonymous visitors make no extra request).
 *
 * @param doc The document.
 */
export function loggedIn( doc: Document ): boolean {
	return (
		doc.body.classList.contains( 'logged-in' ) ||
		!! doc.getElementById( 'wpadminbar' )
	);
}

/**
 * Where the panel keeps the visitor's identity and outbox: the stored
 * identity (shared with the tracker) and sessionStorage; for a fixed
 * identity (the playground) that identity and memory only.
 *
 * @param win     The window.
 * @param visitor A fixed identity.
 */
export function chatStorage(
	win: Window,
	visitor: VisitorIdentity | undefined
): { identity: IdentityStore; outbox: Outbox } {
	if ( visitor ) {
		return {
			identity: {
				load: () => visitor,
				save: () => undefined,
				claim: () => undefined,
				release: () => undefined,
				waiting: () => false,
			},
			outbox: createOutbox( null ),
		};
	}
	let session: Storage | null = null;
	try {
		session = win.sessionStorage;
	} catch {
		// Blocked storage: the outbox lives in memory.
	}
	return {
		identity: createIdentityStore( win ),
		outbox: createOutbox( session ),
	};
}

/**
 * The typing line: who is typing, or nothing.
 *
 * @param notice  The agents' latest typing notice (null when none).
 * @param strings The panel's strings.
 */
export function typingText(
	notice: VisitorTypingNotice | null,
	strings: Strings
): string {
	if ( ! notice ) {
		return '';
	}
	return notice.agent_name
		? strings.agent_typing.replace( '%s', notice.agent_name )
		: strings.typing;
}
