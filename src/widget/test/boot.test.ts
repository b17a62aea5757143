/**
 * Internal dependencies
 */
import {
	IDLE_TIMEOUT_MS,
	boot,
	readTrackerConfig,
	whenLoadedAndIdle,
} from '../boot';
import type { TrackerWindow } from '../boot';
import { startTracker } from '../tracking';
import type { Tracker, TrackerOptions } from '../tracking';
import { FakeWebSocket, resetSockets, sockets } from './fake-web-socket';

const PAGE = 'https://shop.example/pricing';
const SIDECAR = 'https://shop.example/livedesk-sidecar/';

const win = window as TrackerWindow;
let trackers: Tracker[] = [];

/** A start function that runs the real tracker on fake WebSockets. */
const start = jest.fn( ( options: TrackerOptions ) => {
	const tracker = startTracker( { ...options, WebSocket: FakeWebSocket } );
	trackers.push( tracker );
	return tracker;
} );

beforeEach( () => {
	jest.useFakeTimers();
	resetSockets();
	start.mockClear();
	delete win.livedeskTracker;
	delete win.LiveDesk;
} );

afterEach( () => {
	trackers.forEach( ( tracker ) => tracker.stop() );
	trackers = [];
	jest.restoreAllMocks();
	jest.useRealTimers();
} );

describe( 'readTrackerConfig', () => {
	it( 'reads the printed config', () => {
		expect(
			readTrackerConfig( { sidecarUrl: SIDECAR, consent: false }, PAGE )
		).toEqual( { sidecarUrl: SIDECAR, consent: false } );
		expect(
			readTrackerConfig(
				{
					sidecarUrl: 'http://127.0.0.1:8787/livedesk-sidecar/',
					consent: true,
				},
				PAGE
			)
		).toEqual( {
			sidecarUrl: 'http://127.0.0.1:8787/livedesk-sidecar/',
			consent: true,
		} );
	} );

	it( 'resolves a relative URL and drops its query and fragment', () => {
		expect(
			readTrackerConfig(
				{ sidecarUrl: '/live/?v=2#x', consent: false },
				PAGE
			)
		).toEqual( {
			sidecarUrl: 'https://shop.example/live/',
			consent: false,
		} );
	} );

	it( 'turns consent mode off only for a literal false', () => {
		for ( const consent of [ true, undefined, 0, 'false', null ] ) {
			expect(
				readTrackerConfig( { sidecarUrl: SIDECAR, consent }, PAGE )
					?.consent
			).toBe( true );
		}
	} );

	it.each( [
		[ 'absent', undefined ],
		[ 'null', null ],
		[ 'a string', SIDECAR ],
		[ 'without sidecarUrl', { consent: false } ],
		[ 'with an empty sidecarUrl', { sidecarUrl: '', consent: false } ],
		[ 'with a non-string sidecarUrl', { sidecarUrl: 42, consent: false } ],
		[
			'with a javascript: URL',
			{ sidecarUrl: 'javascript:alert(1)', consent: false },
		],
		[
			'with an unparsable URL',
			{ sidecarUrl: 'http://[::1', consent: false },
		],
	] )( 'is null when the config is %s', ( _name, raw ) => {
		expect( readTrackerConfig( raw, PAGE ) ).toBeNull();
	} );
} );

