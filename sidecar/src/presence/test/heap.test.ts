/**
 * Internal dependencies
 */
import { MinHeap } from '../heap';

function drain( heap: MinHeap< number > ): number[] {
	const out: number[] = [];
	for ( let n = heap.pop(); n !== undefined; n = heap.pop() ) {
		out.push( n );
	}
	return out;
}

describe( 'MinHeap', () => {
	it( 'pops in ascending order whatever the push order', () => {
		const heap = new MinHeap< number >( ( a, b ) => a - b );
		const values = [ 5, 3, 9, 1, 1, 8, 2, 7, 0, 6, 4 ];
		values.forEach( ( v ) => heap.push( v ) );
		expect( heap.size ).toBe( values.length );
		expect( heap.peek() ).toBe( 0 );
		expect( drain( heap ) ).toEqual(
			[ ...values ].sort( ( a, b ) => a - b )
		);
		expect( heap.size ).toBe( 0 );
		expect( heap.pop() ).toBeUndefined();
		expect( heap.peek() ).toBeUndefined();
	} );

	it( 'keeps order across interleaved pushes and pops', () => {
		const heap = new MinHeap< number >( ( a, b ) => a - b );
		const reference: number[] = [];
		const popped: Array< number | undefined > = [];
		const expected: Array< number | undefined > = [];
		let seed = 7;
		for ( let i = 0; i < 2000; i++ ) {
			seed = ( seed * 48271 ) % 2147483647;
			if ( seed % 3 === 0 && reference.length > 0 ) {
				reference.sort( ( a, b ) => a - b );
				popped.push( heap.pop() );
				expected.push( reference.shift() );
			} else {
				heap.push( seed % 1000 );
				reference.push( seed % 1000 );
			}
		}
		expect( popped.length ).toBeGreaterThan( 100 );
		expect( popped ).toEqual( expected );
		expect( drain( heap ) ).toEqual( reference.sort( ( a, b ) => a - b ) );
	} );

	it( 'retain drops items and keeps the rest ordered', () => {
		const heap = new MinHeap< number >( ( a, b ) => a - b );
		[ 10, 4, 7, 1, 8, 3, 6 ].forEach( ( v ) => heap.push( v ) );
		heap.retain( ( v ) => v % 2 === 0 );
		expect( heap.size ).toBe( 4 );
		expect( drain( heap ) ).toEqual( [ 4, 6, 8, 10 ] );
	} );

	it( 'clear empties it', () => {
		const heap = new MinHeap< number >( ( a, b ) => a - b );
		heap.push( 1 );
		heap.clear();
		expect( heap.size ).toBe( 0 );
		expect( heap.pop() ).toBeUndefined();
	} );
} );
