/**
 * The `/visitor` namespace: what a visitor's browser and the sidecar say to
 * each other.
 *
 * Identity: on a first connection the sidecar makes a random 128-bit visitor
 * id and signs it with the shared secret; the widget stores both in its own
 * first-party storage and presents them in the handshake `auth` of later
 * connections. A pair that does not verify gets a fresh identity.
 *
 *     id  = 32 lowercase hex characters (128 random bits)
 *     sig = base64url( HMAC-SHA256( secret, "livedesk-visitor.v1." + id ) )
 *
 * base64url is RFC 4648 §5 without padding (43 characters for SHA-256); the
 * key is the `livedesk_secret` option's value as ASCII bytes.
 */

import type { SignedIdentity } from './chat';

/** Prefix of the signed message of a visitor identity. */
export const VISITOR_SIGNATURE_CONTEXT = 'livedesk-visitor.v1.';

/** A visitor id: 128 random bits as lowercase hex. */
export const VISITOR_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A visitor signature: unpadded base64url of a SHA-256 HMAC. */
export const VISITOR_SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A signed visitor identity, as stored by the widget. */
export interface VisitorIdentity {
	id: string;
	sig: string;
}

/**
 * The handshake `auth` of a `/visitor` connection. `id` and `sig` are absent
 * on a first visit; a pair that does not verify is treated as absent. `page`
 * is the tab's current page, so the visitor is listed complete from the
 * first message (later pages come as `page:view`).
 */
export interface VisitorAuth {
	id?: string;
	sig?: string;
	page?: PageView;
	/**
	 * The chat panel's own connection (docs/chat.md): not a tab, never
	 * listed, no page view; accepted while tracking is off if chat is on.
	 */
	chat?: boolean;
	/** A signed identity from `LiveDesk.identify()` or the plugin (chat connections). */
	identity?: SignedIdentity;
	/** An admin's test chat: WordPress's signature over this visitor id (see docs/chat.md). */
	playground?: string;
}

/** Server → visitor once the connection is accepted. */
export interface VisitorSession extends VisitorIdentity {
	/** True when the browser presented a valid identity (a returning visitor). */
	returning: boolean;
}

/** Client → server: the tab shows a page (on load and on SPA navigation). */
export interface PageView {
	/** Path of the page, without query string or fragment. */
	path: string;
	/** document.title, trimmed; '' when the page has none. */
	title: string;
	/** The referrer that brought the visitor to the site ('' for none). */
	referrer: string;
	/** navigator.language, e.g. `en-GB`; '' when unknown. */
	language: string;
	/** IANA time zone of the browser, e.g. `Europe/Paris`; '' when unknown. */
	timezone: string;
	/** Whether the tab is visible right now. */
	visible: boolean;
}

/** Client → server: the tab became visible or hidden. */
export interface PageVisibility {
	visible: boolean;
}

/** Why the sidecar refused a `/visitor` handshake (`connect_error` `data.code`). */
export type VisitorConnectErrorCode =
	| 'invalid_payload'
	| 'too_many_tabs'
	| 'origin_not_allowed'
	| 'tracking_off'
	| 'server_not_ready';
