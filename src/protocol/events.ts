/**
 * Typed socket.io event maps, one pair per namespace, shared by the sidecar
 * (server) and the widget / admin (clients). Event names are `noun:verb` and
 * are written only here (see EVENTS).
 */
import type { SessionError } from './errors';
import type { PresenceSnapshot, PresenceUpdate } from './presence';
import type { PageView, PageVisibility, VisitorSession } from './visitor';

/** Every event name, for code that must spell one out (e.g. the widget). */
export const EVENTS = {
	pageView: 'page:view',
	pageVisibility: 'page:visibility',
	sessionReady: 'session:ready',
	sessionError: 'session:error',
	sessionRefresh: 'session:refresh',
	presenceSnapshot: 'presence:snapshot',
	presenceUpdate: 'presence:update',
} as const;

/** Events a visitor's browser sends. */
export interface VisitorClientToServerEvents {
	/** The tab shows a page: on load and on each single-page navigation. */
	'page:view': ( view: PageView ) => void;
	/** The tab was hidden or shown. */
	'page:visibility': ( change: PageVisibility ) => void;
}

/** Events the sidecar sends to a visitor's browser. */
export interface VisitorServerToClientEvents {
	/** The identity to keep for later visits; sent once per connection. */
	'session:ready': ( session: VisitorSession ) => void;
	/** A refused payload (the connection stays) or the end of the session. */
	'session:error': ( error: SessionError ) => void;
}

/** Result of an agent's `session:refresh`. */
export type SessionRefreshResult =
	{ ok: true; exp: number } | { ok: false; code: string; message: string };

/** Events an agent's wp-admin screen sends. */
export interface AgentClientToServerEvents {
	/**
	 * Replaces the session's token with a newer one (minted by WordPress)
	 * before it expires; the socket stays connected.
	 */
	'session:refresh': (
		token: string,
		ack: ( result: SessionRefreshResult ) => void
	) => void;
}

/** Events the sidecar sends to an agent's wp-admin screen. */
export interface AgentServerToClientEvents {
	/** Sent just before the sidecar disconnects, e.g. when the token expires. */
	'session:error': ( error: SessionError ) => void;
	/** Everything listed, right after connecting. */
	'presence:snapshot': ( snapshot: PresenceSnapshot ) => void;
	/** Changes since the previous message, coalesced per tick. */
	'presence:update': ( update: PresenceUpdate ) => void;
}
