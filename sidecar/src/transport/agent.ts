/**
 * The `/agent` namespace: wp-admin screens connect here with a token minted
 * by WordPress; nothing is served before the token checks out. A connected
 * agent gets a presence snapshot, then coalesced updates, and may hand in a
 * fresh token before the current one expires.
 */

/**
 * Internal dependencies
 */
import { EVENTS } from '../../../src/protocol';
import type {
	PresenceSnapshot,
	SessionRefreshResult,
} from '../../../src/protocol';
import { verifyAgentToken } from '../auth/agent-token';
import type { Logger } from '../log';
import { setupAgentChat } from './agent-chat';
import type { AgentChatDeps } from './agent-chat';
import { PRESENCE_ROOM } from './fanout';
import { HandshakeError } from './handshake-error';
import type { AgentNamespace, AgentSocket } from './types';

/** Collaborators of the `/agent` namespace. */
export interface AgentNamespaceDeps {
	/** Current shared secret, or null while none is loaded. */
	secret: () => string | null;
	log: Logger;
	/** Presence as it is now, for an agent that just connected. */
	snapshot: () => PresenceSnapshot;
	/** Clock in milliseconds; tests pass a fake one. */
	now?: () => number;
	/** Live chat's handlers. */
	chat: AgentChatDeps;
}

// setTimeout's ceiling (~24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

function tokenFrom( auth: unknown ): unknown {
	return typeof auth === 'object' && auth !== null
		? ( auth as Record< string, unknown > ).token
		: undefined;
}

// Ends the session when the token expires, unless a refresh moved `exp`:
// revoked access does not linger.
function watchExpiry( socket: AgentSocket, now: () => number ): () => void {
	let timer: NodeJS.Timeout | undefined;
	const arm = () => {
		clearTimeout( timer );
		const remaining = socket.data.exp * 1000 - now();
		timer = setTimeout(
			() => {
				if ( socket.data.exp * 1000 > now() ) {
					arm(); // refreshed, or a wait longer than one timer
					return;
				}
				socket.emit( EVENTS.sessionError, {
					code: 'token_expired',
					message: 'agent token expired; reconnect with a new token',
				} );
				socket.disconnect();
			},
			Math.min( Math.max( remaining, 0 ), MAX_TIMER_MS )
		);
	};
	arm();
	socket.once( 'disconnect', () => clearTimeout( timer ) );
	return arm;
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

// A newer token for the same user replaces the session's claims.
function refresh(
	socket: AgentSocket,
	deps: AgentNamespaceDeps,
	now: () => number,
	token: unknown
): SessionRefreshResult {
	const secret = deps.secret();
	if ( secret === null ) {
		return {
			ok: false,
			code: 'server_not_ready',
			message: 'shared secret not loaded',
		};
	}
	const result = verifyAgentToken(
		token,
		secret,
		Math.floor( now() / 1000 )
	);
	if ( ! result.ok ) {
		return { ok: false, code: result.code, message: result.message };
	}
	if ( result.claims.userId !== socket.data.userId ) {
		return {
			ok: false,
			code: 'token_bad_signature',
			message: 'the new token belongs to another user',
		};
	}
	socket.data = result.claims;
	return { ok: true, exp: result.claims.exp };
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
		const rearm = watchExpiry( socket, now );
		const recount = setupAgentChat( socket, deps.chat );
		socket.on( EVENTS.sessionRefresh, ( token, ack ) => {
			const result = refresh( socket, deps, now, token );
			if ( result.ok ) {
				rearm();
				recount();
			}
			if ( typeof ack === 'function' ) {
				ack( result );
			}
		} );
		socket.on( 'disconnect', ( reason ) => {
			log.info(
				{ userId, socketId: socket.id, reason },
				'agent disconnected'
			);
		} );
		// Snapshot first, then the room: later updates only add to it.
		socket.emit( EVENTS.presenceSnapshot, deps.snapshot() );
		void socket.join( PRESENCE_ROOM );
	} );
}
