/**
 * Internal dependencies
 */
import {
	VISITOR_ID_PATTERN,
	VISITOR_SIGNATURE_PATTERN,
} from '../../../../src/protocol';
import {
	issueVisitorIdentity,
	signVisitorId,
	verifyVisitorIdentity,
} from '../visitor-identity';

const SECRET = 'ab'.repeat( 32 );
const OTHER = 'cd'.repeat( 32 );

describe( 'visitor identity', () => {
	it( 'issues a random 128-bit id with a signature in the protocol format', () => {
		const a = issueVisitorIdentity( SECRET );
		const b = issueVisitorIdentity( SECRET );
		expect( a.id ).toMatch( VISITOR_ID_PATTERN );
		expect( a.sig ).toMatch( VISITOR_SIGNATURE_PATTERN );
		expect( a.id ).not.toBe( b.id );
	} );

	it( 'signs with the documented message (fixed vector)', () => {
		// base64url( HMAC-SHA256( "ab"*32, "livedesk-visitor.v1." + "0"*32 ) )
		expect( signVisitorId( '0'.repeat( 32 ), SECRET ) ).toBe(
			'NKf0S0whPYgUHXbG3JmD5FJdHehs0p69stR-LEEyLZY'
		);
		expect( signVisitorId( '0'.repeat( 32 ), SECRET ) ).not.toBe(
			signVisitorId( '0'.repeat( 32 ), OTHER )
		);
	} );

	it( 'verifies an identity it issued', () => {
		const identity = issueVisitorIdentity( SECRET );
		expect( verifyVisitorIdentity( identity, SECRET ) ).toEqual( identity );
	} );

	it( 'refuses a forged, foreign or missing signature', () => {
		const identity = issueVisitorIdentity( SECRET );
		const forged = { ...identity, sig: 'A'.repeat( 43 ) };
		const foreignId = { ...identity, id: 'f'.repeat( 32 ) };
		expect( verifyVisitorIdentity( forged, SECRET ) ).toBeNull();
		expect( verifyVisitorIdentity( foreignId, SECRET ) ).toBeNull();
		expect( verifyVisitorIdentity( identity, OTHER ) ).toBeNull();
		expect(
			verifyVisitorIdentity( { id: identity.id }, SECRET )
		).toBeNull();
		expect( verifyVisitorIdentity( {}, SECRET ) ).toBeNull();
	} );
} );
