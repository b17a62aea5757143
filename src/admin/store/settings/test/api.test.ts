/**
 * Internal dependencies
 */
import { parseSettings, toRequestError, UnexpectedResponseError } from '../api';

jest.mock( '@wordpress/api-fetch' );

/** A valid response: what a fresh install returns. */
const RESPONSE = {
	delete_data_on_uninstall: false,
	sidecar_url: '',
	effective_sidecar_url: 'https://shop.example/livedesk-sidecar/',
	tracking: true,
	consent_mode: false,
	ip_mode: 'anonymised',
	visitor_cap: 500,
	trusted_proxies: [ '127.0.0.1', '::1' ],
};

describe( 'parseSettings', () => {
	it( 'keeps exactly the known fields', () => {
		expect(
			parseSettings( {
				...RESPONSE,
				delete_data_on_uninstall: true,
				extra: 'ignored',
			} )
		).toEqual( { ...RESPONSE, delete_data_on_uninstall: true } );
	} );

	it( 'keeps the presence settings', () => {
		const settings = parseSettings( {
			...RESPONSE,
			tracking: false,
			consent_mode: true,
			ip_mode: 'none',
			visitor_cap: 100000,
			trusted_proxies: [],
		} );
		expect( settings ).toMatchObject( {
			tracking: false,
			consent_mode: true,
			ip_mode: 'none',
			visitor_cap: 100000,
			trusted_proxies: [],
		} );
	} );

	it( 'copies the proxy list', () => {
		const proxies = [ '10.0.0.0/8' ];
		const settings = parseSettings( {
			...RESPONSE,
			trusted_proxies: proxies,
		} );
		proxies.push( '192.0.2.1' );
		expect( settings.trusted_proxies ).toEqual( [ '10.0.0.0/8' ] );
	} );

	it.each( [
		[ 'null', null ],
		[ 'an array', [] ],
		[ 'a string', 'ok' ],
		[ 'a wrong type', { ...RESPONSE, delete_data_on_uninstall: 'yes' } ],
		[ 'tracking as a string', { ...RESPONSE, tracking: '1' } ],
		[ 'consent_mode as a number', { ...RESPONSE, consent_mode: 0 } ],
		[ 'an unknown IP mode', { ...RESPONSE, ip_mode: 'hashed' } ],
		[ 'a fractional cap', { ...RESPONSE, visitor_cap: 2.5 } ],
		[ 'a zero cap', { ...RESPONSE, visitor_cap: 0 } ],
		[ 'a cap as a string', { ...RESPONSE, visitor_cap: '500' } ],
		[ 'proxies as a string', { ...RESPONSE, trusted_proxies: '::1' } ],
		[
			'a proxy that is not a string',
			{ ...RESPONSE, trusted_proxies: [ 1 ] },
		],
		[
			'proxies as an object (a PHP array with keys)',
			{ ...RESPONSE, trusted_proxies: { 0: '::1' } },
		],
	] )( 'rejects %s', ( _name, value ) => {
		expect( () => parseSettings( value ) ).toThrow(
			UnexpectedResponseError
		);
	} );

	it.each( Object.keys( RESPONSE ) )(
		'rejects a response without %s',
		( field ) => {
			const value: Record< string, unknown > = { ...RESPONSE };
			delete value[ field ];
			expect( () => parseSettings( value ) ).toThrow(
				UnexpectedResponseError
			);
		}
	);
} );

describe( 'toRequestError', () => {
	it( 'reads a REST validation error with its field messages', () => {
		expect(
			toRequestError( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): sidecar_url',
				data: {
					status: 400,
					params: { sidecar_url: 'Must be an http(s) URL.' },
				},
			} )
		).toEqual( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): sidecar_url',
			status: 400,
			details: [ 'Must be an http(s) URL.' ],
		} );
	} );

	it( 'reads a forbidden error', () => {
		expect(
			toRequestError( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			} )
		).toMatchObject( { code: 'rest_forbidden', status: 403, details: [] } );
	} );

	it( 'keeps the code of an unexpected response', () => {
		expect(
			toRequestError( new UnexpectedResponseError( 'Not settings.' ) )
		).toMatchObject( {
			code: 'livedesk_unexpected_response',
			message: 'Not settings.',
			status: null,
		} );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'a string', 'boom' ],
		[ 'an empty message', { message: '  ' } ],
	] )( 'falls back to a generic message for %s', ( _name, value ) => {
		expect( toRequestError( value ) ).toEqual( {
			code: 'unknown_error',
			message: 'An unknown error occurred.',
			status: null,
			details: [],
		} );
	} );
} );
