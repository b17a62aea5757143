/**
 * Internal dependencies
 */
import { IDENTITY_KEY } from '../identity';
import { NAVIGATION_SETTLE_MS, STABLE_MS, startTracker } from '../tracking';
import type { Tracker } from '../tracking';
import {
	FakeWebSocket,
	lastSocket,
	resetSockets,
	sockets,
} from './fake-web-socket';

const SIDECAR = 'https://shop.example/livedesk-sidecar/';
const ID = 'fedcba9876543210fedcba9876543210';
const SIG = 'z'.repeat( 43 );
const ORIGINAL_PUSH = window.history.pushState;
const ORIGINAL_REPLACE = window.history.replaceState;

let tracker: Tracker | undefined;
let visibility: jest.SpyInstance;

function start( random = () => 0.5 ) {
	tracker = startTracker( {
		sidecarUrl: SIDECAR,
		win: window,
		WebSocket: FakeWebSocket,
		random,
	} );
	return lastSocket();
}

function setVisibility( state: DocumentVisibilityState ) {
	visibility.mockReturnValue( state );
	document.dispatchEvent( new Event( 'visibilitychange' ) );
}

function pageShow( persisted: boolean ) {
	const event = new Event( 'pageshow' );
	Object.defineProperty( event, 'persisted', { value: persisted } );
	window.dispatchEvent( event );
}

beforeEach( () => {
	jest.useFakeTimers();
	resetSockets();
	window.localStorage.clear();
	ORIGINAL_REPLACE.call( window.history, null, '', '/pricing?utm=x#plans' );
	document.title = 'Pricing';
	visibility = jest
		.spyOn( document, 'visibilityState', 'get' )
		.mockReturnValue( 'visible' );
} );

afterEach( () => {
	tracker?.stop();
	tracker = undefined;
	jest.restoreAllMocks();
	jest.useRealTimers();
} );

