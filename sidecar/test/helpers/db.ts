/**
 * A real MariaDB for integration tests, named by LIVEDESK_TEST_DB_* variables
 * (bin/test provides them). Each test file works under its own table prefix
 * so files never see each other's rows.
 */

/**
 * External dependencies
 */
import mysql from 'mysql2/promise';
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { Config } from '../../src/config';

/** Connection details of the test database. */
export interface TestDb {
	socketPath: string;
	user: string;
	password: string;
	database: string;
}

const VARIABLES = [
	'LIVEDESK_TEST_DB_SOCKET',
	'LIVEDESK_TEST_DB_USER',
	'LIVEDESK_TEST_DB_PASSWORD',
	'LIVEDESK_TEST_DB_NAME',
] as const;

/**
 * Reads the test database from the environment, failing loudly: a suite that
 * skips itself when the database is missing proves nothing.
 */
export function testDbFromEnv(): TestDb {
	const missing = VARIABLES.filter(
		( name ) => process.env[ name ] === undefined
	);
	if ( missing.length > 0 ) {
		throw new Error(
			`sidecar integration tests need a real MariaDB; set ${ missing.join( ', ' ) } ` +
				'(LIVEDESK_TEST_DB_PASSWORD may be empty). bin/test sets them.'
		);
	}
	const env = process.env as Record< ( typeof VARIABLES )[ number ], string >;
	return {
		socketPath: env.LIVEDESK_TEST_DB_SOCKET,
		user: env.LIVEDESK_TEST_DB_USER,
		password: env.LIVEDESK_TEST_DB_PASSWORD,
		database: env.LIVEDESK_TEST_DB_NAME,
	};
}

/** A minimal `{prefix}options` table (WordPress's columns) for one test file. */
export class OptionsTable {
	readonly prefix: string;
	private readonly pool: Pool;

	private constructor( pool: Pool, prefix: string ) {
		this.pool = pool;
		this.prefix = prefix;
	}

	/**
	 * Creates the table, empty.
	 *
	 * @param db     Test database.
	 * @param prefix Table prefix owned by the calling test file.
	 */
	static async create( db: TestDb, prefix: string ): Promise< OptionsTable > {
		const pool = mysql.createPool( { ...db, connectionLimit: 2 } );
		const table = new OptionsTable( pool, prefix );
		await table.drop();
		await pool.query( `CREATE TABLE \`${ prefix }options\` (
			option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			option_name varchar(191) NOT NULL DEFAULT '',
			option_value longtext NOT NULL,
			autoload varchar(20) NOT NULL DEFAULT 'yes',
			PRIMARY KEY (option_id),
			UNIQUE KEY option_name (option_name)
		) DEFAULT CHARSET=utf8mb4` );
		return table;
	}

	/**
	 * Stores the shared secret as WordPress does (not autoloaded).
	 *
	 * @param secret 64 hex characters.
	 */
	async setSecret( secret: string ): Promise< void > {
		await this.pool.query(
			`INSERT INTO \`${ this.prefix }options\` (option_name, option_value, autoload)
			VALUES ('livedesk_secret', ?, 'no')
			ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
			[ secret ]
		);
	}

	/**
	 * Stores any option as WordPress would (plain string value).
	 *
	 * @param name  Option name.
	 * @param value Stored value.
	 */
	async set( name: string, value: string ): Promise< void > {
		await this.pool.query(
			`INSERT INTO \`${ this.prefix }options\` (option_name, option_value, autoload)
			VALUES (?, ?, 'no')
			ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
			[ name, value ]
		);
	}

	/** Removes the secret row. */
	async deleteSecret(): Promise< void > {
		await this.pool.query(
			`DELETE FROM \`${ this.prefix }options\` WHERE option_name = 'livedesk_secret'`
		);
	}

	/** Drops the table. */
	async drop(): Promise< void > {
		await this.pool.query(
			`DROP TABLE IF EXISTS \`${ this.prefix }options\``
		);
	}

	/** Drops the table and closes the connection pool. */
	async dispose(): Promise< void > {
		await this.drop();
		await this.pool.end();
	}
}

/**
 * Sidecar configuration for in-process tests: ephemeral port, silent logs
 * (LIVEDESK_TEST_LOG_LEVEL=debug to see them).
 *
 * @param db        Test database.
 * @param prefix    Table prefix.
 * @param overrides Fields to replace.
 */
export function sidecarConfig(
	db: TestDb,
	prefix: string,
	overrides: Partial< Config > = {}
): Config {
	return {
		host: '127.0.0.1',
		port: 0,
		logLevel:
			( process.env.LIVEDESK_TEST_LOG_LEVEL as Config[ 'logLevel' ] ) ??
			'silent',
		allowedOrigins: [],
		secretRefreshMs: 5000,
		settingsRefreshMs: 200,
		offlineTailMs: 30 * 60_000,
		fanoutTickMs: 50,
		chatTailMs: 200,
		db: {
			target: { kind: 'socket', socketPath: db.socketPath },
			user: db.user,
			password: db.password,
			database: db.database,
			tablePrefix: prefix,
		},
		...overrides,
	};
}
