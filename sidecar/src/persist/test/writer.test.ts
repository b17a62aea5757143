/**
 * Internal dependencies
 */
import { PresenceWriter } from '../writer';
import type { PresenceWriterOptions } from '../writer';
import {
	FakeDb,
	ManualTimers,
	captureLog,
	key,
	pageView,
	settle,
	visitor,
} from './fakes';

const T0 = Date.UTC( 2025, 0, 1, 12, 0, 0 );

function setup( options: Partial< PresenceWriterOptions > = {} ) {
	const db = new FakeDb();
	const timers = new ManualTimers();
	const { log, lines } = captureLog();
	const writer = new PresenceWriter( {
		visitors: db.visitors,
		pageViews: db.pageViews,
		log,
		setTimer: timers.set,
		describeError: ( error ) => `db says ${ ( error as Error ).message }`,
		...options,
	} );
	const warnings = () => lines.filter( ( line ) => line.level === 'warn' );
	return { db, timers, writer, lines, warnings };
}

describe( 'PresenceWriter', () => {
	it( 'coalesces sightings of one visitor and keeps page views in order', async () => {
		const { db, writer } = setup();
		writer.recordVisitor(
			visitor( 1, {
				time: T0,
				visitsDelta: 1,
				referrer: 'https://search.example/',
			} )
		);
		writer.recordPageView( pageView( 1, '/a', T0 ) );
		writer.recordVisitor( visitor( 2, { time: T0 + 500 } ) );
		writer.recordVisitor(
			visitor( 1, {
				time: T0 + 2000,
				visitsDelta: 0,
				language: 'de-DE',
				device: { browser: 'Chrome', os: 'Android', device: 'mobile' },
				referrer: 'https://ignored.example/',
			} )
		);
		writer.recordPageView( pageView( 1, '/b', T0 + 2000 ) );
		writer.recordVisitor(
			visitor( 1, { time: T0 + 1000, visitsDelta: 1 } )
		);
		expect( writer.stats().buffered ).toBe( 4 );

		await writer.flush();

		expect( db.visitorCalls ).toHaveLength( 1 );
		expect( db.visitorRows ).toEqual( [
			visitor( 1, {
				// The latest sighting's time and details, every visit counted,
				// the referrer of a new visit.
				time: T0 + 2000,
				visitsDelta: 2,
				language: 'de-DE',
				device: { browser: 'Chrome', os: 'Android', device: 'mobile' },
				referrer: 'https://search.example/',
			} ),
			visitor( 2, { time: T0 + 500 } ),
		] );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/a',
			'/b',
		] );
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 4,
			dropped: 0,
			lastError: null,
		} );
	} );

	it( 'upserts visitors before inserting page views', async () => {
		const order: string[] = [];
		const { writer } = setup( {
			visitors: {
				upsertMany: async () => {
					order.push( 'visitors' );
				},
			},
			pageViews: {
				insertMany: async () => {
					order.push( 'page views' );
				},
			},
		} );
		writer.recordPageView( pageView( 1, '/' ) );
		writer.recordVisitor( visitor( 1 ) );
		await writer.flush();
		expect( order ).toEqual( [ 'visitors', 'page views' ] );
	} );

	it( 'flushes one interval after the first buffered row', async () => {
		const { db, timers, writer } = setup( { flushIntervalMs: 1000 } );
		expect( timers.armed ).toEqual( [] );
		writer.recordPageView( pageView( 1, '/first' ) );
		await timers.advance( 600 );
		writer.recordPageView( pageView( 1, '/second' ) );
		expect( timers.armed ).toEqual( [ 400 ] );
		await timers.advance( 399 );
		expect( db.pageViewCalls ).toHaveLength( 0 );
		await timers.advance( 1 );
		expect( db.pageViewCalls ).toHaveLength( 1 );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/first',
			'/second',
		] );
		// Nothing buffered, nothing armed.
		expect( timers.armed ).toEqual( [] );
	} );

	it( 'flushes on the next tick once a batch is full, one statement per batch', async () => {
		const { db, timers, writer } = setup( { maxBatch: 3 } );
		writer.recordPageView( pageView( 1, '/1' ) );
		writer.recordPageView( pageView( 1, '/2' ) );
		expect( timers.armed ).toEqual( [ 1000 ] );
		writer.recordPageView( pageView( 1, '/3' ) );
		expect( timers.armed ).toEqual( [ 0 ] );
		await timers.advance( 0 );
		expect( db.pageViewCalls.map( ( call ) => call.rows.length ) ).toEqual(
			[ 3 ]
		);

		for ( let i = 0; i < 7; i++ ) {
			writer.recordVisitor( visitor( i ) );
		}
		await writer.flush();
		expect( db.visitorCalls.map( ( call ) => call.rows.length ) ).toEqual( [
			3, 3, 1,
		] );
	} );

	it( 'never runs two writes at the same time', async () => {
		const { db, timers, writer } = setup( { maxBatch: 2 } );
		db.hold = true;
		writer.recordPageView( pageView( 1, '/1' ) );
		writer.recordPageView( pageView( 1, '/2' ) );
		await timers.advance( 0 );
		expect( db.pageViewCalls ).toHaveLength( 1 );

		// A full batch, an explicit flush and the interval all arrive while
		// the first write is still running.
		writer.recordPageView( pageView( 1, '/3' ) );
		writer.recordPageView( pageView( 1, '/4' ) );
		writer.recordPageView( pageView( 1, '/5' ) );
		const flushed = writer.flush();
		await timers.advance( 5000 );
		expect( db.pageViewCalls ).toHaveLength( 1 );
		expect( writer.stats().buffered ).toBe( 5 );

		db.release();
		await flushed;
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/1',
			'/2',
			'/3',
			'/4',
			'/5',
		] );
		expect(
			db.pageViewCalls.every( ( call ) => call.concurrent === 1 )
		).toBe( true );
	} );

	it( 'keeps the rows after a failure, retries each interval and warns once', async () => {
		const { db, timers, writer, lines, warnings } = setup( {
			maxBatch: 2,
		} );
		db.failures = [
			new Error( 'ECONNREFUSED' ),
			new Error( 'ECONNREFUSED' ),
			new Error( 'still down' ),
		];
		writer.recordVisitor( visitor( 1, { visitsDelta: 1 } ) );
		writer.recordPageView( pageView( 1, '/' ) );
		await timers.advance( 0 );
		expect( db.visitorCalls ).toHaveLength( 1 );
		expect( writer.stats() ).toEqual( {
			buffered: 2,
			written: 0,
			dropped: 0,
			lastError: 'db says ECONNREFUSED',
		} );

		// Full batch, but after a failure the retry waits for the interval.
		expect( timers.armed ).toEqual( [ 1000 ] );
		await timers.advance( 999 );
		expect( db.visitorCalls ).toHaveLength( 1 );
		await timers.advance( 1 );
		expect( db.visitorCalls ).toHaveLength( 2 );
		await timers.advance( 1000 );
		expect( writer.stats().lastError ).toBe( 'db says still down' );
		await timers.advance( 1000 );

		expect( db.visitorCalls ).toHaveLength( 4 );
		expect( db.pageViewCalls ).toHaveLength( 1 );
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 2,
			dropped: 0,
			lastError: null,
		} );
		expect( warnings() ).toEqual( [
			expect.objectContaining( {
				error: 'db says ECONNREFUSED',
				buffered: 2,
				msg: 'cannot write presence to the database; keeping the rows and retrying every 1000 ms',
			} ),
		] );
		expect( lines.at( -1 ) ).toMatchObject( {
			level: 'info',
			msg: 'presence writes to the database work again',
		} );

		// A new outage is a new streak: warned again.
		db.failures = [ new Error( 'gone again' ) ];
		writer.recordPageView( pageView( 1, '/later' ) );
		await timers.advance( 1000 );
		expect( warnings() ).toHaveLength( 2 );
	} );

	it( 'retries only the page views when the visitors were written', async () => {
		const { db, timers, writer } = setup();
		writer.recordVisitor( visitor( 1, { visitsDelta: 1 } ) );
		writer.recordPageView( pageView( 1, '/' ) );
		// The visitors write succeeds; the first page views write fails.
		const insert = db.pageViews.insertMany;
		let attempts = 0;
		db.pageViews.insertMany = async ( rows ) => {
			attempts++;
			if ( attempts === 1 ) {
				throw new Error( 'deadlock' );
			}
			await insert( rows );
		};
		await writer.flush();
		expect( writer.stats().buffered ).toBe( 1 );
		await timers.advance( 1000 );
		// A visit counted once, not once per attempt.
		expect( db.visitorCalls ).toHaveLength( 1 );
		expect( attempts ).toBe( 2 );
		expect( db.pageViewRows ).toEqual( [ pageView( 1, '/' ) ] );
		expect( writer.stats() ).toMatchObject( { buffered: 0, written: 2 } );
	} );

	it( 'merges sightings that arrive during a failed write with the rows put back', async () => {
		const { db, writer } = setup();
		db.hold = true;
		db.failures = [ new Error( 'timeout' ) ];
		writer.recordVisitor( visitor( 1, { visitsDelta: 1, time: T0 } ) );
		writer.recordPageView( pageView( 1, '/old', T0 ) );
		const first = writer.flush();
		await settle();
		writer.recordVisitor( visitor( 2, { time: T0 + 10 } ) );
		writer.recordVisitor( visitor( 1, { visitsDelta: 1, time: T0 + 20 } ) );
		writer.recordPageView( pageView( 1, '/new', T0 + 20 ) );
		db.release();
		await first;
		expect( writer.stats().buffered ).toBe( 4 );

		await writer.flush();
		expect( db.visitorCalls.at( -1 )?.rows ).toEqual( [
			visitor( 1, { visitsDelta: 2, time: T0 + 20 } ),
			visitor( 2, { time: T0 + 10 } ),
		] );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/old',
			'/new',
		] );
	} );

	it( 'stays within maxBuffered while the database is down, dropping the oldest page views', async () => {
		const { db, timers, writer, warnings } = setup( {
			maxBatch: 100,
			maxBuffered: 5,
		} );
		db.failures = Array.from(
			{ length: 3 },
			() => new Error( 'ECONNREFUSED' )
		);
		writer.recordVisitor( visitor( 1, { visitsDelta: 1 } ) );
		for ( let i = 1; i <= 10; i++ ) {
			writer.recordPageView( pageView( 1, `/${ i }` ) );
			if ( i === 3 ) {
				await timers.advance( 1000 ); // fails
			}
		}
		expect( writer.stats() ).toMatchObject( { buffered: 5, dropped: 6 } );
		await timers.advance( 1000 ); // fails
		await timers.advance( 1000 ); // fails
		await timers.advance( 1000 ); // succeeds

		expect( db.visitorRows ).toEqual( [
			visitor( 1, { visitsDelta: 1 } ),
		] );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/7',
			'/8',
			'/9',
			'/10',
		] );
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 5,
			dropped: 6,
			lastError: null,
		} );
		expect( warnings().map( ( line ) => line.msg ) ).toEqual( [
			'cannot write presence to the database; keeping the rows and retrying every 1000 ms',
			'presence buffer full: dropping the oldest page views until the database takes writes again',
		] );
	} );

	it( 'drops visitors too when only visitors are left to drop', async () => {
		const { db, timers, writer } = setup( { maxBuffered: 2 } );
		db.failures = [ new Error( 'down' ) ];
		writer.recordVisitor( visitor( 1 ) );
		writer.recordVisitor( visitor( 2 ) );
		writer.recordVisitor( visitor( 3 ) );
		expect( writer.stats() ).toMatchObject( { buffered: 2, dropped: 1 } );
		await timers.advance( 1000 ); // fails
		await timers.advance( 1000 );
		expect( db.visitorRows.map( ( row ) => row.visitorKey ) ).toEqual( [
			key( 2 ),
			key( 3 ),
		] );
	} );

	it( 'discard drops what is buffered and what a failing write would put back', async () => {
		const { db, timers, writer } = setup();
		writer.recordVisitor( visitor( 1 ) );
		writer.recordPageView( pageView( 1, '/' ) );
		writer.discard();
		expect( writer.stats().buffered ).toBe( 0 );
		expect( timers.armed ).toEqual( [] );
		await timers.advance( 5000 );
		expect( db.visitorCalls ).toHaveLength( 0 );

		// Discarded mid-write: the failed rows are not kept, and the page
		// views after the statement in progress are not written.
		db.hold = true;
		db.failures = [ new Error( 'slow' ) ];
		writer.recordVisitor( visitor( 2 ) );
		writer.recordPageView( pageView( 2, '/' ) );
		const flushed = writer.flush();
		await settle();
		writer.discard();
		db.release();
		await flushed;
		await timers.advance( 5000 );
		expect( db.visitorCalls ).toHaveLength( 1 );
		expect( db.pageViewCalls ).toHaveLength( 0 );
		expect( writer.stats() ).toMatchObject( { buffered: 0, dropped: 0 } );

		// And recording goes on afterwards.
		writer.recordPageView( pageView( 3, '/after' ) );
		await timers.advance( 1000 );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/after',
		] );
	} );

	it( 'stop writes what is buffered, then ignores records', async () => {
		const { db, timers, writer } = setup();
		writer.recordVisitor( visitor( 1 ) );
		writer.recordPageView( pageView( 1, '/' ) );
		await writer.stop();
		expect( db.visitorRows ).toHaveLength( 1 );
		expect( db.pageViewRows ).toHaveLength( 1 );

		writer.recordPageView( pageView( 1, '/too-late' ) );
		writer.recordVisitor( visitor( 2 ) );
		expect( timers.armed ).toEqual( [] );
		await writer.flush();
		await timers.advance( 5000 );
		expect( db.pageViewRows ).toHaveLength( 1 );
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 2,
			dropped: 0,
			lastError: null,
		} );
		await expect( writer.stop() ).resolves.toBeUndefined();
	} );

	it( 'stop waits for a write in progress and counts what it could not write', async () => {
		const { db, timers, writer, warnings } = setup();
		db.hold = true;
		db.failures = [ new Error( 'down' ), new Error( 'down' ) ];
		writer.recordVisitor( visitor( 1 ) );
		writer.recordPageView( pageView( 1, '/' ) );
		void writer.flush();
		await settle();
		const stopped = writer.stop();
		db.release();
		await stopped;
		// The write in progress failed, the final one too.
		expect( db.visitorCalls ).toHaveLength( 2 );
		expect( writer.stats() ).toEqual( {
			buffered: 0,
			written: 0,
			dropped: 2,
			lastError: 'db says down',
		} );
		expect( warnings().at( -1 ) ).toMatchObject( {
			rows: 2,
			msg: 'presence rows could not be written before shutdown and are lost',
		} );
		expect( timers.armed ).toEqual( [] );
	} );

	it( 'ignores rows that would fail every batch, with a warning', async () => {
		const { db, writer, warnings } = setup();
		writer.recordVisitor( visitor( 1, { visitorKey: 'not-a-key' } ) );
		writer.recordVisitor(
			visitor( 1, { visitorKey: key( 1 ).toUpperCase() + 'A' } )
		);
		writer.recordVisitor( visitor( 1, { time: Number.NaN } ) );
		writer.recordVisitor( visitor( 1, { visitsDelta: -1 } ) );
		writer.recordPageView( { ...pageView( 1, '/' ), time: 1e20 } );
		writer.recordPageView( pageView( 1, '/fine' ) );
		await writer.flush();
		expect( db.visitorCalls ).toHaveLength( 0 );
		expect( db.pageViewRows.map( ( row ) => row.path ) ).toEqual( [
			'/fine',
		] );
		expect( writer.stats().dropped ).toBe( 5 );
		expect( warnings().map( ( line ) => line.problem ) ).toEqual( [
			'visitor key is not 32 lowercase hex characters',
			'visitor key is not 32 lowercase hex characters',
			'time is not a storable unix time in milliseconds',
			'visitsDelta is not a non-negative integer',
			'time is not a storable unix time in milliseconds',
		] );
	} );

	it( 'refuses nonsensical limits', () => {
		expect( () => setup( { maxBatch: 0 } ) ).toThrow(
			'maxBatch must be a positive integer (got 0)'
		);
		expect( () => setup( { flushIntervalMs: Number.NaN } ) ).toThrow(
			RangeError
		);
	} );
} );
