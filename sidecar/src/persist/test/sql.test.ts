/**
 * Internal dependencies
 */
import { clip, isStorableTime, placeholders, toUtcDatetime } from '../sql';

describe( 'toUtcDatetime', () => {
	const savedTz = process.env.TZ;

	afterEach( () => {
		process.env.TZ = savedTz;
	} );

	it.each( [
		'UTC',
		'America/Los_Angeles',
		'Asia/Kolkata',
		'Pacific/Kiritimati',
	] )( 'formats in UTC whatever the process time zone (%s)', ( zone ) => {
		process.env.TZ = zone;
		expect(
			toUtcDatetime( Date.UTC( 2024, 1, 29, 23, 59, 59, 999 ) )
		).toBe( '2024-02-29 23:59:59' );
		expect( toUtcDatetime( Date.UTC( 2025, 6, 4, 0, 0, 0 ) ) ).toBe(
			'2025-07-04 00:00:00'
		);
	} );

	it( 'refuses what a DATETIME cannot hold', () => {
		expect( () => toUtcDatetime( Number.NaN ) ).toThrow( RangeError );
		expect( () => toUtcDatetime( Date.UTC( 10000, 0, 1 ) ) ).toThrow(
			RangeError
		);
		expect( isStorableTime( Date.UTC( 999, 11, 31 ) ) ).toBe( false );
		expect( isStorableTime( 0 ) ).toBe( true );
	} );
} );

describe( 'clip', () => {
	it( 'leaves text within the limit alone', () => {
		expect( clip( 'Paris', 5 ) ).toBe( 'Paris' );
		expect( clip( '', 0 ) ).toBe( '' );
	} );

	it( 'counts characters as the database does, never splitting a pair', () => {
		// 😀 is one character in a utf8mb4 column but two UTF-16 units.
		expect( clip( '😀😀😀', 2 ) ).toBe( '😀😀' );
		expect( clip( 'a😀b', 2 ) ).toBe( 'a😀' );
		expect( clip( 'ab😀', 3 ) ).toBe( 'ab😀' );
		expect( clip( 'é'.repeat( 10 ), 4 ) ).toBe( 'éééé' );
	} );

	it( 'counts a lone surrogate as one character', () => {
		expect( clip( '\uD83Dxyz', 2 ) ).toBe( '\uD83Dx' );
	} );

	it( 'cuts a 4,000-character title to the column size', () => {
		expect( clip( 'x'.repeat( 4000 ), 300 ) ).toHaveLength( 300 );
	} );
} );

describe( 'placeholders', () => {
	it( 'lists the placeholders of one row', () => {
		expect( placeholders( 3 ) ).toBe( '?, ?, ?' );
	} );
} );
