/**
 * Internal dependencies
 */
import { dbTimeMs, fromDbTime, idList, toDbTime } from '../chat-sql';

describe( 'chat SQL helpers', () => {
	it( 'stores times as UTC DATETIME(3) and reads them back as ISO strings', () => {
		const ms = Date.UTC( 2026, 10, 21, 9, 30, 0, 123 );
		expect( toDbTime( ms ) ).toBe( '2026-11-21 09:30:00.123' );
		expect( fromDbTime( '2026-11-21 09:30:00.123' ) ).toBe(
			'2026-11-21T09:30:00.123Z'
		);
		expect( fromDbTime( '2026-11-21 09:30:00' ) ).toBe(
			'2026-11-21T09:30:00.000Z'
		);
		expect( dbTimeMs( toDbTime( ms ) ) ).toBe( ms );
		expect( fromDbTime( null ) ).toBeNull();
		expect( fromDbTime( 'yesterday' ) ).toBeNull();
	} );

	it( 'pads id lists to a power of two', () => {
		expect( idList( [ 4 ] ) ).toEqual( { marks: '?', values: [ 4 ] } );
		expect( idList( [ 1, 2, 3 ] ) ).toEqual( {
			marks: '?, ?, ?, ?',
			values: [ 1, 2, 3, 3 ],
		} );
	} );
} );
