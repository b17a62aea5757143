/**
 * Internal dependencies
 */
import {
	signIdentity,
	signPlaygroundToken,
	verifyIdentity,
	verifyPlaygroundToken,
} from '../identity';

const SECRET = 'ab'.repeat( 32 );
const NOW = 1_800_000_000;

function signed( fields: {
	id: string;
	name?: string;
	email?: string;
	expires: number;
} ) {
	return { ...fields, signature: signIdentity( fields, SECRET ) };
}

describe( 'verifyIdentity', () => {
	it( 'accepts a signature computed as the docs show (PHP hash_hmac)', () => {
		// hash_hmac( 'sha256', "livedesk-identity.v1\ncustomer-42\nada@example.com\nAda\n1798761600", str_repeat( 'ab', 32 ) )
		const identity = {
			id: 'customer-42',
			name: 'Ada',
			email: 'ada@example.com',
			expires: 1_798_761_600,
		};
		expect( signIdentity( identity, SECRET ) ).toBe(
			'24cb6bb4a3e44d543e41c0edc5ba1ce0f43076973263f8769df6f643f4bff48a'
		);
		expect(
			verifyIdentity( signed( identity ), SECRET, 1_798_761_599 )
		).toEqual( {
			verified: true,
			identity: { ...identity },
		} );
	} );

	it( 'treats absent name and e-mail as empty', () => {
		expect(
			verifyIdentity(
				signed( { id: 'wp:3', expires: NOW + 60 } ),
				SECRET,
				NOW
			)
		).toEqual( {
			verified: true,
			identity: { id: 'wp:3', name: '', email: '', expires: NOW + 60 },
		} );
	} );

	it.each( [
		[ 'a changed name', { name: 'Eve' }, 'bad_signature' ],
		[ 'a changed id', { id: 'customer-43' }, 'bad_signature' ],
		[ 'a later expiry', { expires: NOW + 7200 }, 'bad_signature' ],
		[ 'an expired one', { expiresNow: true }, 'expired' ],
	] )( 'refuses %s', ( _name, change, reason ) => {
		const good = signed( {
			id: 'customer-42',
			name: 'Ada',
			expires: NOW + 3600,
		} );
		const { expiresNow, ...fields } = change as Record< string, unknown >;
		const now = expiresNow ? NOW + 3600 : NOW;
		expect( verifyIdentity( { ...good, ...fields }, SECRET, now ) ).toEqual(
			{ verified: false, reason }
		);
	} );

	it( 'verifies nothing without an identity secret, or with another one', () => {
		const identity = signed( { id: 'x', expires: NOW + 60 } );
		expect( verifyIdentity( identity, null, NOW ) ).toMatchObject( {
			verified: false,
		} );
		expect( verifyIdentity( identity, 'cd'.repeat( 32 ), NOW ) ).toEqual( {
			verified: false,
			reason: 'bad_signature',
		} );
	} );

	it( 'checks the signature before the expiry', () => {
		const forged = {
			...signed( { id: 'x', expires: NOW - 1 } ),
			signature: '0'.repeat( 64 ),
		};
		expect( verifyIdentity( forged, SECRET, NOW ) ).toEqual( {
			verified: false,
			reason: 'bad_signature',
		} );
	} );
} );

describe( 'playground tokens', () => {
	it( 'verify for the visitor id they were signed for only', () => {
		const visitor = '0123456789abcdef0123456789abcdef';
		const token = signPlaygroundToken( visitor, SECRET );
		expect( token ).toMatch( /^[A-Za-z0-9_-]{43}$/ );
		expect( verifyPlaygroundToken( visitor, token, SECRET ) ).toBe( true );
		expect( verifyPlaygroundToken( 'f'.repeat( 32 ), token, SECRET ) ).toBe(
			false
		);
		expect(
			verifyPlaygroundToken( visitor, token, 'cd'.repeat( 32 ) )
		).toBe( false );
		expect( verifyPlaygroundToken( visitor, 'short', SECRET ) ).toBe(
			false
		);
	} );
} );
