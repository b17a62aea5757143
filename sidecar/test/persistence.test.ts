/**
 * Batched presence writes against the real MariaDB, into copies of the
 * tables the plugin's migrations created on the test site.
 */

/**
 * External dependencies
 */
import pino from 'pino';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import { PageViewsRepository } from '../src/db/page-views-repository';
import { createPool } from '../src/db/pool';
import { VisitorsRepository } from '../src/db/visitors-repository';
import type { PageViewRow, VisitorRow } from '../src/persist/rows';
import { PresenceWriter } from '../src/persist/writer';
import { sidecarConfig, testDbFromEnv } from './helpers/db';
import type { TestDb } from './helpers/db';
import { PresenceTables } from './helpers/presence-tables';

const PREFIX = 'sctest_persist_';
const LATE_PREFIX = 'sctest_persist_late_';

// 2025-03-09 10:30:15.750 UTC: a daylight-saving change in the process time
// zone set below, so a local-time slip would show.
const T0 = Date.UTC( 2025, 2, 9, 10, 30, 15, 750 );
const HOUR = 3_600_000;

const HOSTILE =
	'<img src=x onerror=alert(1)> "double" \'single\' `back` \\\' \\" \\\\ %s ?id=1 #frag ' +
	'-- ; DROP TABLE x; /* */ 😀👩‍👩‍👧 Ω É ß 中文 العربية \u200b\u202e\u0001\t\r\n end';

let db: TestDb;
let tables: PresenceTables;
let pool: Pool;
let savedTz: string | undefined;

/**
 * The sidecar's own pool, with every statement it executes recorded.
 * @param target
 */
function recording( target: Pool ): { pool: Pool; statements: string[] } {
	const statements: string[] = [];
	// Only what the repositories use: getConnection, execute, unprepare, release.
	const wrapped = {
		getConnection: async () => {
			const connection = await target.getConnection();
			return {
				execute: ( options: { sql: string } ) => {
					statements.push( options.sql );
					return connection.execute( options as never );
				},
				unprepare: ( sql: string ) => connection.unprepare( sql ),
				release: () => connection.release(),
			} as unknown as PoolConnection;
		},
	};
	return { pool: wrapped as unknown as Pool, statements };
}

function key( n: number ): string {
	return n.toString( 16 ).padStart( 32, 'a' );
}

function sighting(
	n: number,
	overrides: Partial< VisitorRow > = {}
): VisitorRow {
	return {
		visitorKey: key( n ),
		time: T0,
		visitsDelta: 1,
		ip: '203.0.113.0',
		geo: {
			country: 'DE',
			region: 'BE',
			city: 'Berlin',
			lat: 52.520008,
			lng: 13.404954,
			timezone: 'Europe/Berlin',
		},
		device: { browser: 'Firefox', os: 'Linux', device: 'desktop' },
		language: 'de-DE',
		browserTimezone: 'Europe/Berlin',
		referrer: 'https://search.example/results',
		...overrides,
	};
}

function view(
	n: number,
	path: string,
	title = `Title ${ path }`,
	time = T0
): PageViewRow {
	return { visitorKey: key( n ), path, title, time };
}

async function visitorRow( n: number ): Promise< RowDataPacket | undefined > {
	const rows = await tables.select(
		'SELECT * FROM {visitors} WHERE visitor_key = ?',
		[ key( n ) ]
	);
	return rows[ 0 ];
}

async function preparedStatements(): Promise< number > {
	const rows = await tables.select(
		"SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'"
	);
	return Number( rows[ 0 ]?.Value );
}

beforeAll( async () => {
	savedTz = process.env.TZ;
	// Neither Node's zone nor the server's may leak into stored times.
	process.env.TZ = 'America/New_York';
	db = testDbFromEnv();
	tables = await PresenceTables.create( db, PREFIX );
	pool = createPool( sidecarConfig( db, PREFIX ).db );
} );

afterEach( async () => {
	await tables?.truncate();
} );

afterAll( async () => {
	process.env.TZ = savedTz;
	await pool?.end();
	await tables?.dispose();
} );

