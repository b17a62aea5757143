/**
 * Typed socket.io event maps, one pair per namespace, shared by the sidecar
 * (server) and the widget / admin (clients). Event names are `noun:verb`.
 */
import type { SessionError } from './errors';

/** Events a visitor's browser sends; the visitor protocol is not defined yet. */
export type VisitorClientToServerEvents = Record< never, never >;

/** Events the sidecar sends to a visitor's browser; none are defined yet. */
export type VisitorServerToClientEvents = Record< never, never >;

/** Events an agent's wp-admin screen sends; none exist yet. */
export type AgentClientToServerEvents = Record< never, never >;

/** Events the sidecar sends to an agent's wp-admin screen. */
export interface AgentServerToClientEvents {
	/** Sent just before the sidecar disconnects, e.g. when the token expires. */
	'session:error': ( error: SessionError ) => void;
}
