/**
 * Internal dependencies
 */
import { DEFAULT_PRESENCE_OPTIONS, parsePresenceOptions } from '../options';

describe( 'parsePresenceOptions', () => {
	it( 'defaults to the issue’s scenario', () => {
		expect( parsePresenceOptions( [] ) ).toEqual( {
			visitors: 10_000,
			durationSeconds: 60,
			rampPerSecond: 500,
			intervalSeconds: 10,
		} );
	} );

	it( 'reads flags with a separate or an inline value', () => {
		expect(
			parsePresenceOptions( [
				'--visitors',
				'500',
				'--duration=20',
				'--ramp',
				'100',
				'--interval=5',
			] )
		).toEqual( {
			visitors: 500,
			durationSeconds: 20,
			rampPerSecond: 100,
			intervalSeconds: 5,
		} );
	} );

	it( 'does not change the defaults', () => {
		parsePresenceOptions( [ '--visitors', '7' ] );
		expect( DEFAULT_PRESENCE_OPTIONS.visitors ).toBe( 10_000 );
	} );

	it.each( [
		[ [ '--visitors' ], /--visitors needs a whole number/ ],
		[ [ '--visitors', '0' ], /from 1 to 50000, got '0'/ ],
		[ [ '--visitors', '1e4' ], /got '1e4'/ ],
		[ [ '--duration', '5' ], /--duration needs a whole number from 10/ ],
		[ [ '--ramp=-3' ], /got '-3'/ ],
		[ [ '--fast' ], /unknown option '--fast'/ ],
		[ [ '500' ], /unknown option '500'/ ],
	] )( 'refuses %j', ( args, message ) => {
		expect( parsePresenceOptions( args ) ).toMatch( message );
	} );
} );
