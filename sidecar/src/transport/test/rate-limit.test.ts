/**
 * Internal dependencies
 */
import { KeyedBuckets, TokenBucket } from '../rate-limit';

describe( 'TokenBucket', () => {
	it( 'allows a burst, then the average rate', () => {
		let now = 0;
		const bucket = new TokenBucket( 3, 2, () => now );
		expect( [ 1, 2, 3, 4 ].map( () => bucket.take() ) ).toEqual( [
			true,
			true,
			true,
			false,
		] );
		now += 499;
		expect( bucket.take() ).toBe( false );
		now += 1;
		expect( bucket.take() ).toBe( true );
		expect( bucket.take() ).toBe( false );
	} );

	it( 'never holds more than the burst', () => {
		let now = 0;
		const bucket = new TokenBucket( 2, 10, () => now );
		now += 60_000;
		expect( [ 1, 2, 3 ].map( () => bucket.take() ) ).toEqual( [
			true,
			true,
			false,
		] );
	} );
} );

describe( 'KeyedBuckets', () => {
	it( 'limits each key on its own: 10 per 10 s', () => {
		let now = 0;
		const buckets = new KeyedBuckets( 10, 1, () => now );
		const takes = ( key: string, n: number ) =>
			Array.from( { length: n }, () => buckets.take( key ) ).filter(
				Boolean
			).length;
		expect( takes( 'a', 12 ) ).toBe( 10 );
		expect( takes( 'b', 3 ) ).toBe( 3 );
		now += 1000;
		expect( takes( 'a', 3 ) ).toBe( 1 );
	} );

	it( 'forgets keys whose bucket has refilled', () => {
		let now = 0;
		const buckets = new KeyedBuckets( 2, 1, () => now );
		buckets.take( 'a' );
		now += 1000;
		buckets.take( 'b' );
		expect( buckets.size ).toBe( 2 );
		now += 1500;
		buckets.take( 'c' );
		expect( buckets.size ).toBe( 2 );
		now += 5000;
		buckets.take( 'd' );
		expect( buckets.size ).toBe( 1 );
	} );
} );
