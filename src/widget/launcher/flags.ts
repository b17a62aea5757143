/**
 * What the launcher and the chat panel remember between pages. Storage may be
 * missing or blocked (private modes, strict settings): then nothing is
 * remembered and nothing fails.
 */

/** localStorage: a conversation is open in this browser (load the chat on every page). */
export const OPEN_FLAG = 'livedesk_chat';

/** sessionStorage: the panel was open on the previous page of this tab. */
export const PANEL_FLAG = 'livedesk_chat_panel';

/** Which of the window's storages. */
export type StorageKind = 'localStorage' | 'sessionStorage';

/**
 * Whether `key` is set in the window's `kind` storage.
 *
 * @param win  The window.
 * @param kind localStorage or sessionStorage.
 * @param key  The key.
 */
export function readFlag(
	win: Window,
	kind: StorageKind,
	key: string
): boolean {
	try {
		return win[ kind ].getItem( key ) === '1';
	} catch {
		return false;
	}
}

/**
 * Sets or clears `key` in the window's `kind` storage.
 *
 * @param win  The window.
 * @param kind localStorage or sessionStorage.
 * @param key  The key.
 * @param on   Set (true) or clear (false).
 */
export function writeFlag(
	win: Window,
	kind: StorageKind,
	key: string,
	on: boolean
): void {
	try {
		if ( on ) {
			win[ kind ].setItem( key, '1' );
		} else {
			win[ kind ].removeItem( key );
		}
	} catch {
		// Blocked storage: not remembered.
	}
}
