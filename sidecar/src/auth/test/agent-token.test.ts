/**
 * External dependencies
 */
import { createHmac } from 'node:crypto';

/**
 * Internal dependencies
 */
import type { AgentTokenPayload } from '../../../../src/protocol';
import { signAgentToken, verifyAgentToken } from '../agent-token';

const SECRET = '0123456789abcdef'.repeat( 4 );
const NOW = 1_700_000_100;
const payload: AgentTokenPayload = {
	sub: 42,
	caps: [ 'livedesk_view', 'livedesk_chat' ],
	iat: 1_700_000_000,
	exp: 1_700_000_600,
};

// Minted by PHP with hash_hmac( 'sha256', 'v1.' . $p, $secret, true ) and
// base64url without padding, so the PHP and Node halves agree byte for byte.
const PHP_TOKEN =
	'v1.eyJzdWIiOjQyLCJjYXBzIjpbImxpdmVkZXNrX3ZpZXciLCJsaXZlZGVza19jaGF0Il0sImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwNjAwfQ.jY46p5vENsmUaBk56cvRr6BsD_KEsv4vElCI1ihLk40';

function b64( value: unknown ): string {
	return Buffer.from( JSON.stringify( value ) ).toString( 'base64url' );
}

// Signs arbitrary JSON, so malformed payloads get past the signature check.
function signRaw( value: unknown, secret = SECRET ): string {
	const p = b64( value );
	const sig = createHmac( 'sha256', secret )
		.update( `v1.${ p }` )
		.digest( 'base64url' );
	return `v1.${ p }.${ sig }`;
}

describe( 'verifyAgentToken', () => {
	it( 'accepts the PHP-minted reference token', () => {
		expect( verifyAgentToken( PHP_TOKEN, SECRET, NOW ) ).toEqual( {
			ok: true,
			claims: {
				userId: 42,
				caps: [ 'livedesk_view', 'livedesk_chat' ],
				exp: 1_700_000_600,
			},
		} );
	} );

	it( 'signs exactly like PHP', () => {
		expect( signAgentToken( payload, SECRET ) ).toBe( PHP_TOKEN );
	} );

	it( 'rejects a token signed with another secret', () => {
		const foreign = signAgentToken( payload, 'f'.repeat( 64 ) );
		expect( verifyAgentToken( foreign, SECRET, NOW ) ).toMatchObject( {
			ok: false,
			code: 'token_bad_signature',
		} );
	} );

	it( 'rejects a payload edited after signing', () => {
		const [ , , sig ] = PHP_TOKEN.split( '.' );
		const forged = `v1.${ b64( { ...payload, sub: 1, caps: [ 'livedesk_view', 'livedesk_manage' ] } ) }.${ sig }`;
		expect( verifyAgentToken( forged, SECRET, NOW ) ).toMatchObject( {
			ok: false,
			code: 'token_bad_signature',
		} );
	} );

	it( 'rejects a truncated signature', () => {
		expect(
			verifyAgentToken( PHP_TOKEN.slice( 0, -1 ), SECRET, NOW )
		).toMatchObject( {
			code: 'token_bad_signature',
		} );
	} );

	it( 'rejects an expired token, and a token at its exp second', () => {
		expect( verifyAgentToken( PHP_TOKEN, SECRET, payload.exp ) ).toEqual( {
			ok: false,
			code: 'token_expired',
			message:
				'agent token expired at 2023-11-14T22:23:20.000Z; get a new one from WordPress',
		} );
		expect(
			verifyAgentToken( PHP_TOKEN, SECRET, payload.exp - 1 ).ok
		).toBe( true );
	} );

	it( 'rejects a token without livedesk_view', () => {
		const token = signAgentToken(
			{ ...payload, caps: [ 'livedesk_chat' ] },
			SECRET
		);
		expect( verifyAgentToken( token, SECRET, NOW ) ).toEqual( {
			ok: false,
			code: 'token_missing_cap',
			message: 'agent token lacks the livedesk_view capability',
		} );
	} );

	it.each( [ undefined, null, '', 42, { token: 'x' } ] )(
		'reports %p as missing',
		( token ) => {
			expect( verifyAgentToken( token, SECRET, NOW ) ).toMatchObject( {
				ok: false,
				code: 'token_missing',
			} );
		}
	);

	it.each( [
		[ 'two parts', 'v1.abc', 'expected v1.<payload>.<signature>' ],
		[
			'four parts',
			`${ PHP_TOKEN }.x`,
			'expected v1.<payload>.<signature>',
		],
		[
			'another version',
			PHP_TOKEN.replace( 'v1.', 'v2.' ),
			'expected v1.',
		],
		[ 'padding', `${ PHP_TOKEN }=`, 'unpadded base64url' ],
		[
			'standard base64',
			PHP_TOKEN.replace( /_/g, '/' ),
			'unpadded base64url',
		],
		[ 'an empty payload', 'v1..abc', 'unpadded base64url' ],
		[ 'a huge token', `v1.${ 'a'.repeat( 5000 ) }.abc`, 'token too long' ],
	] )( 'reports %s as malformed', ( _name, token, message ) => {
		const result = verifyAgentToken( token, SECRET, NOW );
		expect( result ).toMatchObject( {
			ok: false,
			code: 'token_malformed',
		} );
		expect( ! result.ok && result.message ).toContain( message );
	} );

	it.each( [
		[ 'not JSON', 'v1.bm90LWpzb24', 'payload must be a JSON object' ],
		[
			'caps missing',
			{ ...payload, caps: undefined },
			'caps must be an array',
		],
		[
			'an unknown cap',
			{ ...payload, caps: [ 'livedesk_view', 'root' ] },
			'caps contains an unknown capability: "root"',
		],
		[
			'exp as a string',
			{ ...payload, exp: '1700000600' },
			'iat and exp must be unix seconds',
		],
	] )(
		'reports a signed payload with %s as malformed',
		( _name, value, message ) => {
			const token =
				typeof value === 'string'
					? `${ value }.${ createHmac( 'sha256', SECRET ).update( value ).digest( 'base64url' ) }`
					: signRaw( value );
			expect( verifyAgentToken( token, SECRET, NOW ) ).toEqual( {
				ok: false,
				code: 'token_malformed',
				message: `agent token payload invalid: ${ message }`,
			} );
		}
	);
} );