describe( 'VisitorsRepository', () => {
	it( 'inserts a new visitor with every value, times in UTC', async () => {
		const visitors = new VisitorsRepository( pool, PREFIX );
		await visitors.upsertMany( [
			sighting( 1 ),
			sighting( 2, {
				visitsDelta: 0,
				geo: {
					country: '',
					region: '',
					city: '',
					lat: null,
					lng: null,
					timezone: '',
				},
				referrer: '',
			} ),
		] );

		expect( await visitorRow( 1 ) ).toEqual( {
			id: expect.any( Number ),
			visitor_key: key( 1 ),
			first_seen: '2025-03-09 10:30:15',
			last_seen: '2025-03-09 10:30:15',
			visit_count: 1,
			country: 'DE',
			region: 'BE',
			city: 'Berlin',
			latitude: '52.520008',
			longitude: '13.404954',
			timezone: 'Europe/Berlin',
			browser: 'Firefox',
			os: 'Linux',
			device: 'desktop',
			ip: '203.0.113.0',
			language: 'de-DE',
			browser_timezone: 'Europe/Berlin',
			referrer: 'https://search.example/results',
		} );
		// A first sighting without a new visit still counts one visit.
		expect( await visitorRow( 2 ) ).toMatchObject( {
			visit_count: 1,
			country: '',
			latitude: null,
			longitude: null,
			referrer: '',
		} );
	} );

	it( 'counts a second visit, keeps first_seen and takes the latest details', async () => {
		const visitors = new VisitorsRepository( pool, PREFIX );
		const inParis = {
			ip: '198.51.100.0',
			geo: {
				country: 'FR',
				region: 'IDF',
				city: 'Paris',
				lat: 48.8566,
				lng: 2.3522,
				timezone: 'Europe/Paris',
			},
			device: { browser: 'Safari', os: 'iOS', device: 'mobile' },
			language: 'fr-FR',
			browserTimezone: 'Europe/Paris',
		};
		await visitors.upsertMany( [ sighting( 1 ) ] );
		await visitors.upsertMany( [
			sighting( 1, {
				...inParis,
				time: T0 + HOUR,
				referrer: 'https://news.example/story',
			} ),
		] );
		// A later sighting within that visit: no visit counted, referrer kept.
		await visitors.upsertMany( [
			sighting( 1, {
				...inParis,
				time: T0 + 2 * HOUR,
				visitsDelta: 0,
				referrer: 'https://elsewhere.example/',
			} ),
		] );
		// A new visit that came direct leaves the referrer alone too.
		await visitors.upsertMany( [
			sighting( 1, { ...inParis, time: T0 + 3 * HOUR, referrer: '' } ),
		] );
		// A late, older sighting (say, another sidecar's batch) changes no details.
		await visitors.upsertMany( [
			sighting( 1, { time: T0 + 30 * 60_000, visitsDelta: 0 } ),
		] );

		expect( await visitorRow( 1 ) ).toMatchObject( {
			first_seen: '2025-03-09 10:30:15',
			last_seen: '2025-03-09 13:30:15',
			visit_count: 3,
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			latitude: '48.856600',
			longitude: '2.352200',
			timezone: 'Europe/Paris',
			ip: '198.51.100.0',
			browser: 'Safari',
			os: 'iOS',
			device: 'mobile',
			language: 'fr-FR',
			browser_timezone: 'Europe/Paris',
			referrer: 'https://news.example/story',
		} );

		// An earlier first sighting arriving late moves first_seen back.
		await visitors.upsertMany( [
			sighting( 1, { time: T0 - HOUR, visitsDelta: 0 } ),
		] );
		expect( await visitorRow( 1 ) ).toMatchObject( {
			first_seen: '2025-03-09 09:30:15',
			last_seen: '2025-03-09 13:30:15',
			visit_count: 3,
			city: 'Paris',
		} );
	} );

	it( 'cuts over-long values instead of failing the batch', async () => {
		const visitors = new VisitorsRepository( pool, PREFIX );
		const long = 'x'.repeat( 4000 );
		await visitors.upsertMany( [
			sighting( 1, {
				geo: {
					country: 'DEU',
					region: long,
					city: '😀'.repeat( 4000 ),
					lat: 400,
					lng: Number.NaN,
					timezone: long,
				},
				device: { browser: long, os: long, device: long },
				ip: long,
				language: long,
				browserTimezone: long,
				referrer: `https://search.example/${ long }?q=secret#frag`,
			} ),
			sighting( 2 ),
		] );
		const [ row ] = await tables.select(
			`SELECT country, CHAR_LENGTH(region) region, CHAR_LENGTH(city) city,
				city LIKE '😀%' emoji, latitude, longitude, CHAR_LENGTH(timezone) timezone,
				CHAR_LENGTH(browser) browser, CHAR_LENGTH(device) device, CHAR_LENGTH(ip) ip,
				CHAR_LENGTH(language) language, CHAR_LENGTH(browser_timezone) browser_timezone,
				CHAR_LENGTH(referrer) referrer, LOCATE('?', referrer) query
			FROM {visitors} WHERE visitor_key = ?`,
			[ key( 1 ) ]
		);
		expect( row ).toEqual( {
			country: 'DE',
			region: 80,
			city: 120,
			emoji: 1,
			latitude: null,
			longitude: null,
			timezone: 64,
			browser: 64,
			device: 32,
			ip: 45,
			language: 35,
			browser_timezone: 64,
			referrer: 2048,
			query: 0,
		} );
		expect( await visitorRow( 2 ) ).toBeDefined();
	} );

	it( 'refuses an unsafe table prefix', () => {
		expect( () => new VisitorsRepository( pool, 'wp_; DROP' ) ).toThrow(
			'unsafe table prefix "wp_; DROP"'
		);
		expect( () => new PageViewsRepository( pool, 'wp`' ) ).toThrow(
			'unsafe table prefix "wp`"'
		);
	} );
} );

