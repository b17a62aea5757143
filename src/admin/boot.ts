/**
 * Reads the configuration PHP prints before each admin bundle
 * (`window.livedeskAdmin`). Everything in it is validated: a missing or
 * malformed value falls back to a safe default, so a broken page never grants
 * a capability the server did not.
 */

/** The admin screens LiveDesk renders, in menu order. */
export const ADMIN_SCREENS = [
	'live-chat',
	'visitors',
	'analytics',
	'settings',
] as const;

/** One of the admin screens. */
export type AdminScreen = ( typeof ADMIN_SCREENS )[ number ];

/** What the current user may do, as decided by the server. */
export interface AdminCaps {
	/** `livedesk_view`: see visitors, conversations and analytics. */
	view: boolean;
	/** `livedesk_chat`: reply to and archive conversations. */
	chat: boolean;
	/** `livedesk_manage`: change settings. */
	manage: boolean;
}

/** The logged-in WordPress user. */
export interface BootUser {
	/** WordPress user id (positive). */
	id: number;
	/** Display name ('' when PHP sent none). */
	name: string;
}

/** The validated admin configuration. */
export interface BootConfig {
	/** The screen PHP rendered, or null when it did not say. */
	screen: AdminScreen | null;
	/** REST namespace, e.g. `livedesk/v1`. */
	restNamespace: string;
	caps: AdminCaps;
	/** The current user, or null when PHP did not say (older plugin, broken page). */
	user: BootUser | null;
	/** Absolute http(s) URL of the Settings screen, or '' when unknown. */
	settingsUrl: string;
	/** Absolute http(s) URL of the Live Chat screen, or '' when unknown. */
	liveChatUrl: string;
	/** Absolute http(s) URL of the Visitors screen, or '' when unknown. */
	visitorsUrl: string;
	/**
	 * Absolute http(s) URL of the `livedesk/v1/` REST base (ends with a slash;
	 * may hold `?rest_route=`), or '' when PHP did not say.
	 */
	restUrl: string;
	/** Absolute http(s) URL of the sidecar, or '' for the site's own origin. */
	sidecarUrl: string;
	/** Plugin version, or '' when unknown. */
	version: string;
}

declare global {
	interface Window {
		livedeskAdmin?: unknown;
	}
}

/** The REST namespace used when the global does not name a valid one. */
export const DEFAULT_REST_NAMESPACE = 'livedesk/v1';

const REST_NAMESPACE_PATTERN = /^[a-z0-9-]+\/v[0-9]+$/;

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function readScreen( value: unknown ): AdminScreen | null {
	return ADMIN_SCREENS.find( ( screen ) => screen === value ) ?? null;
}

function readNamespace( value: unknown ): string {
	return typeof value === 'string' && REST_NAMESPACE_PATTERN.test( value )
		? value
		: DEFAULT_REST_NAMESPACE;
}

// Only a literal `true` grants a capability: "1", 1 or "yes" do not.
function readCaps( value: unknown ): AdminCaps {
	const caps = isRecord( value ) ? value : {};
	return {
		view: caps.view === true,
		chat: caps.chat === true,
		manage: caps.manage === true,
	};
}

function readUser( value: unknown ): BootUser | null {
	if (
		! isRecord( value ) ||
		! Number.isSafeInteger( value.id ) ||
		( value.id as number ) < 1
	) {
		return null;
	}
	return {
		id: value.id as number,
		name: typeof value.name === 'string' ? value.name : '',
	};
}

// URLs end up in links and connections, so anything but http(s) (for example
// `javascript:`) is dropped rather than passed on.
function readHttpUrl( value: unknown ): string {
	if ( typeof value !== 'string' || value.trim() === '' ) {
		return '';
	}
	try {
		const url = new URL( value.trim(), window.location.href );
		return url.protocol === 'http:' || url.protocol === 'https:'
			? url.href
			: '';
	} catch {
		return '';
	}
}

/**
 * Validates a raw `livedeskAdmin` value, replacing bad fields with safe defaults.
 *
 * @param raw Whatever PHP printed (or nothing).
 */
export function parseBootConfig( raw: unknown ): BootConfig {
	const source = isRecord( raw ) ? raw : {};
	return {
		screen: readScreen( source.screen ),
		restNamespace: readNamespace( source.restNamespace ),
		caps: readCaps( source.caps ),
		user: readUser( source.user ),
		settingsUrl: readHttpUrl( source.settingsUrl ),
		liveChatUrl: readHttpUrl( source.liveChatUrl ),
		visitorsUrl: readHttpUrl( source.visitorsUrl ),
		restUrl: readHttpUrl( source.restUrl ),
		sidecarUrl: readHttpUrl( source.sidecarUrl ),
		version: typeof source.version === 'string' ? source.version : '',
	};
}

/** Reads and validates `window.livedeskAdmin` as it is now. */
export function getBootConfig(): BootConfig {
	return parseBootConfig(
		typeof window === 'undefined' ? undefined : window.livedeskAdmin
	);
}
