/**
 * Internal dependencies
 */
import { mainThreadTasks, markOf, parseTrace } from '../trace';
import type { TraceEvent } from '../trace';

const PAGE = { pid: 10, tid: 10 };
const OTHER = { pid: 20, tid: 20 };

function task( ts: number, dur: number, tdur: number, where = PAGE ) {
	return { name: 'RunTask', ph: 'X', ts, dur, tdur, ...where };
}

function stamp( ts: number, label: string, where = PAGE ): TraceEvent {
	return {
		name: 'TimeStamp',
		ph: 'I',
		ts,
		cat: 'devtools.timeline',
		args: { data: { message: label } },
		...where,
	};
}

describe( 'markOf', () => {
	it( 'reads name and time from a TimeStamp label', () => {
		expect(
			markOf(
				stamp( 1, 'livedesk-bench:update@1234.5' ),
				'livedesk-bench:'
			)
		).toEqual( { name: 'livedesk-bench:update', time: 1234.5 } );
	} );

	it( 'ignores other events and other labels', () => {
		expect(
			markOf( stamp( 1, 'something else@3' ), 'livedesk-bench:' )
		).toBeNull();
		expect(
			markOf( { ...task( 1, 1, 1 ) }, 'livedesk-bench:' )
		).toBeNull();
	} );

	it( 'keeps a label without a time', () => {
		expect(
			markOf( stamp( 1, 'livedesk-bench:x' ), 'livedesk-bench:' )
		).toEqual( { name: 'livedesk-bench:x', time: null } );
	} );
} );

describe( 'parseTrace', () => {
	it( 'reads both trace file shapes', () => {
		const events = [ task( 1, 2, 3 ) ];
		expect(
			parseTrace( JSON.stringify( { traceEvents: events } ) )
		).toEqual( events );
		expect( parseTrace( JSON.stringify( events ) ) ).toEqual( events );
		expect( () => parseTrace( '{}' ) ).toThrow( /not a Chromium trace/ );
	} );
} );

describe( 'mainThreadTasks', () => {
	it( 'is null without a mark', () => {
		expect(
			mainThreadTasks( [ task( 0, 5, 5 ) ], 'livedesk-bench:' )
		).toBeNull();
	} );

	it( 'takes the tasks of the thread that marked, with their marks and frames', () => {
		const events: TraceEvent[] = [
			task( 0, 1000, 400, OTHER ),
			stamp(
				50,
				'livedesk-bench:update@7',
				OTHER.pid === 0 ? OTHER : PAGE
			),
			task( 40, 100, 80 ),
			// A nested task is part of the one around it.
			task( 60, 20, 15 ),
			task( 500, 300, 250 ),
			{ name: 'Layout', ph: 'X', ts: 510, dur: 50, ...PAGE },
			{ name: 'Paint', ph: 'X', ts: 600, dur: 10, ...OTHER },
			task( 900, 10, 9 ),
			stamp( 905, 'livedesk-bench:dispatch@8.25' ),
			// Outside every task: dropped.
			stamp( 2000, 'livedesk-bench:update@9' ),
		];
		expect( mainThreadTasks( events, 'livedesk-bench:' ) ).toEqual( [
			{
				start: 40,
				end: 140,
				cpu: 80,
				frame: false,
				marks: [ { name: 'livedesk-bench:update', ts: 50, time: 7 } ],
			},
			{ start: 500, end: 800, cpu: 250, frame: true, marks: [] },
			{
				start: 900,
				end: 910,
				cpu: 9,
				frame: false,
				marks: [
					{ name: 'livedesk-bench:dispatch', ts: 905, time: 8.25 },
				],
			},
		] );
	} );

	it( 'picks the thread with the most marks', () => {
		const events: TraceEvent[] = [
			task( 0, 10, 10, OTHER ),
			stamp( 1, 'livedesk-bench:phase', OTHER ),
			task( 20, 10, 10 ),
			stamp( 21, 'livedesk-bench:snapshot@1' ),
			stamp( 22, 'livedesk-bench:rendered@2' ),
		];
		expect(
			mainThreadTasks( events, 'livedesk-bench:' )?.map(
				( t ) => t.start
			)
		).toEqual( [ 20 ] );
	} );

	it( 'uses the wall time when the trace has no thread time', () => {
		const events: TraceEvent[] = [
			{ name: 'RunTask', ph: 'X', ts: 0, dur: 30, ...PAGE },
			stamp( 1, 'livedesk-bench:update@1' ),
		];
		expect( mainThreadTasks( events, 'livedesk-bench:' )?.[ 0 ]?.cpu ).toBe(
			30
		);
	} );
} );
