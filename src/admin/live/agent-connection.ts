/**
 * The admin's one live connection to the sidecar's `/agent` namespace: gets a
 * token from WordPress, connects, hands in a fresh token before the current
 * one expires, reconnects with a new token whenever the old one is no good,
 * and tells listeners where it stands. No DOM, no React: screens reach it
 * through the `livedesk/presence` and `livedesk/chat` stores.
 *
 * Chat requests (send, sync, archive, assign) go out only while connected and
 * resolve to the sidecar's socket.io ack, or to null when there is no answer
 * (not connected, or no ack in time): the caller decides whether to retry
 * (a send is retried with the same `client_id`, so a retry is harmless).
 */

/**
 * External dependencies
 */
import { io } from 'socket.io-client';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

/**
 * Internal dependencies
 */
import { EVENTS } from '../../protocol';
import type {
	AgentAssign,
	AgentChatSend,
	AgentChatSync,
	AgentClientToServerEvents,
	AgentConversationRef,
	AgentServerToClientEvents,
	AgentTypingNotice,
	ChatFailure,
	ChatMessage,
	ChatRead,
	ChatSendResult,
	ChatSyncRequest,
	ChatTyping,
	Conversation,
	ConversationResult,
	PresenceSnapshot,
	PresenceUpdate,
	ReadReceipt,
	SessionRefreshResult,
} from '../../protocol';
import { getBootConfig } from '../boot';
import {
	isAgentTypingNotice,
	isChatMessage,
	isConversation,
	isPresenceSnapshot,
	isPresenceUpdate,
	isReadReceipt,
} from './payloads';
import type { AgentChatChannel } from './chat-channel';
import { agentSocketTarget } from './target';
import { defaultTimers, NamedTimers } from './timers';
import type { Timers } from './timers';
import { fetchAgentToken } from './token';
import { TokenKeeper } from './token-keeper';
import type { HeldToken } from './token-keeper';
import type {
	AgentTokenGrant,
	ConnectionReason,
	ConnectionState,
	ConnectionStatus,
} from './types';

export type { AgentChatChannel } from './chat-channel';

/** A socket.io client socket on `/agent`, typed with the protocol's events. */
export type AgentSocket = Socket<
	AgentServerToClientEvents,
	AgentClientToServerEvents
>;

/** socket.io client options this module passes on. */
export type AgentSocketOptions = Partial< ManagerOptions & SocketOptions >;

/** Creates the socket (socket.io-client's `io` by default; tests pass a fake). */
export type AgentSocketFactory = (
	uri: string,
	options: AgentSocketOptions
) => AgentSocket;

/** What an AgentConnection tells its listeners. */
export interface AgentConnectionEvents {
	status: ConnectionState;
	/** Every accepted handshake, reconnections included (time to catch up). */
	connect: null;
	snapshot: PresenceSnapshot;
	update: PresenceUpdate;
	chatMessage: ChatMessage;
	chatConversation: Conversation;
	chatTyping: AgentTypingNotice;
	chatRead: ReadReceipt;
}

/** Collaborators and settings; every one has a default. */
export interface AgentConnectionOptions {
	/** Sidecar base URL; default: the boot config's, else the token response's. */
	sidecarUrl?: string;
	/** Gets a new token; default: `POST /livedesk/v1/agent-token` through apiFetch. */
	fetchToken?: () => Promise< AgentTokenGrant >;
	createSocket?: AgentSocketFactory;
	/** Extra socket.io options (e.g. shorter reconnection delays in tests). */
	socketOptions?: AgentSocketOptions;
	/** Clock in milliseconds. */
	now?: () => number;
	timers?: Timers;
	/** Uniform numbers in [0, 1), for retry jitter. */
	random?: () => number;
}

// Adds a timeout to socket.io ack callbacks. socket.io-client's own
// `timeout()` is not used so that tests' fake sockets and timers work alike.
type AckEmitter = (
	socket: AgentSocket,
	ack: ( answer: unknown ) => void
) => void;

/** How long a chat request waits for the sidecar's ack by default. */
export const CHAT_ACK_TIMEOUT_MS = 10_000;

