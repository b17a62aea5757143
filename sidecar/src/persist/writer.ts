/**
 * Batched, bounded writes of presence to the shared database: the socket
 * handlers record rows as they happen, and this writes them a batch at a time
 * so a busy site costs the database a few statements a second, not one per
 * event. A database outage costs memory up to a bound, never a crash.
 */

/**
 * Internal dependencies
 */
import { VISITOR_ID_PATTERN } from '../../../src/protocol';
import type { Logger } from '../log';
import { PresenceBuffer } from './buffer';
import type { PageViewRow, VisitorRow } from './rows';
import { isStorableTime } from './sql';

/** Where visitor rows go (the visitors repository in production). */
export interface VisitorSink {
	upsertMany: ( rows: readonly VisitorRow[] ) => Promise< void >;
}

/** Where page views go (the page views repository in production). */
export interface PageViewSink {
	insertMany: ( rows: readonly PageViewRow[] ) => Promise< void >;
}

/** Runs `callback` once after `ms`; returns a function that cancels it. */
export type SetTimer = ( callback: () => void, ms: number ) => () => void;

/** Collaborators and limits of a {@link PresenceWriter}. */
export interface PresenceWriterOptions {
	visitors: VisitorSink;
	pageViews: PageViewSink;
	log: Logger;
	/** How long the first buffered row waits for company; default 1000. */
	flushIntervalMs?: number;
	/** Rows per statement, and the buffer size that flushes at once; default 300. */
	maxBatch?: number;
	/** Rows kept while the database is down; default 20,000. */
	maxBuffered?: number;
	/** Turns a database error into an operator-readable sentence. */
	describeError?: ( error: unknown ) => string;
	/** Timers; tests pass a fake. */
	setTimer?: SetTimer;
}

/** Counters for /healthz. */
export interface PresenceWriterStats {
	/** Rows waiting, including those being written right now. */
	buffered: number;
	/** Rows written since start (a coalesced visitor row counts once). */
	written: number;
	/** Rows lost: buffer full, invalid, or not written by shutdown. */
	dropped: number;
	/** Why writing fails, while it does; null once a write succeeds. */
	lastError: string | null;
}

const defaultSetTimer: SetTimer = ( callback, ms ) => {
	const timer = setTimeout( callback, ms );
	// Shutdown flushes explicitly; a pending flush must not keep Node alive.
	timer.unref();
	return () => clearTimeout( timer );
};

function defaultDescribeError( error: unknown ): string {
	if ( ! ( error instanceof Error ) ) {
		return String( error );
	}
	const { code } = error as { code?: unknown };
	return typeof code === 'string'
		? `${ code }: ${ error.message }`
		: error.message;
}

function positiveInteger( name: string, value: number ): number {
	if ( ! Number.isSafeInteger( value ) || value < 1 ) {
		throw new RangeError(
			`${ name } must be a positive integer (got ${ value })`
		);
	}
	return value;
}

function* chunks< T >( rows: T[], size: number ): Generator< T[] > {
	for ( let start = 0; start < rows.length; start += size ) {
		yield rows.slice( start, start + size );
	}
}

/** Buffers presence rows and writes them in batches until stopped. */
export class PresenceWriter {
	private readonly buffer = new PresenceBuffer();
	private readonly visitors: VisitorSink;
	private readonly pageViews: PageViewSink;
	private readonly log: Logger;
	private readonly flushIntervalMs: number;
	private readonly maxBatch: number;
	private readonly maxBuffered: number;
	private readonly describeError: ( error: unknown ) => string;
	private readonly setTimer: SetTimer;

	/** Rows of the write in progress not yet confirmed. */
	private flying = 0;
	private running: Promise< void > | undefined;
	private cancelTimer: ( () => void ) | undefined;
	private timerIsImmediate = false;
	/** Bumped by discard(), so rows of an older write are not put back. */
	private generation = 0;
	private stopping: Promise< void > | undefined;
	private failing = false;
	private overflowing = false;
	private written = 0;
	private dropped = 0;
	private lastError: string | null = null;

	constructor( options: PresenceWriterOptions ) {
		this.visitors = options.visitors;
		this.pageViews = options.pageViews;
		this.log = options.log;
		this.flushIntervalMs = positiveInteger(
			'flushIntervalMs',
			options.flushIntervalMs ?? 1000
		);
		this.maxBatch = positiveInteger( 'maxBatch', options.maxBatch ?? 300 );
		this.maxBuffered = positiveInteger(
			'maxBuffered',
			options.maxBuffered ?? 20_000
		);
		this.describeError = options.describeError ?? defaultDescribeError;
		this.setTimer = options.setTimer ?? defaultSetTimer;
	}

	/**
	 * Buffers a sighting of a visitor; ignored once stopped.
	 *
	 * @param row The sighting.
	 */
	recordVisitor( row: VisitorRow ): void {
		const valid =
			Number.isSafeInteger( row.visitsDelta ) && row.visitsDelta >= 0;
		if ( this.accepts( row.visitorKey, row.time, valid ) ) {
			this.buffer.addVisitor( row );
			this.added();
		}
	}

	/**
	 * Buffers a page view; ignored once stopped.
	 *
	 * @param row The page view.
	 */
	recordPageView( row: PageViewRow ): void {
		if ( this.accepts( row.visitorKey, row.time, true ) ) {
			this.buffer.addPageView( row );
			this.added();
		}
	}

