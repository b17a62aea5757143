/**
 * External dependencies
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { HealthReport } from '../../../src/protocol';
import type { DbConfig } from './config';
import { describeDbError } from './errors';
import { QUERY_TIMEOUT_MS } from './pool';

/**
 * Runs `SELECT 1` and reports latency or a readable cause.
 *
 * @param pool The sidecar's pool.
 * @param db   Its settings, for messages.
 */
export async function checkDb(
	pool: Pool,
	db: DbConfig
): Promise< HealthReport[ 'db' ] > {
	const started = performance.now();
	try {
		await pool.query( { sql: 'SELECT 1', timeout: QUERY_TIMEOUT_MS } );
		const latencyMs =
			Math.round( ( performance.now() - started ) * 10 ) / 10;
		return { ok: true, latencyMs };
	} catch ( error ) {
		return { ok: false, error: describeDbError( error, db ) };
	}
}
