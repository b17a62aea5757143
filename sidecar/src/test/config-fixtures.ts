/**
 * Shared inputs for the configuration tests: an in-memory file system with a
 * stock wp-config.php, and the smallest valid environment.
 */

/**
 * Internal dependencies
 */
import { ConfigError, loadConfig } from '../config';
import type { Env } from '../config';

/** A stock wp-config.php reaching MariaDB through a socket. */
export const WP_CONFIG = `<?php
define( 'DB_NAME', 'site' );
define( 'DB_USER', 'site_user' );
define( 'DB_PASSWORD', 'from-wp' );
define( 'DB_HOST', 'localhost:/run/mysqld/mysqld.sock' );
$table_prefix = 'site_';
`;

/** Files readable through {@link readFile}; tests may add more. */
export const files: Record< string, string > = {
	'/srv/wp-config.php': WP_CONFIG,
};

/**
 * fs.readFileSync stand-in over {@link files}.
 *
 * @param path File path.
 */
export function readFile( path: string ): string {
	const text = files[ path ];
	if ( text === undefined ) {
		throw Object.assign( new Error( 'no such file' ), { code: 'ENOENT' } );
	}
	return text;
}

/** The smallest valid environment. */
export const minimal: Env = {
	LIVEDESK_DB_HOST: 'db.internal',
	LIVEDESK_DB_USER: 'wp',
	LIVEDESK_DB_NAME: 'wordpress',
};

/**
 * The [variable, message] pairs loadConfig reports for an environment.
 *
 * @param env The environment.
 */
export function problemsOf( env: Env ): Array< [ string, string ] > {
	try {
		loadConfig( env, readFile );
	} catch ( error ) {
		if ( error instanceof ConfigError ) {
			return error.problems.map( ( p ) => [ p.variable, p.message ] );
		}
		throw error;
	}
	throw new Error( 'expected a ConfigError' );
}
