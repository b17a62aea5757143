/**
 * The tracker and the chat panel of one page share one visitor identity, even
 * on a first visit when both connect before either has one (the visitor
 * clicks the launcher while the tracker's handshake is under way).
 */

/**
 * Internal dependencies
 */
import { mountChat } from '../chat/mount';
import type { ChatHandle } from '../chat/types';
import { AJAX, REST, createFakeRest } from '../chat/test/fake-rest';
import { IDENTITY_KEY, IDENTITY_WAIT_MS } from '../identity';
import { startTracker } from '../tracking';
import type { Tracker } from '../tracking';
import { FakeWebSocket, resetSockets, sockets } from './fake-web-socket';

const SIDECAR = 'https://shop.example/livedesk-sidecar/';
const FIRST = { id: '1'.repeat( 32 ), sig: 'a'.repeat( 43 ) };
const SECOND = { id: '2'.repeat( 32 ), sig: 'b'.repeat( 43 ) };

let tracker: Tracker | undefined;
let chat: ChatHandle | undefined;

function startBoth( chatFirst = false ) {
	const rest = createFakeRest();
	const startChat = () => {
		const host = document.createElement( 'div' );
		document.body.append( host );
		chat = mountChat( host, {
			restUrl: REST,
			ajaxUrl: AJAX,
			sidecarUrl: SIDECAR,
			WebSocket: FakeWebSocket,
			fetch: rest.fetch,
			random: () => 0,
		} );
	};
	const startTracking = () => {
		tracker = startTracker( {
			sidecarUrl: SIDECAR,
			win: window,
			WebSocket: FakeWebSocket,
			random: () => 0.5,
		} );
	};
	if ( chatFirst ) {
		startChat();
		startTracking();
	} else {
		startTracking();
		startChat();
	}
}

const idOf = ( socket: FakeWebSocket ) =>
	( socket.auth() as { id?: string } | undefined )?.id;

beforeEach( () => {
	jest.useFakeTimers();
	resetSockets();
	window.localStorage.clear();
	window.sessionStorage.clear();
} );

afterEach( () => {
	tracker?.stop();
	chat?.destroy();
	tracker = chat = undefined;
	document.body.innerHTML = '';
	jest.useRealTimers();
} );

describe.each( [
	[ 'the tracker', false ],
	[ 'the chat', true ],
] )( 'when %s connects first on a first visit', ( _, chatFirst ) => {
	it( 'the other waits for its identity and connects with it', () => {
		startBoth( chatFirst );
		// One handshake without an identity goes out; the other waits.
		expect( sockets ).toHaveLength( 1 );
		const first = sockets[ 0 ] as FakeWebSocket;
		first.accept();
		expect( idOf( first ) ).toBeUndefined();
		first.event( 'session:ready', { ...FIRST, returning: false } );

		jest.advanceTimersByTime( 200 );
		expect( sockets ).toHaveLength( 2 );
		const second = sockets[ 1 ] as FakeWebSocket;
		second.accept();
		expect( idOf( second ) ).toBe( FIRST.id );
		expect(
			JSON.parse( window.localStorage.getItem( IDENTITY_KEY ) ?? '' )
		).toEqual( FIRST );
	} );

	it( 'the other connects without one when none comes in time', () => {
		startBoth( chatFirst );
		expect( sockets ).toHaveLength( 1 );
		jest.advanceTimersByTime( IDENTITY_WAIT_MS + 200 );
		expect( sockets.length ).toBeGreaterThanOrEqual( 2 );
		const second = sockets[ 1 ] as FakeWebSocket;
		second.accept();
		expect( idOf( second ) ).toBeUndefined();
		// What the sidecar gives that one is kept, like before.
		second.event( 'session:ready', { ...SECOND, returning: false } );
		expect(
			JSON.parse( window.localStorage.getItem( IDENTITY_KEY ) ?? '' )
		).toEqual( SECOND );
	} );
} );

it( 'neither waits when an identity is stored', () => {
	window.localStorage.setItem( IDENTITY_KEY, JSON.stringify( FIRST ) );
	startBoth();
	expect( sockets ).toHaveLength( 2 );
	sockets.forEach( ( socket ) => {
		socket.accept();
		expect( idOf( socket ) ).toBe( FIRST.id );
	} );
} );
