/**
 * External dependencies
 */
import '@testing-library/jest-dom';
import { within } from '@testing-library/dom';

/**
 * Internal dependencies
 */
import { boot as bootTracker } from '../../boot';
import type { TrackerWindow } from '../../boot';
import type { ChatHandle, ChatOptions } from '../../chat/types';
import { CONSENT_EVENT, bootLauncher } from '../boot';
import type { LauncherWindow, ScriptLoader } from '../boot';
import { textOn } from '../colors';
import { DEFAULT_LABEL, readLauncherConfig } from '../config';
import { OPEN_FLAG, PANEL_FLAG } from '../flags';

const PAGE = 'https://shop.example/pricing';
const CONFIG = {
	restUrl: 'https://shop.example/wp-json/livedesk/v1/',
	sidecarUrl: 'https://shop.example/livedesk-sidecar/',
	chatUrl:
		'https://shop.example/wp-content/plugins/livedesk/build/widget-chat.js?ver=abc',
	ajaxUrl: 'https://shop.example/wp-admin/admin-ajax.php',
	color: '#ff6600',
	position: 'left',
	label: 'Talk to us',
	consent: false,
};

const win = window as LauncherWindow & TrackerWindow;

/** A chat handle whose calls are recorded. */
type FakeHandle = jest.Mocked< ChatHandle > & { opened: boolean };

function fakeHandle(): FakeHandle {
	const state = { opened: false };
	return Object.assign( state, {
		open: jest.fn( () => {
			state.opened = true;
		} ),
		close: jest.fn( () => {
			state.opened = false;
		} ),
		isOpen: jest.fn( () => state.opened ),
		identify: jest.fn(),
		setData: jest.fn(),
		destroy: jest.fn(),
	} );
}

let handle: FakeHandle;
let mountChat: jest.Mock;
let loader: jest.MockedFunction< ScriptLoader >;

/**
 * A loader that "runs" widget-chat.js: it registers mountChat, then calls done.
 * @param fail Fail the load instead.
 */
function makeLoader( fail = false ) {
	return jest.fn< void, Parameters< ScriptLoader > >(
		( _src, done, failed ) => {
			if ( fail ) {
				failed();
				return;
			}
			win.LiveDesk = Object.assign( win.LiveDesk || {}, { mountChat } );
			done();
		}
	);
}

function launcher() {
	const host = document.getElementById( 'livedesk-chat' );
	const root = host?.shadowRoot as unknown as HTMLElement;
	return { host, root, view: within( root ) };
}

beforeEach( () => {
	localStorage.clear();
	sessionStorage.clear();
	document.body.innerHTML = '';
	delete win.livedeskChat;
	delete win.livedeskTracker;
	delete win.LiveDesk;
	delete win.wp_has_consent;
	handle = fakeHandle();
	mountChat = jest.fn( () => handle );
	loader = makeLoader();
} );

describe( 'readLauncherConfig', () => {
	it( 'reads the printed config', () => {
		expect( readLauncherConfig( CONFIG, PAGE ) ).toEqual( {
			...CONFIG,
			position: 'left',
		} );
	} );

	it( 'resolves relative URLs and keeps only http(s) ones', () => {
		const config = readLauncherConfig(
			{
				...CONFIG,
				restUrl: '/?rest_route=/livedesk/v1/',
				sidecarUrl: '/live/?v=2#x',
				ajaxUrl: 'javascript:alert(1)',
			},
			PAGE
		);
		expect( config ).toMatchObject( {
			restUrl: 'https://shop.example/?rest_route=/livedesk/v1/',
			sidecarUrl: 'https://shop.example/live/',
			ajaxUrl: '',
		} );
		expect(
			readLauncherConfig(
				{ ...CONFIG, chatUrl: 'data:text/javascript,1' },
				PAGE
			)
		).toBeNull();
		expect(
			readLauncherConfig( { ...CONFIG, restUrl: '' }, PAGE )
		).toBeNull();
		expect( readLauncherConfig( undefined, PAGE ) ).toBeNull();
	} );

	it( 'falls back to safe values', () => {
		const config = readLauncherConfig(
			{
				...CONFIG,
				color: 'red;}body{display:none',
				position: 'top',
				label: '  ',
				consent: 'false',
			},
			PAGE
		);
		expect( config ).toMatchObject( {
			color: '#2563eb',
			position: 'right',
			label: DEFAULT_LABEL,
			consent: true,
		} );
	} );

	it( 'picks readable text for the accent colour', () => {
		expect( textOn( '#2563eb' ) ).toBe( '#fff' );
		expect( textOn( '#000' ) ).toBe( '#fff' );
		expect( textOn( '#ffffff' ) ).toBe( '#111' );
		expect( textOn( '#fde047' ) ).toBe( '#111' );
	} );
} );

