/**
 * Chat clients for integration tests: chat connections of visitors, agents,
 * and outboxes that behave like the contract's clients (docs/chat.md: one
 * unacknowledged message at a time, resent with the same client id after a
 * timeout, a reconnect or a retryable refusal; catch-up by id after every
 * connect; merge by id).
 */

/**
 * External dependencies
 */
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

/**
 * Internal dependencies
 */
import type {
	AgentCapability,
	AgentChatSync,
	ChatFailure,
	ChatMessage,
	ChatSendResult,
	Conversation,
	VisitorChatStatus,
	VisitorChatSync,
	VisitorIdentity,
	VisitorSession,
} from '../../../src/protocol';
import { signAgentToken } from '../../src/auth/agent-token';
import { connect, connectVisitor, nextEvent } from './client';

/** A fresh client message id: 16 random bytes, base64url. */
export function clientId(): string {
	return randomBytes( 16 ).toString( 'base64url' );
}

/**
 * An agent token for `sub` with these capabilities.
 *
 * @param secret The shared secret.
 * @param sub    WordPress user id.
 * @param caps   Capabilities.
 */
export function agentToken(
	secret: string,
	sub: number,
	caps: AgentCapability[] = [ 'livedesk_view', 'livedesk_chat' ]
): string {
	const now = Math.floor( Date.now() / 1000 );
	return signAgentToken( { sub, caps, iat: now, exp: now + 600 }, secret );
}

/**
 * Records every `event` a socket receives.
 *
 * @param socket Client socket.
 * @param event  Event name.
 */
export function record< T >( socket: Socket, event: string ): T[] {
	const seen: T[] = [];
	socket.on( event, ( payload: T ) => seen.push( payload ) );
	return seen;
}

/**
 * Resolves with the next `event` whose payload passes `check` (others that
 * arrive meanwhile, e.g. an earlier status, are skipped).
 *
 * @param socket    Client socket.
 * @param event     Event name.
 * @param check     Which payload is awaited.
 * @param timeoutMs How long to wait.
 */
export function nextMatching< T >(
	socket: Socket,
	event: string,
	check: ( payload: T ) => boolean,
	timeoutMs = 5000
): Promise< T > {
	return new Promise( ( resolve, reject ) => {
		const timer = setTimeout( () => {
			socket.off( event, listener );
			reject(
				new Error( `no matching "${ event }" within ${ timeoutMs } ms` )
			);
		}, timeoutMs );
		const listener = ( payload: T ) => {
			if ( check( payload ) ) {
				clearTimeout( timer );
				socket.off( event, listener );
				resolve( payload );
			}
		};
		socket.on( event, listener );
	} );
}

/** A connected chat connection of a visitor. */
export interface ChatVisitor {
	socket: Socket;
	session: VisitorSession;
	status: VisitorChatStatus;
	messages: ChatMessage[];
	auth: Record< string, unknown >;
}

/**
 * Opens a chat connection (`auth.chat`) and waits for its session and status.
 *
 * @param port Sidecar port.
 * @param auth More handshake auth (identity, playground, id and sig).
 */
export async function chatVisitor(
	port: number,
	auth: Record< string, unknown > = {}
): Promise< ChatVisitor > {
	const full = { chat: true, ...auth };
	const socket = connectVisitor( port, full );
	const messages = record< ChatMessage >( socket, 'chat:message' );
	const [ session, status ] = await Promise.all( [
		nextEvent< VisitorSession >( socket, 'session:ready' ),
		nextEvent< VisitorChatStatus >( socket, 'chat:status' ),
	] );
	return { socket, session, status, messages, auth: full };
}

/**
 * Sends a visitor's `chat:send` and resolves with its `chat:ack`.
 *
 * @param socket    Chat connection.
 * @param payload   The message.
 * @param timeoutMs How long to wait for the ack.
 */
export function visitorSend(
	socket: Socket,
	payload: Record< string, unknown >,
	timeoutMs = 5000
): Promise< ChatSendResult > {
	return new Promise( ( resolve, reject ) => {
		const timer = setTimeout( () => {
			socket.off( 'chat:ack', listener );
			reject( new Error( `no chat:ack within ${ timeoutMs } ms` ) );
		}, timeoutMs );
		const listener = ( ack: ChatSendResult ) => {
			if ( ack.client_id === payload.client_id ) {
				clearTimeout( timer );
				socket.off( 'chat:ack', listener );
				resolve( ack );
			}
		};
		socket.on( 'chat:ack', listener );
		socket.emit( 'chat:send', payload );
	} );
}

