/**
 * The site's LiveDesk settings as the sidecar applies them. WordPress owns
 * them (plugin/Settings.php) and stores them in `{prefix}options` as plain
 * strings the sidecar can read without unserialising PHP:
 *
 *     livedesk_tracking         '1' | '0'            default on
 *     livedesk_consent_mode     '1' | '0'            default off
 *     livedesk_ip_mode          full | anonymised | none   default anonymised
 *     livedesk_visitor_cap      decimal 1..100000    default 500
 *     livedesk_trusted_proxies  one IP or CIDR per line    default 127.0.0.1, ::1
 *     livedesk_chat_enabled     '1' | '0'            default on
 *     livedesk_chat_require_verified '1' | '0'       default off
 *     livedesk_identity_secret  64 hex characters    none until WordPress makes one
 *     home, siteurl             WordPress's own URLs: the allowed origins
 *
 * A missing option means its default; an unreadable value means its default
 * too, reported once so an operator can fix it.
 */

/**
 * Internal dependencies
 */
import { parseTrustedProxies } from '../enrich/ip';
import type { IpMode, TrustedProxies } from '../enrich/ip';

/** Option names the sidecar reads, in one query. */
export const SITE_OPTIONS = [
	'livedesk_tracking',
	'livedesk_consent_mode',
	'livedesk_ip_mode',
	'livedesk_visitor_cap',
	'livedesk_trusted_proxies',
	'livedesk_chat_enabled',
	'livedesk_chat_require_verified',
	'livedesk_identity_secret',
	'home',
	'siteurl',
] as const;

/** Default concurrent-visitor cap. */
export const DEFAULT_CAP = 500;

/** Highest cap WordPress accepts. */
export const MAX_CAP = 100_000;

/** Trusted proxies when the option is missing: the local web server. */
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.1\n::1';

const IP_MODES: readonly IpMode[] = [ 'full', 'anonymised', 'none' ];

const IDENTITY_SECRET = /^[0-9a-fA-F]{64}$/;

function identitySecret(
	value: string | undefined,
	problems: string[]
): string | null {
	if ( value === undefined || value === '' ) {
		return null;
	}
	if ( ! IDENTITY_SECRET.test( value ) ) {
		// Never echo the value: it is a secret, even when malformed.
		problems.push(
			'option livedesk_identity_secret is not 64 hex characters; identities cannot be verified'
		);
		return null;
	}
	return value;
}

/** The settings in force. */
export interface SiteSettings {
	tracking: boolean;
	consentMode: boolean;
	ipMode: IpMode;
	cap: number;
	trustedProxies: TrustedProxies;
	/** Origins allowed on `/visitor`: the site's own plus configured extras. */
	origins: ReadonlySet< string >;
	/** Live chat is on (docs/chat.md). */
	chatEnabled: boolean;
	/** Chats need a verified identity (refused `identity_required` otherwise). */
	chatRequireVerified: boolean;
	/** Key of signed identities; null while WordPress has made none (nothing verifies). */
	identitySecret: string | null;
}

/** Settings plus what could not be read (each falls back to its default). */
export interface ParsedSiteSettings {
	settings: SiteSettings;
	problems: string[];
}

function flag(
	value: string | undefined,
	fallback: boolean,
	name: string,
	problems: string[]
): boolean {
	if ( value === undefined ) {
		return fallback;
	}
	if ( value === '1' || value === '0' ) {
		return value === '1';
	}
	// update_option( false ) stores '' : read it as off, like PHP would.
	if ( value === '' ) {
		return false;
	}
	problems.push( `option ${ name } is "${ value }", expected '1' or '0'` );
	return fallback;
}

function originOf( url: string | undefined ): string | null {
	if ( url === undefined || url === '' ) {
		return null;
	}
	try {
		const { origin, protocol } = new URL( url );
		return /^https?:$/.test( protocol ) ? origin : null;
	} catch {
		return null;
	}
}

/**
 * Turns option rows into settings; pure.
 *
 * @param rows         Option name → stored value (missing names absent).
 * @param extraOrigins Configured extra origins (LIVEDESK_ALLOWED_ORIGINS).
 */
export function parseSiteSettings(
	rows: ReadonlyMap< string, string >,
	extraOrigins: readonly string[]
): ParsedSiteSettings {
	const problems: string[] = [];
	const mode = rows.get( 'livedesk_ip_mode' );
	let ipMode: IpMode = 'anonymised';
	if ( mode !== undefined ) {
		if ( ( IP_MODES as readonly string[] ).includes( mode ) ) {
			ipMode = mode as IpMode;
		} else {
			problems.push( `option livedesk_ip_mode is "${ mode }"` );
		}
	}
	const capText = rows.get( 'livedesk_visitor_cap' );
	let cap = DEFAULT_CAP;
	if ( capText !== undefined ) {
		const value = /^\d+$/.test( capText ) ? Number( capText ) : NaN;
		if ( value >= 1 && value <= MAX_CAP ) {
			cap = value;
		} else {
			problems.push( `option livedesk_visitor_cap is "${ capText }"` );
		}
	}
	const { proxies, invalid } = parseTrustedProxies(
		rows.get( 'livedesk_trusted_proxies' ) ?? DEFAULT_TRUSTED_PROXIES
	);
	if ( invalid.length > 0 ) {
		problems.push(
			`option livedesk_trusted_proxies has entries that are not IPs or CIDR ranges: ${ invalid.join(
				', '
			) }`
		);
	}
	const origins = new Set( extraOrigins );
	for ( const name of [ 'home', 'siteurl' ] ) {
		const origin = originOf( rows.get( name ) );
		if ( origin !== null ) {
			origins.add( origin );
		}
	}
	return {
		settings: {
			tracking: flag(
				rows.get( 'livedesk_tracking' ),
				true,
				'livedesk_tracking',
				problems
			),
			consentMode: flag(
				rows.get( 'livedesk_consent_mode' ),
				false,
				'livedesk_consent_mode',
				problems
			),
			ipMode,
			cap,
			trustedProxies: proxies,
			origins,
			chatEnabled: flag(
				rows.get( 'livedesk_chat_enabled' ),
				true,
				'livedesk_chat_enabled',
				problems
			),
			chatRequireVerified: flag(
				rows.get( 'livedesk_chat_require_verified' ),
				false,
				'livedesk_chat_require_verified',
				problems
			),
			identitySecret: identitySecret(
				rows.get( 'livedesk_identity_secret' ),
				problems
			),
		},
		problems,
	};
}
