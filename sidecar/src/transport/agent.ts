/**
 * The `/agent` namespace: wp-admin screens connect here with a token minted
 * by WordPress; nothing is served before the token checks out.
 */

/**
 * Internal dependencies
 */
import { verifyAgentToken } from '../auth/agent-token';
import type { Logger } from '../log';
import { HandshakeError } from './handshake-error';
import type { AgentNamespace, AgentSocket } from './types';

/** Collaborators of the `/agent` namespace. */
export interface AgentNamespaceDeps {
	/** Current shared secret, or null while none is loaded. */
	secret: () => string | null;
	log: Logger;
	/** Clock in milliseconds; tests pass a fake one. */
	now?: () => number;
}

// setTimeout's ceiling (~24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

function tokenFrom( auth: unknown ): unknown {
	return typeof auth === 'object' && auth !== null
		? ( auth as Record< string, unknown > ).token
		: undefined;
}

// Ends the session when the token expires, so revoked access does not linger.
function scheduleExpiry( socket: AgentSocket, now: () => number ): void {
	const remaining = socket.data.exp * 1000 - now();
	const timer = setTimeout(
		() => {
			if ( remaining > MAX_TIMER_MS ) {
				scheduleExpiry( socket, now );
				return;
			}
			socket.emit( 'session:error', {
				code: 'token_expired',
				message: 'agent token expired; reconnect with a new token',
			} );
			socket.disconnect();
		},
		Math.min( Math.max( remaining, 0 ), MAX_TIMER_MS )
	);
	socket.once( 'disconnect', () => clearTimeout( timer ) );
}

// Handshake middleware: only a verified agent token gets through.
function authenticate( deps: AgentNamespaceDeps, now: () => number ) {
	const { log } = deps;
	return ( socket: AgentSocket, next: ( error?: Error ) => void ) => {
		const secret = deps.secret();
		if ( secret === null ) {
			log.warn( 'agent refused: shared secret not loaded' );
			next(
				new HandshakeError(
					'server_not_ready',
					'sidecar cannot verify agent tokens yet: shared secret not loaded (see /healthz)'
				)
			);
			return;
		}
		const token = tokenFrom( socket.handshake.auth );
		const nowSeconds = Math.floor( now() / 1000 );
		const result = verifyAgentToken( token, secret, nowSeconds );
		if ( ! result.ok ) {
			const { code } = result;
			log.info(
				{ code, address: socket.handshake.address },
				'agent refused'
			);
			next( new HandshakeError( code, result.message ) );
			return;
		}
		socket.data = result.claims;
		next();
	};
}

/**
 * Installs token verification and connection handling on `/agent`.
 *
 * @param nsp  The `/agent` namespace.
 * @param deps Collaborators.
 */
export function setupAgentNamespace(
	nsp: AgentNamespace,
	deps: AgentNamespaceDeps
): void {
	const { log } = deps;
	const now = deps.now ?? Date.now;
	nsp.use( authenticate( deps, now ) );
	nsp.on( 'connection', ( socket ) => {
		const { userId } = socket.data;
		log.info( { userId, socketId: socket.id }, 'agent connected' );
		scheduleExpiry( socket, now );
		socket.on( 'disconnect', ( reason ) => {
			log.info(
				{ userId, socketId: socket.id, reason },
				'agent disconnected'
			);
		} );
	} );
}
