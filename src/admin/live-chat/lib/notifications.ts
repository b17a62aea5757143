/**
 * How the Live Chat screen gets an agent's attention: a short beep made with
 * WebAudio (nothing is fetched), a desktop notification once the agent has
 * allowed them (asked only from a button), and the unread count in the page
 * title. The mute switch is kept in localStorage, per browser.
 */

/** localStorage key of the sound switch ('1' = muted). */
export const MUTE_STORAGE_KEY = 'livedesk.chat.muted';

/** Beeps closer together than this are merged into one. */
export const BEEP_GAP_MS = 1500;

/** Whether the agent muted the sound in this browser. */
export function isMuted(): boolean {
	try {
		return window.localStorage.getItem( MUTE_STORAGE_KEY ) === '1';
	} catch {
		return false;
	}
}

/**
 * Mutes or unmutes the sound in this browser.
 *
 * @param muted Whether to mute.
 */
export function setMuted( muted: boolean ): void {
	try {
		if ( muted ) {
			window.localStorage.setItem( MUTE_STORAGE_KEY, '1' );
		} else {
			window.localStorage.removeItem( MUTE_STORAGE_KEY );
		}
	} catch {
		// Storage blocked: the switch lasts for this page only.
	}
}

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;
let lastBeep = -Infinity;

function audioContextClass(): AudioContextClass | null {
	const scope = window as unknown as {
		AudioContext?: AudioContextClass;
		webkitAudioContext?: AudioContextClass;
	};
	return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

/**
 * Plays a short two-tone beep, unless muted or one just played. Browsers
 * allow sound only after the agent interacted with the page; before that it
 * stays silent, without an error.
 *
 * @param now Current time (ms).
 * @return Whether a beep was started.
 */
export function playBeep( now: number = Date.now() ): boolean {
	if ( isMuted() || now - lastBeep < BEEP_GAP_MS ) {
		return false;
	}
	const Context = audioContextClass();
	if ( ! Context ) {
		return false;
	}
	try {
		context ??= new Context();
		if ( context.state === 'suspended' ) {
			void context.resume().catch( () => undefined );
		}
		const start = context.currentTime;
		const gain = context.createGain();
		gain.connect( context.destination );
		gain.gain.setValueAtTime( 0.0001, start );
		gain.gain.exponentialRampToValueAtTime( 0.2, start + 0.02 );
		gain.gain.exponentialRampToValueAtTime( 0.0001, start + 0.3 );
		[ 880, 1320 ].forEach( ( frequency, index ) => {
			const tone = context!.createOscillator();
			tone.type = 'sine';
			tone.frequency.setValueAtTime( frequency, start );
			tone.connect( gain );
			tone.start( start + index * 0.12 );
			tone.stop( start + index * 0.12 + 0.14 );
		} );
		lastBeep = now;
		return true;
	} catch {
		return false;
	}
}

/** Where desktop notifications stand in this browser. */
export type DesktopPermission = NotificationPermission | 'unsupported';

/** Whether desktop notifications are allowed, refused, not asked yet, or unsupported. */
export function desktopPermission(): DesktopPermission {
	return typeof window.Notification === 'function'
		? window.Notification.permission
		: 'unsupported';
}

/** Asks the browser for permission (call only from the agent's click). */
export async function requestDesktopPermission(): Promise< DesktopPermission > {
	if ( typeof window.Notification !== 'function' ) {
		return 'unsupported';
	}
	try {
		return await window.Notification.requestPermission();
	} catch {
		return desktopPermission();
	}
}

/**
 * Shows a desktop notification when allowed; a click focuses this window.
 * Title and body are plain text (the browser never parses them as HTML).
 *
 * @param title   Title line.
 * @param body    Text.
 * @param tag     Notifications with the same tag replace each other.
 * @param onClick Called after the window is focused.
 */
export function showDesktopNotification(
	title: string,
	body: string,
	tag: string,
	onClick?: () => void
): boolean {
	if ( desktopPermission() !== 'granted' ) {
		return false;
	}
	try {
		const notification = new window.Notification( title, {
			body,
			tag,
		} );
		notification.onclick = () => {
			window.focus();
			notification.close();
			onClick?.();
		};
		return true;
	} catch {
		return false; // e.g. a browser that only allows them from a service worker
	}
}

/** Whether the agent is looking at this page right now. */
export function pageHasAttention(): boolean {
	return (
		document.visibilityState === 'visible' &&
		( typeof document.hasFocus !== 'function' || document.hasFocus() )
	);
}

/**
 * The page title with an unread count in front: `(3) Live Chat ‹ …`.
 *
 * @param base  The title without a count.
 * @param count Unread messages.
 */
export function titleWithCount( base: string, count: number ): string {
	const plain = base.replace( /^\(\d+\)\s*/, '' );
	return count > 0 ? `(${ count }) ${ plain }` : plain;
}