/** How long to wait for the sidecar to acknowledge a `session:refresh`. */
export const REFRESH_ACK_TIMEOUT_MS = 10_000;

/** Wait before trying a failed refresh again (the session lives on meanwhile). */
export const REFRESH_RETRY_MS = 15_000;

/** Consecutive failed attempts after which the status becomes `offline`. */
export const OFFLINE_AFTER_FAILURES = 3;

/** Ceiling of the first own retry delay; it doubles per failure up to RETRY_CAP_MS. */
export const RETRY_BASE_MS = 1000;

/** Longest own retry delay. */
export const RETRY_CAP_MS = 60_000;

/** socket.io's own reconnection (network loss) waits at most this long. */
export const RECONNECT_DELAY_MAX_MS = 10_000;

// Handshake refusals that a newly minted token may cure.
const TOKEN_CODES: ReadonlySet< string > = new Set( [
	'token_missing',
	'token_malformed',
	'token_bad_signature',
	'token_expired',
] );

// Handshake refusals no retry can cure: the user lacks `livedesk_view`.
const PERMANENT_CODES: ReadonlySet< string > = new Set( [
	'token_missing_cap',
] );

type Listeners = {
	[ K in keyof AgentConnectionEvents ]: Set<
		( payload: AgentConnectionEvents[ K ] ) => void
	>;
};

type TimerName = 'retry' | 'refresh' | 'ack';

function reason(
	source: ConnectionReason[ 'source' ],
	code: string,
	message: string,
	retrying = true
): ConnectionReason {
	return { source, code, message, httpStatus: null, retrying };
}

function handshakeCode( error: unknown ): string | null {
	const data = ( error as { data?: unknown } | null )?.data;
	const code = ( data as { code?: unknown } | null | undefined )?.code;
	return typeof code === 'string' ? code : null;
}

function sameReason( a: ConnectionReason | null, b: ConnectionReason | null ) {
	return (
		a === b ||
		( a !== null &&
			b !== null &&
			a.source === b.source &&
			a.code === b.code &&
			a.message === b.message &&
			a.httpStatus === b.httpStatus &&
			a.retrying === b.retrying )
	);
}

/** One socket to `/agent`, kept authenticated and connected until close(). */
export class AgentConnection implements AgentChatChannel {
	private readonly sidecarUrl: string;
	private readonly createSocket: AgentSocketFactory;
	private readonly socketOptions: AgentSocketOptions;
	private readonly now: () => number;
	private readonly timers: NamedTimers< TimerName >;
	private readonly rawTimers: Timers;
	private readonly tokens: TokenKeeper;
	private readonly random: () => number;
	private readonly listeners: Listeners = {
		status: new Set(),
		connect: new Set(),
		snapshot: new Set(),
		update: new Set(),
		chatMessage: new Set(),
		chatConversation: new Set(),
		chatTyping: new Set(),
		chatRead: new Set(),
	};
	private state: ConnectionState = { status: 'connecting', reason: null };
	private socket: AgentSocket | null = null;
	/** The token of the current session. */
	private presented: HeldToken | null = null;
	private failures = 0;
	private opened = false;
	private closed = false;
	private endedFor: string | null = null;

	/**
	 * Sets the connection up; nothing happens until open().
	 *
	 * @param options Collaborators and settings.
	 */
	constructor( options: AgentConnectionOptions = {} ) {
		this.sidecarUrl = options.sidecarUrl ?? getBootConfig().sidecarUrl;
		this.createSocket =
			options.createSocket ??
			( ( uri, socketOptions ) => io( uri, socketOptions ) );
		this.socketOptions = options.socketOptions ?? {};
		this.now = options.now ?? Date.now;
		this.rawTimers = options.timers ?? defaultTimers;
		this.timers = new NamedTimers( this.rawTimers );
		this.tokens = new TokenKeeper(
			options.fetchToken ?? fetchAgentToken,
			this.now
		);
		this.random = options.random ?? Math.random;
	}

	/** Starts connecting (once; later calls do nothing). */
	open(): void {
		if ( this.opened || this.closed ) {
			return;
		}
		this.opened = true;
		void this.attempt();
	}