describe( 'startTracker', () => {
	it( 'connects to /visitor with the current page in the handshake auth', () => {
		const socket = start();
		expect( socket.url ).toBe(
			'wss://shop.example/livedesk-sidecar/socket.io/?EIO=4&transport=websocket'
		);
		socket.accept();
		expect( socket.auth() ).toEqual( {
			page: {
				path: '/pricing',
				title: 'Pricing',
				referrer: '',
				language: navigator.language,
				timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
				visible: true,
			},
		} );
		expect( socket.events() ).toEqual( [] );
	} );

	it( 'sends the referrer of the first page only, and never this site', () => {
		const referrer = jest.spyOn( document, 'referrer', 'get' );
		referrer.mockReturnValue( 'https://search.example/results?q=shoes' );
		let socket = start();
		socket.accept();
		expect( socket.auth() ).toMatchObject( {
			page: { referrer: 'https://search.example/results' },
		} );
		window.history.pushState( null, '', '/next' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toMatchObject( [
			[
				'page:view',
				{ path: '/next', referrer: 'https://search.example/results' },
			],
		] );
		tracker?.stop();

		referrer.mockReturnValue( `${ window.location.origin }/shop?x=1` );
		socket = start();
		socket.accept();
		expect( socket.auth() ).toMatchObject( { page: { referrer: '' } } );
	} );

	it( 'sends a stripped page:view on pushState, replaceState and popstate', () => {
		const socket = start();
		socket.accept();

		window.history.pushState( { a: 1 }, '', '/shop/shoes?q=1#x' );
		document.title = 'Shoes';
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		window.history.replaceState( null, '', '/shop/boots#y' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		// Back: the browser moves location, then fires popstate.
		ORIGINAL_REPLACE.call( window.history, null, '', '/shop/shoes?q=1' );
		window.dispatchEvent( new PopStateEvent( 'popstate' ) );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );

		const views = socket
			.events()
			.map(
				( event ) =>
					event as [ string, { path: string; title: string } ]
			)
			.map( ( [ name, view ] ) => [ name, view.path, view.title ] );
		expect( views ).toEqual( [
			[ 'page:view', '/shop/shoes', 'Shoes' ],
			[ 'page:view', '/shop/boots', 'Shoes' ],
			[ 'page:view', '/shop/shoes', 'Shoes' ],
		] );
		expect( socket.sent.join( '\n' ) ).not.toMatch( /q=1|#x|#y/ );
	} );

	it( 'reads the title after the navigation settles and skips unchanged pages', () => {
		const socket = start();
		socket.accept();

		window.history.pushState( null, '', '/about' );
		document.title = 'About us'; // set by the app after pushState
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toMatchObject( [
			[ 'page:view', { path: '/about', title: 'About us' } ],
		] );

		// Same path after stripping, same title: nothing new.
		window.history.replaceState( null, '', '/about?tab=2' );
		window.history.pushState( null, '', '/about#team' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toHaveLength( 1 );

		// Same path, new title: a view.
		document.title = 'About us – team';
		window.history.replaceState( null, '', '/about' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toHaveLength( 2 );
	} );

	it( 'coalesces a burst of history changes into one view', () => {
		const socket = start();
		socket.accept();
		window.history.pushState( null, '', '/a' );
		window.history.replaceState( null, '', '/b' );
		window.history.pushState( null, '', '/c' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toMatchObject( [
			[ 'page:view', { path: '/c' } ],
		] );
	} );

	it( 'sends page:visibility when the tab is hidden and shown', () => {
		const socket = start();
		socket.accept();
		setVisibility( 'hidden' );
		setVisibility( 'hidden' );
		setVisibility( 'visible' );
		expect( socket.events() ).toEqual( [
			[ 'page:visibility', { visible: false } ],
			[ 'page:visibility', { visible: true } ],
		] );
	} );

	it( 'catches up after the handshake with what changed meanwhile', () => {
		const socket = start();
		socket.receive( '0{"pingInterval":25000,"pingTimeout":20000}' );
		window.history.pushState( null, '', '/checkout' );
		jest.advanceTimersByTime( NAVIGATION_SETTLE_MS );
		expect( socket.events() ).toEqual( [] );

		socket.receive( '40/visitor,{"sid":"s1"}' );
		expect( socket.events() ).toMatchObject( [
			[ 'page:view', { path: '/checkout' } ],
		] );
	} );

	it( 'stores the identity from session:ready and presents it on the next connection', () => {
		let socket = start();
		socket.accept();
		socket.event( 'session:ready', { id: ID, sig: SIG, returning: false } );
		expect(
			JSON.parse( window.localStorage.getItem( IDENTITY_KEY ) ?? '' )
		).toEqual( { id: ID, sig: SIG } );

		socket.drop();
		jest.advanceTimersByTime( 1000 );
		socket = lastSocket();
		expect( sockets ).toHaveLength( 2 );
		socket.accept();
		expect( socket.auth() ).toMatchObject( { id: ID, sig: SIG } );

		// A new page load presents it too.
		tracker?.stop();
		socket = start();
		socket.accept();
		expect( socket.auth() ).toMatchObject( {
			id: ID,
			sig: SIG,
			page: { path: '/pricing' },
		} );
	} );

	it( 'keeps the identity in memory when storage throws', () => {
		jest.spyOn( Storage.prototype, 'getItem' ).mockImplementation( () => {
			throw new DOMException( 'blocked', 'SecurityError' );
		} );
		jest.spyOn( Storage.prototype, 'setItem' ).mockImplementation( () => {
			throw new DOMException( 'blocked', 'SecurityError' );
		} );
		let socket = start();
		socket.accept();
		expect( socket.auth() ).not.toHaveProperty( 'id' );
		socket.event( 'session:ready', { id: ID, sig: SIG, returning: false } );
		socket.drop();
		jest.advanceTimersByTime( 1000 );
		socket = lastSocket();
		socket.accept();
		expect( socket.auth() ).toMatchObject( { id: ID, sig: SIG } );
	} );

	it( 'reconnects with growing, jittered delays and resets after a stable connection', () => {
		const random = jest.fn( () => 0.5 );
		start( random );
		const opened = () => sockets.length;

		// Failures at attempts 0, 1, 2: waits of 500, 1000, 2000 ms.
		for ( const wait of [ 500, 1000, 2000 ] ) {
			lastSocket().drop();
			jest.advanceTimersByTime( wait - 1 );
			const before = opened();
			jest.advanceTimersByTime( 1 );
			expect( opened() ).toBe( before + 1 );
		}
		expect( random ).toHaveBeenCalledTimes( 3 );

		// A connection that stays up resets the backoff.
		lastSocket().accept();
		jest.advanceTimersByTime( STABLE_MS );
		lastSocket().drop();
		const before = opened();
		jest.advanceTimersByTime( 500 );
		expect( opened() ).toBe( before + 1 );

		// One that drops at once does not.
		lastSocket().accept();
		lastSocket().drop();
		jest.advanceTimersByTime( 999 );
		expect( opened() ).toBe( before + 1 );
		jest.advanceTimersByTime( 1 );
		expect( opened() ).toBe( before + 2 );
	} );

	it( 'caps the delay at 30 s', () => {
		start( () => 0.999 );
		for ( let attempt = 0; attempt < 10; attempt++ ) {
			lastSocket().accept();
			lastSocket().drop();
			jest.advanceTimersToNextTimer(); // the reconnection
		}
		expect( sockets ).toHaveLength( 11 );
		lastSocket().accept();
		lastSocket().drop();
		jest.advanceTimersByTime( 29969 );
		expect( sockets ).toHaveLength( 11 );
		jest.advanceTimersByTime( 1 ); // 0.999 × 30 000
		expect( sockets ).toHaveLength( 12 );
	} );

	it( 'retries after a refusal that may pass, such as server_not_ready', () => {
		const socket = start();
		socket.receive( '0{}' );
		socket.receive(
			'44/visitor,{"message":"starting","data":{"code":"server_not_ready"}}'
		);
		jest.advanceTimersByTime( 500 );
		expect( sockets ).toHaveLength( 2 );
	} );

	it.each( [ 'tracking_off', 'origin_not_allowed' ] )(
		'stops for good when the handshake is refused with %s',
		( code ) => {
			const socket = start();
			socket.receive( '0{}' );
			socket.receive(
				`44/visitor,{"message":"no","data":{"code":"${ code }"}}`
			);
			expect( socket.closed ).toBe( true );
			jest.advanceTimersByTime( 10 * 60 * 1000 );
			window.history.pushState( null, '', '/more' );
			setVisibility( 'hidden' );
			pageShow( true );
			jest.advanceTimersByTime( 60000 );
			expect( sockets ).toHaveLength( 1 );
			expect( window.history.pushState ).toBe( ORIGINAL_PUSH );
		}
	);

	it( 'stops for good on session:error tracking_off, not on invalid_payload', () => {
		const socket = start();
		socket.accept();
		socket.event( 'session:error', {
			code: 'invalid_payload',
			message: 'bad',
		} );
		expect( socket.closed ).toBe( false );
		socket.event( 'session:error', {
			code: 'tracking_off',
			message: 'Tracking was turned off',
		} );
		expect( socket.closed ).toBe( true );
		socket.drop();
		jest.advanceTimersByTime( 10 * 60 * 1000 );
		expect( sockets ).toHaveLength( 1 );
	} );

	it( 'closes on pagehide and reconnects when restored from the back/forward cache', () => {
		const socket = start();
		socket.accept();
		window.dispatchEvent( new Event( 'pagehide' ) );
		expect( socket.closed ).toBe( true );
		jest.advanceTimersByTime( 60000 );
		expect( sockets ).toHaveLength( 1 );

		pageShow( false ); // a first load, not a restore
		expect( sockets ).toHaveLength( 1 );
		pageShow( true );
		expect( sockets ).toHaveLength( 2 );
		pageShow( true ); // already connecting
		expect( sockets ).toHaveLength( 2 );
	} );

	it( 'stops on a WebSocket constructor that throws', () => {
		const Throwing = function () {
			throw new SyntaxError( 'bad URL' );
		} as unknown as typeof FakeWebSocket;
		tracker = startTracker( {
			sidecarUrl: SIDECAR,
			win: window,
			WebSocket: Throwing,
		} );
		jest.advanceTimersByTime( 60000 );
		expect( window.history.pushState ).toBe( ORIGINAL_PUSH );
	} );

	it( 'stop() closes, removes its listeners and restores history', () => {
		const socket = start();
		socket.accept();
		expect( window.history.pushState ).not.toBe( ORIGINAL_PUSH );
		tracker?.stop();
		expect( socket.closed ).toBe( true );
		expect( window.history.pushState ).toBe( ORIGINAL_PUSH );
		expect( window.history.replaceState ).toBe( ORIGINAL_REPLACE );
		setVisibility( 'hidden' );
		pageShow( true );
		jest.advanceTimersByTime( 60000 );
		expect( sockets ).toHaveLength( 1 );
		expect( socket.events() ).toEqual( [] );
	} );
} );
