/**
 * Small SQL helpers shared by the batch-writing repositories.
 */

/**
 * External dependencies
 */
import type { Pool, ResultSetHeader } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { QUERY_TIMEOUT_MS } from '../db/pool';

/** A value bound to a placeholder. */
export type SqlValue = string | number | null;

/** Most placeholders one prepared statement may have (MySQL and MariaDB). */
export const MAX_PLACEHOLDERS = 65_535;

/** Earliest and latest instants a `DATETIME` column holds, in unix ms. */
const DATETIME_RANGE = [
	Date.UTC( 1000, 0, 1 ),
	Date.UTC( 9999, 11, 31, 23, 59, 59, 999 ),
] as const;

/**
 * Whether `ms` is a unix time in milliseconds that a `DATETIME` can hold.
 *
 * @param ms Candidate time.
 */
export function isStorableTime( ms: number ): boolean {
	return (
		Number.isFinite( ms ) &&
		ms >= DATETIME_RANGE[ 0 ] &&
		ms <= DATETIME_RANGE[ 1 ]
	);
}

/**
 * Formats a unix time as a UTC `YYYY-MM-DD HH:MM:SS` string (milliseconds
 * dropped), whatever the time zone of this process or of the server.
 *
 * @param  ms Unix time in milliseconds, within the `DATETIME` range.
 * @throws {RangeError} When `ms` is outside it.
 */
export function toUtcDatetime( ms: number ): string {
	if ( ! isStorableTime( ms ) ) {
		throw new RangeError( `${ ms } is not a storable time` );
	}
	return new Date( ms ).toISOString().slice( 0, 19 ).replace( 'T', ' ' );
}

/**
 * Cuts `text` to at most `max` characters as MySQL counts them in a utf8mb4
 * column (code points), never splitting a surrogate pair, so a strict-mode
 * server stores it instead of failing the whole batch.
 *
 * @param text Any string.
 * @param max  Column length in characters.
 */
export function clip( text: string, max: number ): string {
	// A string has at least as many UTF-16 units as code points.
	if ( text.length <= max ) {
		return text;
	}
	let end = 0;
	for ( let count = 0; count < max && end < text.length; count++ ) {
		// codePointAt() reads a whole pair, or a lone surrogate as one unit.
		end += ( text.codePointAt( end ) ?? 0 ) > 0xffff ? 2 : 1;
	}
	return text.slice( 0, end );
}

/**
 * Runs one write as a server-side prepared statement and closes it again.
 * Prepared, because visitor-supplied text must never depend on the server's
 * escaping rules (`NO_BACKSLASH_ESCAPES`); closed, because every batch size
 * is a different statement and the server's statement count is shared with
 * WordPress.
 *
 * @param pool   The sidecar's pool.
 * @param sql    The statement.
 * @param values One value per placeholder.
 * @return Rows the server reports as affected.
 */
export async function executeWrite(
	pool: Pool,
	sql: string,
	values: SqlValue[]
): Promise< number > {
	if ( values.length > MAX_PLACEHOLDERS ) {
		throw new RangeError(
			`${ values.length } placeholders in one statement; at most ${ MAX_PLACEHOLDERS } are allowed`
		);
	}
	const connection = await pool.getConnection();
	let alive = true;
	try {
		const [ result ] = await connection.execute< ResultSetHeader >( {
			sql,
			values,
			timeout: QUERY_TIMEOUT_MS,
		} );
		return result.affectedRows;
	} catch ( error ) {
		// A fatal error closed the connection (and its statements with it).
		alive = ( error as { fatal?: unknown } ).fatal !== true;
		throw error;
	} finally {
		if ( alive ) {
			connection.unprepare( sql );
		}
		connection.release();
	}
}

/**
 * `size` comma-separated placeholders: `?, ?, ?`.
 *
 * @param size Number of placeholders.
 */
export function placeholders( size: number ): string {
	return Array< string >( size ).fill( '?' ).join( ', ' );
}
