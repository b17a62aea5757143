/** What a WordPress table prefix may contain before it is spliced into SQL. */
const SAFE_PREFIX = /^[A-Za-z0-9_]+$/;

/**
 * The full name of a WordPress table, refusing a prefix that is anything
 * but a plain name (table names cannot be bound as SQL parameters).
 *
 * @param  tablePrefix WordPress's `$table_prefix`.
 * @param  table       Unprefixed table name, e.g. `options`.
 * @throws {Error} When the prefix is unsafe.
 */
export function tableName( tablePrefix: string, table: string ): string {
	if ( ! SAFE_PREFIX.test( tablePrefix ) ) {
		throw new Error( `unsafe table prefix "${ tablePrefix }"` );
	}
	return `${ tablePrefix }${ table }`;
}
