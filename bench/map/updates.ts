/**
 * From the page's main-thread tasks to what each store update cost.
 *
 * A store update is one dispatch of presence data to `livedesk/presence`
 * (the admin merges the `presence:update` messages that arrive within its
 * 100 ms batching window into one). Every task of the main thread is given
 * to exactly one update:
 *
 * - the task that dispatches (a message's task, or the batching timer's)
 *   belongs to that update;
 * - a message task that only buffers its message belongs to the next
 *   update, which applies it;
 * - every other task (React's scheduled work, the frame that paints the
 *   change, timers, garbage collection, anything else on the thread)
 *   belongs to the latest update before it.
 *
 * So the tasks of the whole phase are shared out without gaps or overlap,
 * and an update's time is everything the thread did from its data arriving
 * until the next update began — an upper bound on what the update caused.
 */

/**
 * Internal dependencies
 */
import { MARKS } from './instrument';
import type { PageRecord } from './instrument';
import type { MainTask } from './trace';

/** What one store update cost the page's main thread. */
export interface UpdateSample {
	/** CPU time of its tasks (thread time), ms. */
	cpuMs: number;
	/** Wall time of its tasks, ms (more than cpuMs when the thread waited for a core). */
	wallMs: number;
	/** CPU time of its tasks that rendered a frame, ms. */
	frameCpuMs: number;
	/** `presence:update` messages it applied. */
	messages: number;
	/** Visitors those messages upserted. */
	upserts: number;
	/** From its first message's arrival to the end of its first frame, ms; null when it drew none. */
	latencyMs: number | null;
}

const has = ( task: MainTask, name: string ) =>
	task.marks.some( ( mark ) => mark.name === name );

/**
 * For each task, the index of the dispatching task it is given to, or -1.
 *
 * @param tasks The main thread's tasks, in order.
 */
export function taskOwners( tasks: readonly MainTask[] ): number[] {
	const owners = new Array< number >( tasks.length ).fill( -1 );
	let latest = -1;
	const waiting: number[] = []; // message tasks for the next dispatch
	tasks.forEach( ( task, index ) => {
		if ( has( task, MARKS.dispatch ) ) {
			latest = index;
			waiting.splice( 0 ).forEach( ( i ) => ( owners[ i ] = index ) );
			owners[ index ] = index;
		} else if ( has( task, MARKS.update ) ) {
			waiting.push( index );
		} else {
			owners[ index ] = latest;
		}
	} );
	return owners;
}

/**
 * The cost of each store update in a phase. The first and the last update
 * are left out: the phase's start may have cut off messages of the first,
 * its end the frame or the follow-up work of the last.
 *
 * @param tasks   The main thread's tasks over the phase, in order.
 * @param upserts Upserts of the message whose mark has this `startTime`.
 */
export function updateSamples(
	tasks: readonly MainTask[],
	upserts: ( time: number | null ) => number
): UpdateSample[] {
	const owners = taskOwners( tasks );
	const byOwner = new Map< number, number[] >();
	owners.forEach( ( owner, index ) => {
		if ( owner >= 0 ) {
			const list = byOwner.get( owner ) ?? [];
			list.push( index );
			byOwner.set( owner, list );
		}
	} );
	const samples: UpdateSample[] = [];
	for ( const [ owner, indexes ] of byOwner ) {
		const sample: UpdateSample = {
			cpuMs: 0,
			wallMs: 0,
			frameCpuMs: 0,
			messages: 0,
			upserts: 0,
			latencyMs: null,
		};
		let firstMessage = Infinity;
		let frameEnd: number | null = null;
		for ( const index of indexes ) {
			const task = tasks[ index ] as MainTask;
			sample.cpuMs += task.cpu / 1000;
			sample.wallMs += ( task.end - task.start ) / 1000;
			if ( task.frame ) {
				sample.frameCpuMs += task.cpu / 1000;
				if ( index > owner && frameEnd === null ) {
					frameEnd = task.end;
				}
			}
			for ( const mark of task.marks ) {
				if ( mark.name === MARKS.update ) {
					sample.messages++;
					sample.upserts += upserts( mark.time );
					firstMessage = Math.min( firstMessage, mark.ts );
				}
			}
		}
		if ( frameEnd !== null && firstMessage !== Infinity ) {
			sample.latencyMs = ( frameEnd - firstMessage ) / 1000;
		}
		samples.push( sample );
	}
	return samples.slice( 1, -1 );
}

