/**
 * Internal dependencies
 */
import { EVENTS, VISITOR_NAMESPACE } from '../../protocol';
import type { ChatSend, VisitorAuth } from '../../protocol';
import { backoffDelay } from '../backoff';
import { IDENTITY_POLL_MS } from '../identity';
import { connectSocket, socketUrl } from '../socket';
import type { SocketHandle, WebSocketConstructor } from '../socket';
import { requestJson, restRoute } from './rest';
import { ackConversation, restAck, restSync } from './rest-chat';

/** How the panel talks to the server right now. */
export type TransportMode = 'connecting' | 'socket' | 'rest';

/** Failed connection attempts in a row after which the REST fallback starts. */
export const FALLBACK_FAILURES = 3;

/** Time without a connection after which the REST fallback starts, in ms. */
export const FALLBACK_AFTER_MS = 5000;

/** The fallback's quickest and slowest poll, in ms. */
export const POLL_MIN_MS = 3000;
export const POLL_MAX_MS = 10000;

/** Poll at the quickest pace for this long after the last message either way. */
export const POLL_ACTIVE_MS = 30000;

/** A connection up this long resets the backoff. */
export const STABLE_MS = 10000;

/**
 * Whether the sidecar counts as unreachable: FALLBACK_FAILURES attempts in a
 * row failed, or FALLBACK_AFTER_MS passed without a connection.
 *
 * @param failures Failed attempts since the last connection.
 * @param waitedMs Time since the connection was lost (or first tried).
 */
export function shouldFallBack( failures: number, waitedMs: number ): boolean {
	return failures >= FALLBACK_FAILURES || waitedMs >= FALLBACK_AFTER_MS;
}

/**
 * The fallback's next poll: every POLL_MIN_MS while the conversation is
 * active, slowing down evenly to POLL_MAX_MS over the next 90 s of quiet.
 *
 * @param idleMs Time since the last message either way.
 */
export function pollDelay( idleMs: number ): number {
	const quiet = Math.max( 0, idleMs - POLL_ACTIVE_MS );
	return Math.round(
		Math.min(
			POLL_MAX_MS,
			POLL_MIN_MS + ( quiet / 90000 ) * ( POLL_MAX_MS - POLL_MIN_MS )
		)
	);
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
	sidecarUrl: string;
	restUrl: string;
	win: Window;
	fetch: typeof fetch;
	WebSocket?: WebSocketConstructor;
	random?: () => number;
	/** The handshake auth, read at every connection attempt. */
	auth: () => VisitorAuth;
	/** Headers of every REST request (the visitor's signed identity). */
	headers: () => Record< string, string >;
	/** The highest message id held: where a catch-up starts. */
	lastId: () => number;
	/** Whether a poll can be answered (the plugin needs the visitor's signed id); default yes. */
	canPoll?: () => boolean;
	/** True while the connection should wait for the page's visitor identity. */
	waiting?: () => boolean;
	/** A server event, from the socket or made from a REST answer. */
	onEvent: ( name: string, data: unknown ) => void;
	/** A transport is ready (connected, or the fallback started): catch up and send. */
	onReady: () => void;
	/** The live connection was lost: what was on its way must go again. */
	onDown: () => void;
	onMode?: ( mode: TransportMode ) => void;
}

/** The panel's link to the server: the socket, or REST while the sidecar is unreachable. */
export interface Transport {
	mode: () => TransportMode;
	/** Sends a message; false when no transport can take it now. */
	send: ( message: ChatSend ) => boolean;
	/** Sends a socket-only event (typing, read, profile, data, identify); false unless connected. */
	emit: ( name: string, data: unknown ) => boolean;
	/** Asks for the messages after lastId() (a socket `chat:sync`, or a poll now). */
	sync: () => void;
	/** A message went or came: poll at the quick pace again. */
	poke: () => void;
	close: () => void;
}

/**
 * Keeps a `/visitor` chat connection to the sidecar and falls back to the
 * plugin's REST routes (send + poll) while the sidecar is unreachable (see
 * shouldFallBack), going back to the socket as soon as it connects again. The
 * socket keeps being retried with full-jitter backoff throughout.
 *
 * @param options See {@link TransportOptions}.
 */
