/**
 * Internal dependencies
 */
import { ackConversation, restAck, restSync } from '../rest-chat';
import {
	IDENTITY_HEADER,
	PLAYGROUND_HEADER,
	VISITOR_HEADER,
	base64Url,
	requestJson,
	restRoute,
	utf8,
	visitorHeaders,
} from '../rest';
import { CONVERSATION, VISITOR, message } from './fixtures';

describe( 'restRoute', () => {
	it( 'appends the route and query to a pretty-permalink base', () => {
		expect(
			restRoute(
				'https://shop.example/wp-json/livedesk/v1/',
				'chat/messages',
				{
					after_id: 12,
				}
			)
		).toBe(
			'https://shop.example/wp-json/livedesk/v1/chat/messages?after_id=12'
		);
	} );

	it( 'joins the query with & to a plain-permalink base', () => {
		expect(
			restRoute(
				'https://shop.example/?rest_route=/livedesk/v1/',
				'chat/messages',
				{ after_id: 0 }
			)
		).toBe(
			'https://shop.example/?rest_route=/livedesk/v1/chat/messages&after_id=0'
		);
		expect(
			restRoute(
				'https://shop.example/?rest_route=/livedesk/v1/',
				'chat/config'
			)
		).toBe( 'https://shop.example/?rest_route=/livedesk/v1/chat/config' );
	} );
} );

describe( 'visitorHeaders', () => {
	it( 'says who the visitor is, with what it has', () => {
		expect( visitorHeaders( undefined ) ).toEqual( {} );
		const identity = {
			id: 'customer-42',
			name: 'Zoë',
			expires: 1798761600,
			signature: 'f'.repeat( 64 ),
		};
		const headers = visitorHeaders( VISITOR, identity, 'token' );
		expect( headers[ VISITOR_HEADER ] ).toBe(
			`${ VISITOR.id }.${ VISITOR.sig }`
		);
		expect( headers[ PLAYGROUND_HEADER ] ).toBe( 'token' );
		// base64url of the UTF-8 JSON, as the plugin decodes it.
		const encoded = headers[ IDENTITY_HEADER ] ?? '';
		expect( encoded ).toMatch( /^[A-Za-z0-9_-]+$/ );
		const json = Buffer.from( encoded, 'base64url' ).toString( 'utf8' );
		expect( JSON.parse( json ) ).toEqual( identity );
	} );

	it( 'encodes base64url without padding', () => {
		expect( base64Url( utf8( '\u00ff\u00fe?' ) ) ).toBe(
			Buffer.from( '\u00ff\u00fe?', 'utf8' ).toString( 'base64url' )
		);
	} );
} );

describe( 'requestJson', () => {
	it( 'sends JSON with the same-origin credentials and reads JSON back', async () => {
		const fetch = jest.fn( async () => ( {
			status: 201,
			json: async () => ( { ok: true } ),
		} ) ) as unknown as typeof window.fetch;
		await expect(
			requestJson( fetch, 'https://shop.example/x', {
				method: 'POST',
				headers: { 'X-A': '1' },
				body: { b: 2 },
			} )
		).resolves.toEqual( { status: 201, data: { ok: true } } );
		expect( fetch ).toHaveBeenCalledWith(
			'https://shop.example/x',
			expect.objectContaining( {
				method: 'POST',
				credentials: 'same-origin',
				body: '{"b":2}',
				headers: expect.objectContaining( {
					'Content-Type': 'application/json',
					'X-A': '1',
				} ),
			} )
		);
	} );

	it( 'never rejects: a network failure is status 0, a non-JSON body null', async () => {
		const down = jest.fn( async () => {
			throw new TypeError( 'Failed to fetch' );
		} ) as unknown as typeof window.fetch;
		await expect( requestJson( down, '/x' ) ).resolves.toEqual( {
			status: 0,
			data: null,
		} );
		const html = jest.fn( async () => ( {
			status: 502,
			json: async () => {
				throw new SyntaxError( 'Unexpected token <' );
			},
		} ) ) as unknown as typeof window.fetch;
		await expect( requestJson( html, '/x' ) ).resolves.toEqual( {
			status: 502,
			data: null,
		} );
	} );
} );

describe( 'restAck', () => {
	const stored = message( 9, { author: 'visitor', client_id: 'abcdefgh' } );

	it( 'reads the stored message of a 201 or a 200 (retry)', () => {
		for ( const status of [ 200, 201 ] ) {
			expect(
				restAck(
					{
						status,
						data: {
							ok: true,
							client_id: 'abcdefgh',
							message: stored,
							conversation: { id: CONVERSATION, status: 'open' },
						},
					},
					'abcdefgh'
				)
			).toEqual( { ok: true, client_id: 'abcdefgh', message: stored } );
		}
	} );

	it.each( [
		[
			'storage down',
			503,
			{ code: 'storage_unavailable', data: { retryable: true } },
			'storage_unavailable',
			true,
		],
		[ 'rate limited', 429, { code: 'rate_limited' }, 'rate_limited', true ],
		[ 'no answer', 0, null, 'storage_unavailable', true ],
		[ 'proxy error page', 502, null, 'storage_unavailable', true ],
		[
			'identity required',
			403,
			{ code: 'identity_required', data: { retryable: false } },
			'identity_required',
			false,
		],
		[ 'bad signature', 401, { code: 'forbidden' }, 'forbidden', false ],
		[
			'WordPress parameter error',
			400,
			{ code: 'rest_invalid_param' },
			'invalid_payload',
			false,
		],
		[
			'nonce refused',
			403,
			{ code: 'rest_forbidden' },
			'forbidden',
			false,
		],
		[
			'2xx without a message',
			200,
			{ ok: true },
			'storage_unavailable',
			true,
		],
	] )( 'maps a refusal: %s', ( _name, status, data, code, retryable ) => {
		expect( restAck( { status, data }, 'abcdefgh' ) ).toEqual(
			expect.objectContaining( {
				ok: false,
				client_id: 'abcdefgh',
				code,
				retryable,
			} )
		);
	} );

	it( 'reads the conversation the message went to', () => {
		const conversation = {
			id: CONVERSATION,
			status: 'open',
			name: '',
			email: '',
			verified: false,
		};
		expect(
			ackConversation( {
				status: 201,
				data: { message: stored, conversation },
			} )
		).toEqual( conversation );
		expect(
			ackConversation( { status: 503, data: { conversation } } )
		).toBeNull();
	} );
} );

describe( 'restSync', () => {
	it( 'turns the poll answer into a chat:history', () => {
		const conversation = {
			id: CONVERSATION,
			status: 'open',
			name: '',
			email: '',
			verified: false,
		};
		expect(
			restSync( {
				status: 200,
				data: { conversation, messages: [ message( 1 ) ], more: true },
			} )
		).toEqual( {
			history: { conversation, messages: [ message( 1 ) ], more: true },
			status: null,
		} );
		expect(
			restSync( {
				status: 200,
				data: {
					conversation: null,
					messages: [],
					more: false,
					agents_online: false,
				},
			} )?.status
		).toEqual( { agents_online: false, conversation: null } );
	} );

	it( 'is null for a failed poll', () => {
		expect(
			restSync( { status: 401, data: { code: 'forbidden' } } )
		).toBeNull();
		expect( restSync( { status: 0, data: null } ) ).toBeNull();
	} );
} );
