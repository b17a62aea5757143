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
	IdentifyResult,
	PageView,
	VisitorClientToServerEvents,
	VisitorServerToClientEvents,
} from '../../../src/protocol';
import type { AgentClaims } from '../auth/agent-token';
import type { VerifiedIdentity } from '../chat/identity';

/** Events between sidecar instances (Redis adapter, later); none yet. */
export type InterServerEvents = Record< never, never >;

/** What the `/agent` handshake proved, kept on the socket. */
export type AgentSocketData = AgentClaims;

/** What the `/visitor` handshake established, kept on the socket. */
export interface VisitorSocketData {
	/** The verified or newly issued visitor id. */
	visitorId: string;
	/** Its signature, sent back in `session:ready`. */
	sig: string;
	/** The browser presented a valid identity. */
	returning: boolean;
	/** The page the tab showed when it connected, from the handshake. */
	firstPage: PageView | null;
	/** A chat panel's connection (`auth.chat`) or a playground: not a tab. */
	chat: boolean;
	/** An admin's test chat (a playground token WordPress signed for this id). */
	playground: boolean;
	/** The identity this connection verified, or null. */
	identity: VerifiedIdentity | null;
	/** The outcome of an identity presented in the handshake, to tell the client. */
	identityCheck: IdentifyResult | null;
	/** Open keys of the conversations it may reach, preferred first. */
	chatKeys: string[];
}

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

/** A connected visitor's tab. */
export type VisitorSocket = Socket<
	VisitorClientToServerEvents,
	VisitorServerToClientEvents,
	InterServerEvents,
	VisitorSocketData
>;