describe( 'PageViewsRepository', () => {
	it( 'writes 1,000 page views in one statement, in order, times in UTC', async () => {
		const recorded = recording( pool );
		const pageViews = new PageViewsRepository( recorded.pool, PREFIX );
		await pageViews.insertMany(
			Array.from( { length: 1000 }, ( _, i ) =>
				view( i % 7, `/page/${ i }`, `Page ${ i }`, T0 + i * 1000 )
			)
		);
		expect( recorded.statements ).toHaveLength( 1 );
		const rows = await tables.select(
			'SELECT visitor_key, path, title, viewed_at FROM {page_views} ORDER BY id'
		);
		expect( rows ).toHaveLength( 1000 );
		expect( rows[ 0 ] ).toEqual( {
			visitor_key: key( 0 ),
			path: '/page/0',
			title: 'Page 0',
			viewed_at: '2025-03-09 10:30:15',
		} );
		expect( rows[ 999 ] ).toEqual( {
			visitor_key: key( 999 % 7 ),
			path: '/page/999',
			title: 'Page 999',
			viewed_at: '2025-03-09 10:46:54',
		} );
	} );

	it( 'stores the time in UTC by the server’s own clock', async () => {
		const pageViews = new PageViewsRepository( pool, PREFIX );
		await pageViews.insertMany( [ view( 1, '/now', 'Now', Date.now() ) ] );
		const [ row ] = await tables.select(
			'SELECT TIMESTAMPDIFF(SECOND, viewed_at, UTC_TIMESTAMP()) AS age FROM {page_views}'
		);
		expect( Math.abs( Number( row?.age ) ) ).toBeLessThanOrEqual( 5 );
	} );

	it( 'cuts a 4,000-character path or title and strips queries, without failing the batch', async () => {
		const pageViews = new PageViewsRepository( pool, PREFIX );
		await pageViews.insertMany( [
			view( 1, '/ok-before' ),
			view( 1, `/${ 'p'.repeat( 3999 ) }`, 't'.repeat( 4000 ) ),
			view( 1, '/emoji', '👩‍👩‍👧'.repeat( 1000 ) ),
			view( 1, '/checkout?email=someone@example.com&token=abc#step-2' ),
			view( 1, '/ok-after' ),
		] );
		const rows = await tables.select(
			`SELECT path, CHAR_LENGTH(path) path_length, CHAR_LENGTH(title) title_length
			FROM {page_views} ORDER BY id`
		);
		// Titles keep their text; only paths lose query and fragment.
		const checkoutTitle =
			'Title /checkout?email=someone@example.com&token=abc#step-2';
		expect(
			rows.map( ( row ) => [ row.path_length, row.title_length ] )
		).toEqual( [
			[ 10, 16 ],
			[ 2048, 300 ],
			[ 6, 300 ],
			[ 9, checkoutTitle.length ],
			[ 9, 15 ],
		] );
		expect( rows[ 3 ]?.path ).toBe( '/checkout' );
	} );

	it( 'round-trips a hostile title and path byte for byte', async () => {
		const pageViews = new PageViewsRepository( pool, PREFIX );
		const path = '/quote\'s/"double"/<script>/%27%22/😀/\\';
		await pageViews.insertMany( [ view( 1, path, HOSTILE ) ] );
		const [ row ] = await tables.select(
			'SELECT HEX(title) title, HEX(path) path FROM {page_views}'
		);
		expect( row ).toEqual( {
			title: Buffer.from( HOSTILE, 'utf8' )
				.toString( 'hex' )
				.toUpperCase(),
			path: Buffer.from( path, 'utf8' ).toString( 'hex' ).toUpperCase(),
		} );
	} );

	it( 'closes its prepared statements', async () => {
		const pageViews = new PageViewsRepository( pool, PREFIX );
		const visitors = new VisitorsRepository( pool, PREFIX );
		const before = await preparedStatements();
		for ( let size = 1; size <= 20; size++ ) {
			await pageViews.insertMany(
				Array.from( { length: size }, ( _, i ) => view( i, `/${ i }` ) )
			);
			await visitors.upsertMany(
				Array.from( { length: size }, ( _, i ) => sighting( i ) )
			);
		}
		// 40 distinct statements ran; none stayed open (others may come and go).
		expect( ( await preparedStatements() ) - before ).toBeLessThan( 5 );
	} );
} );

