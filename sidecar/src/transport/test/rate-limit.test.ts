/**
 * Internal dependencies
 */
import { TokenBucket } from '../rate-limit';

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
