/**
 * A WebSocket stand-in for the widget's tests: records what the client sends
 * and lets a test play the server, one text frame at a time.
 */
type Handler = ( ( event: { data?: unknown } ) => void ) | null;

/** Every FakeWebSocket made since the last reset, oldest first. */
export const sockets: FakeWebSocket[] = [];

/** A fake WebSocket; `new FakeWebSocket( url )` is what connectSocket calls. */
export class FakeWebSocket {
	onmessage: Handler = null;
	onclose: Handler = null;
	onerror: Handler = null;
	/** Frames the client sent, in order. */
	sent: string[] = [];
	/** Whether the client called close(). */
	closed = false;

	constructor( readonly url: string ) {
		sockets.push( this );
	}

	send( data: string ): void {
		this.sent.push( data );
	}

	close(): void {
		this.closed = true;
	}

	/**
	 * The server sends one text frame.
	 * @param frame
	 */
	receive( frame: string ): void {
		this.onmessage?.( { data: frame } );
	}

	/**
	 * The server opens Engine.IO and accepts the `/visitor` namespace.
	 * @param open
	 */
	accept( open = { pingInterval: 25000, pingTimeout: 20000 } ): void {
		this.receive(
			'0' + JSON.stringify( { sid: 'e1', upgrades: [], ...open } )
		);
		this.receive( '40/visitor,{"sid":"s1"}' );
	}

	/**
	 * The server sends an event on `/visitor`.
	 * @param name
	 * @param data
	 */
	event( name: string, data: unknown ): void {
		this.receive( '42/visitor,' + JSON.stringify( [ name, data ] ) );
	}

	/** The transport goes away (a close frame or a lost network). */
	drop(): void {
		this.onclose?.( {} );
	}

	/** Events the client emitted, decoded: [ name, data ] pairs. */
	events(): unknown[] {
		return this.sent
			.filter( ( frame ) => frame.startsWith( '42/visitor,' ) )
			.map( ( frame ) => JSON.parse( frame.slice( 11 ) ) );
	}

	/** The handshake auth the client sent, decoded. */
	auth(): unknown {
		const frame = this.sent.find( ( f ) => f.startsWith( '40/visitor,' ) );
		return frame === undefined
			? undefined
			: JSON.parse( frame.slice( 11 ) );
	}
}

/** The most recent FakeWebSocket (fails the test when there is none). */
export function lastSocket(): FakeWebSocket {
	const socket = sockets[ sockets.length - 1 ];
	if ( ! socket ) {
		throw new Error( 'no WebSocket was opened' );
	}
	return socket;
}

/** Forgets the sockets of earlier tests. */
export function resetSockets(): void {
	sockets.length = 0;
}