describe( 'whenLoadedAndIdle', () => {
	it( 'waits for load, then for an idle moment with a timeout', () => {
		jest.spyOn( document, 'readyState', 'get' ).mockReturnValue(
			'loading'
		);
		const idle = jest.fn();
		win.requestIdleCallback = idle;
		const run = jest.fn();

		whenLoadedAndIdle( win, run );
		expect( idle ).not.toHaveBeenCalled();
		window.dispatchEvent( new Event( 'load' ) );
		expect( idle ).toHaveBeenCalledWith( run, {
			timeout: IDLE_TIMEOUT_MS,
		} );
		expect( run ).not.toHaveBeenCalled();
		// @ts-expect-error jsdom has no requestIdleCallback of its own.
		delete win.requestIdleCallback;
	} );

	it( 'falls back to a timer without requestIdleCallback, at once when loaded', () => {
		expect( document.readyState ).toBe( 'complete' );
		const run = jest.fn();
		whenLoadedAndIdle( win, run );
		expect( run ).not.toHaveBeenCalled();
		jest.runAllTimers();
		expect( run ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'boot', () => {
	it( 'does nothing without a config', () => {
		boot( win, start );
		jest.runAllTimers();
		expect( start ).not.toHaveBeenCalled();
		expect( win.LiveDesk ).toBeUndefined();
		expect( sockets ).toHaveLength( 0 );
	} );

	it( 'starts tracking after load and idle when consent mode is off', () => {
		win.livedeskTracker = { sidecarUrl: SIDECAR, consent: false };
		boot( win, start );
		expect( sockets ).toHaveLength( 0 );
		jest.runOnlyPendingTimers();
		expect( start ).toHaveBeenCalledWith( { sidecarUrl: SIDECAR, win } );
		expect( sockets ).toHaveLength( 1 );
		expect( sockets[ 0 ]?.url ).toBe(
			'wss://shop.example/livedesk-sidecar/socket.io/?EIO=4&transport=websocket'
		);
	} );

	it( 'connects nothing in consent mode until LiveDesk.inject()', () => {
		win.livedeskTracker = { sidecarUrl: SIDECAR, consent: true };
		boot( win, start );
		jest.advanceTimersByTime( 60000 );
		expect( start ).not.toHaveBeenCalled();
		expect( sockets ).toHaveLength( 0 );

		const api = win.LiveDesk as { inject: () => void };
		api.inject();
		api.inject();
		jest.runOnlyPendingTimers();
		expect( start ).toHaveBeenCalledTimes( 1 );
		expect( sockets ).toHaveLength( 1 );
		api.inject();
		jest.runOnlyPendingTimers();
		expect( sockets ).toHaveLength( 1 );
	} );

	it( 'merges inject() into a LiveDesk object the site made first', () => {
		const identify = jest.fn();
		const existing = { identify, version: 'site' };
		win.LiveDesk = existing;
		win.livedeskTracker = { sidecarUrl: SIDECAR, consent: true };
		boot( win, start );
		expect( win.LiveDesk ).toBe( existing );
		expect( win.LiveDesk ).toEqual( {
			identify,
			version: 'site',
			inject: expect.any( Function ),
		} );
	} );

	it( 'makes inject() harmless when consent mode is off', () => {
		win.livedeskTracker = { sidecarUrl: SIDECAR, consent: false };
		boot( win, start );
		( win.LiveDesk as { inject: () => void } ).inject();
		jest.runOnlyPendingTimers();
		expect( start ).toHaveBeenCalledTimes( 1 );
	} );

	describe( 'with the WP Consent API', () => {
		type ConsentWin = TrackerWindow & {
			wp_has_consent?: ( category: string ) => boolean;
		};

		afterEach( () => {
			delete ( win as ConsentWin ).wp_has_consent;
		} );

		it( 'starts when the statistics category is already granted', () => {
			( win as ConsentWin ).wp_has_consent = ( category ) =>
				category === 'statistics';
			win.livedeskTracker = { sidecarUrl: SIDECAR, consent: true };
			boot( win, start );
			jest.runOnlyPendingTimers();
			expect( start ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'waits for a grant of statistics, ignoring other categories and denials', () => {
			( win as ConsentWin ).wp_has_consent = () => false;
			win.livedeskTracker = { sidecarUrl: SIDECAR, consent: true };
			boot( win, start );
			const change = ( detail: Record< string, string > ) =>
				document.dispatchEvent(
					new CustomEvent( 'wp_listen_for_consent_change', {
						detail,
					} )
				);
			change( { marketing: 'allow' } );
			change( { statistics: 'deny' } );
			jest.runOnlyPendingTimers();
			expect( start ).not.toHaveBeenCalled();
			change( { statistics: 'allow' } );
			jest.runOnlyPendingTimers();
			// Boots of earlier tests listen on the same document too.
			expect( start ).toHaveBeenCalled();
		} );
	} );
} );
