/**
 * External dependencies
 */
import type { Namespace, Server, Socket } from 'socket.io';

/**
 * Internal dependencies
 */
import type {
	AgentClientToServerEvents,
	AgentServerToClientEvents,
	VisitorClientToServerEvents,
	VisitorServerToClientEvents,
} from '../../../src/protocol';
import type { AgentClaims } from '../auth/agent-token';

/** Events between sidecar instances (Redis adapter, later); none yet. */
export type InterServerEvents = Record< never, never >;

/** What the `/agent` handshake proved, kept on the socket. */
export type AgentSocketData = AgentClaims;

/** Per-socket state of a visitor; none until the visitor protocol exists. */
export type VisitorSocketData = Record< never, never >;

/** The socket.io server; its root namespace is refused, so its maps are empty. */
export type LiveDeskServer = Server<
	Record< never, never >,
	Record< never, never >,
	InterServerEvents,
	Record< never, never >
>;

/** The typed `/agent` namespace. */
export type AgentNamespace = Namespace<
	AgentClientToServerEvents,
	AgentServerToClientEvents,
	InterServerEvents,
	AgentSocketData
>;

/** A connected, authenticated agent socket. */
export type AgentSocket = Socket<
	AgentClientToServerEvents,
	AgentServerToClientEvents,
	InterServerEvents,
	AgentSocketData
>;

/** The typed `/visitor` namespace. */
export type VisitorNamespace = Namespace<
	VisitorClientToServerEvents,
	VisitorServerToClientEvents,
	InterServerEvents,
	VisitorSocketData
>;