	/** Disconnects for good, cancels every timer and forgets the listeners. */
	close(): void {
		if ( this.closed ) {
			return;
		}
		this.closed = true;
		this.timers.clearAll();
		this.socket?.disconnect();
		this.socket?.off();
		this.socket = null;
		this.setState(
			'offline',
			reason( 'client', 'closed', 'closed by the client', false )
		);
		Object.values( this.listeners ).forEach( ( set ) => set.clear() );
	}

	/** Where the connection stands now. */
	getState(): ConnectionState {
		return this.state;
	}

	/** Whether the socket is connected now (chat requests go out only then). */
	isLive(): boolean {
		return this.socket?.connected === true && ! this.closed;
	}

	sendMessage(
		message: AgentChatSend,
		timeoutMs = CHAT_ACK_TIMEOUT_MS
	): Promise< ChatSendResult | null > {
		return this.ask(
			( socket, ack ) => socket.emit( EVENTS.chatSend, message, ack ),
			timeoutMs
		) as Promise< ChatSendResult | null >;
	}

	syncChat(
		request: ChatSyncRequest,
		timeoutMs = CHAT_ACK_TIMEOUT_MS
	): Promise< AgentChatSync | ChatFailure | null > {
		return this.ask(
			( socket, ack ) => socket.emit( EVENTS.chatSync, request, ack ),
			timeoutMs
		) as Promise< AgentChatSync | ChatFailure | null >;
	}

	archiveConversation(
		ref: AgentConversationRef,
		timeoutMs = CHAT_ACK_TIMEOUT_MS
	): Promise< ConversationResult | null > {
		return this.ask(
			( socket, ack ) => socket.emit( EVENTS.chatArchive, ref, ack ),
			timeoutMs
		) as Promise< ConversationResult | null >;
	}

	assignConversation(
		assign: AgentAssign,
		timeoutMs = CHAT_ACK_TIMEOUT_MS
	): Promise< ConversationResult | null > {
		return this.ask(
			( socket, ack ) => socket.emit( EVENTS.chatAssign, assign, ack ),
			timeoutMs
		) as Promise< ConversationResult | null >;
	}

	sendTyping( typing: AgentConversationRef & ChatTyping ): boolean {
		if ( ! this.isLive() || ! this.socket ) {
			return false;
		}
		this.socket.emit( EVENTS.chatTyping, typing );
		return true;
	}

	sendRead( read: AgentConversationRef & ChatRead ): boolean {
		if ( ! this.isLive() || ! this.socket ) {
			return false;
		}
		this.socket.emit( EVENTS.chatRead, read );
		return true;
	}

	// Emits with an ack; resolves to the answer, or null when not connected,
	// on disconnect before the answer, or after timeoutMs. Never rejects.
	private ask( emit: AckEmitter, timeoutMs: number ): Promise< unknown > {
		const socket = this.socket;
		if ( ! socket || ! this.isLive() ) {
			return Promise.resolve( null );
		}
		return new Promise( ( resolve ) => {
			let done = false;
			let handle: unknown = null;
			let stop = () => {};
			const finish = ( answer: unknown ) => {
				if ( done ) {
					return;
				}
				done = true;
				this.rawTimers.clear( handle );
				stop();
				resolve( answer );
			};
			handle = this.rawTimers.set( () => finish( null ), timeoutMs );
			// A lost connection never answers: give up at once, the caller retries.
			stop = this.on( 'status', ( state ) => {
				if ( state.status !== 'live' ) {
					finish( null );
				}
			} );
			emit( socket, ( answer ) => finish( answer ?? null ) );
		} );
	}

	/**
	 * Calls the listener on each `event`; returns a function that stops it.
	 *
	 * @param event    `status`, `connect`, `snapshot`, `update` or a `chat…` event.
	 * @param listener Receives the event's payload.
	 */
	on< K extends keyof AgentConnectionEvents >(
		event: K,
		listener: ( payload: AgentConnectionEvents[ K ] ) => void
	): () => void {
		const set = this.listeners[ event ] as Set<
			( payload: AgentConnectionEvents[ K ] ) => void
		>;
		set.add( listener );
		return () => {
			set.delete( listener );
		};
	}

