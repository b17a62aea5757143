/**
 * The page's main thread as a Chromium trace records it: its tasks (with
 * wall and CPU time), which of them render a frame, and the benchmark's
 * User Timing marks in them.
 */

/** The Chromium trace categories the benchmark records. */
export const TRACE_CATEGORIES = [
	// Tasks: `RunTask` with wall (dur) and thread CPU (tdur) time.
	'disabled-by-default-devtools.timeline',
	// Layout, Paint, PrePaint, Layerize, GC, timers, function calls, and
	// the init script's marks (console.timeStamp: `TimeStamp`).
	'devtools.timeline',
	// BeginMainThreadFrame: the start of a frame on the main thread.
	'disabled-by-default-devtools.timeline.frame',
];

/** One event of a Chromium trace (the fields used here). */
export interface TraceEvent {
	name: string;
	/** Phase: `X` complete, `I`/`R`/`n` instant, `M` metadata, … */
	ph: string;
	/** Start, microseconds of the trace clock. */
	ts: number;
	/** Wall duration of an `X` event, µs. */
	dur?: number;
	/** Thread (CPU) duration of an `X` event, µs. */
	tdur?: number;
	pid: number;
	tid: number;
	cat?: string;
	args?: { data?: { message?: string } };
}

/** A mark of the init script (a `TimeStamp` event labelled `name@time`). */
export interface TaskMark {
	name: string;
	/** Trace clock, µs. */
	ts: number;
	/** The page's performance.now() when it was made, ms; null when the label had none. */
	time: number | null;
}

/** One task of the main thread. */
export interface MainTask {
	/** Trace clock, µs. */
	start: number;
	end: number;
	/** Thread CPU time, µs (the wall time when the trace has none). */
	cpu: number;
	/** Whether the task renders a frame (rAF callbacks, style, layout, paint). */
	frame: boolean;
	marks: TaskMark[];
}

/** Events that happen only in a task that renders a frame. */
const FRAME_EVENTS: ReadonlySet< string > = new Set( [
	'BeginMainThreadFrame',
	'UpdateLayoutTree',
	'Layout',
	'PrePaint',
	'Paint',
	'Layerize',
] );

/**
 * The events of a trace file (`{ traceEvents: [...] }` or a bare array).
 *
 * @param text The trace as JSON.
 */
export function parseTrace( text: string ): TraceEvent[] {
	const parsed: unknown = JSON.parse( text );
	const events = Array.isArray( parsed )
		? parsed
		: ( parsed as { traceEvents?: unknown } ).traceEvents;
	if ( ! Array.isArray( events ) ) {
		throw new Error( 'not a Chromium trace: no traceEvents' );
	}
	return events as TraceEvent[];
}

/**
 * The benchmark's mark an event is, or null: a `TimeStamp` event whose
 * label starts with `prefix`, as `name@time`.
 *
 * @param event  A trace event.
 * @param prefix Prefix of the benchmark's mark names.
 */
export function markOf(
	event: TraceEvent,
	prefix: string
): Omit< TaskMark, 'ts' > | null {
	const label = event.args?.data?.message;
	if ( event.name !== 'TimeStamp' || ! label?.startsWith( prefix ) ) {
		return null;
	}
	const at = label.lastIndexOf( '@' );
	if ( at < 0 ) {
		return { name: label, time: null };
	}
	const time = Number( label.slice( at + 1 ) );
	return {
		name: label.slice( 0, at ),
		time: Number.isFinite( time ) ? time : null,
	};
}

// The task whose span holds `ts`, by binary search; -1 for none.
function taskAt( tasks: readonly MainTask[], ts: number ): number {
	let low = 0;
	let high = tasks.length - 1;
	while ( low <= high ) {
		const middle = Math.floor( ( low + high ) / 2 );
		const task = tasks[ middle ] as MainTask;
		if ( ts < task.start ) {
			high = middle - 1;
		} else if ( ts > task.end ) {
			low = middle + 1;
		} else {
			return middle;
		}
	}
	return -1;
}

/**
 * The tasks of the thread that made the most marks whose names start with
 * `markPrefix` (the page's main thread), in order, with their marks.
 * Nested tasks count as part of the task around them. Null when no such
 * mark was recorded.
 *
 * @param events     The trace's events.
 * @param markPrefix Prefix of the benchmark's mark names.
 */
export function mainThreadTasks(
	events: readonly TraceEvent[],
	markPrefix: string
): MainTask[] | null {
	// The thread with the most marks (a navigation may leave one behind
	// on the previous page's renderer).
	const counts = new Map< string, number >();
	for ( const event of events ) {
		if ( markOf( event, markPrefix ) ) {
			const key = `${ event.pid }:${ event.tid }`;
			counts.set( key, ( counts.get( key ) ?? 0 ) + 1 );
		}
	}
	const thread = [ ...counts ].sort(
		( a, b ) => b[ 1 ] - a[ 1 ]
	)[ 0 ]?.[ 0 ];
	if ( thread === undefined ) {
		return null;
	}
	const mine = events
		.filter( ( e ) => `${ e.pid }:${ e.tid }` === thread )
		.sort( ( a, b ) => a.ts - b.ts );
	const tasks: MainTask[] = [];
	for ( const event of mine ) {
		if ( event.name !== 'RunTask' || event.ph !== 'X' ) {
			continue;
		}
		const end = event.ts + ( event.dur ?? 0 );
		const last = tasks[ tasks.length - 1 ];
		if ( last && event.ts < last.end ) {
			last.end = Math.max( last.end, end ); // nested: part of the outer task
			continue;
		}
		tasks.push( {
			start: event.ts,
			end,
			cpu: event.tdur ?? event.dur ?? 0,
			frame: false,
			marks: [],
		} );
	}
	for ( const event of mine ) {
		const mark = markOf( event, markPrefix );
		if ( ! mark && ! FRAME_EVENTS.has( event.name ) ) {
			continue;
		}
		const task = tasks[ taskAt( tasks, event.ts ) ];
		if ( ! task ) {
			continue;
		}
		if ( mark ) {
			task.marks.push( { ...mark, ts: event.ts } );
		} else {
			task.frame = true;
		}
	}
	return tasks;
}
