/**
 * Internal dependencies
 */
import { connectSocket, OPEN_TIMEOUT_MS, socketUrl } from '../socket';
import type { SocketOptions } from '../socket';
import { FakeWebSocket, lastSocket, resetSockets } from './fake-web-socket';

const URL = 'ws://sidecar.test/socket.io/?EIO=4&transport=websocket';

function connect( options: Partial< SocketOptions > = {} ) {
	const callbacks = {
		onConnect: jest.fn(),
		onEvent: jest.fn(),
		onRefused: jest.fn(),
		onClose: jest.fn(),
	};
	const handle = connectSocket( {
		url: URL,
		namespace: '/visitor',
		WebSocket: FakeWebSocket,
		...callbacks,
		...options,
	} );
	return { handle, socket: lastSocket(), ...callbacks };
}

beforeEach( () => {
	resetSockets();
	jest.useFakeTimers();
} );

afterEach( () => {
	jest.useRealTimers();
} );

describe( 'socketUrl', () => {
	it.each( [
		[
			'http://127.0.0.1:8787/livedesk-sidecar/',
			'ws://127.0.0.1:8787/livedesk-sidecar/socket.io/?EIO=4&transport=websocket',
		],
		[
			'https://shop.example/livedesk-sidecar',
			'wss://shop.example/livedesk-sidecar/socket.io/?EIO=4&transport=websocket',
		],
		[
			'https://live.shop.example/',
			'wss://live.shop.example/socket.io/?EIO=4&transport=websocket',
		],
	] )( 'maps %s to %s', ( base, expected ) => {
		expect( socketUrl( base ) ).toBe( expected );
	} );
} );

