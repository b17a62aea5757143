/**
 * External dependencies
 */
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { tableName } from './table-name';
import { cleanReferrer } from '../../../src/protocol';
import type { VisitorRow } from '../persist/rows';
import {
	MAX_PLACEHOLDERS,
	clip,
	executeWrite,
	placeholders,
	toUtcDatetime,
} from '../persist/sql';
import type { SqlValue } from '../persist/sql';

// Text columns in the order they are bound, with their sizes in migration 2.
const TEXT_COLUMNS = [
	[ 'country', 2 ],
	[ 'region', 80 ],
	[ 'city', 120 ],
	[ 'timezone', 64 ],
	[ 'browser', 64 ],
	[ 'os', 64 ],
	[ 'device', 32 ],
	[ 'ip', 45 ],
	[ 'language', 35 ],
	[ 'browser_timezone', 64 ],
] as const;

const REFERRER_MAX = 2048;

// Every value one row binds, in order: key, time, visits, coordinates, text.
const BOUND_COLUMNS = [
	'visitor_key',
	'seen',
	'visits',
	'latitude',
	'longitude',
	...TEXT_COLUMNS.map( ( [ column ] ) => column ),
	'referrer',
];

/** Most rows one {@link VisitorsRepository.upsertMany} call may write. */
export const VISITORS_MAX_ROWS = Math.floor(
	MAX_PLACEHOLDERS / BOUND_COLUMNS.length
);

const DETAIL_COLUMNS = [
	'latitude',
	'longitude',
	...TEXT_COLUMNS.map( ( [ column ] ) => column ),
];

// The rows arrive as a derived table (`incoming`) rather than a VALUES list,
// so the update can read each row's visitsDelta, which has no column.
const INSERT = `(visitor_key, first_seen, last_seen, visit_count, ${ DETAIL_COLUMNS.join(
	', '
) }, referrer)
SELECT in_visitor_key, in_seen, in_seen, GREATEST(1, in_visits), ${ DETAIL_COLUMNS.map(
	( column ) => `in_${ column }`
).join( ', ' ) }, in_referrer`;

const FIRST_ROW = `SELECT ${ BOUND_COLUMNS.map(
	( column ) => `? AS in_${ column }`
).join( ', ' ) }`;

const NEXT_ROW = `UNION ALL SELECT ${ placeholders( BOUND_COLUMNS.length ) }`;

// The latest sighting sets the details; an older one arriving late (another
// sidecar's batch) leaves them alone. last_seen is assigned last because
// each assignment sees the values assigned before it.
const UPDATE = [
	'first_seen = LEAST(first_seen, VALUES(first_seen))',
	'visit_count = visit_count + incoming.in_visits',
	"referrer = IF(incoming.in_visits > 0 AND VALUES(referrer) <> '', VALUES(referrer), referrer)",
	...DETAIL_COLUMNS.map(
		( column ) =>
			`${ column } = IF(VALUES(last_seen) >= last_seen, VALUES(${ column }), ${ column })`
	),
	'last_seen = GREATEST(last_seen, VALUES(last_seen))',
].join( ',\n\t' );

function byKey( a: string, b: string ): number {
	if ( a === b ) {
		return 0;
	}
	return a < b ? -1 : 1;
}

function coordinate( value: number | null, limit: number ): string | null {
	// As an exact decimal string: the column keeps 6 decimals.
	return value !== null &&
		Number.isFinite( value ) &&
		Math.abs( value ) <= limit
		? value.toFixed( 6 )
		: null;
}

function bind( row: VisitorRow ): SqlValue[] {
	const { geo, device } = row;
	const text: Record< ( typeof TEXT_COLUMNS )[ number ][ 0 ], string > = {
		country: geo.country,
		region: geo.region,
		city: geo.city,
		timezone: geo.timezone,
		browser: device.browser,
		os: device.os,
		device: device.device,
		ip: row.ip,
		language: row.language,
		browser_timezone: row.browserTimezone,
	};
	return [
		row.visitorKey,
		toUtcDatetime( row.time ),
		Math.max( 0, Math.trunc( row.visitsDelta ) ),
		coordinate( geo.lat, 90 ),
		coordinate( geo.lng, 180 ),
		...TEXT_COLUMNS.map( ( [ column, size ] ) =>
			clip( text[ column ], size )
		),
		clip( cleanReferrer( row.referrer ), REFERRER_MAX ),
	];
}

/** Batched writes to `{prefix}livedesk_visitors`, whose schema WordPress owns. */
export class VisitorsRepository {
	/** Fully qualified table name, for messages. */
	readonly table: string;

	private readonly pool: Pool;

	constructor( pool: Pool, tablePrefix: string ) {
		this.pool = pool;
		this.table = tableName( tablePrefix, 'livedesk_visitors' );
	}

	/**
	 * Inserts or updates one row per visitor, in a single statement. A new
	 * visitor gets first_seen = last_seen = `time` and visit_count =
	 * max(1, visitsDelta); a known one keeps first_seen, moves last_seen
	 * forward, adds visitsDelta and takes the latest details. The referrer
	 * changes only with a new visit (visitsDelta > 0) that has one. Text is
	 * cut to the column sizes.
	 *
	 * @param  rows At most {@link VISITORS_MAX_ROWS} sightings.
	 * @throws {RangeError} On too many rows or a time a DATETIME cannot hold.
	 */
	async upsertMany( rows: readonly VisitorRow[] ): Promise< void > {
		if ( rows.length === 0 ) {
			return;
		}
		if ( rows.length > VISITORS_MAX_ROWS ) {
			throw new RangeError(
				`${ rows.length } visitor rows in one statement; at most ${ VISITORS_MAX_ROWS }`
			);
		}
		const sql = `INSERT INTO \`${ this.table }\` ${ INSERT }
FROM (
	${ [ FIRST_ROW, ...Array< string >( rows.length - 1 ).fill( NEXT_ROW ) ].join( '\n\t' ) }
) AS incoming
ON DUPLICATE KEY UPDATE
	${ UPDATE }`;
		// In key order, so sidecars writing the same visitors at once take
		// their row locks in the same order instead of deadlocking.
		const sorted = [ ...rows ].sort( ( a, b ) =>
			byKey( a.visitorKey, b.visitorKey )
		);
		await executeWrite( this.pool, sql, sorted.flatMap( bind ) );
	}
}
