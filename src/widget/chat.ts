/**
 * The chat panel (webpack entry `widget-chat`, ≤ 30 KB gzipped, no React, no
 * WordPress script dependencies). The launcher loads it when the visitor
 * opens the chat; it registers `window.LiveDesk.mountChat`, which the
 * launcher calls once the script has run. See chat/mount.ts.
 */

/**
 * Internal dependencies
 */
import { mountChat } from './chat/index';
import type { LauncherWindow } from './launcher/boot';

const win = window as LauncherWindow;
win.LiveDesk = Object.assign( win.LiveDesk || {}, { mountChat } );
