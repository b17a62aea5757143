/**
 * Test doubles for the presence writer: manual timers, scriptable sinks, a
 * logger that keeps its lines, and row factories.
 */

/**
 * External dependencies
 */
import pino from 'pino';

/**
 * Internal dependencies
 */
import type { Logger } from '../../log';
import type { PageViewRow, VisitorRow } from '../rows';
import type { PageViewSink, SetTimer, VisitorSink } from '../writer';

/** Lets promise callbacks (and what they start) run. */
export function settle(): Promise< void > {
	return new Promise( ( resolve ) => setImmediate( resolve ) );
}

interface Pending {
	at: number;
	callback: () => void;
}

/** Timers that fire only when the test advances its clock. */
export class ManualTimers {
	now = 0;
	private pending: Pending[] = [];

	readonly set: SetTimer = ( callback, ms ) => {
		const timer = { at: this.now + ms, callback };
		this.pending.push( timer );
		return () => {
			this.pending = this.pending.filter( ( t ) => t !== timer );
		};
	};

	/** Delays of the timers armed and not yet fired, from now. */
	get armed(): number[] {
		return this.pending.map( ( timer ) => timer.at - this.now );
	}

	/**
	 * Moves the clock forward, firing due timers in order and letting the
	 * work they start settle after each.
	 *
	 * @param ms How far.
	 */
	async advance( ms: number ): Promise< void > {
		const end = this.now + ms;
		for (;;) {
			const due = this.pending
				.filter( ( timer ) => timer.at <= end )
				.sort( ( a, b ) => a.at - b.at )[ 0 ];
			if ( due === undefined ) {
				break;
			}
			this.pending = this.pending.filter( ( timer ) => timer !== due );
			this.now = due.at;
			due.callback();
			await settle();
		}
		this.now = end;
		await settle();
	}
}

/** One write a fake sink received. */
export interface Call< T > {
	rows: T[];
	/** Writes of either sink in progress when this one started (itself included). */
	concurrent: number;
	/** Whether the write succeeded. */
	ok: boolean;
}

function written< T >( calls: Array< Call< T > > ): T[] {
	return calls.filter( ( call ) => call.ok ).flatMap( ( call ) => call.rows );
}

/** Sinks that record writes and fail or hold them on request. */
export class FakeDb {
	readonly visitorCalls: Array< Call< VisitorRow > > = [];
	readonly pageViewCalls: Array< Call< PageViewRow > > = [];
	/** Failures still to throw, in order, for the next writes of either sink. */
	failures: Error[] = [];
	/** When set, writes wait for release(). */
	hold = false;
	private active = 0;
	private waiting: Array< () => void > = [];

	readonly visitors: VisitorSink = {
		upsertMany: ( rows ) => this.write( this.visitorCalls, rows ),
	};

	readonly pageViews: PageViewSink = {
		insertMany: ( rows ) => this.write( this.pageViewCalls, rows ),
	};

	/** Every visitor row written successfully, in order. */
	get visitorRows(): VisitorRow[] {
		return written( this.visitorCalls );
	}

	/** Every page view written successfully, in order. */
	get pageViewRows(): PageViewRow[] {
		return written( this.pageViewCalls );
	}

	/** Lets held writes finish. */
	release(): void {
		this.hold = false;
		for ( const resume of this.waiting.splice( 0 ) ) {
			resume();
		}
	}

	private async write< T >(
		calls: Array< Call< T > >,
		rows: readonly T[]
	): Promise< void > {
		this.active++;
		const call = { rows: [ ...rows ], concurrent: this.active, ok: false };
		calls.push( call );
		try {
			if ( this.hold ) {
				await new Promise< void >( ( resume ) =>
					this.waiting.push( resume )
				);
			}
			const failure = this.failures.shift();
			if ( failure ) {
				throw failure;
			}
			call.ok = true;
		} finally {
			this.active--;
		}
	}
}

/** A logged line: level name, message and fields. */
export type LogLine = Record< string, unknown > & {
	level: string;
	msg: string;
};

/** A pino logger that keeps its lines for assertions. */
export function captureLog(): { log: Logger; lines: LogLine[] } {
	const lines: LogLine[] = [];
	const log = pino(
		{
			level: 'debug',
			formatters: { level: ( label: string ) => ( { level: label } ) },
		},
		{ write: ( line: string ) => lines.push( JSON.parse( line ) ) }
	);
	return { log, lines };
}

/**
 * A visitor id: 32 hex characters from a small number.
 *
 * @param n Which visitor.
 */
export function key( n: number ): string {
	return n.toString( 16 ).padStart( 32, '0' );
}

/**
 * A sighting with plausible details.
 *
 * @param n         Which visitor.
 * @param overrides Fields to replace.
 */
export function visitor(
	n: number,
	overrides: Partial< VisitorRow > = {}
): VisitorRow {
	return {
		visitorKey: key( n ),
		time: Date.UTC( 2025, 0, 1, 12, 0, 0 ),
		visitsDelta: 0,
		ip: '203.0.113.0',
		geo: {
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			lat: 48.8566,
			lng: 2.3522,
			timezone: 'Europe/Paris',
		},
		device: { browser: 'Firefox', os: 'Linux', device: 'desktop' },
		language: 'fr-FR',
		browserTimezone: 'Europe/Paris',
		referrer: '',
		...overrides,
	};
}

/**
 * A page view.
 *
 * @param n    Which visitor.
 * @param path The page.
 * @param time When (unix ms).
 */
export function pageView(
	n: number,
	path: string,
	time = Date.UTC( 2025, 0, 1, 12, 0, 0 )
): PageViewRow {
	return { visitorKey: key( n ), path, title: `Title of ${ path }`, time };
}
