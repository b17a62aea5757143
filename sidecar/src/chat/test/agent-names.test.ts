/**
 * Internal dependencies
 */
import { AGENT_NAME_TTL_MS, AgentNames } from '../agent-names';

describe( 'AgentNames', () => {
	it( 'reads names once per minute and gives unknown ids an empty name', async () => {
		let now = 0;
		const lookups: number[][] = [];
		const names = new AgentNames(
			async ( ids ) => {
				lookups.push( [ ...ids ] );
				return new Map( [ [ 7, 'Ada' ] ] );
			},
			() => now
		);
		expect( await names.names( [ 7, null, 9 ] ) ).toEqual(
			new Map( [
				[ 7, 'Ada' ],
				[ 9, '' ],
			] )
		);
		expect( await names.name( 7 ) ).toBe( 'Ada' );
		now += AGENT_NAME_TTL_MS;
		expect( await names.name( 7 ) ).toBe( 'Ada' );
		expect( lookups ).toEqual( [ [ 7, 9 ], [ 7 ] ] );
	} );

	it( 'gives empty names when the database fails, and asks again later', async () => {
		let fail = true;
		const names = new AgentNames(
			async () => {
				if ( fail ) {
					throw new Error( 'down' );
				}
				return new Map( [ [ 7, 'Ada' ] ] );
			},
			() => 0
		);
		expect( await names.name( 7 ) ).toBe( '' );
		fail = false;
		expect( await names.name( 7 ) ).toBe( 'Ada' );
	} );
} );
