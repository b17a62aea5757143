/**
 * Internal dependencies
 */
import { summarize } from '../../lib/stats';
import {
	expectedMessageRate,
	mapTargets,
	median,
	ms,
	shortfall,
	spread,
} from '../report';

describe( 'mapTargets', () => {
	it( 'holds up to 500 visitors to the 500-visitor targets', () => {
		expect( mapTargets( 40 ) ).toEqual( {
			firstRenderMs: 200,
			updateMs: 4,
		} );
		expect( mapTargets( 500 ) ).toEqual( {
			firstRenderMs: 200,
			updateMs: 4,
		} );
	} );

	it( 'holds larger runs to the 10,000-visitor target', () => {
		expect( mapTargets( 501 ) ).toEqual( {
			firstRenderMs: null,
			updateMs: 16,
		} );
		expect( mapTargets( 10_000 ) ).toEqual( {
			firstRenderMs: null,
			updateMs: 16,
		} );
	} );
} );

describe( 'formats', () => {
	it( 'prints milliseconds with one decimal', () => {
		expect( ms( 3.14159 ) ).toBe( '3.1 ms' );
		expect( ms( 1234 ) ).toBe( '1234.0 ms' );
		expect( ms( null ) ).toBe( '—' );
	} );

	it( 'prints a distribution', () => {
		expect( spread( summarize( [ 1, 2, 3, 4 ] ), ms ) ).toBe(
			'p50 2.0 ms, p95 4.0 ms, max 4.0 ms'
		);
		expect( spread( summarize( [] ), ms ) ).toBe( 'p50 —, p95 —, max —' );
	} );

	it( 'takes the nearest-rank median', () => {
		expect( median( [ 300, 100, 200 ] ) ).toBe( 200 );
		expect( median( [ 2, 1 ] ) ).toBe( 1 );
		expect( median( [] ) ).toBeNull();
	} );
} );

describe( 'expectedMessageRate and shortfall', () => {
	it( 'expects at most one message per 50 ms tick', () => {
		expect( expectedMessageRate( 0 ) ).toBe( 0 );
		expect( expectedMessageRate( 10 ) ).toBeCloseTo( 6.67, 2 );
		expect( expectedMessageRate( 100 ) ).toBeCloseTo( 16.67, 2 );
		expect( expectedMessageRate( 1e9 ) ).toBeCloseTo( 20, 2 );
	} );

	it( 'notes when the page got less than half of that', () => {
		expect( shortfall( 12, 100 ) ).toBeNull();
		expect( shortfall( 0.3, 2000 ) ).toMatch(
			/received 0\.3 messages\/s where ~20\/s were due/
		);
	} );
} );