	private emit< K extends keyof AgentConnectionEvents >(
		event: K,
		payload: AgentConnectionEvents[ K ]
	): void {
		const set = this.listeners[ event ] as Set<
			( value: AgentConnectionEvents[ K ] ) => void
		>;
		[ ...set ].forEach( ( listener ) => listener( payload ) );
	}

	private setState(
		status: ConnectionStatus,
		why: ConnectionReason | null
	): void {
		if (
			status === this.state.status &&
			sameReason( why, this.state.reason )
		) {
			return;
		}
		this.state = { status, reason: why };
		this.emit( 'status', this.state );
	}

	// First connection, or a retry after socket.io gave up (refusal, our abort).
	private async attempt(): Promise< void > {
		if ( this.socket ) {
			this.socket.connect();
			return;
		}
		const result = await this.tokens.current();
		if ( this.closed || this.socket ) {
			return;
		}
		if ( ! result.ok ) {
			this.failed( result.reason );
			return;
		}
		const target = agentSocketTarget(
			this.sidecarUrl || result.held.sidecarUrl
		);
		if ( ! target ) {
			this.failed(
				reason(
					'client',
					'no_sidecar_url',
					'no valid sidecar URL configured',
					false
				)
			);
			return;
		}
		const socket = this.createSocket( target.uri, {
			// WebSocket only: no sticky sessions needed behind a load balancer,
			// and the widget needs WebSockets through the same proxy anyway.
			transports: [ 'websocket' ],
			reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
			...this.socketOptions,
			path: target.path,
			forceNew: true,
			autoConnect: false,
			// Called by socket.io before every handshake, reconnections included.
			auth: ( send ) => this.authenticate( socket, send ),
		} );
		this.socket = socket;
		this.listen( socket );
		socket.connect();
	}

	private authenticate(
		socket: AgentSocket,
		send: ( data: object ) => void
	): void {
		void this.tokens.current().then( ( result ) => {
			if ( this.closed || socket !== this.socket ) {
				return;
			}
			if ( result.ok ) {
				this.presented = result.held;
				send( { token: result.held.token } );
				return;
			}
			// No token, no handshake: abandon this attempt; failed() retries.
			socket.disconnect();
			this.failed( result.reason );
		} );
	}

	private listen( socket: AgentSocket ): void {
		socket.on( 'connect', () => this.onConnect() );
		socket.on( 'connect_error', ( error ) => this.onConnectError( error ) );
		socket.on( 'disconnect', ( why ) => this.onDisconnect( why ) );
		socket.on( EVENTS.sessionError, ( error ) => {
			this.endedFor =
				typeof error?.code === 'string' ? error.code : 'unknown';
		} );
		socket.on( EVENTS.presenceSnapshot, ( snapshot ) => {
			if ( isPresenceSnapshot( snapshot ) ) {
				this.emit( 'snapshot', snapshot );
			}
		} );
		socket.on( EVENTS.presenceUpdate, ( update ) => {
			if ( isPresenceUpdate( update ) ) {
				this.emit( 'update', update );
			}
		} );
		socket.on( EVENTS.chatMessage, ( message ) => {
			if ( isChatMessage( message ) ) {
				this.emit( 'chatMessage', message );
			}
		} );
		socket.on( EVENTS.chatConversation, ( conversation ) => {
			if ( isConversation( conversation ) ) {
				this.emit( 'chatConversation', conversation );
			}
		} );
		socket.on( EVENTS.chatTyping, ( notice ) => {
			if ( isAgentTypingNotice( notice ) ) {
				this.emit( 'chatTyping', notice );
			}
		} );
		socket.on( EVENTS.chatRead, ( receipt ) => {
			if ( isReadReceipt( receipt ) ) {
				this.emit( 'chatRead', receipt );
			}
		} );
	}

	private onConnect(): void {
		this.failures = 0;
		this.endedFor = null;
		this.timers.clear( 'retry' );
		this.setState( 'live', null );
		this.emit( 'connect', null );
		if ( this.presented ) {
			this.scheduleRefresh( this.presented.refreshAt - this.now() );
		}
	}

