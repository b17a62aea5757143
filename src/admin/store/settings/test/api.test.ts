/**
 * Internal dependencies
 */
import { parseSettings, toRequestError, UnexpectedResponseError } from '../api';

jest.mock( '@wordpress/api-fetch' );

describe( 'parseSettings', () => {
	it( 'keeps exactly the known fields', () => {
		expect(
			parseSettings( {
				delete_data_on_uninstall: true,
				sidecar_url: '',
				effective_sidecar_url: 'https://shop.example/',
				extra: 'ignored',
			} )
		).toEqual( {
			delete_data_on_uninstall: true,
			sidecar_url: '',
			effective_sidecar_url: 'https://shop.example/',
		} );
	} );

	it.each( [
		[ 'null', null ],
		[ 'an array', [] ],
		[ 'a string', 'ok' ],
		[
			'a wrong type',
			{
				delete_data_on_uninstall: 'yes',
				sidecar_url: '',
				effective_sidecar_url: '',
			},
		],
		[
			'a missing field',
			{ delete_data_on_uninstall: true, sidecar_url: '' },
		],
	] )( 'rejects %s', ( _name, value ) => {
		expect( () => parseSettings( value ) ).toThrow(
			UnexpectedResponseError
		);
	} );
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
