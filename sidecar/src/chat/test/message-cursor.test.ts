/**
 * Internal dependencies
 */
import { GAP_TTL_MS, MessageCursor } from '../message-cursor';

function setup( start = 10 ) {
	let now = 0;
	const cursor = new MessageCursor( start, () => now );
	return {
		cursor,
		advance: ( ms: number ) => {
			now += ms;
		},
	};
}

describe( 'MessageCursor', () => {
	it( 'treats history before the start as pushed', () => {
		const { cursor } = setup();
		expect( cursor.after ).toBe( 10 );
		expect( cursor.pushed( 9 ) ).toBe( true );
		expect( cursor.claim( 9 ) ).toBe( false );
	} );

	it( 'claims each id once, whoever comes first (a local write or the tail)', () => {
		const { cursor } = setup();
		expect( cursor.claim( 12 ) ).toBe( true ); // written here
		expect( cursor.pushed( 12 ) ).toBe( true );
		expect( cursor.claim( 12 ) ).toBe( false ); // the tail finds it too
		expect( cursor.claim( 11 ) ).toBe( true ); // the tail finds another
		cursor.advance( 12, new Set( [ 11, 12 ] ) );
		expect( cursor.after ).toBe( 12 );
		expect( cursor.awaited() ).toEqual( [] );
		expect( cursor.claim( 12 ) ).toBe( false );
	} );

	it( 'waits for ids committed out of order, then gives up on them', () => {
		const { cursor, advance } = setup();
		// The tail got 11 and 14; 12 and 13 were not committed yet.
		cursor.claim( 11 );
		cursor.claim( 14 );
		cursor.advance( 14, new Set( [ 11, 14 ] ) );
		expect( cursor.awaited() ).toEqual( [ 12, 13 ] );
		expect( cursor.pushed( 13 ) ).toBe( false );
		// 13 commits and is found by the look-back.
		expect( cursor.claim( 13 ) ).toBe( true );
		expect( cursor.claim( 13 ) ).toBe( false );
		expect( cursor.awaited() ).toEqual( [ 12 ] );
		// 12 was rolled back: never comes, forgotten after a while.
		advance( GAP_TTL_MS );
		expect( cursor.awaited() ).toEqual( [] );
	} );

	it( 'does not wait for an id this sidecar already pushed', () => {
		const { cursor } = setup();
		cursor.claim( 12 ); // written here, committed after the tail's read
		cursor.claim( 13 );
		cursor.advance( 13, new Set( [ 13 ] ) );
		expect( cursor.awaited() ).toEqual( [ 11 ] );
	} );

	it( 'keeps a bounded number of gaps after a jump', () => {
		const { cursor } = setup( 0 );
		cursor.claim( 1_000_000 );
		cursor.advance( 1_000_000, new Set( [ 1_000_000 ] ) );
		const gaps = cursor.awaited();
		expect( gaps.length ).toBeLessThanOrEqual( 2000 );
		expect( Math.max( ...gaps ) ).toBe( 999_999 );
	} );
} );
