/**
 * External dependencies
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { tableName } from './table-name';
import { QUERY_TIMEOUT_MS } from './pool';

/** Read access to WordPress's `{prefix}options` table, which WordPress owns. */
export class OptionsRepository {
	/** Fully qualified table name, for messages. */
	readonly table: string;

	private readonly pool: Pool;

	constructor( pool: Pool, tablePrefix: string ) {
		this.pool = pool;
		this.table = tableName( tablePrefix, 'options' );
	}

	/**
	 * The stored option_value, or null when the option does not exist.
	 *
	 * @param name Option name.
	 */
	async get( name: string ): Promise< string | null > {
		const [ rows ] = await this.pool.execute< RowDataPacket[] >( {
			sql: `SELECT option_value FROM \`${ this.table }\` WHERE option_name = ? LIMIT 1`,
			values: [ name ],
			timeout: QUERY_TIMEOUT_MS,
		} );
		const value: unknown = rows[ 0 ]?.option_value;
		return typeof value === 'string' ? value : null;
	}

	/**
	 * Several options in one query: name → stored option_value, for the
	 * names that exist.
	 *
	 * @param names Option names.
	 */
	async getMany(
		names: readonly string[]
	): Promise< Map< string, string > > {
		const values = new Map< string, string >();
		if ( names.length === 0 ) {
			return values;
		}
		const marks = names.map( () => '?' ).join( ', ' );
		const [ rows ] = await this.pool.execute< RowDataPacket[] >( {
			sql: `SELECT option_name, option_value FROM \`${ this.table }\` WHERE option_name IN (${ marks })`,
			values: [ ...names ],
			timeout: QUERY_TIMEOUT_MS,
		} );
		for ( const row of rows ) {
			const { option_name: name, option_value: value } = row;
			if ( typeof name === 'string' && typeof value === 'string' ) {
				values.set( name, value );
			}
		}
		return values;
	}
}