/**
 * Main-thread CPU time per window of `windowMs` between `from` and `to`
 * (trace clock, µs), for a phase without updates: the floor of noise.
 * A task is counted in the window it starts in.
 *
 * @param tasks    The main thread's tasks, in order.
 * @param from     Start of the phase, µs.
 * @param to       End of the phase, µs.
 * @param windowMs Window length, ms.
 */
export function idleWindows(
	tasks: readonly MainTask[],
	from: number,
	to: number,
	windowMs: number
): number[] {
	const width = windowMs * 1000;
	const count = Math.max( 0, Math.floor( ( to - from ) / width ) );
	const windows = new Array< number >( count ).fill( 0 );
	for ( const task of tasks ) {
		const slot = Math.floor( ( task.start - from ) / width );
		if ( slot >= 0 && slot < count ) {
			windows[ slot ] = ( windows[ slot ] ?? 0 ) + task.cpu / 1000;
		}
	}
	return windows;
}

/** The main thread's work from the snapshot's arrival to the full render. */
export interface RenderWork {
	/** CPU time of the tasks from the snapshot's to the rendered mark's, ms. */
	cpuMs: number;
	/**
	 * Wall time from the start of the task that delivers the snapshot
	 * (Chromium decoding the WebSocket message, then socket.io's handler)
	 * to the rendered mark, ms.
	 */
	wallMs: number;
	/**
	 * Wall time of those tasks minus their CPU time, ms: how long the thread
	 * was ready to run but waited for a core (other processes had it).
	 */
	waitingMs: number;
	/** Of wallMs, the part before socket.io's handler started (decoding the message), ms. */
	receiveMs: number;
	/** How many of those tasks rendered a frame. */
	frames: number;
}

/**
 * What the first render cost the main thread, from a trace of the page load.
 *
 * @param tasks The main thread's tasks over the load, in order.
 * @return Null when either mark is missing.
 */
export function renderWork( tasks: readonly MainTask[] ): RenderWork | null {
	const first = tasks.findIndex( ( task ) => has( task, MARKS.snapshot ) );
	const last = tasks.findIndex( ( task ) => has( task, MARKS.rendered ) );
	if ( first < 0 || last < first ) {
		return null;
	}
	const span = tasks.slice( first, last + 1 );
	const find = ( index: number, name: string ) =>
		( tasks[ index ] as MainTask ).marks.find(
			( mark ) => mark.name === name
		);
	const start = ( tasks[ first ] as MainTask ).start;
	const snapshot = find( first, MARKS.snapshot );
	const rendered = find( last, MARKS.rendered );
	const cpu = span.reduce( ( sum, task ) => sum + task.cpu, 0 );
	const wall = span.reduce( ( sum, task ) => sum + task.end - task.start, 0 );
	return {
		cpuMs: cpu / 1000,
		waitingMs: Math.max( 0, wall - cpu ) / 1000,
		wallMs: ( ( rendered?.ts ?? start ) - start ) / 1000,
		receiveMs: ( ( snapshot?.ts ?? start ) - start ) / 1000,
		frames: span.filter( ( task ) => task.frame ).length,
	};
}

/**
 * Pairs the trace's message marks with the upserts the page counted, by the
 * time in the mark's label (compared to 10 µs).
 *
 * @param record What the page recorded.
 * @return Upserts of the message marked at a time (0 when unknown).
 */
export function upsertLookup(
	record: Pick< PageRecord, 'updates' >
): ( time: number | null ) => number {
	const key = ( time: number ) => Math.round( time * 100 );
	const byTime = new Map< number, number >();
	record.updates.at.forEach( ( at, i ) =>
		byTime.set( key( at ), record.updates.upserts[ i ] ?? 0 )
	);
	return ( time ) =>
		time === null ? 0 : ( byTime.get( key( time ) ) ?? 0 );
}

/**
 * The upserts of every `presence:update` message marked in the tasks, in order.
 *
 * @param tasks   The main thread's tasks over a phase.
 * @param upserts Upserts of the message whose mark has this time.
 */
export function messageUpserts(
	tasks: readonly MainTask[],
	upserts: ( time: number | null ) => number
): number[] {
	return tasks.flatMap( ( task ) =>
		task.marks
			.filter( ( mark ) => mark.name === MARKS.update )
			.map( ( mark ) => upserts( mark.time ) )
	);
}
