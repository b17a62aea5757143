/**
 * Internal dependencies
 */
import type { DbConfig } from './config';
import { describeDbTarget } from './target';

// Errors that mean "never reached the server", with a plain-words reason.
const UNREACHABLE: Record< string, string > = {
	ENOENT: 'no socket file at that path',
	ECONNREFUSED: 'connection refused',
	ETIMEDOUT: 'timed out',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	EACCES: 'permission denied',
	ECONNRESET: 'connection reset',
	PROTOCOL_CONNECTION_LOST: 'connection lost',
};

const ACCESS_DENIED = [ 'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR' ];

interface DbErrorFields {
	code?: unknown;
	sqlMessage?: unknown;
	message?: unknown;
}

function localhostHint( db: DbConfig, code: string ): string {
	// PHP's mysqli treats "localhost" as "the default socket"; Node uses TCP.
	if (
		code === 'ECONNREFUSED' &&
		db.target.kind === 'tcp' &&
		db.target.host === 'localhost'
	) {
		return '. WordPress reaches "localhost" through a socket: set LIVEDESK_DB_SOCKET to it (e.g. /run/mysqld/mysqld.sock)';
	}
	return '';
}

function explain( fields: DbErrorFields, db: DbConfig, where: string ): string {
	const code = typeof fields.code === 'string' ? fields.code : undefined;
	if ( code !== undefined && code in UNREACHABLE ) {
		return `cannot connect to MariaDB/MySQL at ${ where }: ${ code } (${
			UNREACHABLE[ code ]
		})${ localhostHint( db, code ) }`;
	}
	const detail =
		typeof fields.sqlMessage === 'string' ? fields.sqlMessage : '';
	if ( code !== undefined && ACCESS_DENIED.includes( code ) ) {
		return `MariaDB/MySQL at ${ where } refused user "${ db.user }" on database "${ db.database }": ${ code } (${ detail })`;
	}
	if ( code === 'ER_BAD_DB_ERROR' ) {
		return `database "${ db.database }" does not exist on MariaDB/MySQL at ${ where }`;
	}
	if ( code === 'ER_NO_SUCH_TABLE' ) {
		return `${ detail } (is the table prefix "${ db.tablePrefix }" right?)`;
	}
	const message = typeof fields.message === 'string' ? fields.message : '';
	return `query to MariaDB/MySQL at ${ where } failed: ${
		code ?? 'error'
	} (${ detail || message })`;
}

/**
 * Turns a mysql2 error into one sentence an operator can act on. Built from
 * codes and server messages only; the password is scrubbed regardless.
 *
 * @param error What mysql2 threw.
 * @param db    The settings used, for names and scrubbing.
 */
export function describeDbError( error: unknown, db: DbConfig ): string {
	const fields: DbErrorFields =
		typeof error === 'object' && error !== null
			? error
			: { message: String( error ) };
	const text = explain( fields, db, describeDbTarget( db.target ) );
	return db.password === '' ? text : text.split( db.password ).join( '***' );
}