export function createTransport( options: TransportOptions ): Transport {
	const { win, restUrl, random, onEvent, onReady, onDown, onMode } = options;
	const url = socketUrl( options.sidecarUrl );
	const listening = new AbortController();
	let mode: TransportMode = 'connecting';
	let socket: SocketHandle | undefined;
	let live = false;
	let closed = false;
	let failures = 0;
	let attempt = 0;
	let downSince = Date.now();
	let upSince = 0;
	let lastActivity = Date.now();
	let polling = false;
	let pollAgain = false;
	let reconnectTimer: ReturnType< typeof setTimeout > | undefined;
	let fallbackTimer: ReturnType< typeof setTimeout > | undefined;
	let pollTimer: ReturnType< typeof setTimeout > | undefined;

	const setMode = ( next: TransportMode ) => {
		if ( mode !== next ) {
			mode = next;
			onMode?.( next );
		}
	};

	const schedulePoll = ( delay: number ) => {
		clearTimeout( pollTimer );
		if ( mode === 'rest' && ! closed ) {
			pollTimer = setTimeout( poll, delay );
		}
	};

	async function poll() {
		if ( polling ) {
			pollAgain = true;
			return;
		}
		if ( options.canPoll?.() === false ) {
			// Nothing to ask with yet: look again later.
			schedulePoll( POLL_MAX_MS );
			return;
		}
		polling = true;
		clearTimeout( pollTimer );
		const answer = await requestJson(
			options.fetch,
			restRoute( restUrl, 'chat/messages', {
				after_id: options.lastId(),
			} ),
			{ headers: options.headers() }
		);
		polling = false;
		const sync = mode === 'rest' && ! closed ? restSync( answer ) : null;
		if ( sync ) {
			if ( sync.status ) {
				onEvent( EVENTS.chatStatus, sync.status );
			}
			onEvent( EVENTS.chatHistory, sync.history );
		}
		if ( pollAgain ) {
			pollAgain = false;
			schedulePoll( 0 );
		} else {
			schedulePoll( pollDelay( Date.now() - lastActivity ) );
		}
	}

	const enterRest = () => {
		if ( mode !== 'rest' && ! closed && ! live ) {
			setMode( 'rest' );
			onReady();
		}
	};

	const armFallback = () => {
		clearTimeout( fallbackTimer );
		fallbackTimer = setTimeout( enterRest, FALLBACK_AFTER_MS );
	};

	// A connection attempt failed, or a live connection ended.
	const lost = () => {
		const wasLive = live;
		socket = undefined;
		live = false;
		if ( closed ) {
			return;
		}
		if ( wasLive ) {
			if ( Date.now() - upSince >= STABLE_MS ) {
				attempt = 0;
			}
			failures = 0;
			downSince = Date.now();
			setMode( 'connecting' );
			onDown();
			armFallback();
		} else {
			failures++;
		}
		if ( shouldFallBack( failures, Date.now() - downSince ) ) {
			enterRest();
		}
		reconnectTimer = setTimeout(
			connect,
			backoffDelay( attempt++, random )
		);
	};

	function connect() {
		if ( closed ) {
			return;
		}
		if ( options.waiting?.() ) {
			// Another script of the page is getting the visitor's identity.
			reconnectTimer = setTimeout( connect, IDENTITY_POLL_MS );
			return;
		}
		try {
			const handle = connectSocket( {
				url,
				namespace: VISITOR_NAMESPACE,
				auth: options.auth(),
				WebSocket: options.WebSocket,
				onConnect() {
					socket = handle;
					live = true;
					upSince = Date.now();
					failures = 0;
					clearTimeout( fallbackTimer );
					clearTimeout( pollTimer );
					setMode( 'socket' );
					onReady();
				},
				onEvent,
				onRefused: lost,
				onClose: lost,
			} );
			socket = handle;
		} catch {
			// The WebSocket constructor refused the URL: REST is all there is
			// (from a fresh task: this may run inside createTransport()).
			clearTimeout( fallbackTimer );
			fallbackTimer = setTimeout( enterRest, 0 );
		}
	}

	// An open WebSocket keeps a page out of the back/forward cache.
	const suspend = () => {
		clearTimeout( reconnectTimer );
		clearTimeout( fallbackTimer );
		clearTimeout( pollTimer );
		socket?.close();
		socket = undefined;
		if ( live ) {
			live = false;
			onDown();
		}
		setMode( 'connecting' );
	};
	const on = ( type: string, listener: EventListener ) =>
		win.addEventListener( type, listener, { signal: listening.signal } );
	on( 'pagehide', suspend );
	on( 'pageshow', ( event ) => {
		if ( ( event as PageTransitionEvent ).persisted && ! closed ) {
			failures = attempt = 0;
			downSince = Date.now();
			armFallback();
			connect();
		}
	} );

	armFallback();
	connect();

	return {
		mode: () => mode,
		send( message ) {
			if ( mode === 'socket' ) {
				return !! socket?.emit( EVENTS.chatSend, message );
			}
			if ( mode !== 'rest' ) {
				return false;
			}
			void requestJson(
				options.fetch,
				restRoute( restUrl, 'chat/messages' ),
				{ method: 'POST', headers: options.headers(), body: message }
			).then( ( answer ) => {
				if ( closed ) {
					return;
				}
				onEvent( EVENTS.chatAck, restAck( answer, message.client_id ) );
				// The conversation the message went to (e.g. just started).
				const conversation = ackConversation( answer );
				if ( conversation ) {
					onEvent( EVENTS.chatHistory, {
						conversation,
						messages: [],
						more: false,
					} );
				}
			} );
			return true;
		},
		emit: ( name, data ) =>
			mode === 'socket' && !! socket?.emit( name, data ),
		sync() {
			if ( mode === 'socket' ) {
				socket?.emit( EVENTS.chatSync, { after_id: options.lastId() } );
			} else if ( mode === 'rest' ) {
				void poll();
			}
		},
		poke() {
			lastActivity = Date.now();
			if ( mode === 'rest' && ! polling ) {
				schedulePoll( POLL_MIN_MS );
			}
		},
		close() {
			closed = true;
			suspend();
			listening.abort();
		},
	};
}