	private onConnectError( error: Error ): void {
		const code = handshakeCode( error );
		if ( code === null ) {
			// The transport failed; socket.io retries by itself while active.
			this.failed(
				reason( 'network', 'unreachable', error.message ),
				! this.socket?.active
			);
			return;
		}
		// Refused by the sidecar's middleware: socket.io does not retry.
		if ( TOKEN_CODES.has( code ) ) {
			this.tokens.forget();
		}
		this.failed(
			reason(
				'sidecar',
				code,
				error.message,
				! PERMANENT_CODES.has( code )
			)
		);
	}

	private onDisconnect( why: Socket.DisconnectReason ): void {
		this.timers.clear( 'refresh' );
		this.timers.clear( 'ack' );
		if ( this.closed || why === 'io client disconnect' ) {
			return;
		}
		const endedFor = this.endedFor;
		this.endedFor = null;
		if ( this.socket?.active ) {
			// Network loss: socket.io reconnects, calling authenticate() again.
			this.setState(
				'reconnecting',
				reason( 'network', 'connection_lost', why )
			);
			return;
		}
		// The sidecar ended the session; socket.io will not reconnect by itself.
		if ( endedFor === 'token_expired' ) {
			this.tokens.forget();
			this.setState(
				'reconnecting',
				reason( 'sidecar', 'token_expired', 'the agent token expired' )
			);
		} else {
			this.setState(
				'reconnecting',
				reason( 'sidecar', 'server_disconnect', endedFor ?? why )
			);
		}
		this.scheduleRetry( this.retryDelay( 0 ) );
	}

	/**
	 * An attempt failed: keep the status through a few retryable failures,
	 * then say `offline`; retry unless the reason says it is pointless.
	 *
	 * @param why         What went wrong.
	 * @param retryBySelf Whether this class (not socket.io) must retry.
	 */
	private failed( why: ConnectionReason, retryBySelf = true ): void {
		this.failures += 1;
		const giveUp =
			! why.retrying ||
			this.failures >= OFFLINE_AFTER_FAILURES ||
			this.state.status === 'live';
		this.setState( giveUp ? 'offline' : this.state.status, why );
		if ( ! why.retrying ) {
			this.socket?.disconnect();
			return;
		}
		if ( retryBySelf ) {
			this.scheduleRetry( this.retryDelay( this.failures - 1 ) );
		}
	}

	// Full jitter: a sidecar restart is not met by every agent at once.
	private retryDelay( attempt: number ): number {
		return Math.floor(
			this.random() *
				Math.min( RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt )
		);
	}

	private scheduleRetry( delay: number ): void {
		this.timers.set( 'retry', delay, () => void this.attempt() );
	}

	private scheduleRefresh( delay: number ): void {
		this.timers.set(
			'refresh',
			Math.max( 0, delay ),
			() => void this.refresh()
		);
	}

	// Hands a new token to the live session; the socket stays connected.
	private async refresh(): Promise< void > {
		const socket = this.socket;
		if ( ! socket?.connected ) {
			return;
		}
		const result = await this.tokens.fresh();
		if ( this.closed || socket !== this.socket || ! socket.connected ) {
			return;
		}
		if ( ! result.ok ) {
			this.scheduleRefresh( REFRESH_RETRY_MS );
			return;
		}
		const { held } = result;
		let settled = false;
		const settle = ( accepted: boolean ) => {
			if ( settled ) {
				return;
			}
			settled = true;
			this.timers.clear( 'ack' );
			if ( accepted ) {
				this.presented = held;
				this.scheduleRefresh( held.refreshAt - this.now() );
			} else {
				this.scheduleRefresh( REFRESH_RETRY_MS );
			}
		};
		this.timers.set( 'ack', REFRESH_ACK_TIMEOUT_MS, () => settle( false ) );
		socket.emit(
			EVENTS.sessionRefresh,
			held.token,
			( answer: SessionRefreshResult ) => settle( answer?.ok === true )
		);
	}
}
