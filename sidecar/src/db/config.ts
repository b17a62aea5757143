/**
 * Resolves how to reach WordPress's database: explicit LIVEDESK_DB_*
 * variables first, then the site's own wp-config.php, so the sidecar follows
 * the site without a second copy of its credentials.
 */

/**
 * External dependencies
 */
import path from 'node:path';

/**
 * Internal dependencies
 */
import { parseInteger, readVar } from '../env';
import type { Env, ReadFile, Report } from '../env';
import type { DbTarget } from './target';
import { parseDbHost, parseWpConfig } from './wp-config';
import type { WpConfigSettings } from './wp-config';

/** How to reach WordPress's database. */
export interface DbConfig {
	target: DbTarget;
	user: string;
	password: string;
	database: string;
	/** WordPress `$table_prefix`, already checked to be safe in SQL names. */
	tablePrefix: string;
}

const DEFAULT_DB_PORT = 3306;
const TABLE_PREFIX = /^[A-Za-z0-9_]+$/;
const SEE_WP_CONFIG =
	'point LIVEDESK_WP_CONFIG at a wp-config.php that defines';

type WpSource = { wpPath: string | undefined; settings: WpConfigSettings };

function loadWpConfig(
	env: Env,
	readFile: ReadFile,
	report: Report
): WpSource {
	const wpPath = readVar( env, 'LIVEDESK_WP_CONFIG' );
	if ( wpPath === undefined ) {
		return { wpPath, settings: {} };
	}
	try {
		return { wpPath, settings: parseWpConfig( readFile( wpPath ) ) };
	} catch ( error ) {
		const code = ( error as NodeJS.ErrnoException ).code ?? String( error );
		report( 'LIVEDESK_WP_CONFIG', `cannot read ${ wpPath }: ${ code }` );
		return { wpPath, settings: {} };
	}
}

// A wp-config.php value, reporting against `variable` why it is unusable.
function fromWp(
	wp: WpSource,
	constant: keyof WpConfigSettings,
	variable: string,
	report: Report
): string | undefined {
	const setting = wp.settings[ constant ];
	if ( setting !== undefined && 'error' in setting ) {
		report(
			variable,
			`${ wp.wpPath } ${ setting.error }; set ${ variable } instead`
		);
		return undefined;
	}
	return setting?.value;
}

// DB_HOST from wp-config.php; null when present but unusable (reported).
function targetFromWp(
	wp: WpSource,
	port: number | undefined,
	report: Report
): DbTarget | null | undefined {
	const dbHost = fromWp( wp, 'DB_HOST', 'LIVEDESK_DB_HOST', report );
	if ( dbHost === undefined ) {
		return wp.settings.DB_HOST && null;
	}
	const target = parseDbHost( dbHost, DEFAULT_DB_PORT );
	if ( typeof target === 'string' ) {
		report(
			'LIVEDESK_DB_HOST',
			`DB_HOST in ${ wp.wpPath } is unusable: ${ target }; set LIVEDESK_DB_HOST or LIVEDESK_DB_SOCKET instead`
		);
		return null;
	}
	if ( port === undefined ) {
		return target;
	}
	if ( target.kind === 'socket' ) {
		report(
			'LIVEDESK_DB_PORT',
			`is set, but DB_HOST in ${ wp.wpPath } uses the socket ${ target.socketPath }; set LIVEDESK_DB_HOST too`
		);
		return null;
	}
	return { ...target, port };
}

function socketTarget(
	env: Env,
	socketPath: string,
	report: Report
): DbTarget {
	const tcpVars = [ 'LIVEDESK_DB_HOST', 'LIVEDESK_DB_PORT' ].filter(
		( name ) => readVar( env, name ) !== undefined
	);
	if ( tcpVars.length > 0 ) {
		report(
			'LIVEDESK_DB_SOCKET',
			`cannot be combined with ${ tcpVars.join( ' or ' ) }; reach the database by socket or by TCP, not both`
		);
	} else if ( ! path.isAbsolute( socketPath ) ) {
		report(
			'LIVEDESK_DB_SOCKET',
			`must be an absolute path (got "${ socketPath }")`
		);
	}
	return { kind: 'socket', socketPath };
}

function resolveTarget(
	env: Env,
	wp: WpSource,
	report: Report
): DbTarget | undefined {
	const socketPath = readVar( env, 'LIVEDESK_DB_SOCKET' );
	if ( socketPath !== undefined ) {
		return socketTarget( env, socketPath, report );
	}
	const port = parseInteger(
		readVar( env, 'LIVEDESK_DB_PORT' ),
		[ 1, 65535 ],
		'LIVEDESK_DB_PORT',
		report
	);
	const host = readVar( env, 'LIVEDESK_DB_HOST' );
	if ( host !== undefined ) {
		return { kind: 'tcp', host, port: port ?? DEFAULT_DB_PORT };
	}
	const target = targetFromWp( wp, port, report );
	if ( target === undefined ) {
		report(
			'LIVEDESK_DB_HOST',
			`not set; set LIVEDESK_DB_HOST or LIVEDESK_DB_SOCKET, or ${ SEE_WP_CONFIG } DB_HOST`
		);
	}
	return target ?? undefined;
}

function requiredValue(
	env: Env,
	wp: WpSource,
	[ constant, variable ]: [ 'DB_USER' | 'DB_NAME', string ],
	report: Report
): string {
	const value =
		readVar( env, variable ) ?? fromWp( wp, constant, variable, report );
	if ( value === undefined && wp.settings[ constant ] === undefined ) {
		report(
			variable,
			`not set; set it, or ${ SEE_WP_CONFIG } ${ constant }`
		);
	}
	return value ?? '';
}

/**
 * Database settings from the environment; undefined when unusable (reported).
 *
 * @param env      The environment.
 * @param readFile Reads wp-config.php.
 * @param report   Receives problems.
 */
export function resolveDbConfig(
	env: Env,
	readFile: ReadFile,
	report: Report
): DbConfig | undefined {
	const wp = loadWpConfig( env, readFile, report );
	const target = resolveTarget( env, wp, report );
	const user = requiredValue(
		env,
		wp,
		[ 'DB_USER', 'LIVEDESK_DB_USER' ],
		report
	);
	const database = requiredValue(
		env,
		wp,
		[ 'DB_NAME', 'LIVEDESK_DB_NAME' ],
		report
	);
	// An explicitly empty password is meaningful (socket auth): not readVar().
	const password =
		env.LIVEDESK_DB_PASSWORD ??
		fromWp( wp, 'DB_PASSWORD', 'LIVEDESK_DB_PASSWORD', report ) ??
		'';
	const tablePrefix =
		readVar( env, 'LIVEDESK_TABLE_PREFIX' ) ??
		fromWp( wp, 'table_prefix', 'LIVEDESK_TABLE_PREFIX', report ) ??
		'wp_';
	if ( ! TABLE_PREFIX.test( tablePrefix ) ) {
		report(
			'LIVEDESK_TABLE_PREFIX',
			`must contain only letters, digits and underscores (got "${ tablePrefix }")`
		);
	}
	return target && { target, user, password, database, tablePrefix };
}
