/**
 * External dependencies
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * Internal dependencies
 */
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '../../../src/protocol';
import type { Logger } from '../log';
import { setupAgentNamespace } from './agent';
import type { AgentNamespace, LiveDeskServer, VisitorNamespace } from './types';
import { setupVisitorNamespace } from './visitor';

/** Collaborators of the socket.io server. */
export interface IoDeps {
	secret: () => string | null;
	log: Logger;
}

/**
 * Attaches socket.io (path `/socket.io`) to the HTTP server and sets up the
 * `/visitor` and `/agent` namespaces.
 *
 * @param httpServer The server to attach to.
 * @param deps       Collaborators.
 */
export function createIo(
	httpServer: HttpServer,
	deps: IoDeps
): LiveDeskServer {
	const io: LiveDeskServer = new Server( httpServer, {
		path: '/socket.io',
		// The widget and admin bundle their own client; nothing to serve.
		serveClient: false,
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
	setupAgentNamespace( agents, deps );
	setupVisitorNamespace( visitors, deps.log );
	return io;
}
