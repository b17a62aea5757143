/**
 * External dependencies
 */
import mysql from 'mysql2/promise';
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { DbConfig } from './config';

/** Bound on every query, so a stuck server cannot hang /healthz or refreshes. */
export const QUERY_TIMEOUT_MS = 2000;

/**
 * Creates the sidecar's connection pool. It is small on purpose: the sidecar
 * shares the site's database and must not crowd out PHP workers.
 *
 * @param db Database settings.
 */
export function createPool( db: DbConfig ): Pool {
	const where =
		db.target.kind === 'socket'
			? { socketPath: db.target.socketPath }
			: { host: db.target.host, port: db.target.port };
	return mysql.createPool( {
		...where,
		user: db.user,
		password: db.password,
		database: db.database,
		charset: 'utf8mb4',
		connectionLimit: 4,
		maxIdle: 2,
		idleTimeout: 60_000,
		connectTimeout: 5000,
		enableKeepAlive: true,
		supportBigNumbers: true,
	} );
}
