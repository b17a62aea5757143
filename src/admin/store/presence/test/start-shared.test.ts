/**
 * WordPress dependencies
 */
import { select } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { AgentConnection } from '../../../live/agent-connection';
import { store } from '..';
import { startPresence } from '../start';

jest.mock( '@wordpress/api-fetch' );

jest.mock( '../../../live/agent-connection', () => {
	const actual = jest.requireActual( '../../../live/agent-connection' );
	return {
		...actual,
		AgentConnection: jest.fn().mockImplementation( () => ( {
			open: jest.fn(),
			close: jest.fn(),
			getState: () => ( { status: 'connecting', reason: null } ),
			on: () => () => undefined,
		} ) ),
	};
} );

const MockConnection = AgentConnection as unknown as jest.Mock;

function instance( index: number ) {
	return MockConnection.mock.results[ index ]?.value as {
		open: jest.Mock;
		close: jest.Mock;
	};
}

describe( 'startPresence without options', () => {
	it( 'shares one connection until the last caller stops', () => {
		const stopMap = startPresence();
		const stopList = startPresence();
		expect( MockConnection ).toHaveBeenCalledTimes( 1 );
		expect( instance( 0 ).open ).toHaveBeenCalledTimes( 1 );
		expect( select( store ).getConnection().status ).toBe( 'connecting' );

		stopMap();
		stopMap(); // counted once
		expect( instance( 0 ).close ).not.toHaveBeenCalled();
		stopList();
		expect( instance( 0 ).close ).toHaveBeenCalledTimes( 1 );

		// A later caller gets a new connection.
		const stopAgain = startPresence();
		expect( MockConnection ).toHaveBeenCalledTimes( 2 );
		expect( instance( 1 ).open ).toHaveBeenCalledTimes( 1 );
		stopAgain();
		expect( instance( 1 ).close ).toHaveBeenCalledTimes( 1 );
	} );
} );