describe( 'PresenceWriter with the real tables', () => {
	it( 'writes a burst of 1,000 page views in a few statements, visitors first', async () => {
		const recorded = recording( pool );
		const writer = new PresenceWriter( {
			visitors: new VisitorsRepository( recorded.pool, PREFIX ),
			pageViews: new PageViewsRepository( recorded.pool, PREFIX ),
			log: pino( { level: 'silent' } ),
		} );
		for ( let i = 0; i < 1000; i++ ) {
			writer.recordVisitor(
				sighting( i % 10, {
					time: T0 + i,
					visitsDelta: i < 10 ? 1 : 0,
				} )
			);
			writer.recordPageView(
				view( i % 10, `/burst/${ i }`, HOSTILE, T0 + i )
			);
		}
		await writer.stop();

		// One visitor statement (10 coalesced rows), then 300 + 300 + 300 + 100.
		expect( recorded.statements ).toHaveLength( 5 );
		expect( recorded.statements[ 0 ] ).toMatch(
			/^INSERT INTO `sctest_persist_livedesk_visitors`/
		);
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 1010,
			dropped: 0,
			lastError: null,
		} );
		const [ counts ] = await tables.select(
			`SELECT (SELECT COUNT(*) FROM {visitors}) visitors,
				(SELECT SUM(visit_count) FROM {visitors}) visits,
				(SELECT COUNT(*) FROM {page_views}) page_views,
				(SELECT COUNT(*) FROM {page_views} WHERE title = ?) hostile`,
			[ HOSTILE ]
		);
		expect( counts ).toEqual( {
			visitors: 10,
			visits: '10',
			page_views: 1000,
			hostile: 1000,
		} );
	} );

	it( 'keeps rows while its tables are missing and writes them once they exist', async () => {
		const lines: Array< Record< string, unknown > > = [];
		const log = pino(
			{ level: 'warn' },
			{ write: ( line: string ) => lines.push( JSON.parse( line ) ) }
		);
		const writer = new PresenceWriter( {
			visitors: new VisitorsRepository( pool, LATE_PREFIX ),
			pageViews: new PageViewsRepository( pool, LATE_PREFIX ),
			log,
		} );
		writer.recordVisitor( sighting( 1 ) );
		writer.recordPageView( view( 1, '/waiting' ) );
		await writer.flush();
		expect( writer.stats() ).toMatchObject( {
			buffered: 2,
			written: 0,
			lastError: expect.stringContaining( 'ER_NO_SUCH_TABLE' ),
		} );
		expect( lines ).toHaveLength( 1 );

		const late = await PresenceTables.create( db, LATE_PREFIX );
		try {
			await writer.stop();
			expect( writer.stats() ).toMatchObject( {
				buffered: 0,
				written: 2,
				lastError: null,
			} );
			const rows = await late.select(
				'SELECT v.visit_count, p.path FROM {visitors} v JOIN {page_views} p USING (visitor_key)'
			);
			expect( rows ).toEqual( [ { visit_count: 1, path: '/waiting' } ] );
		} finally {
			await late.dispose();
		}
	} );
} );
