/**
 * Internal dependencies
 */
import { ConversationCursor } from '../conversation-cursor';

describe( 'ConversationCursor', () => {
	it( 'reads again from a few seconds before the newest change', () => {
		const cursor = new ConversationCursor( '2026-05-01 10:00:10.000' );
		expect( cursor.floor() ).toBe( '2026-05-01 10:00:05.000' );
		cursor.claim( 1, '2026-05-01 10:00:20.500' );
		expect( cursor.floor() ).toBe( '2026-05-01 10:00:15.500' );
	} );

	it( 'reads everything when the table was empty', () => {
		expect( new ConversationCursor( '' ).floor() ).toBe(
			'1000-01-01 00:00:00.000'
		);
	} );

	it( 'claims each state of a row once', () => {
		const cursor = new ConversationCursor( '' );
		expect( cursor.claim( 7, '2026-05-01 10:00:00.001' ) ).toBe( true );
		expect( cursor.claim( 7, '2026-05-01 10:00:00.001' ) ).toBe( false );
		// An older state read late is not news.
		expect( cursor.claim( 7, '2026-05-01 09:59:59.999' ) ).toBe( false );
		expect( cursor.claim( 7, '2026-05-01 10:00:00.002' ) ).toBe( true );
		expect( cursor.claim( 8, '2026-05-01 10:00:00.002' ) ).toBe( true );
	} );

	it( 'forgets states older than the floor', () => {
		const cursor = new ConversationCursor( '' );
		cursor.claim( 1, '2026-05-01 10:00:00.000' );
		cursor.claim( 2, '2026-05-01 10:01:00.000' );
		cursor.prune();
		// Row 1's state is below the floor: never read again, so forgotten.
		expect( cursor.claim( 1, '2026-05-01 10:00:00.000' ) ).toBe( true );
		expect( cursor.claim( 2, '2026-05-01 10:01:00.000' ) ).toBe( false );
	} );
} );
