/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { fetchConversations, fetchMessages, postMessage } from '../api';
import { toConversation } from '../normalize';
import { parseChatSettings, regenerateIdentitySecret } from '../settings-api';
import { CONV_A, conversation, message } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;

describe( 'chat REST api', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'normalises a conversation PHP encoded (empty objects as [], missing fields)', () => {
		const raw = {
			...conversation(),
			custom_data: [],
			visitor: {
				...conversation().visitor,
				pages: [ { path: '/a' }, 'x' ],
			},
			assigned_agent_id: '3',
		};
		expect( toConversation( raw ) ).toEqual( {
			...conversation(),
			custom_data: {},
			assigned_agent_id: null,
			visitor: {
				...conversation().visitor,
				pages: [ { path: '/a', title: '', viewed_at: '' } ],
			},
		} );
		expect( toConversation( { id: CONV_A } ) ).toBeNull();
	} );

	it( 'keeps visitor text as it is (it is shown as text, never parsed)', () => {
		const name = '"><svg onload=alert(1)>';
		expect( toConversation( conversation( CONV_A, { name } ) )?.name ).toBe(
			name
		);
	} );

	it( 'lists a tab with paging and search', async () => {
		mockApiFetch.mockResolvedValueOnce( [ conversation(), { bad: true } ] );
		const result = await fetchConversations(
			{ status: 'archived', search: 'ada' },
			2,
			2
		);
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/livedesk/v1/conversations?status=archived&page=2&per_page=2&search=ada',
		} );
		expect( result.conversations ).toEqual( [ conversation() ] );
		expect( result.hasMore ).toBe( true );
	} );

	it( 'reads messages as a list or as { messages, more }', async () => {
		mockApiFetch.mockResolvedValueOnce( [ message( 1 ) ] );
		await expect( fetchMessages( CONV_A, 0 ) ).resolves.toEqual( {
			messages: [ message( 1 ) ],
			more: false,
		} );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: `/livedesk/v1/conversations/${ CONV_A }/messages?after_id=0&limit=200`,
		} );
		mockApiFetch.mockResolvedValueOnce( {
			messages: [ message( 2 ) ],
			more: true,
		} );
		await expect( fetchMessages( CONV_A, 1 ) ).resolves.toEqual( {
			messages: [ message( 2 ) ],
			more: true,
		} );
		mockApiFetch.mockResolvedValueOnce( { nothing: 1 } );
		await expect( fetchMessages( CONV_A, 1 ) ).rejects.toThrow();
	} );

	it( 'posts a message with its client id and reads the stored one', async () => {
		mockApiFetch.mockResolvedValueOnce( { message: message( 7 ) } );
		await expect(
			postMessage( CONV_A, { body: 'Hi', client_id: 'abcdefgh' } )
		).resolves.toEqual( message( 7 ) );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: `/livedesk/v1/conversations/${ CONV_A }/messages`,
			method: 'POST',
			data: { body: 'Hi', client_id: 'abcdefgh' },
		} );
	} );

	it( 'requires the chat options in a settings answer', () => {
		const settings = {
			chat_enabled: true,
			chat_color: '#2563eb',
			chat_position: 'right',
			chat_greeting: 'Hi!',
			chat_email_capture: 'optional',
			chat_require_verified: false,
			chat_offline_email: 'admin@example.com',
		};
		expect( parseChatSettings( settings ) ).toEqual( {
			...settings,
			identity_secret: '',
		} );
		expect( () =>
			parseChatSettings( { ...settings, chat_position: 'top' } )
		).toThrow( 'without the chat settings' );
	} );

	it( 'regenerates the identity secret', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			identity_secret: 'a'.repeat( 64 ),
		} );
		await expect( regenerateIdentitySecret() ).resolves.toBe(
			'a'.repeat( 64 )
		);
		mockApiFetch.mockResolvedValueOnce( { identity_secret: 'short' } );
		await expect( regenerateIdentitySecret() ).rejects.toThrow();
	} );
} );
