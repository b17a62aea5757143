/**
 * What ua-parser-js returns is partly copied from the header, so whatever it
 * yields must be made to fit the protocol. ua-parser is replaced here to
 * return hostile values on demand.
 */

/**
 * Internal dependencies
 */
import { MAX_DEVICE_FIELD_LENGTH, UserAgentParser } from '../user-agent';

interface FakeResult {
	browser: { name?: string };
	os: { name?: string };
	device: { type?: string };
}

const mockResults = new Map< string, FakeResult | Error >();

jest.mock( 'ua-parser-js', () =>
	jest.fn().mockImplementation( ( ua: string ) => ( {
		getResult: () => {
			const result = mockResults.get( ua );
			if ( result instanceof Error ) {
				throw result;
			}
			return result ?? { browser: {}, os: {}, device: {} };
		},
	} ) )
);

describe( 'UserAgentParser fields', () => {
	it( 'clips each field and removes control characters', () => {
		mockResults.set( 'long', {
			browser: { name: `\u0007 ${ 'B'.repeat( 200 ) }` },
			os: { name: 'Linux\r\n\u0000' },
			device: { type: 'mobile' },
		} );
		expect( new UserAgentParser().parse( 'long' ) ).toEqual( {
			browser: 'B'.repeat( MAX_DEVICE_FIELD_LENGTH ),
			os: 'Linux',
			device: 'mobile',
		} );
	} );

	it( 'calls a found browser without a device type a desktop', () => {
		mockResults.set( 'os only', {
			browser: {},
			os: { name: 'Windows' },
			device: {},
		} );
		expect( new UserAgentParser().parse( 'os only' ).device ).toBe(
			'desktop'
		);
	} );

	it( 'drops device types the protocol does not know', () => {
		mockResults.set( 'xr', {
			browser: { name: 'Oculus Browser' },
			os: {},
			device: { type: 'xr' },
		} );
		expect( new UserAgentParser().parse( 'xr' ) ).toEqual( {
			browser: 'Oculus Browser',
			os: '',
			device: '',
		} );
	} );

	it( 'knows nothing, and does not throw, when the parser throws', () => {
		mockResults.set( 'boom', new Error( 'parser bug' ) );
		expect( new UserAgentParser().parse( 'boom' ) ).toEqual( {
			browser: '',
			os: '',
			device: '',
		} );
	} );
} );
