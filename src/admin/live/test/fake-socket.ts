/**
 * A stand-in for socket.io-client's Socket that a test drives by hand: it
 * records what the connection does (connect, disconnect, emit, the handshake
 * data it gives socket.io) and plays the server's and the network's part.
 */

/**
 * Internal dependencies
 */
import type { AgentSocket, AgentSocketOptions } from '../agent-connection';

type Handler = ( ...args: unknown[] ) => void;

/** One fake socket; `sockets` of the factory below holds every one created. */
export class FakeSocket {
	connected = false;
	active = false;
	connectCalls = 0;
	disconnectCalls = 0;
	/** Events the client emitted, with their arguments. */
	readonly sent: Array< { event: string; args: unknown[] } > = [];
	/** Handshake data the client handed to socket.io (its `auth`). */
	readonly handshakes: object[] = [];
	private readonly handlers = new Map< string, Set< Handler > >();

	constructor(
		readonly uri: string,
		readonly options: AgentSocketOptions
	) {}

	on( event: string, handler: Handler ): this {
		const set = this.handlers.get( event ) ?? new Set();
		this.handlers.set( event, set );
		set.add( handler );
		return this;
	}

	off(): this {
		this.handlers.clear();
		return this;
	}

	emit( event: string, ...args: unknown[] ): this {
		this.sent.push( { event, args } );
		return this;
	}

	connect(): this {
		this.connectCalls++;
		this.active = true;
		this.open();
		return this;
	}

	disconnect(): this {
		this.disconnectCalls++;
		const wasConnected = this.connected;
		this.active = false;
		this.connected = false;
		if ( wasConnected ) {
			this.fire( 'disconnect', 'io client disconnect' );
		}
		return this;
	}

	/** The transport opened (first time, or a socket.io reconnection): ask for the handshake data. */
	open(): void {
		const { auth } = this.options;
		if ( typeof auth === 'function' ) {
			auth( ( data ) => this.handshakes.push( data ) );
		}
	}

	/** The token of the latest handshake. */
	lastToken(): unknown {
		const last = this.handshakes[ this.handshakes.length - 1 ];
		return ( last as { token?: unknown } | undefined )?.token;
	}

	/** The server accepted the handshake. */
	accept(): void {
		this.connected = true;
		this.fire( 'connect' );
	}

	/**
	 * The server's middleware refused the handshake (socket.io then stops).
	 *
	 * @param code    `data.code` of the error.
	 * @param message Its message.
	 */
	refuse( code: string, message = 'refused' ): void {
		this.active = false;
		this.fire(
			'connect_error',
			Object.assign( new Error( message ), { data: { code } } )
		);
	}

	/** A connection attempt failed at the transport (socket.io retries by itself). */
	failTransport(): void {
		this.fire( 'connect_error', new Error( 'websocket error' ) );
	}

	/**
	 * The network dropped a live connection (socket.io reconnects by itself).
	 *
	 * @param reason socket.io's disconnect reason.
	 */
	drop( reason = 'transport close' ): void {
		this.connected = false;
		this.fire( 'disconnect', reason );
	}

	/**
	 * The server ended the session, optionally saying why first.
	 *
	 * @param code `session:error` code to send before disconnecting.
	 */
	kick( code?: string ): void {
		if ( code ) {
			this.fire( 'session:error', { code, message: code } );
		}
		this.connected = false;
		this.active = false;
		this.fire( 'disconnect', 'io server disconnect' );
	}

	/**
	 * The server sent an event.
	 *
	 * @param event   Event name.
	 * @param payload Its payload.
	 */
	push( event: string, payload: unknown ): void {
		this.fire( event, payload );
	}

	/** The refresh requests sent so far: token and ack of each. */
	refreshes(): Array< { token: unknown; ack: ( result: unknown ) => void } > {
		return this.sent
			.filter( ( { event } ) => event === 'session:refresh' )
			.map( ( { args } ) => ( {
				token: args[ 0 ],
				ack: args[ 1 ] as ( result: unknown ) => void,
			} ) );
	}

	private fire( event: string, ...args: unknown[] ): void {
		[ ...( this.handlers.get( event ) ?? [] ) ].forEach( ( handler ) =>
			handler( ...args )
		);
	}
}

/** A socket factory that makes FakeSockets and keeps them. */
export function fakeSocketFactory() {
	const sockets: FakeSocket[] = [];
	const createSocket = ( uri: string, options: AgentSocketOptions ) => {
		const socket = new FakeSocket( uri, options );
		sockets.push( socket );
		return socket as unknown as AgentSocket;
	};
	return { sockets, createSocket };
}
