/**
 * The visitor's chat panel, for build/widget-chat.js (via the launcher) and
 * for wp-admin's playground: `mountChat( host, options )`.
 */
export { mountChat } from './mount';
export type { ChatHandle, ChatOptions } from './types';
