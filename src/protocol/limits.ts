/**
 * Size limits of everything a visitor's browser may send. The widget trims to
 * them before sending; the sidecar rejects anything beyond them.
 */

/** Longest page path kept, in UTF-16 code units (query and fragment already gone). */
export const PATH_MAX = 2048;

/** Longest page title kept; longer titles are cut by the widget. */
export const TITLE_MAX = 300;

/** Longest referrer kept (scheme, host and path only). */
export const REFERRER_MAX = 2048;

/** Longest browser language tag (BCP 47 allows 35 characters). */
export const LANGUAGE_MAX = 35;

/** Longest IANA time zone name. */
export const TIMEZONE_MAX = 64;

/**
 * Most tabs one visitor may have connected at once; one browser rarely has
 * more, and each tab is listed in every update about its visitor.
 */
export const TABS_MAX = 20;

/** Longest chat message, in UTF-16 code units. */
export const MESSAGE_MAX = 4000;

/**
 * Largest socket.io packet the sidecar accepts, in bytes; a bigger one closes
 * that connection (and only that one).
 */
export const PACKET_MAX_BYTES = 32 * 1024;