describe( 'connectSocket', () => {
	it( 'opens the URL and joins the namespace with the auth after the open packet', () => {
		const { socket, onConnect } = connect( {
			auth: { id: 'a', page: { path: '/' } },
		} );
		expect( socket.url ).toBe( URL );
		expect( socket.sent ).toEqual( [] );

		socket.receive(
			'0{"sid":"e1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}'
		);
		expect( socket.sent ).toEqual( [
			'40/visitor,{"id":"a","page":{"path":"/"}}',
		] );
		expect( onConnect ).not.toHaveBeenCalled();

		socket.receive( '40/visitor,{"sid":"s1"}' );
		expect( onConnect ).toHaveBeenCalledWith( { sid: 's1' } );
	} );

	it( 'sends no auth object when none is given, and uses no prefix for /', () => {
		const visitor = connect().socket;
		visitor.receive( '0{"pingInterval":25000,"pingTimeout":20000}' );
		expect( visitor.sent ).toEqual( [ '40/visitor,' ] );

		const {
			socket: main,
			handle,
			onConnect,
		} = connect( {
			namespace: '/',
			auth: { a: 1 },
		} );
		main.receive( '0{"pingInterval":25000,"pingTimeout":20000}' );
		expect( main.sent ).toEqual( [ '40{"a":1}' ] );
		main.receive( '40{"sid":"x"}' );
		expect( onConnect ).toHaveBeenCalledWith( { sid: 'x' } );
		handle.emit( 'hi', 1 );
		expect( main.sent[ 1 ] ).toBe( '42["hi",1]' );
	} );

	it( 'emits events only once connected', () => {
		const { socket, handle } = connect();
		expect( handle.emit( 'page:visibility', { visible: false } ) ).toBe(
			false
		);
		socket.accept();
		expect( handle.emit( 'page:visibility', { visible: false } ) ).toBe(
			true
		);
		expect( socket.sent.slice( 1 ) ).toEqual( [
			'42/visitor,["page:visibility",{"visible":false}]',
		] );
	} );

	it( 'delivers server events with their first argument, ignoring ack ids and other namespaces', () => {
		const { socket, onEvent } = connect();
		socket.event( 'early', 1 ); // before the namespace accepted: ignored
		socket.accept();
		socket.receive(
			'42/visitor,["session:ready",{"id":"x","sig":"y","returning":true}]'
		);
		socket.receive( '42/visitor,7["with:ack",2]' );
		socket.receive( '42/agent,["presence:update",{}]' );
		socket.receive( '42["main",3]' );
		socket.receive( '42/visitor,not json' );
		expect( onEvent.mock.calls ).toEqual( [
			[ 'session:ready', { id: 'x', sig: 'y', returning: true } ],
			[ 'with:ack', 2 ],
		] );
	} );

	it( 'answers each ping with a pong', () => {
		const { socket } = connect();
		socket.accept();
		socket.receive( '2' );
		socket.receive( '2' );
		expect( socket.sent.slice( 1 ) ).toEqual( [ '3', '3' ] );
	} );

	it( 'treats the connection as dead when no ping comes within pingInterval + pingTimeout', () => {
		const { socket, onClose } = connect();
		socket.accept( { pingInterval: 1000, pingTimeout: 500 } );
		jest.advanceTimersByTime( 1400 );
		socket.receive( '2' ); // resets the deadline
		jest.advanceTimersByTime( 1400 );
		expect( onClose ).not.toHaveBeenCalled();
		expect( socket.closed ).toBe( false );

		jest.advanceTimersByTime( 100 );
		expect( onClose ).toHaveBeenCalledWith( 'ping timeout' );
		expect( socket.closed ).toBe( true );
	} );

	it( 'gives up when the server never sends its open packet', () => {
		const { socket, onClose } = connect();
		jest.advanceTimersByTime( OPEN_TIMEOUT_MS - 1 );
		expect( onClose ).not.toHaveBeenCalled();
		jest.advanceTimersByTime( 1 );
		expect( onClose ).toHaveBeenCalledWith( 'ping timeout' );
		expect( socket.closed ).toBe( true );
	} );

	it( 'reports a refusal with its code and message, closes, and calls nothing else', () => {
		const { socket, handle, onConnect, onRefused, onClose } = connect();
		socket.receive( '0{"pingInterval":25000,"pingTimeout":20000}' );
		socket.receive(
			'44/visitor,{"message":"Tracking is off","data":{"code":"tracking_off"}}'
		);
		expect( onRefused ).toHaveBeenCalledWith(
			'tracking_off',
			'Tracking is off'
		);
		expect( socket.closed ).toBe( true );
		socket.drop();
		jest.advanceTimersByTime( 60000 );
		expect( onClose ).not.toHaveBeenCalled();
		expect( onConnect ).not.toHaveBeenCalled();
		expect( handle.emit( 'x', 1 ) ).toBe( false );
	} );

	it( 'reports a refusal without a code as undefined', () => {
		const { socket, onRefused } = connect();
		socket.receive( '0{}' );
		socket.receive( '44/visitor,{"message":"Invalid namespace"}' );
		expect( onRefused ).toHaveBeenCalledWith(
			undefined,
			'Invalid namespace'
		);
	} );

	it.each( [
		[
			'the transport closes',
			( s: FakeWebSocket ) => s.drop(),
			'transport close',
		],
		[
			'the transport fails',
			( s: FakeWebSocket ) => s.onerror?.( {} ),
			'transport error',
		],
		[
			'Engine.IO closes',
			( s: FakeWebSocket ) => s.receive( '1' ),
			'transport close',
		],
		[
			'the server disconnects the namespace',
			( s: FakeWebSocket ) => s.receive( '41/visitor,' ),
			'io server disconnect',
		],
	] )( 'calls onClose once when %s', ( _name, end, reason ) => {
		const { socket, handle, onClose } = connect();
		socket.accept();
		end( socket );
		socket.drop();
		expect( onClose ).toHaveBeenCalledTimes( 1 );
		expect( onClose ).toHaveBeenCalledWith( reason );
		expect( socket.closed ).toBe( true );
		expect( handle.emit( 'x', 1 ) ).toBe( false );
	} );

	it( 'calls nothing after close()', () => {
		const { socket, handle, onEvent, onClose } = connect();
		socket.accept( { pingInterval: 100, pingTimeout: 100 } );
		handle.close();
		expect( socket.closed ).toBe( true );
		socket.event( 'session:ready', {} );
		socket.drop();
		jest.advanceTimersByTime( 1000 );
		expect( onEvent ).not.toHaveBeenCalled();
		expect( onClose ).not.toHaveBeenCalled();
		expect( socket.sent ).toEqual( [ '40/visitor,' ] );
	} );
} );
