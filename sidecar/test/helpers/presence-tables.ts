/**
 * The plugin's presence tables under a test file's own prefix, created as
 * copies of the test site's migrated tables (`wp_livedesk_*`), so tests always
 * run against the schema WordPress's migrations really produce.
 */

/**
 * External dependencies
 */
import mysql from 'mysql2/promise';
import type { Pool, RowDataPacket } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { TestDb } from './db';

/** Unprefixed names of the tables copied. */
export const PRESENCE_TABLES = [
	'livedesk_visitors',
	'livedesk_page_views',
] as const;

/** Prefix of the test site's tables, migrated by the plugin. */
const SITE_PREFIX = 'wp_';

/** Empty copies of the site's presence tables, and a pool to read them. */
export class PresenceTables {
	readonly prefix: string;
	/** Reads DATETIMEs as the stored strings and DECIMALs as strings. */
	readonly pool: Pool;

	private constructor( pool: Pool, prefix: string ) {
		this.pool = pool;
		this.prefix = prefix;
	}

	/**
	 * Creates the copies, empty.
	 *
	 * @param db     Test database.
	 * @param prefix Table prefix owned by the calling test file.
	 */
	static async create(
		db: TestDb,
		prefix: string
	): Promise< PresenceTables > {
		const pool = mysql.createPool( {
			...db,
			charset: 'utf8mb4',
			dateStrings: true,
			connectionLimit: 2,
		} );
		const tables = new PresenceTables( pool, prefix );
		try {
			await tables.drop();
			for ( const table of PRESENCE_TABLES ) {
				await pool.query(
					`CREATE TABLE \`${ prefix }${ table }\` LIKE \`${ SITE_PREFIX }${ table }\``
				);
			}
		} catch ( error ) {
			await pool.end();
			throw new Error(
				`cannot copy the site's ${ SITE_PREFIX }livedesk_* tables (is the test site installed and migrated?): ${
					( error as Error ).message
				}`
			);
		}
		return tables;
	}

	/**
	 * Prefixed name of one of the tables.
	 *
	 * @param table Unprefixed name.
	 */
	name( table: ( typeof PRESENCE_TABLES )[ number ] ): string {
		return `${ this.prefix }${ table }`;
	}

	/**
	 * Runs a query and returns its rows.
	 *
	 * @param sql    SQL; `{visitors}` and `{page_views}` name the tables.
	 * @param values Placeholder values.
	 */
	async select(
		sql: string,
		values: unknown[] = []
	): Promise< RowDataPacket[] > {
		const [ rows ] = await this.pool.query< RowDataPacket[] >(
			sql
				.replaceAll(
					'{visitors}',
					`\`${ this.name( 'livedesk_visitors' ) }\``
				)
				.replaceAll(
					'{page_views}',
					`\`${ this.name( 'livedesk_page_views' ) }\``
				),
			values
		);
		return rows;
	}

	/** Empties both tables. */
	async truncate(): Promise< void > {
		for ( const table of PRESENCE_TABLES ) {
			await this.pool.query(
				`TRUNCATE TABLE \`${ this.name( table ) }\``
			);
		}
	}

	/** Drops both tables. */
	async drop(): Promise< void > {
		for ( const table of PRESENCE_TABLES ) {
			await this.pool.query(
				`DROP TABLE IF EXISTS \`${ this.name( table ) }\``
			);
		}
	}

	/** Drops the tables and closes the pool. */
	async dispose(): Promise< void > {
		await this.drop();
		await this.pool.end();
	}
}
