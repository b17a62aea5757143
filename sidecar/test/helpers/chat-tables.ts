/**
 * The plugin's chat tables (and what chat reads besides: presence tables and
 * WordPress's users) under a test file's own prefix, created as copies of the
 * test site's migrated tables, so chat tests run against the schema
 * migration 3 really produces.
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
export const CHAT_TABLES = [
	'livedesk_visitors',
	'livedesk_page_views',
	'livedesk_conversations',
	'livedesk_messages',
	'users',
] as const;

/** One of {@link CHAT_TABLES}. */
export type ChatTable = ( typeof CHAT_TABLES )[ number ];

const SITE_PREFIX = 'wp_';

/** Empty copies of the site's chat tables, and a pool to read and write them. */
export class ChatTables {
	readonly prefix: string;
	/** Reads DATETIMEs as the stored strings. */
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
	static async create( db: TestDb, prefix: string ): Promise< ChatTables > {
		const pool = mysql.createPool( {
			...db,
			charset: 'utf8mb4',
			dateStrings: true,
			connectionLimit: 4,
		} );
		const tables = new ChatTables( pool, prefix );
		try {
			await tables.drop();
			for ( const table of CHAT_TABLES ) {
				await pool.query(
					`CREATE TABLE \`${ prefix }${ table }\` LIKE \`${ SITE_PREFIX }${ table }\``
				);
			}
		} catch ( error ) {
			await pool.end();
			throw new Error(
				`cannot copy the site's ${ SITE_PREFIX }livedesk_* tables (is the test site installed and migrated to version 3?): ${
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
	name( table: ChatTable ): string {
		return `${ this.prefix }${ table }`;
	}

	/**
	 * Runs a statement; `{conversations}`, `{messages}`, `{page_views}`,
	 * `{visitors}` and `{users}` name the tables.
	 *
	 * @param sql    SQL.
	 * @param values Placeholder values.
	 */
	async query(
		sql: string,
		values: unknown[] = []
	): Promise< RowDataPacket[] > {
		const named = sql
			.replaceAll(
				'{conversations}',
				`\`${ this.name( 'livedesk_conversations' ) }\``
			)
			.replaceAll(
				'{messages}',
				`\`${ this.name( 'livedesk_messages' ) }\``
			)
			.replaceAll(
				'{page_views}',
				`\`${ this.name( 'livedesk_page_views' ) }\``
			)
			.replaceAll(
				'{visitors}',
				`\`${ this.name( 'livedesk_visitors' ) }\``
			)
			.replaceAll( '{users}', `\`${ this.name( 'users' ) }\`` );
		const [ rows ] = await this.pool.query< RowDataPacket[] >(
			named,
			values
		);
		return rows;
	}

	/**
	 * Adds a WordPress user (an agent) with a display name.
	 *
	 * @param id          User id.
	 * @param displayName Display name.
	 */
	async addUser( id: number, displayName: string ): Promise< void > {
		await this.query(
			`INSERT INTO {users} (ID, user_login, user_pass, user_nicename, user_email, user_registered, display_name)
			VALUES (?, ?, '', ?, ?, '2026-01-01 00:00:00', ?)`,
			[
				id,
				`user${ id }`,
				`user${ id }`,
				`user${ id }@example.com`,
				displayName,
			]
		);
	}

	/** Empties the chat and presence tables (not users). */
	async truncate(): Promise< void > {
		for ( const table of CHAT_TABLES ) {
			if ( table !== 'users' ) {
				await this.pool.query(
					`TRUNCATE TABLE \`${ this.name( table ) }\``
				);
			}
		}
	}

	/** Drops the tables. */
	async drop(): Promise< void > {
		for ( const table of CHAT_TABLES ) {
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
