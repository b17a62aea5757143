/**
 * Statements of the chat repositories: prepared (visitor text never depends
 * on the server's escaping rules), bounded in time, DATETIMEs read as the
 * stored UTC strings, and transactions that either commit or leave nothing.
 */

/**
 * External dependencies
 */
import type {
	Pool,
	PoolConnection,
	ResultSetHeader,
	RowDataPacket,
} from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { SqlValue } from '../persist/sql';

/**
 * Bound on a chat statement. Longer than the presence reads': a message waits
 * this long for a busy table (its sender is told to retry after it).
 */
export const CHAT_QUERY_TIMEOUT_MS = 5000;

/** A pool or one connection of it (inside a transaction). */
export type Queryable = Pool | PoolConnection;

/** One result row. */
export type Row = RowDataPacket;

/**
 * Runs a SELECT and returns its rows. DATETIMEs come back as the stored
 * strings (`YYYY-MM-DD HH:MM:SS.mmm`, UTC), never as local-time Dates.
 *
 * @param db     Pool or connection.
 * @param sql    The statement (fixed text; values go in placeholders).
 * @param values One value per placeholder.
 */
export async function select(
	db: Queryable,
	sql: string,
	values: SqlValue[] = []
): Promise< Row[] > {
	const [ rows ] = await db.execute< Row[] >( {
		sql,
		values,
		timeout: CHAT_QUERY_TIMEOUT_MS,
		dateStrings: true,
	} );
	return rows;
}

/**
 * Runs an INSERT / UPDATE / DELETE.
 *
 * @param db     Pool or connection.
 * @param sql    The statement.
 * @param values One value per placeholder.
 */
export async function write(
	db: Queryable,
	sql: string,
	values: SqlValue[]
): Promise< ResultSetHeader > {
	const [ result ] = await db.execute< ResultSetHeader >( {
		sql,
		values,
		timeout: CHAT_QUERY_TIMEOUT_MS,
	} );
	return result;
}

/**
 * Runs `work` in a transaction on one connection and commits. On any error
 * the connection is destroyed rather than rolled back: a statement that timed
 * out may still be running, and closing the session is what guarantees the
 * server rolls the transaction back instead of committing it later.
 *
 * @param pool The pool.
 * @param work What to do; its result is returned once committed.
 */
export async function transaction< T >(
	pool: Pool,
	work: ( connection: PoolConnection ) => Promise< T >
): Promise< T > {
	const connection = await pool.getConnection();
	try {
		await connection.beginTransaction();
		const result = await work( connection );
		await connection.commit();
		connection.release();
		return result;
	} catch ( error ) {
		connection.destroy();
		throw error;
	}
}

/**
 * Whether a mysql2 error is a unique-key collision.
 *
 * @param error What was thrown.
 */
export function isDuplicateKey( error: unknown ): boolean {
	return ( error as { code?: unknown } )?.code === 'ER_DUP_ENTRY';
}

/**
 * A unix time as a `DATETIME(3)` value in UTC: `YYYY-MM-DD HH:MM:SS.mmm`.
 *
 * @param ms Unix milliseconds.
 */
export function toDbTime( ms: number ): string {
	return new Date( ms ).toISOString().slice( 0, 23 ).replace( 'T', ' ' );
}

/**
 * A stored UTC `DATETIME` string as an ISO 8601 string with milliseconds
 * (`2026-11-21T09:30:00.123Z`); null for NULL or anything unreadable.
 *
 * @param value The column value as read by {@link select}.
 */
export function fromDbTime( value: unknown ): string | null {
	if ( typeof value !== 'string' ) {
		return null;
	}
	const match =
		/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/.exec(
			value
		);
	if ( ! match ) {
		return null;
	}
	const fraction = ( match[ 3 ] ?? '' ).padEnd( 3, '0' ).slice( 0, 3 );
	return `${ match[ 1 ] }T${ match[ 2 ] }.${ fraction }Z`;
}

/**
 * Unix milliseconds of a stored UTC `DATETIME` string; null when unreadable.
 *
 * @param value The column value as read by {@link select}.
 */
export function dbTimeMs( value: unknown ): number | null {
	const iso = fromDbTime( value );
	return iso === null ? null : Date.parse( iso );
}

/**
 * Placeholders and values for `IN (…)` over row ids. The list is padded to a
 * power of two by repeating its last id, so the statement text takes few
 * shapes and the prepared-statement cache stays small.
 *
 * @param ids Row ids; at least one.
 */
export function idList( ids: readonly number[] ): {
	marks: string;
	values: number[];
} {
	let size = 1;
	while ( size < ids.length ) {
		size *= 2;
	}
	const last = ids[ ids.length - 1 ] ?? 0;
	const values = [ ...ids ];
	while ( values.length < size ) {
		values.push( last );
	}
	return { marks: values.map( () => '?' ).join( ', ' ), values };
}
