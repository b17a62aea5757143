/**
 * External dependencies
 */
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { tableName } from './table-name';
import { stripQueryAndFragment } from '../../../src/protocol';
import type { ConversationPage } from '../../../src/protocol';
import { fromDbTime, select } from './chat-sql';
import type { PageViewRow } from '../persist/rows';
import {
	MAX_PLACEHOLDERS,
	clip,
	executeWrite,
	placeholders,
	toUtcDatetime,
} from '../persist/sql';

// Column sizes in migration 2, in characters.
const PATH_SIZE = 2048;
const TITLE_SIZE = 300;

const COLUMNS = [ 'visitor_key', 'path', 'title', 'viewed_at' ];

/** Most rows one {@link PageViewsRepository.insertMany} call may write. */
export const PAGE_VIEWS_MAX_ROWS = Math.floor(
	MAX_PLACEHOLDERS / COLUMNS.length
);

/** Batched writes to `{prefix}livedesk_page_views`, whose schema WordPress owns. */
export class PageViewsRepository {
	/** Fully qualified table name, for messages. */
	readonly table: string;

	private readonly pool: Pool;

	constructor( pool: Pool, tablePrefix: string ) {
		this.pool = pool;
		this.table = tableName( tablePrefix, 'livedesk_page_views' );
	}

	/**
	 * Appends the page views in a single statement. Paths lose any query
	 * string or fragment (again: nothing upstream is trusted to have done it)
	 * and text is cut to the column sizes.
	 *
	 * @param  rows At most {@link PAGE_VIEWS_MAX_ROWS} page views.
	 * @throws {RangeError} On too many rows or a time a DATETIME cannot hold.
	 */
	async insertMany( rows: readonly PageViewRow[] ): Promise< void > {
		if ( rows.length === 0 ) {
			return;
		}
		if ( rows.length > PAGE_VIEWS_MAX_ROWS ) {
			throw new RangeError(
				`${ rows.length } page views in one statement; at most ${ PAGE_VIEWS_MAX_ROWS }`
			);
		}
		const group = `(${ placeholders( COLUMNS.length ) })`;
		const sql = `INSERT INTO \`${ this.table }\` (${ COLUMNS.join(
			', '
		) }) VALUES ${ Array< string >( rows.length )
			.fill( group )
			.join( ', ' ) }`;
		await executeWrite(
			this.pool,
			sql,
			rows.flatMap( ( row ) => [
				row.visitorKey,
				clip( stripQueryAndFragment( row.path ), PATH_SIZE ),
				clip( row.title, TITLE_SIZE ),
				toUtcDatetime( row.time ),
			] )
		);
	}

	/**
	 * A visitor's latest page views, newest first (a chat's snapshot).
	 *
	 * @param visitorKey The visitor id.
	 * @param limit      Most pages, 1..100.
	 */
	async recent(
		visitorKey: string,
		limit: number
	): Promise< ConversationPage[] > {
		if ( ! Number.isSafeInteger( limit ) || limit < 1 || limit > 100 ) {
			throw new RangeError( `limit must be 1..100, got ${ limit }` );
		}
		const rows = await select(
			this.pool,
			`SELECT path, title, viewed_at FROM \`${ this.table }\` WHERE visitor_key = ? ORDER BY viewed_at DESC, id DESC LIMIT ${ limit }`,
			[ visitorKey ]
		);
		return rows.map( ( row ) => ( {
			path: String( row.path ),
			title: String( row.title ),
			viewed_at: fromDbTime( row.viewed_at ) ?? '',
		} ) );
	}
}
