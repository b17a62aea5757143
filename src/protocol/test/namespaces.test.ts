/**
 * Internal dependencies
 */
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '..';

describe( 'namespaces', () => {
	it( 'are the names the sidecar and clients agree on', () => {
		expect( VISITOR_NAMESPACE ).toBe( '/visitor' );
		expect( AGENT_NAMESPACE ).toBe( '/agent' );
	} );
} );