/**
 * Asks for the visitor's history.
 *
 * @param socket  Chat connection.
 * @param afterId Exclusive lower bound.
 */
export function visitorSync(
	socket: Socket,
	afterId = 0
): Promise< VisitorChatSync > {
	const answer = nextEvent< VisitorChatSync >( socket, 'chat:history' );
	socket.emit( 'chat:sync', { after_id: afterId } );
	return answer;
}

/** A connected agent and what it received. */
export interface ChatAgent {
	socket: Socket;
	messages: ChatMessage[];
	conversations: Conversation[];
}

/**
 * Connects an agent and records chat events.
 *
 * @param port  Sidecar port.
 * @param token Agent token.
 */
export async function chatAgent(
	port: number,
	token: string
): Promise< ChatAgent > {
	const socket = connect( port, '/agent', { token } );
	const messages = record< ChatMessage >( socket, 'chat:message' );
	const conversations = record< Conversation >( socket, 'chat:conversation' );
	await nextEvent( socket, 'presence:snapshot' );
	return { socket, messages, conversations };
}

/**
 * Emits an agent event and resolves with its socket.io ack.
 *
 * @param socket  Agent socket.
 * @param event   Event name.
 * @param payload Its payload.
 */
export function agentCall< T >(
	socket: Socket,
	event: string,
	payload: unknown
): Promise< T > {
	return socket.timeout( 5000 ).emitWithAck( event, payload ) as Promise< T >;
}

/**
 * Waits until `check` holds, polling every 20 ms.
 *
 * @param check     Condition.
 * @param timeoutMs How long to wait.
 * @param what      What is waited for (in the error).
 */
