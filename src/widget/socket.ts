/**
 * A minimal socket.io client: Engine.IO v4 / socket.io v5 over a WebSocket
 * only (no long-polling, no upgrade, no acks, no binary, no multiplexing),
 * one namespace per connection and no reconnection of its own. It is what
 * the tracker needs, at a fraction of socket.io-client's ~15 KB gzipped.
 *
 * Packets (text frames): the server opens with `0{json}` (pingInterval,
 * pingTimeout); the client joins the namespace with `40/nsp,{auth}`; the
 * server accepts with `40/nsp,{"sid":…}` or refuses with
 * `44/nsp,{"message":…,"data":{"code":…}}`; events are `42/nsp,["name",data]`
 * both ways; the server pings with `2` and the client answers `3`; `1` closes
 * the transport and `41/nsp,` disconnects the namespace.
 */

/** The parts of a WebSocket this client uses (the DOM's and the `ws` package's fit). */
export interface WebSocketLike {
	/** Assigned by the client; their event types differ between implementations. */
	onmessage: unknown;
	onclose: unknown;
	onerror: unknown;
	send: ( data: string ) => void;
	close: () => void;
}

/** A WebSocket constructor: `globalThis.WebSocket`, or `ws` in Node. */
export type WebSocketConstructor = new ( url: string ) => WebSocketLike;

/**
 * Why a connection ended (see SocketOptions.onClose): the transport closed or
 * failed, the server disconnected the namespace, or no open packet / ping
 * arrived in time.
 */
export type SocketCloseReason =
	| 'transport close'
	| 'transport error'
	| 'io server disconnect'
	| 'ping timeout';

/** Options of {@link connectSocket}. */
export interface SocketOptions {
	/** WebSocket URL of the Engine.IO endpoint, see {@link socketUrl}. */
	url: string;
	/** socket.io namespace, e.g. `/visitor` (`/` for the main namespace). */
	namespace: string;
	/** Handshake `auth` (socket.handshake.auth on the server); none when absent. */
	auth?: object;
	/** WebSocket implementation; default `globalThis.WebSocket`. */
	WebSocket?: WebSocketConstructor;
	/** The namespace accepted the connection; `data` is `{ sid }`. */
	onConnect?: ( data: unknown ) => void;
	/** A server event: its name and first argument. Only after onConnect. */
	onEvent?: ( name: string, data: unknown ) => void;
	/**
	 * The namespace refused the handshake (socket.io `connect_error`):
	 * `code` is the error's `data.code` when it is a string. The connection
	 * is closed; onClose does not follow.
	 */
	onRefused?: ( code: string | undefined, message: string ) => void;
	/** The connection ended for any other reason than onRefused or close(). */
	onClose?: ( reason: SocketCloseReason ) => void;
}

/** A connection made by {@link connectSocket}. */
export interface SocketHandle {
	/**
	 * Sends an event with one argument. Returns false (and sends nothing)
	 * when the namespace is not connected (yet or any more).
	 */
	emit: ( name: string, data: unknown ) => boolean;
	/** Closes the connection; no callback runs after this. */
	close: () => void;
}

/** How long the server has to send its open packet. */
export const OPEN_TIMEOUT_MS = 20000;

/** A namespaced socket.io packet: type digit, `/nsp,` (optional), ack id (ignored), JSON. */
const PACKET = /^(\d)(?:(\/[^,]*),)?\d*([\s\S]*)$/;

/**
 * The Engine.IO WebSocket URL of a sidecar base URL, whose socket.io server
 * listens under `<base>socket.io/`: http → ws, https → wss.
 *
 * @param baseUrl Absolute http(s) URL of the sidecar, e.g. `https://example.com/livedesk-sidecar/`.
 */
export function socketUrl( baseUrl: string ): string {
	return (
		baseUrl.replace( /^http/, 'ws' ).replace( /\/?$/, '/' ) +
		'socket.io/?EIO=4&transport=websocket'
	);
}

/**
 * Opens one socket.io connection to one namespace. Exactly one of onRefused
 * and onClose runs when the connection ends, unless close() came first. Throws
 * what the WebSocket constructor throws (e.g. a malformed URL).
 *
 * @param options See {@link SocketOptions}.
 */
export function connectSocket( options: SocketOptions ): SocketHandle {
	const {
		url,
		namespace,
		auth,
		WebSocket = globalThis.WebSocket,
		onConnect,
		onEvent,
		onRefused,
		onClose,
	} = options;
	const prefix = namespace === '/' ? '' : namespace + ',';
	const ws = new WebSocket( url );
	let connected = false;
	let done = false;
	let timer: ReturnType< typeof setTimeout > | undefined;
	// Engine.IO's defaults (25 s + 20 s) until the open packet says otherwise.
	let heartbeat = 45000;

	// A dead connection (a sleeping laptop, a dropped NAT entry) sends no
	// close frame: it shows as pings that stop arriving.
	const expectWithin = ( ms: number ) => {
		clearTimeout( timer );
		timer = setTimeout( () => end( 'ping timeout' ), ms );
	};

	const end = ( reason?: SocketCloseReason ) => {
		if ( done ) {
			return;
		}
		done = true;
		connected = false;
		clearTimeout( timer );
		ws.close();
		if ( reason ) {
			onClose?.( reason );
		}
	};

	const onSocketPacket = ( packet: string ) => {
		const [ , type, nsp = '/', body = '' ] = PACKET.exec( packet ) ?? [];
		if ( nsp !== namespace ) {
			return;
		}
		let data: unknown;
		try {
			data = body ? JSON.parse( body ) : undefined;
		} catch {
			return;
		}
		if ( type === '0' ) {
			connected = true;
			onConnect?.( data );
		} else if ( type === '2' && connected && Array.isArray( data ) ) {
			onEvent?.( String( data[ 0 ] ), data[ 1 ] );
		} else if ( type === '1' ) {
			end( 'io server disconnect' );
		} else if ( type === '4' ) {
			end();
			const error = ( data ?? {} ) as {
				message?: unknown;
				data?: { code?: unknown };
			};
			const code = error.data?.code;
			onRefused?.(
				typeof code === 'string' ? code : undefined,
				String( error.message ?? '' )
			);
		}
	};

	ws.onmessage = ( event: { data: unknown } ) => {
		if ( done ) {
			return;
		}
		const text = String( event.data );
		const type = text[ 0 ];
		if ( type === '0' ) {
			let open: { pingInterval?: number; pingTimeout?: number } = {};
			try {
				open = JSON.parse( text.slice( 1 ) ) || {};
			} catch {
				// Defaults below.
			}
			heartbeat =
				Number( open.pingInterval ) + Number( open.pingTimeout ) ||
				heartbeat;
			expectWithin( heartbeat );
			ws.send( '40' + prefix + ( auth ? JSON.stringify( auth ) : '' ) );
		} else if ( type === '2' ) {
			expectWithin( heartbeat );
			ws.send( '3' );
		} else if ( type === '1' ) {
			end( 'transport close' );
		} else if ( type === '4' ) {
			onSocketPacket( text.slice( 1 ) );
		}
	};
	ws.onclose = () => end( 'transport close' );
	ws.onerror = () => end( 'transport error' );
	expectWithin( OPEN_TIMEOUT_MS );

	return {
		emit( name, data ) {
			if ( ! connected ) {
				return false;
			}
			ws.send( '42' + prefix + JSON.stringify( [ name, data ] ) );
			return true;
		},
		close: () => end(),
	};
}
