/**
 * Internal dependencies
 */
import {
	BEEP_GAP_MS,
	desktopPermission,
	isMuted,
	MUTE_STORAGE_KEY,
	playBeep,
	setMuted,
	showDesktopNotification,
	titleWithCount,
} from '../notifications';

class FakeAudioContext {
	static made = 0;
	static tones = 0;
	state = 'running';
	currentTime = 0;
	destination = {};
	constructor() {
		FakeAudioContext.made++;
	}
	createGain() {
		return {
			connect: () => undefined,
			gain: {
				setValueAtTime: () => undefined,
				exponentialRampToValueAtTime: () => undefined,
			},
		};
	}
	createOscillator() {
		FakeAudioContext.tones++;
		return {
			type: '',
			frequency: { setValueAtTime: () => undefined },
			connect: () => undefined,
			start: () => undefined,
			stop: () => undefined,
		};
	}
	resume() {
		return Promise.resolve();
	}
}

describe( 'notifications', () => {
	beforeEach( () => window.localStorage.clear() );

	it( 'puts the unread count in front of the title, once', () => {
		expect( titleWithCount( 'Live Chat ‹ Shop', 3 ) ).toBe(
			'(3) Live Chat ‹ Shop'
		);
		expect( titleWithCount( '(3) Live Chat ‹ Shop', 5 ) ).toBe(
			'(5) Live Chat ‹ Shop'
		);
		expect( titleWithCount( '(5) Live Chat ‹ Shop', 0 ) ).toBe(
			'Live Chat ‹ Shop'
		);
	} );

	it( 'keeps the mute switch in localStorage', () => {
		expect( isMuted() ).toBe( false );
		setMuted( true );
		expect( window.localStorage.getItem( MUTE_STORAGE_KEY ) ).toBe( '1' );
		expect( isMuted() ).toBe( true );
		setMuted( false );
		expect( isMuted() ).toBe( false );
	} );

	it( 'beeps with WebAudio, not when muted, and not twice in a row', () => {
		( window as unknown as { AudioContext: unknown } ).AudioContext =
			FakeAudioContext;
		setMuted( true );
		expect( playBeep( 10_000 ) ).toBe( false );
		setMuted( false );
		expect( playBeep( 20_000 ) ).toBe( true );
		expect( FakeAudioContext.tones ).toBe( 2 );
		expect( playBeep( 20_000 + BEEP_GAP_MS - 1 ) ).toBe( false );
		expect( playBeep( 20_000 + BEEP_GAP_MS ) ).toBe( true );
		expect( FakeAudioContext.made ).toBe( 1 );
		delete ( window as unknown as { AudioContext?: unknown } ).AudioContext;
	} );

	it( 'shows a desktop notification only once permission was granted', () => {
		const made: Array< { title: string; body?: string } > = [];
		class FakeNotification {
			static permission = 'default';
			onclick: ( () => void ) | null = null;
			constructor( title: string, options: { body?: string } ) {
				made.push( { title, body: options.body } );
			}
			close() {}
		}
		( window as unknown as { Notification: unknown } ).Notification =
			FakeNotification;
		expect( desktopPermission() ).toBe( 'default' );
		expect( showDesktopNotification( 'New chat', 'Hi', 'x' ) ).toBe(
			false
		);
		FakeNotification.permission = 'granted';
		expect(
			showDesktopNotification( 'New message from Ada', '<b>hi</b>', 'x' )
		).toBe( true );
		expect( made ).toEqual( [
			{ title: 'New message from Ada', body: '<b>hi</b>' },
		] );
		delete ( window as unknown as { Notification?: unknown } ).Notification;
		expect( desktopPermission() ).toBe( 'unsupported' );
	} );
} );
