/**
 * Internal dependencies
 */
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from '../backoff';

describe( 'backoffDelay', () => {
	it( 'doubles the ceiling per attempt up to the cap', () => {
		const almostOne = () => 0.999999;
		expect(
			[ 0, 1, 2, 3, 4, 5, 6, 50, 5000 ].map( ( attempt ) =>
				backoffDelay( attempt, almostOne )
			)
		).toEqual( [
			999, 1999, 3999, 7999, 15999, 29999, 29999, 29999, 29999,
		] );
	} );

	it( 'picks uniformly below the ceiling (full jitter)', () => {
		expect( backoffDelay( 3, () => 0 ) ).toBe( 0 );
		expect( backoffDelay( 3, () => 0.5 ) ).toBe( 4 * BACKOFF_BASE_MS );
		expect( backoffDelay( 10, () => 0.25 ) ).toBe( BACKOFF_CAP_MS / 4 );
	} );

	it( 'stays within [0, cap) with the default random source', () => {
		for ( let attempt = 0; attempt < 40; attempt++ ) {
			const delay = backoffDelay( attempt );
			expect( delay ).toBeGreaterThanOrEqual( 0 );
			expect( delay ).toBeLessThan(
				Math.min( BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt )
			);
		}
	} );
} );
