/**
 * Internal dependencies
 */
import { DEFAULT_MAP_OPTIONS, parseMapCommand } from '../options';

describe( 'parseMapCommand', () => {
	it( 'defaults to 500 visitors and a 30 s stream of page views every 10 s', () => {
		expect( parseMapCommand( [] ) ).toEqual( {
			mode: 'bench',
			profile: false,
			options: {
				visitors: 500,
				durationSeconds: 30,
				intervalSeconds: 10,
				rampPerSecond: 500,
				loads: 3,
			},
		} );
	} );

	it( 'reads flags with a separate or an inline value, and --profile', () => {
		expect(
			parseMapCommand( [
				'--visitors',
				'10000',
				'--profile',
				'--duration=60',
				'--interval',
				'10',
				'--ramp=1000',
				'--loads',
				'5',
			] )
		).toEqual( {
			mode: 'bench',
			profile: true,
			options: {
				visitors: 10_000,
				durationSeconds: 60,
				intervalSeconds: 10,
				rampPerSecond: 1000,
				loads: 5,
			},
		} );
	} );

	it( 'does not change the defaults', () => {
		parseMapCommand( [ '--visitors', '7' ] );
		expect( DEFAULT_MAP_OPTIONS.visitors ).toBe( 500 );
	} );

	it.each( [
		[ [ '--screenshot', 'docs/visitors-screen.png' ] ],
		[ [ '--screenshot=docs/visitors-screen.png' ] ],
	] )( 'takes %j as the screenshot mode', ( args ) => {
		expect( parseMapCommand( args ) ).toEqual( {
			mode: 'screenshot',
			path: 'docs/visitors-screen.png',
		} );
	} );

	it.each( [
		[ [ '--visitors' ], /--visitors needs a whole number/ ],
		[ [ '--visitors', '0' ], /from 1 to 20000, got '0'/ ],
		[ [ '--visitors', '2.5' ], /got '2.5'/ ],
		[ [ '--duration', '5' ], /--duration needs a whole number from 10/ ],
		[ [ '--loads=11' ], /--loads needs a whole number from 1 to 10/ ],
		[ [ '--fast' ], /unknown option '--fast'/ ],
		[ [ '--screenshot' ], /--screenshot needs the path/ ],
		[ [ '--screenshot=' ], /--screenshot needs the path/ ],
		[ [ '--screenshot', 'a.png', '--visitors', '40' ], /no other options/ ],
		[ [ '--visitors', '40', '--screenshot', 'a.png' ], /must come first/ ],
	] )( 'refuses %j', ( args, message ) => {
		expect( parseMapCommand( args ) ).toMatch( message );
	} );
} );
