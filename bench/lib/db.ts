/**
 * The benchmark stack's database, reached the way the sidecar integration
 * tests reach theirs: the `LIVEDESK_TEST_DB_*` variables that
 * `.stack/<name>/env` exports. Only the benchmark's own throw-away stack is
 * ever written to.
 */

/**
 * External dependencies
 */
// The sidecar workspace installs mysql2.
import mysql from 'mysql2/promise';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** The local stacks' table prefix (bin/lib/stack.sh writes it into wp-config.php). */
export const TABLE_PREFIX = 'wp_';

const VARIABLES = [
	'LIVEDESK_TEST_DB_SOCKET',
	'LIVEDESK_TEST_DB_USER',
	'LIVEDESK_TEST_DB_PASSWORD',
	'LIVEDESK_TEST_DB_NAME',
] as const;

/** One connection to the stack's database. */
export class BenchDb {
	private readonly connection: Connection;

	private constructor( connection: Connection ) {
		this.connection = connection;
	}

	/**
	 * Connects with the stack's variables, failing with the names of the
	 * missing ones.
	 *
	 * @param env The environment (`.stack/<name>/env` sourced).
	 */
	static async connect( env: NodeJS.ProcessEnv ): Promise< BenchDb > {
		const missing = VARIABLES.filter(
			( name ) => env[ name ] === undefined
		);
		if ( missing.length > 0 ) {
			throw new Error(
				`missing ${ missing.join( ', ' ) }: source .stack/<name>/env first`
			);
		}
		const connection = await mysql.createConnection( {
			socketPath: env.LIVEDESK_TEST_DB_SOCKET,
			user: env.LIVEDESK_TEST_DB_USER,
			password: env.LIVEDESK_TEST_DB_PASSWORD,
			database: env.LIVEDESK_TEST_DB_NAME,
		} );
		return new BenchDb( connection );
	}

	/**
	 * A WordPress option's stored value, or null when it is not set.
	 *
	 * @param name Option name.
	 */
	async option( name: string ): Promise< string | null > {
		const [ rows ] = await this.connection.query< RowDataPacket[] >(
			`SELECT option_value FROM \`${ TABLE_PREFIX }options\` WHERE option_name = ?`,
			[ name ]
		);
		const value: unknown = rows[ 0 ]?.option_value;
		return typeof value === 'string' ? value : null;
	}

	/**
	 * Stores a WordPress option directly (the sidecar reads options from the
	 * table, so no WordPress cache is in the way).
	 *
	 * @param name  Option name.
	 * @param value Value as WordPress would store it.
	 */
	async setOption( name: string, value: string ): Promise< void > {
		await this.connection.query(
			`INSERT INTO \`${ TABLE_PREFIX }options\` (option_name, option_value, autoload)
			VALUES (?, ?, 'on') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
			[ name, value ]
		);
	}

	/**
	 * Rows in one of the plugin's tables.
	 *
	 * @param table Table name without the prefix, e.g. `livedesk_page_views`.
	 */
	async countRows( table: string ): Promise< number > {
		const [ rows ] = await this.connection.query< RowDataPacket[] >(
			`SELECT COUNT(*) AS n FROM \`${ TABLE_PREFIX }${ table }\``
		);
		return Number( rows[ 0 ]?.n ?? 0 );
	}

	/** Closes the connection. */
	async close(): Promise< void > {
		await this.connection.end();
	}
}
