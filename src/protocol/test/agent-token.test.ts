/**
 * Internal dependencies
 */
import {
	AGENT_CAPABILITIES,
	checkAgentTokenPayload,
	isAgentCapability,
} from '../agent-token';

const valid = {
	sub: 7,
	caps: [ 'livedesk_view', 'livedesk_chat' ],
	iat: 1_700_000_000,
	exp: 1_700_000_600,
};

describe( 'isAgentCapability', () => {
	it( 'accepts each plugin capability', () => {
		for ( const cap of AGENT_CAPABILITIES ) {
			expect( isAgentCapability( cap ) ).toBe( true );
		}
	} );

	it.each( [ 'manage_options', '', null, 1 ] )( 'rejects %p', ( value ) => {
		expect( isAgentCapability( value ) ).toBe( false );
	} );
} );

describe( 'checkAgentTokenPayload', () => {
	it( 'accepts a valid payload and ignores extra claims', () => {
		expect( checkAgentTokenPayload( { ...valid, jti: 'x' } ) ).toEqual( {
			ok: true,
			payload: valid,
		} );
	} );

	it( 'keeps each capability once', () => {
		const result = checkAgentTokenPayload( {
			...valid,
			caps: [ 'livedesk_view', 'livedesk_view' ],
		} );
		expect( result ).toEqual( {
			ok: true,
			payload: { ...valid, caps: [ 'livedesk_view' ] },
		} );
	} );

	it( 'accepts an empty caps list (the verifier decides what is needed)', () => {
		expect( checkAgentTokenPayload( { ...valid, caps: [] } ).ok ).toBe(
			true
		);
	} );

	const cases: Array< [ string, unknown, string ] > = [
		[ 'not an object', 'token', 'payload must be a JSON object' ],
		[ 'an array', [], 'payload must be a JSON object' ],
		[ 'null', null, 'payload must be a JSON object' ],
		[ 'sub missing', { ...valid, sub: undefined }, 'sub must be' ],
		[ 'sub zero', { ...valid, sub: 0 }, 'sub must be' ],
		[ 'sub a string', { ...valid, sub: '7' }, 'sub must be' ],
		[ 'sub fractional', { ...valid, sub: 1.5 }, 'sub must be' ],
		[ 'exp missing', { ...valid, exp: undefined }, 'iat and exp' ],
		[ 'iat negative', { ...valid, iat: -1 }, 'iat and exp' ],
		[
			'exp in milliseconds as string',
			{ ...valid, exp: '1' },
			'iat and exp',
		],
		[ 'exp before iat', { ...valid, exp: valid.iat - 1 }, 'exp must not' ],
		[
			'caps missing',
			{ ...valid, caps: undefined },
			'caps must be an array',
		],
		[
			'caps a string',
			{ ...valid, caps: 'livedesk_view' },
			'caps must be',
		],
		[
			'caps with a WordPress core cap',
			{ ...valid, caps: [ 'livedesk_view', 'manage_options' ] },
			'unknown capability: "manage_options"',
		],
	];

	it.each( cases )( 'rejects %s', ( _name, value, reason ) => {
		const result = checkAgentTokenPayload( value );
		expect( result.ok ).toBe( false );
		expect( result.ok === false && result.reason ).toContain( reason );
	} );
} );
