/**
 * Sidecar configuration, read once at boot from the environment (and
 * optionally the site's wp-config.php) and validated as a whole, so an
 * operator sees every problem at once, each naming the variable to fix.
 */

/**
 * Internal dependencies
 */
import { resolveDbConfig } from './db/config';
import type { DbConfig } from './db/config';
import { parseInteger, readVar } from './env';
import type { Env, ReadFile, Report } from './env';

export type { Env, ReadFile } from './env';

/** pino levels an operator may choose with LIVEDESK_LOG_LEVEL. */
export const LOG_LEVELS = [
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent',
] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = ( typeof LOG_LEVELS )[ number ];

/** Validated sidecar configuration. */
export interface Config {
	host: string;
	/** 0 asks the OS for a free port (tests). */
	port: number;
	logLevel: LogLevel;
	/**
	 * Browser origins allowed on `/visitor` besides the site's own (its
	 * `home` and `siteurl` options).
	 */
	allowedOrigins: string[];
	db: DbConfig;
	/** How often the shared secret is re-read; only tests change it. */
	secretRefreshMs: number;
	/** How often the site's settings are re-read (tracking, cap, …). */
	settingsRefreshMs: number;
	/** How long a visitor who left stays listed as offline. */
	offlineTailMs: number;
	/** Longest wait between a presence change and the agents' update. */
	fanoutTickMs: number;
	/** How often chat rows written elsewhere (WordPress, other sidecars) are looked for. */
	chatTailMs: number;
}

/** One configuration mistake: the variable to fix and what is wrong. */
export interface ConfigProblem {
	variable: string;
	message: string;
}

/** Thrown by {@link loadConfig} with every problem found. */
export class ConfigError extends Error {
	readonly problems: ConfigProblem[];

	constructor( problems: ConfigProblem[] ) {
		const lines = problems.map(
			( p ) => `  - ${ p.variable }: ${ p.message }`
		);
		super( `invalid configuration:\n${ lines.join( '\n' ) }` );
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

/** Production refresh interval of the shared secret, in milliseconds. */
export const SECRET_REFRESH_MS = 5000;

/** Production refresh interval of the site's settings: a change applies within it. */
export const SETTINGS_REFRESH_MS = 2000;

/** Default offline tail: 30 minutes (DESIGN.md, "Visitors and presence"). */
export const OFFLINE_TAIL_MS = 30 * 60_000;

/** Coalescing window of presence updates to agents. */
export const FANOUT_TICK_MS = 50;

/** Default interval of the chat tail (docs/chat.md): REST messages reach agents within about this. */
export const CHAT_TAIL_MS = 1000;

function resolveLogLevel( env: Env, report: Report ): LogLevel {
	const level = readVar( env, 'LIVEDESK_LOG_LEVEL' ) ?? 'info';
	if ( ! ( LOG_LEVELS as readonly string[] ).includes( level ) ) {
		report(
			'LIVEDESK_LOG_LEVEL',
			`must be one of ${ LOG_LEVELS.join( ', ' ) } (got "${ level }")`
		);
		return 'info';
	}
	return level as LogLevel;
}

function isOrigin( text: string ): boolean {
	try {
		const url = new URL( text );
		return /^https?:$/.test( url.protocol ) && url.origin === text;
	} catch {
		return false;
	}
}

function resolveOrigins( env: Env, report: Report ): string[] {
	const list = ( readVar( env, 'LIVEDESK_ALLOWED_ORIGINS' ) ?? '' )
		.split( ',' )
		.map( ( origin ) => origin.trim() )
		.filter( ( origin ) => origin !== '' );
	for ( const origin of list.filter( ( o ) => ! isOrigin( o ) ) ) {
		report(
			'LIVEDESK_ALLOWED_ORIGINS',
			`"${ origin }" is not an origin like https://example.com (scheme and host, no path or trailing slash)`
		);
	}
	return list;
}

/**
 * Builds the validated configuration from the environment; pure apart from
 * `readFile`, which is only called for LIVEDESK_WP_CONFIG.
 *
 * @param  env      The environment (process.env).
 * @param  readFile Reads wp-config.php.
 * @throws {ConfigError} Listing every problem found.
 */
export function loadConfig( env: Env, readFile: ReadFile ): Config {
	const problems: ConfigProblem[] = [];
	const report: Report = ( variable, message ) => {
		problems.push( { variable, message } );
	};
	const port = parseInteger(
		readVar( env, 'LIVEDESK_PORT' ),
		[ 0, 65535 ],
		'LIVEDESK_PORT',
		report
	);
	const config = {
		host: readVar( env, 'LIVEDESK_HOST' ) ?? '127.0.0.1',
		port: port ?? 8788,
		logLevel: resolveLogLevel( env, report ),
		allowedOrigins: resolveOrigins( env, report ),
		db: resolveDbConfig( env, readFile, report ),
		secretRefreshMs: SECRET_REFRESH_MS,
		settingsRefreshMs: SETTINGS_REFRESH_MS,
		offlineTailMs:
			parseInteger(
				readVar( env, 'LIVEDESK_OFFLINE_TAIL_MS' ),
				[ 1000, 24 * 3_600_000 ],
				'LIVEDESK_OFFLINE_TAIL_MS',
				report
			) ?? OFFLINE_TAIL_MS,
		fanoutTickMs: FANOUT_TICK_MS,
		chatTailMs:
			parseInteger(
				readVar( env, 'LIVEDESK_CHAT_TAIL_MS' ),
				[ 100, 60_000 ],
				'LIVEDESK_CHAT_TAIL_MS',
				report
			) ?? CHAT_TAIL_MS,
	};
	if ( problems.length > 0 || config.db === undefined ) {
		throw new ConfigError( problems );
	}
	return { ...config, db: config.db };
}
