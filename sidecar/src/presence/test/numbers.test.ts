/**
 * Internal dependencies
 */
import { NumberPool } from '../numbers';

describe( 'NumberPool', () => {
	it( 'hands out 1, 2, 3, …', () => {
		const pool = new NumberPool();
		expect( [ pool.take(), pool.take(), pool.take() ] ).toEqual( [
			1, 2, 3,
		] );
		expect( pool.inUse ).toBe( 3 );
	} );

	it( 'reuses the lowest freed number first', () => {
		const pool = new NumberPool();
		for ( let i = 0; i < 6; i++ ) {
			pool.take();
		}
		pool.release( 5 );
		pool.release( 2 );
		pool.release( 4 );
		expect( pool.inUse ).toBe( 3 );
		expect( pool.take() ).toBe( 2 );
		expect( pool.take() ).toBe( 4 );
		expect( pool.take() ).toBe( 5 );
		expect( pool.take() ).toBe( 7 );
	} );

	it( 'gives back the top number by lowering the high-water mark', () => {
		const pool = new NumberPool();
		pool.take();
		pool.take();
		pool.take();
		pool.release( 2 );
		pool.release( 3 );
		expect( pool.inUse ).toBe( 1 );
		expect( pool.take() ).toBe( 2 );
		expect( pool.take() ).toBe( 3 );
		expect( pool.take() ).toBe( 4 );
	} );

	it( 'always matches the lowest free number of a naive model', () => {
		const pool = new NumberPool();
		const used = new Set< number >();
		const taken: number[] = [];
		const lowestFree: number[] = [];
		let seed = 11;
		for ( let i = 0; i < 3000; i++ ) {
			seed = ( seed * 48271 ) % 2147483647;
			if ( seed % 5 < 2 && used.size > 0 ) {
				const all = [ ...used ];
				const n = all[ seed % all.length ] as number;
				used.delete( n );
				pool.release( n );
			} else {
				let expected = 1;
				while ( used.has( expected ) ) {
					expected++;
				}
				taken.push( pool.take() );
				lowestFree.push( expected );
				used.add( expected );
			}
			expect( pool.inUse ).toBe( used.size );
		}
		expect( taken.length ).toBeGreaterThan( 1000 );
		expect( taken ).toEqual( lowestFree );
	} );

	it( 'starts over after reset', () => {
		const pool = new NumberPool();
		pool.take();
		pool.take();
		pool.release( 1 );
		pool.reset();
		expect( pool.inUse ).toBe( 0 );
		expect( pool.take() ).toBe( 1 );
		expect( pool.take() ).toBe( 2 );
	} );
} );
