/**
 * Internal dependencies
 */
import type { DbConfig } from '../config';
import { describeDbError } from '../errors';
import { describeDbTarget } from '../target';

const socketDb: DbConfig = {
	target: { kind: 'socket', socketPath: '/run/mysqld/mysqld.sock' },
	user: 'wp',
	password: 'hunter2',
	database: 'site',
	tablePrefix: 'wp_',
};
const localhostDb: DbConfig = {
	...socketDb,
	target: { kind: 'tcp', host: 'localhost', port: 3306 },
};

function mysqlError( code: string, extra: Record< string, string > = {} ) {
	return Object.assign( new Error( `${ code } happened` ), {
		code,
		...extra,
	} );
}

describe( 'describeDbTarget', () => {
	it.each( [
		[ socketDb.target, '/run/mysqld/mysqld.sock' ],
		[ { kind: 'tcp' as const, host: 'db', port: 3307 }, 'db:3307' ],
		[ { kind: 'tcp' as const, host: '::1', port: 3306 }, '[::1]:3306' ],
	] )( 'names %p', ( target, name ) => {
		expect( describeDbTarget( target ) ).toBe( name );
	} );
} );

describe( 'describeDbError', () => {
	it( 'explains a missing socket', () => {
		expect( describeDbError( mysqlError( 'ENOENT' ), socketDb ) ).toBe(
			'cannot connect to MariaDB/MySQL at /run/mysqld/mysqld.sock: ENOENT (no socket file at that path)'
		);
	} );

	it( 'hints at the socket when TCP to localhost is refused', () => {
		expect(
			describeDbError( mysqlError( 'ECONNREFUSED' ), localhostDb )
		).toBe(
			'cannot connect to MariaDB/MySQL at localhost:3306: ECONNREFUSED (connection refused). WordPress reaches "localhost" through a socket: set LIVEDESK_DB_SOCKET to it (e.g. /run/mysqld/mysqld.sock)'
		);
	} );

	it( 'names the user on access denied, never the password', () => {
		const error = mysqlError( 'ER_ACCESS_DENIED_ERROR', {
			sqlMessage:
				"Access denied for user 'wp'@'localhost' (using password: YES)",
		} );
		const text = describeDbError( error, socketDb );
		expect( text ).toBe(
			`MariaDB/MySQL at /run/mysqld/mysqld.sock refused user "wp" on database "site": ER_ACCESS_DENIED_ERROR (Access denied for user 'wp'@'localhost' (using password: YES))`
		);
	} );

	it( 'explains a missing database and a missing table', () => {
		expect(
			describeDbError( mysqlError( 'ER_BAD_DB_ERROR' ), socketDb )
		).toBe(
			'database "site" does not exist on MariaDB/MySQL at /run/mysqld/mysqld.sock'
		);
		const noTable = mysqlError( 'ER_NO_SUCH_TABLE', {
			sqlMessage: "Table 'site.wp_options' doesn't exist",
		} );
		expect( describeDbError( noTable, socketDb ) ).toBe(
			`Table 'site.wp_options' doesn't exist (is the table prefix "wp_" right?)`
		);
	} );

	it( 'scrubs the password from anything else', () => {
		const error = new Error( 'weird failure mentioning hunter2' );
		expect( describeDbError( error, socketDb ) ).toBe(
			'query to MariaDB/MySQL at /run/mysqld/mysqld.sock failed: error (weird failure mentioning ***)'
		);
		expect( describeDbError( 'boom', socketDb ) ).toContain(
			'failed: error (boom)'
		);
	} );
} );
