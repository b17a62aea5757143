/**
 * Internal dependencies
 */
import { MARKS } from '../instrument';
import type { MainTask, TaskMark } from '../trace';
import {
	idleWindows,
	messageUpserts,
	renderWork,
	taskOwners,
	updateSamples,
	upsertLookup,
} from '../updates';

const message = ( ts: number, time: number ): TaskMark => ( {
	name: MARKS.update,
	ts,
	time,
} );
const dispatch = ( ts: number ): TaskMark => ( {
	name: MARKS.dispatch,
	ts,
	time: null,
} );

/**
 * A task from ms values (the trace's clock is µs).
 * @param startMs
 * @param wallMs
 * @param cpuMs
 * @param marks
 * @param frame
 */
function task(
	startMs: number,
	wallMs: number,
	cpuMs: number,
	marks: TaskMark[] = [],
	frame = false
): MainTask {
	return {
		start: startMs * 1000,
		end: ( startMs + wallMs ) * 1000,
		cpu: cpuMs * 1000,
		frame,
		marks: marks.map( ( mark ) => ( { ...mark, ts: mark.ts * 1000 } ) ),
	};
}

// Three store updates: the first at once (leading edge), the second from the
// batching timer with one message buffered before it, the third at once.
const TASKS: MainTask[] = [
	task( 0, 2, 1, [ message( 0, 1 ), dispatch( 1 ) ] ), // 0: update A
	task( 10, 3, 2, [], true ), // 1: A's frame
	task( 50, 1, 0.5, [ message( 50, 2 ) ] ), // 2: buffered for B
	task( 60, 0.5, 0.5 ), // 3: unrelated, after A
	task( 100, 4, 3, [ dispatch( 101 ) ] ), // 4: update B (timer)
	task( 104, 1, 1 ), // 5: B's follow-up (React's scheduler)
	task( 116, 6, 5, [], true ), // 6: B's frame
	task( 200, 2, 2, [ message( 200, 3 ), dispatch( 201 ) ] ), // 7: update C
	task( 210, 1, 1, [], true ), // 8: C's frame
];

describe( 'taskOwners', () => {
	it( 'gives each task to the update it belongs to', () => {
		expect( taskOwners( TASKS ) ).toEqual( [ 0, 0, 4, 0, 4, 4, 4, 7, 7 ] );
	} );

	it( 'leaves out what comes before the first update, and messages no update applied', () => {
		const tasks = [
			task( 0, 1, 1 ),
			task( 5, 1, 1, [ message( 5, 1 ), dispatch( 5 ) ] ),
			task( 9, 1, 1, [ message( 9, 2 ) ] ),
		];
		expect( taskOwners( tasks ) ).toEqual( [ -1, 1, -1 ] );
	} );
} );

describe( 'updateSamples', () => {
	const upserts = ( time: number | null ) => ( time === 2 ? 7 : 1 );

	it( 'sums the tasks of each update, leaving out the first and the last', () => {
		const samples = updateSamples( TASKS, upserts );
		expect( samples ).toHaveLength( 1 );
		const [ b ] = samples;
		expect( b?.cpuMs ).toBeCloseTo( 0.5 + 3 + 1 + 5 );
		expect( b?.wallMs ).toBeCloseTo( 1 + 4 + 1 + 6 );
		expect( b?.frameCpuMs ).toBeCloseTo( 5 );
		expect( b?.messages ).toBe( 1 );
		expect( b?.upserts ).toBe( 7 );
		// From the buffered message (50 ms) to the end of B's frame (122 ms).
		expect( b?.latencyMs ).toBeCloseTo( 72 );
	} );

	it( 'has no latency for an update that drew no frame', () => {
		const tasks = [
			...TASKS.slice( 0, 4 ),
			task( 100, 4, 3, [ dispatch( 101 ) ] ),
			...TASKS.slice( 7 ),
		];
		expect( updateSamples( tasks, upserts )[ 0 ]?.latencyMs ).toBeNull();
	} );
} );

describe( 'idleWindows', () => {
	it( 'sums CPU per window by the start of each task', () => {
		const tasks = [
			task( 10, 5, 2 ),
			task( 90, 30, 3 ),
			task( 150, 1, 1 ),
		];
		expect( idleWindows( tasks, 0, 300_000, 100 ) ).toEqual( [ 5, 1, 0 ] );
	} );

	it( 'drops a partial last window', () => {
		expect( idleWindows( [], 0, 250_000, 100 ) ).toEqual( [ 0, 0 ] );
	} );
} );

describe( 'renderWork', () => {
	it( 'measures from the snapshot task to the rendered mark', () => {
		const tasks = [
			task( 0, 5, 5 ),
			task( 10, 40, 30, [ { name: MARKS.snapshot, ts: 12, time: 1 } ] ),
			task( 60, 20, 15, [], true ),
			task( 90, 1, 1, [ { name: MARKS.rendered, ts: 90.5, time: 2 } ] ),
			task( 95, 1, 1 ),
		];
		expect( renderWork( tasks ) ).toEqual( {
			cpuMs: 46,
			wallMs: 80.5,
			waitingMs: 15,
			receiveMs: 2,
			frames: 1,
		} );
	} );

	it( 'is null when a mark is missing', () => {
		expect( renderWork( [ task( 0, 1, 1 ) ] ) ).toBeNull();
	} );
} );

describe( 'upsertLookup', () => {
	it( 'finds a message’s upserts by the time in its mark', () => {
		const lookup = upsertLookup( {
			updates: {
				at: [ 25400.799999998882, 25563.5 ],
				end: [ 0, 0 ],
				chars: [ 0, 0 ],
				upserts: [ 3, 0 ],
			},
		} );
		expect( lookup( 25400.799999998882 ) ).toBe( 3 );
		expect( lookup( 25400.79999999888 ) ).toBe( 3 );
		expect( lookup( 25563.5 ) ).toBe( 0 );
		expect( lookup( 1 ) ).toBe( 0 );
		expect( lookup( null ) ).toBe( 0 );
	} );
} );

describe( 'messageUpserts', () => {
	it( 'lists the upserts of every message mark, in order', () => {
		expect(
			messageUpserts( TASKS, ( time ) => ( time ?? 0 ) * 10 )
		).toEqual( [ 10, 20, 30 ] );
	} );
} );
