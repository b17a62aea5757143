/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { UnexpectedResponseError } from '../../store/settings/api';
import {
	fetchAgentToken,
	parseAgentTokenResponse,
	tokenFailureReason,
} from '../token';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;

const RESPONSE = {
	token: 'v1.eyJzdWIiOjF9.c2ln',
	expires_at: '2025-01-01T00:10:00Z',
	expires_in: 600,
	sidecar_url: 'https://shop.example/livedesk-sidecar/',
};

describe( 'parseAgentTokenResponse', () => {
	it( 'reads the token, its lifetime and the sidecar URL', () => {
		expect( parseAgentTokenResponse( RESPONSE ) ).toEqual( {
			token: RESPONSE.token,
			expiresIn: 600,
			sidecarUrl: RESPONSE.sidecar_url,
		} );
	} );

	it( 'does without the sidecar URL', () => {
		expect(
			parseAgentTokenResponse( { ...RESPONSE, sidecar_url: undefined } )
				.sidecarUrl
		).toBe( '' );
	} );

	it.each( [
		[ 'null', null ],
		[ 'an empty token', { ...RESPONSE, token: '' } ],
		[ 'a token that is not a string', { ...RESPONSE, token: 12 } ],
		[ 'no lifetime', { ...RESPONSE, expires_in: undefined } ],
		[ 'a zero lifetime', { ...RESPONSE, expires_in: 0 } ],
		[ 'a lifetime as a string', { ...RESPONSE, expires_in: '600' } ],
	] )( 'rejects %s', ( _name, value ) => {
		expect( () => parseAgentTokenResponse( value ) ).toThrow(
			UnexpectedResponseError
		);
	} );
} );

describe( 'fetchAgentToken', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'POSTs to the agent-token route', async () => {
		mockApiFetch.mockResolvedValueOnce( RESPONSE );
		await expect( fetchAgentToken() ).resolves.toMatchObject( {
			token: RESPONSE.token,
		} );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/livedesk/v1/agent-token',
			method: 'POST',
		} );
	} );

	it( 'rejects a response that is not a token', async () => {
		mockApiFetch.mockResolvedValueOnce( '<html>' );
		await expect( fetchAgentToken() ).rejects.toThrow(
			UnexpectedResponseError
		);
	} );
} );

describe( 'tokenFailureReason', () => {
	it.each( [
		[ 'rest_forbidden', 403 ],
		[ 'rest_not_logged_in', 401 ],
	] )( 'gives up on %s (%d)', ( code, status ) => {
		expect(
			tokenFailureReason( { code, message: 'No.', data: { status } } )
		).toEqual( {
			source: 'token',
			code,
			message: 'No.',
			httpStatus: status,
			retrying: false,
		} );
	} );

	it( 'retries server errors and network failures', () => {
		expect(
			tokenFailureReason( {
				code: 'livedesk_no_secret',
				message: 'No secret.',
				data: { status: 500 },
			} ).retrying
		).toBe( true );
		expect(
			tokenFailureReason( {
				code: 'fetch_error',
				message: 'You are probably offline.',
			} )
		).toMatchObject( {
			code: 'fetch_error',
			httpStatus: null,
			retrying: true,
		} );
	} );
} );
