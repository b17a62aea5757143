/**
 * Internal dependencies
 */
import { hotspots } from '../profile';
import type { CpuProfile } from '../profile';

const frame = ( functionName: string, url = '', line = 0, column = 0 ) => ( {
	functionName,
	url,
	lineNumber: line,
	columnNumber: column,
} );

// Samples of 1 ms each: 5 idle, 3 in render, 1 in parse, 1 in GC; the same
// function reached by two paths (nodes 2 and 5) counts once.
const PROFILE: CpuProfile = {
	nodes: [
		{ id: 1, callFrame: frame( '(root)' ) },
		{
			id: 2,
			callFrame: frame( 'render', 'http://x/build/app.js?ver=1', 4, 99 ),
		},
		{ id: 3, callFrame: frame( '(idle)' ) },
		{ id: 4, callFrame: frame( '', 'http://x/lib.js', 0, 9 ) },
		{
			id: 5,
			callFrame: frame( 'render', 'http://x/build/app.js?ver=1', 4, 99 ),
		},
		{ id: 6, callFrame: frame( '(garbage collector)' ) },
	],
	samples: [ 3, 3, 3, 2, 5, 2, 4, 6, 3, 3, 3 ],
	timeDeltas: [
		0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
	],
	startTime: 0,
	endTime: 11_000,
};

describe( 'hotspots', () => {
	it( 'sums self time per function, as shares of the busy time', () => {
		expect( hotspots( PROFILE, 10 ) ).toEqual( [
			{ where: 'render (app.js:5:100)', selfMs: 3, percent: 60 },
			{ where: '(anonymous) (lib.js:1:10)', selfMs: 1, percent: 20 },
			{ where: '(garbage collector)', selfMs: 1, percent: 20 },
		] );
	} );

	it( 'keeps the top ones', () => {
		expect( hotspots( PROFILE, 1 ) ).toHaveLength( 1 );
	} );

	it( 'copes with a profile without samples', () => {
		expect(
			hotspots(
				{ ...PROFILE, samples: undefined, timeDeltas: undefined },
				5
			)
		).toEqual( [] );
	} );
} );