export async function until(
	check: () => boolean,
	timeoutMs = 5000,
	what = 'condition'
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	while ( ! check() ) {
		if ( Date.now() > deadline ) {
			throw new Error( `${ what } not met within ${ timeoutMs } ms` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
	}
}

/** Options of an {@link Outbox}. */
interface OutboxOptions {
	/** Resend the head when its ack has not come within this. */
	ackTimeoutMs?: number;
	/** Wait before resending after a retryable refusal. */
	retryMs?: number;
}

/**
 * The client half of the delivery promise, for either side: an ordered
 * outbox sent one at a time, resent with the same client id until
 * acknowledged, and a received list merged by id with catch-up after each
 * (re)connect. Counts what it saw so tests can report losses and duplicates.
 */
abstract class Outbox {
	readonly socket: Socket;
	/** Messages acknowledged, by client id. */
	readonly acked = new Map< string, ChatMessage >();
	/** Every message received (pushed or synced), merged by id. */
	readonly received = new Map< number, ChatMessage >();
	/** Pushes of an id already received by push on this connection. */
	pushedTwice = 0;
	/** Error acks seen (e.g. storage_unavailable while the database is down). */
	readonly refusals: ChatFailure[] = [];
	/** Sends, first tries and retries. */
	attempts = 0;
	protected readonly queue: Array< { client_id: string; body: string } > = [];
	private readonly pushedIds = new Set< number >();
	private timer: NodeJS.Timeout | undefined;
	private inFlight = false;
	private backoff = 0;
	private readonly options: Required< OutboxOptions >;

	protected constructor( socket: Socket, options: OutboxOptions ) {
		this.socket = socket;
		this.options = { ackTimeoutMs: 1500, retryMs: 200, ...options };
		socket.on( 'connect', () => {
			this.pushedIds.clear();
			void this.catchUp();
			this.inFlight = false;
			this.pump();
		} );
		socket.on( 'chat:message', ( message: ChatMessage ) => {
			if ( this.pushedIds.has( message.id ) ) {
				this.pushedTwice++;
			}
			this.pushedIds.add( message.id );
			this.received.set( message.id, message );
		} );
	}

	/** The highest message id received. */
	get lastId(): number {
		return Math.max( 0, ...this.received.keys() );
	}

	/** Messages not acknowledged yet. */
	get pending(): number {
		return this.queue.length;
	}

	/**
	 * Queues a message.
	 *
	 * @param body The text.
	 */
	enqueue( body: string ): string {
		const id = clientId();
		this.queue.push( { client_id: id, body } );
		this.pump();
		return id;
	}

	/** Stops timers and closes the socket. */
	close(): void {
		clearTimeout( this.timer );
		this.socket.close();
	}

	/** Catches up from the last id (after every connect). */
	abstract catchUp(): Promise< void >;

	protected abstract send( head: { client_id: string; body: string } ): void;

	protected merge( messages: readonly ChatMessage[] ): void {
		for ( const message of messages ) {
			this.received.set( message.id, message );
		}
	}

	// Called with every ack (visitor event or agent callback).
	protected acknowledged( ack: ChatSendResult ): void {
		const head = this.queue[ 0 ];
		if ( ! head || ack.client_id !== head.client_id ) {
			return;
		}
		clearTimeout( this.timer );
		this.inFlight = false;
		if ( ack.ok ) {
			this.backoff = 0;
			this.acked.set( ack.client_id, ack.message );
			this.received.set( ack.message.id, ack.message );
			this.queue.shift();
			this.pump();
			return;
		}
		this.refusals.push( ack );
		if ( ! ack.retryable ) {
			// Refused for good: given up (the test counts it as lost).
			this.queue.shift();
			this.pump();
			return;
		}
		// Backoff: twice as long after each refusal in a row, up to 1 s.
		this.backoff = Math.min(
			1000,
			this.backoff === 0 ? this.options.retryMs : this.backoff * 2
		);
		this.timer = setTimeout( () => this.pump(), this.backoff );
	}

	private pump(): void {
		const head = this.queue[ 0 ];
		if ( ! head || this.inFlight || ! this.socket.connected ) {
			return;
		}
		this.inFlight = true;
		this.attempts++;
		this.send( head );
		clearTimeout( this.timer );
		this.timer = setTimeout( () => {
			// No answer: resend the same message (same client id).
			this.inFlight = false;
			this.pump();
		}, this.options.ackTimeoutMs );
	}
}

const RECONNECT = {
	reconnection: true,
	reconnectionDelay: 100,
	reconnectionDelayMax: 300,
	randomizationFactor: 0,
	transports: [ 'websocket' as const ],
	forceNew: true,
};

/** A visitor's chat connection with an outbox; reconnects on its own. */
export class VisitorOutbox extends Outbox {
	/**
	 * @param port     Sidecar port.
	 * @param identity The visitor's signed id.
	 * @param options  Timeouts.
	 */
	constructor(
		port: number,
		identity: VisitorIdentity,
		options: OutboxOptions = {}
	) {
		super(
			io( `http://127.0.0.1:${ port }/visitor`, {
				...RECONNECT,
				auth: { chat: true, ...identity },
				extraHeaders: { origin: 'http://site.test' },
			} ),
			options
		);
		this.socket.on( 'chat:ack', ( ack: ChatSendResult ) =>
			this.acknowledged( ack )
		);
		this.socket.on( 'chat:history', ( sync: VisitorChatSync ) => {
			this.merge( sync.messages );
			if ( sync.more ) {
				void this.catchUp();
			}
		} );
	}

	async catchUp(): Promise< void > {
		this.socket.emit( 'chat:sync', { after_id: this.lastId } );
	}

	protected send( head: { client_id: string; body: string } ): void {
		this.socket.emit( 'chat:send', head );
	}
}

/** An agent's connection with an outbox for one conversation. */
export class AgentOutbox extends Outbox {
	private readonly conversationId: string;

	/**
	 * @param port           Sidecar port.
	 * @param token          Agent token.
	 * @param conversationId Where this agent writes.
	 * @param options        Timeouts.
	 */
	constructor(
		port: number,
		token: string,
		conversationId: string,
		options: OutboxOptions = {}
	) {
		super(
			io( `http://127.0.0.1:${ port }/agent`, {
				...RECONNECT,
				auth: { token },
			} ),
			options
		);
		this.conversationId = conversationId;
	}

	async catchUp(): Promise< void > {
		for ( let more = true; more; ) {
			let sync: AgentChatSync | ChatFailure;
			try {
				sync = ( await this.socket
					.timeout( 3000 )
					.emitWithAck( 'chat:sync', {
						after_id: this.lastId,
					} ) ) as AgentChatSync | ChatFailure;
			} catch {
				return; // disconnected meanwhile: the next connect catches up
			}
			if ( 'ok' in sync ) {
				return;
			}
			this.merge( sync.messages );
			more = sync.more;
		}
	}

	protected send( head: { client_id: string; body: string } ): void {
		this.socket.emit(
			'chat:send',
			{ ...head, conversation_id: this.conversationId },
			( ack: ChatSendResult ) => this.acknowledged( ack )
		);
	}
}
