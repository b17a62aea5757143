/**
 * External dependencies
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * Internal dependencies
 */
import {
	AGENT_NAMESPACE,
	PACKET_MAX_BYTES,
	VISITOR_NAMESPACE,
} from '../../../src/protocol';
import type { AgentNamespace, LiveDeskServer, VisitorNamespace } from './types';

/** The socket.io server and its two namespaces. */
export interface Io {
	io: LiveDeskServer;
	agents: AgentNamespace;
	visitors: VisitorNamespace;
}

/**
 * Attaches socket.io (path `/socket.io`) to the HTTP server and creates the
 * `/visitor` and `/agent` namespaces; their handlers are set up by the caller.
 *
 * @param httpServer The server to attach to.
 */
export function createIo( httpServer: HttpServer ): Io {
	const io: LiveDeskServer = new Server( httpServer, {
		path: '/socket.io',
		// The widget and admin bundle their own client; nothing to serve.
		serveClient: false,
		// A bigger packet closes that one connection, never the server.
		maxHttpBufferSize: PACKET_MAX_BYTES,
	} );
	// Nothing lives on the root namespace; say where to go instead.
	io.use( ( _socket, next ) =>
		next(
			new Error(
				`connect to ${ VISITOR_NAMESPACE } or ${ AGENT_NAMESPACE }`
			)
		)
	);
	// socket.io types one event map per server; each namespace has its own.
	const agents = io.of( AGENT_NAMESPACE ) as unknown as AgentNamespace;
	const visitors = io.of( VISITOR_NAMESPACE ) as unknown as VisitorNamespace;
	return { io, agents, visitors };
}
