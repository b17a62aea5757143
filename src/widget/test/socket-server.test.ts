/*
 * @jest-environment node
 *
 * The widget's socket.io client against a real socket.io server (the version
 * the sidecar runs), over real WebSockets from the `ws` package. (A plain
 * block comment: jest reads the pragma, JSDoc lint does not.)
 */

/* eslint-disable import/no-extraneous-dependencies -- socket.io and ws are the sidecar's dependencies, installed at the root by the npm workspace. */

/**
 * External dependencies
 */
import { createServer } from 'node:http';
import {
	createServer as createTcpServer,
	connect as tcpConnect,
} from 'node:net';
import type { AddressInfo, Server as TcpServer } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import WebSocket from 'ws';

/**
 * Internal dependencies
 */
import { connectSocket, socketUrl } from '../socket';
import type { SocketHandle, SocketOptions } from '../socket';

// Frequent pings; a generous timeout so a busy test machine does not flake.
const PING_INTERVAL = 50;
const PING_TIMEOUT = 500;

let io: Server;
let baseUrl: string;
let relay: TcpServer | undefined;
const handles: SocketHandle[] = [];

beforeEach( async () => {
	const http = createServer();
	io = new Server( http, {
		path: '/livedesk-sidecar/socket.io',
		pingInterval: PING_INTERVAL,
		pingTimeout: PING_TIMEOUT,
	} );
	io.of( '/visitor' );
	await new Promise< void >( ( resolve ) =>
		http.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = http.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${ port }/livedesk-sidecar/`;
} );

afterEach( async () => {
	handles.splice( 0 ).forEach( ( handle ) => handle.close() );
	relay?.close();
	relay = undefined;
	await io.close();
} );

/**
 * Connects the widget client; resolves with the handle once accepted.
 * @param options
 */
function connect( options: Partial< SocketOptions > = {} ) {
	const onClose = jest.fn();
	const onEvent = jest.fn();
	const connected = new Promise< SocketHandle >( ( resolve, reject ) => {
		const handle = connectSocket( {
			url: socketUrl( baseUrl ),
			namespace: '/visitor',
			WebSocket,
			onConnect: () => resolve( handle ),
			onRefused: ( code, message ) =>
				reject( Object.assign( new Error( message ), { code } ) ),
			onEvent,
			onClose,
			...options,
		} );
		handles.push( handle );
	} );
	return { connected, onClose, onEvent };
}

function nextServerSocket(): Promise< Socket > {
	return new Promise( ( resolve ) =>
		io.of( '/visitor' ).once( 'connection', resolve )
	);
}

function wait( ms: number ) {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}

const PAGE = {
	path: '/pricing',
	title: 'Pricing',
	referrer: 'https://search.example/',
	language: 'en-GB',
	timezone: 'Europe/London',
	visible: true,
};

describe( 'connectSocket against socket.io', () => {
	it( 'presents the handshake auth and receives session:ready', async () => {
		const serverSocket = nextServerSocket();
		const auth = {
			id: 'a'.repeat( 32 ),
			sig: 'b'.repeat( 43 ),
			page: PAGE,
		};
		const { connected, onEvent } = connect( { auth } );
		const server = await serverSocket;
		expect( server.handshake.auth ).toEqual( auth );

		await connected;
		const ready = {
			id: 'c'.repeat( 32 ),
			sig: 'd'.repeat( 43 ),
			returning: false,
		};
		server.emit( 'session:ready', ready );
		await wait( 50 );
		expect( onEvent ).toHaveBeenCalledWith( 'session:ready', ready );
	} );

	it( 'delivers emitted events with their payloads', async () => {
		const serverSocket = nextServerSocket();
		const { connected } = connect();
		const server = await serverSocket;
		const handle = await connected;

		const received: unknown[] = [];
		const both = new Promise< void >( ( resolve ) => {
			server.on( 'page:view', ( view ) =>
				received.push( [ 'page:view', view ] )
			);
			server.on( 'page:visibility', ( change ) => {
				received.push( [ 'page:visibility', change ] );
				resolve();
			} );
		} );
		expect( handle.emit( 'page:view', PAGE ) ).toBe( true );
		expect( handle.emit( 'page:visibility', { visible: false } ) ).toBe(
			true
		);
		await both;
		expect( received ).toEqual( [
			[ 'page:view', PAGE ],
			[ 'page:visibility', { visible: false } ],
		] );
	} );

	it( 'answers the server pings and stays connected over many intervals', async () => {
		const serverSocket = nextServerSocket();
		const { connected, onClose } = connect();
		const server = await serverSocket;
		const handle = await connected;
		let pongs = 0;
		server.conn.on( 'packet', ( packet: { type: string } ) => {
			if ( packet.type === 'pong' ) {
				pongs++;
			}
		} );
		const disconnected = jest.fn();
		server.on( 'disconnect', disconnected );

		// Twice the client's own deadline (pingInterval + pingTimeout): it
		// survives only because each ping moves that deadline.
		await wait( ( PING_INTERVAL + PING_TIMEOUT ) * 2 );
		expect( pongs ).toBeGreaterThanOrEqual( 8 );
		expect( disconnected ).not.toHaveBeenCalled();
		expect( onClose ).not.toHaveBeenCalled();

		const view = new Promise( ( resolve ) =>
			server.on( 'page:view', resolve )
		);
		handle.emit( 'page:view', PAGE );
		await expect( view ).resolves.toEqual( PAGE );
	} );

	it( 'reports a middleware refusal with its code', async () => {
		io.of( '/visitor' ).use( ( _socket, next ) =>
			next(
				Object.assign( new Error( 'no' ), {
					data: { code: 'tracking_off' },
				} )
			)
		);
		const { connected, onClose } = connect();
		await expect( connected ).rejects.toMatchObject( {
			message: 'no',
			code: 'tracking_off',
		} );
		await wait( 50 );
		expect( onClose ).not.toHaveBeenCalled();
	} );

	it( 'can present an Origin header from Node through a WebSocket subclass', async () => {
		// The sidecar admits /visitor only from allowed origins; Node clients
		// (tests, load generators) say where they come from like this.
		io.of( '/visitor' ).use( ( socket, next ) =>
			socket.handshake.headers.origin === 'https://shop.example'
				? next()
				: next(
						Object.assign( new Error( 'origin' ), {
							data: { code: 'origin_not_allowed' },
						} )
					)
		);
		await expect( connect().connected ).rejects.toMatchObject( {
			code: 'origin_not_allowed',
		} );

		class ShopWebSocket extends WebSocket {
			constructor( url: string ) {
				super( url, { origin: 'https://shop.example' } );
			}
		}
		await expect(
			connect( { WebSocket: ShopWebSocket } ).connected
		).resolves.toBeDefined();
	} );

	it( 'reports the end of the connection when the server disconnects it', async () => {
		const serverSocket = nextServerSocket();
		const { connected, onClose } = connect();
		const server = await serverSocket;
		await connected;
		const closed = new Promise( ( resolve ) =>
			onClose.mockImplementation( resolve )
		);
		server.disconnect( true );
		await expect( closed ).resolves.toBe( 'io server disconnect' );
	} );

	it( 'reports a ping timeout when the network goes silent', async () => {
		// A TCP relay that can stop carrying bytes, like a dropped NAT entry:
		// no close frame, no error, just silence.
		const { port } = new URL( baseUrl );
		let silent = false;
		relay = createTcpServer( ( client ) => {
			const upstream = tcpConnect( Number( port ), '127.0.0.1' );
			client.on( 'data', ( chunk ) => silent || upstream.write( chunk ) );
			upstream.on( 'data', ( chunk ) => silent || client.write( chunk ) );
			client.on( 'error', () => upstream.destroy() );
			upstream.on( 'error', () => client.destroy() );
		} );
		const relayed = relay;
		await new Promise< void >( ( resolve ) =>
			relayed.listen( 0, '127.0.0.1', resolve )
		);
		const relayPort = ( relayed.address() as AddressInfo ).port;
		baseUrl = `http://127.0.0.1:${ relayPort }/livedesk-sidecar/`;

		const { connected, onClose } = connect();
		await connected;
		const closed = new Promise( ( resolve ) =>
			onClose.mockImplementation( resolve )
		);
		await wait( ( PING_INTERVAL + PING_TIMEOUT ) * 2 );
		expect( onClose ).not.toHaveBeenCalled();

		silent = true;
		await expect( closed ).resolves.toBe( 'ping timeout' );
	} );
} );