	/** Counters for /healthz. */
	stats(): PresenceWriterStats {
		return {
			buffered: this.buffer.size + this.flying,
			written: this.written,
			dropped: this.dropped,
			lastError: this.lastError,
		};
	}

	/**
	 * Writes everything buffered now, after any write in progress. Never
	 * rejects: a failure keeps the rows for the next attempt (see stats()).
	 */
	async flush(): Promise< void > {
		while ( this.running ) {
			await this.running;
		}
		if ( this.buffer.size === 0 ) {
			return;
		}
		this.cancel();
		this.running = this.drain().finally( () => {
			this.running = undefined;
			this.schedule();
		} );
		await this.running;
	}

	/**
	 * Drops every buffered row and stops a write in progress after its
	 * current statement (tracking was turned off: nothing more is stored).
	 */
	discard(): void {
		this.generation++;
		this.buffer.clear();
		this.flying = 0;
		this.cancel();
	}

	/** Writes what is buffered, then ignores later records. Idempotent. */
	stop(): Promise< void > {
		this.stopping ??= this.finish();
		return this.stopping;
	}

	private async finish(): Promise< void > {
		this.cancel();
		await this.flush();
		const left = this.buffer.size;
		if ( left > 0 ) {
			this.dropped += left;
			this.buffer.clear();
			this.log.warn(
				{ rows: left, error: this.lastError },
				'presence rows could not be written before shutdown and are lost'
			);
		}
	}

	private accepts(
		visitorKey: string,
		time: number,
		visitsValid: boolean
	): boolean {
		if ( this.stopping ) {
			return false;
		}
		let problem: string | undefined;
		if ( ! VISITOR_ID_PATTERN.test( visitorKey ) ) {
			problem = 'visitor key is not 32 lowercase hex characters';
		} else if ( ! isStorableTime( time ) ) {
			problem = 'time is not a storable unix time in milliseconds';
		} else if ( ! visitsValid ) {
			problem = 'visitsDelta is not a non-negative integer';
		}
		if ( problem === undefined ) {
			return true;
		}
		// A bug upstream; kept out so it cannot fail every later batch.
		this.dropped++;
		this.log.warn( { problem }, 'invalid presence row ignored' );
		return false;
	}

	private added(): void {
		const over = this.buffer.size + this.flying - this.maxBuffered;
		if ( over > 0 ) {
			this.dropped += this.buffer.dropOldest( over );
			if ( ! this.overflowing ) {
				this.overflowing = true;
				this.log.warn(
					{ maxBuffered: this.maxBuffered, error: this.lastError },
					'presence buffer full: dropping the oldest page views until the database takes writes again'
				);
			}
		}
		this.schedule();
	}

	private schedule(): void {
		if ( this.stopping || this.buffer.size === 0 ) {
			return;
		}
		// After a failure even a full batch waits the interval: no hot retry loop.
		const immediate = ! this.failing && this.buffer.size >= this.maxBatch;
		if ( this.cancelTimer && ( this.timerIsImmediate || ! immediate ) ) {
			return;
		}
		this.cancel();
		this.timerIsImmediate = immediate;
		this.cancelTimer = this.setTimer(
			() => {
				this.cancelTimer = undefined;
				void this.flush();
			},
			immediate ? 0 : this.flushIntervalMs
		);
	}

	private cancel(): void {
		this.cancelTimer?.();
		this.cancelTimer = undefined;
	}

	private async drain(): Promise< void > {
		const generation = this.generation;
		const batch = this.buffer.take();
		this.flying = batch.visitors.length + batch.pageViews.length;
		const done = { visitors: 0, pageViews: 0 };
		try {
			// Visitors first: a page view is never stored before its visitor.
			for ( const rows of chunks( batch.visitors, this.maxBatch ) ) {
				if ( generation !== this.generation ) {
					return;
				}
				await this.visitors.upsertMany( rows );
				done.visitors += rows.length;
				this.wrote( rows.length, generation );
			}
			for ( const rows of chunks( batch.pageViews, this.maxBatch ) ) {
				if ( generation !== this.generation ) {
					return;
				}
				await this.pageViews.insertMany( rows );
				done.pageViews += rows.length;
				this.wrote( rows.length, generation );
			}
			this.succeeded();
		} catch ( error ) {
			this.failed( error );
			if ( generation === this.generation ) {
				this.buffer.putBack( {
					visitors: batch.visitors.slice( done.visitors ),
					pageViews: batch.pageViews.slice( done.pageViews ),
				} );
			}
		} finally {
			if ( generation === this.generation ) {
				this.flying = 0;
			}
		}
	}

	private wrote( rows: number, generation: number ): void {
		this.written += rows;
		if ( generation === this.generation ) {
			this.flying -= rows;
		}
	}

	private succeeded(): void {
		if ( this.failing ) {
			this.log.info( 'presence writes to the database work again' );
		}
		this.failing = false;
		this.overflowing = false;
		this.lastError = null;
	}

	private failed( error: unknown ): void {
		try {
			this.lastError = this.describeError( error );
		} catch {
			// A timer's flush must never reject: that would end the process.
			this.lastError = defaultDescribeError( error );
		}
		// One warning per outage, not one per retry.
		if ( ! this.failing ) {
			this.failing = true;
			this.log.warn(
				{
					error: this.lastError,
					buffered: this.buffer.size + this.flying,
				},
				`cannot write presence to the database; keeping the rows and retrying every ${ this.flushIntervalMs } ms`
			);
		}
		// A pending immediate flush would retry at once: wait the interval.
		this.cancel();
	}
}