describe( 'bootLauncher', () => {
	it( 'does nothing without a config', () => {
		bootLauncher( win, loader );
		expect( document.getElementById( 'livedesk-chat' ) ).toBeNull();
		expect( win.LiveDesk ).toBeUndefined();
	} );

	it( 'shows a named button in a shadow root, coloured and placed per the config', () => {
		win.livedeskChat = CONFIG;
		bootLauncher( win, loader );
		const { host, view } = launcher();
		expect( host?.dataset.position ).toBe( 'left' );
		expect( host?.style.getPropertyValue( '--ld-accent' ) ).toBe(
			'#ff6600'
		);
		const button = view.getByRole( 'button', { name: 'Talk to us' } );
		expect( button ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( loader ).not.toHaveBeenCalled();
	} );

	it( 'loads the chat on click and mounts it open in its shadow root', () => {
		win.livedeskChat = CONFIG;
		bootLauncher( win, loader );
		const { root, view } = launcher();
		view.getByRole( 'button', { name: 'Talk to us' } ).click();
		expect( loader ).toHaveBeenCalledWith(
			CONFIG.chatUrl,
			expect.any( Function ),
			expect.any( Function )
		);
		expect( mountChat ).toHaveBeenCalledWith(
			root,
			expect.objectContaining( {
				restUrl: CONFIG.restUrl,
				sidecarUrl: CONFIG.sidecarUrl,
				ajaxUrl: CONFIG.ajaxUrl,
				color: '#ff6600',
				position: 'left',
				open: true,
			} )
		);
		// Loaded once; later clicks toggle the panel.
		handle.opened = true;
		view.getByRole( 'button', { name: 'Talk to us' } ).click();
		expect( handle.close ).toHaveBeenCalled();
		view.getByRole( 'button', { name: 'Talk to us' } ).click();
		expect( handle.open ).toHaveBeenCalled();
		expect( loader ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'queues identify() and setData() until the chat has loaded, then replays them in order', () => {
		win.livedeskChat = CONFIG;
		win.LiveDesk = {
			existing: true,
		} as unknown as LauncherWindow[ 'LiveDesk' ];
		bootLauncher( win, loader );
		expect( ( win.LiveDesk as Record< string, unknown > ).existing ).toBe(
			true
		);
		const identity = { id: 'customer-42', expires: 1, signature: 's' };
		win.LiveDesk?.setData?.( { plan: 'Pro' } );
		win.LiveDesk?.identify?.( identity );
		win.LiveDesk?.setData?.( { seats: 3 } );
		expect( loader ).not.toHaveBeenCalled();

		win.LiveDesk?.open?.();
		expect( handle.setData.mock.calls ).toEqual( [
			[ { plan: 'Pro' } ],
			[ { seats: 3 } ],
		] );
		expect( handle.identify ).toHaveBeenCalledWith( identity );
		const order = [
			...handle.setData.mock.invocationCallOrder,
			...handle.identify.mock.invocationCallOrder,
		].sort( ( a, b ) => a - b );
		expect( order ).toEqual( [
			handle.setData.mock.invocationCallOrder[ 0 ],
			handle.identify.mock.invocationCallOrder[ 0 ],
			handle.setData.mock.invocationCallOrder[ 1 ],
		] );

		win.LiveDesk?.setData?.( { later: 'yes' } );
		expect( handle.setData ).toHaveBeenLastCalledWith( { later: 'yes' } );
		win.LiveDesk?.close?.();
		expect( handle.close ).toHaveBeenCalled();
	} );

	it( 'tries the load again on the next click when it failed', () => {
		win.livedeskChat = CONFIG;
		const failing = makeLoader( true );
		bootLauncher( win, failing );
		const { view } = launcher();
		view.getByRole( 'button' ).click();
		view.getByRole( 'button' ).click();
		expect( failing ).toHaveBeenCalledTimes( 2 );
		expect( mountChat ).not.toHaveBeenCalled();
	} );

	it( 'loads the chat on its own when a conversation is open in this browser', () => {
		win.livedeskChat = CONFIG;
		localStorage.setItem( OPEN_FLAG, '1' );
		bootLauncher( win, loader );
		expect( mountChat ).toHaveBeenCalledWith(
			expect.anything(),
			expect.objectContaining( { open: false } )
		);
	} );

	it( 'reopens a panel left open on the previous page, without taking the focus', () => {
		win.livedeskChat = CONFIG;
		sessionStorage.setItem( PANEL_FLAG, '1' );
		bootLauncher( win, loader );
		expect( mountChat ).toHaveBeenCalledWith(
			expect.anything(),
			expect.objectContaining( { open: true, restored: true } )
		);
	} );

	it( 'lets the chat take the focus when the visitor opened it', () => {
		win.livedeskChat = CONFIG;
		// The script is still loading when the visitor clicks.
		let finish = () => {};
		const slow = jest.fn< void, Parameters< ScriptLoader > >(
			( _src, done ) => {
				finish = () => {
					win.LiveDesk = Object.assign( win.LiveDesk || {}, {
						mountChat,
					} );
					done();
				};
			}
		);
		localStorage.setItem( OPEN_FLAG, '1' );
		bootLauncher( win, slow );
		launcher().view.getByRole( 'button' ).click();
		finish();
		expect( slow ).toHaveBeenCalledTimes( 1 );
		expect( mountChat ).toHaveBeenCalledWith(
			expect.anything(),
			expect.objectContaining( { open: true, restored: false } )
		);
	} );

	it( 'remembers the panel state, shows it on the button and gives focus back', () => {
		win.livedeskChat = CONFIG;
		bootLauncher( win, loader );
		const { root, view } = launcher();
		const button = view.getByRole( 'button', { name: 'Talk to us' } );
		button.click();
		const options = mountChat.mock.calls[ 0 ]?.[ 1 ] as ChatOptions;
		options.onOpenChange?.( true );
		expect( button ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( sessionStorage.getItem( PANEL_FLAG ) ).toBe( '1' );

		// Focus is in the panel (here: an input in the same shadow root).
		const input = document.createElement( 'input' );
		root.append( input );
		input.focus();
		options.onOpenChange?.( false );
		expect( button ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( sessionStorage.getItem( PANEL_FLAG ) ).toBeNull();
		expect( ( root as unknown as ShadowRoot ).activeElement ).toBe(
			button
		);

		options.onUnread?.( 3 );
		expect( view.getByText( '3' ) ).toBeInTheDocument();
		options.onUnread?.( 0 );
		expect( view.queryByText( '3' ) ).toBeNull();
	} );
} );

describe( 'bootLauncher in consent mode', () => {
	beforeEach( () => {
		win.livedeskChat = { ...CONFIG, consent: true };
		localStorage.setItem( OPEN_FLAG, '1' );
	} );

	it( 'connects nothing on its own before consent, but a click is the visitor asking', () => {
		bootLauncher( win, loader );
		expect( loader ).not.toHaveBeenCalled();
		launcher().view.getByRole( 'button' ).click();
		expect( mountChat ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'loads the open conversation after LiveDesk.inject()', () => {
		bootLauncher( win, loader );
		win.LiveDesk?.inject?.();
		win.LiveDesk?.inject?.();
		expect( loader ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'follows the WP Consent API', () => {
		win.wp_has_consent = () => false;
		bootLauncher( win, loader );
		document.dispatchEvent(
			new CustomEvent( CONSENT_EVENT, { detail: { marketing: 'allow' } } )
		);
		expect( loader ).not.toHaveBeenCalled();
		document.dispatchEvent(
			new CustomEvent( CONSENT_EVENT, {
				detail: { statistics: 'allow' },
			} )
		);
		expect( loader ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'counts a consent given before the page loaded', () => {
		win.wp_has_consent = ( category ) => category === 'statistics';
		bootLauncher( win, loader );
		expect( loader ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'shares one LiveDesk.inject() with the tracker, whichever loads first', () => {
		jest.useFakeTimers();
		win.livedeskTracker = { sidecarUrl: CONFIG.sidecarUrl, consent: true };
		const start = jest.fn();
		bootLauncher( win, loader );
		bootTracker( win, start );
		win.LiveDesk?.inject?.();
		jest.runAllTimers();
		expect( loader ).toHaveBeenCalledTimes( 1 );
		expect( start ).toHaveBeenCalledTimes( 1 );

		// The other order.
		document.body.innerHTML = '';
		delete win.LiveDesk;
		const loader2 = makeLoader();
		const start2 = jest.fn();
		bootTracker( win, start2 );
		bootLauncher( win, loader2 );
		( win as LauncherWindow ).LiveDesk?.inject?.();
		jest.runAllTimers();
		expect( loader2 ).toHaveBeenCalledTimes( 1 );
		expect( start2 ).toHaveBeenCalledTimes( 1 );
		jest.useRealTimers();
	} );
} );
