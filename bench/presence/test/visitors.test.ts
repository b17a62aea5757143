/**
 * Internal dependencies
 */
import { checkPageView } from '../../../src/protocol';
import { benchPath } from '../agent';
import { benchPageView, PRESENCE_SCRIPT } from '../visitors';

describe( 'benchPageView', () => {
	it( 'passes the sidecar’s own validation unchanged', () => {
		for ( const index of [ 0, 1, 2, 9_999 ] ) {
			const view = benchPageView(
				index,
				benchPath( index, 1_700_000_000_123 )
			);
			expect( checkPageView( view ) ).toEqual( {
				ok: true,
				value: view,
			} );
		}
	} );

	it( 'puts the visitor and the send time in the path', () => {
		expect(
			benchPageView( 7, benchPath( 7, 1_700_000_000_123 ) ).path
		).toBe( '/bench/7/1700000000123' );
	} );
} );

describe( 'PRESENCE_SCRIPT', () => {
	it( 'lands each visitor on its own entry page, without an identity', () => {
		expect( PRESENCE_SCRIPT.auth( 3 ) ).toEqual( {
			page: benchPageView( 3, '/bench/3/entry' ),
		} );
	} );

	it( 'sends measured page views', () => {
		expect( PRESENCE_SCRIPT.pageView( 7, 1_700_000_000_123 ).path ).toBe(
			'/bench/7/1700000000123'
		);
	} );
} );
