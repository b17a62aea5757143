/**
 * The chat launcher (webpack entry `widget-launcher`, ≤ 2 KB gzipped, no
 * WordPress script dependencies): the button on every public page where chat
 * is on. It reads `window.livedeskChat` and loads build/widget-chat.js when
 * the visitor opens the chat; see launcher/boot.ts.
 */

/**
 * Internal dependencies
 */
import { bootLauncher } from './launcher/boot';

bootLauncher( window );
