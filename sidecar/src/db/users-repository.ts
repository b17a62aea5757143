/**
 * Read access to WordPress's `{prefix}users` table, which WordPress owns: the
 * display names agents are shown under.
 */

/**
 * Internal dependencies
 */
import { idList, select } from './chat-sql';
import type { Queryable } from './chat-sql';
import { tableName } from './table-name';

/** Display names of WordPress users. */
export class UsersRepository {
	/** Fully qualified table name. */
	readonly table: string;

	constructor( tablePrefix: string ) {
		this.table = tableName( tablePrefix, 'users' );
	}

	/**
	 * Display names by user id, for the ids that exist.
	 *
	 * @param db  Pool.
	 * @param ids WordPress user ids.
	 */
	async displayNames(
		db: Queryable,
		ids: readonly number[]
	): Promise< Map< number, string > > {
		const names = new Map< number, string >();
		if ( ids.length === 0 ) {
			return names;
		}
		const { marks, values } = idList( ids );
		const rows = await select(
			db,
			`SELECT ID, display_name FROM \`${ this.table }\` WHERE ID IN (${ marks })`,
			values
		);
		for ( const row of rows ) {
			names.set(
				Number( row.ID ),
				typeof row.display_name === 'string' ? row.display_name : ''
			);
		}
		return names;
	}
}
