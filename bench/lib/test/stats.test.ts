/**
 * Internal dependencies
 */
import { duration, mib, percent, percentile, summarize } from '../stats';

describe( 'percentile', () => {
	const hundred = Array.from( { length: 100 }, ( _, i ) => i + 1 );

	it( 'uses the nearest rank', () => {
		expect( percentile( hundred, 50 ) ).toBe( 50 );
		expect( percentile( hundred, 99 ) ).toBe( 99 );
		expect( percentile( hundred, 100 ) ).toBe( 100 );
		expect( percentile( [ 10, 20, 30 ], 50 ) ).toBe( 20 );
		expect( percentile( [ 10, 20, 30 ], 99 ) ).toBe( 30 );
	} );

	it( 'takes the smallest sample for tiny percentiles', () => {
		expect( percentile( [ 4, 8 ], 0.0001 ) ).toBe( 4 );
	} );

	it( 'is null without samples', () => {
		expect( percentile( [], 50 ) ).toBeNull();
	} );
} );

describe( 'summarize', () => {
	it( 'sorts numerically, not as text', () => {
		const samples = [ 100, 9, 55, 1000, 2 ];
		expect( summarize( samples ) ).toEqual( {
			count: 5,
			mean: 233.2,
			p50: 55,
			p95: 1000,
			p99: 1000,
			max: 1000,
		} );
		expect( samples ).toEqual( [ 100, 9, 55, 1000, 2 ] );
	} );

	it( 'summarises nothing as nulls', () => {
		expect( summarize( [] ) ).toEqual( {
			count: 0,
			mean: null,
			p50: null,
			p95: null,
			p99: null,
			max: null,
		} );
	} );
} );

describe( 'formats', () => {
	it( 'prints sizes, shares and durations', () => {
		expect( mib( 450 * 1024 * 1024 ) ).toBe( '450.0 MiB' );
		expect( percent( 18.75 ) ).toBe( '18.8%' );
		expect( duration( 59.6 ) ).toBe( '60 ms' );
		expect( duration( 20_100 ) ).toBe( '20.1 s' );
		expect( duration( null ) ).toBe( '—' );
	} );
} );
