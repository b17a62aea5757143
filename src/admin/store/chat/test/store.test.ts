/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { setChatChannel } from '../channel';
import { fakeConnection } from './fake-connection';
import { CONV_A, conversation, message } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;

async function flush() {
	for ( let i = 0; i < 30; i++ ) {
		await Promise.resolve();
	}
}

function setUp() {
	const registry = createRegistry();
	registry.register( store );
	return {
		select: () => registry.select( store ),
		resolveSelect: () => registry.resolveSelect( store ),
		actions: registry.dispatch( store ),
	};
}

const SETTINGS = {
	chat_enabled: true,
	chat_color: '#2563eb',
	chat_position: 'right',
	chat_greeting: 'Hi!',
	chat_email_capture: 'off',
	chat_require_verified: false,
	chat_offline_email: 'admin@example.com',
	identity_secret: 'a'.repeat( 64 ),
};

beforeEach( () => {
	mockApiFetch.mockReset();
	setChatChannel( null );
} );

describe( 'livedesk/chat store', () => {
	it( 'loads a conversation’s whole history page by page on first select', async () => {
		const { select, resolveSelect } = setUp();
		mockApiFetch
			.mockResolvedValueOnce( {
				messages: [ message( 1 ), message( 2 ) ],
				more: true,
			} )
			.mockResolvedValueOnce( {
				messages: [ message( 3 ) ],
				more: false,
			} );
		expect( select().getMessagesState( CONV_A ).status ).toBe( 'idle' );
		await resolveSelect().getMessagesState( CONV_A );
		expect( mockApiFetch.mock.calls.map( ( [ o ] ) => o.path ) ).toEqual( [
			`/livedesk/v1/conversations/${ CONV_A }/messages?after_id=0&limit=200`,
			`/livedesk/v1/conversations/${ CONV_A }/messages?after_id=2&limit=200`,
		] );
		expect( select().getMessagesState( CONV_A ) ).toMatchObject( {
			status: 'ready',
			list: [ message( 1 ), message( 2 ), message( 3 ) ],
		} );
	} );

	it( 'asks once for a conversation that several callers want at the same time', async () => {
		const { actions, select } = setUp();
		mockApiFetch.mockResolvedValue( conversation() );
		const answers = await Promise.all( [
			actions.loadConversation( CONV_A ),
			actions.loadConversation( CONV_A ),
			actions.loadConversation( CONV_A ),
		] );
		expect( answers ).toEqual( [ null, null, null ] );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( select().getConversation( CONV_A ) ).toMatchObject( {
			id: CONV_A,
		} );
		// Done: the next call asks again.
		await actions.loadConversation( CONV_A );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'catches a loaded conversation up after its newest message', async () => {
		const { actions, select } = setUp();
		mockApiFetch.mockResolvedValueOnce( [ message( 4 ) ] );
		await actions.loadMessages( CONV_A );
		mockApiFetch.mockResolvedValueOnce( [ message( 5 ) ] );
		await actions.loadMessages( CONV_A );
		expect( mockApiFetch.mock.calls[ 1 ]?.[ 0 ].path ).toContain(
			'after_id=4'
		);
		expect( select().getMessagesState( CONV_A ).list ).toHaveLength( 2 );
	} );

	it( 'says why messages could not be loaded', async () => {
		const { actions, select } = setUp();
		mockApiFetch.mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'Sorry.',
			data: { status: 403 },
		} );
		await actions.loadMessages( CONV_A );
		expect( select().getMessagesState( CONV_A ) ).toMatchObject( {
			status: 'error',
			error: { code: 'rest_forbidden', status: 403 },
		} );
	} );

	it( 'archives over the live connection when it is up', async () => {
		const { actions, select } = setUp();
		const fake = fakeConnection();
		fake.goLive();
		setChatChannel( fake.connection );
		const done = actions.archiveConversation( CONV_A );
		await flush();
		expect( select().getConversationAction( CONV_A ) ).toEqual( {
			status: 'pending',
			action: 'archive',
		} );
		const archived = conversation( CONV_A, {
			status: 'archived',
			updated_at: '2026-11-21T10:00:00.000Z',
		} );
		fake.take( 'chat:archive' ).answer( {
			ok: true,
			conversation: archived,
		} );
		await expect( done ).resolves.toBe( true );
		expect( select().getConversation( CONV_A )?.status ).toBe( 'archived' );
		expect( select().getConversationAction( CONV_A ) ).toBeNull();
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'says why the sidecar refused an assignment', async () => {
		const { actions, select } = setUp();
		const fake = fakeConnection();
		fake.goLive();
		setChatChannel( fake.connection );
		const done = actions.assignConversation( CONV_A, 'me' );
		await flush();
		fake.take( 'chat:assign' ).answer( {
			ok: false,
			code: 'forbidden',
			message: 'no',
			retryable: false,
		} );
		await expect( done ).resolves.toBe( false );
		expect( select().getConversationAction( CONV_A ) ).toMatchObject( {
			status: 'error',
			action: 'assign',
			error: { code: 'forbidden' },
		} );
	} );

	it( 'archives and assigns over REST while the live connection is down', async () => {
		const { actions, select } = setUp();
		mockApiFetch.mockResolvedValueOnce(
			conversation( CONV_A, {
				assigned_agent_id: 7,
				assigned_agent_name: 'Me',
			} )
		);
		await expect(
			actions.assignConversation( CONV_A, 'me' )
		).resolves.toBe( true );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: `/livedesk/v1/conversations/${ CONV_A }/assign`,
			method: 'POST',
			data: { assignee: 'me' },
		} );
		expect( select().getConversation( CONV_A )?.assigned_agent_id ).toBe(
			7
		);
	} );

	it( 'sends read receipts live, else over REST', async () => {
		const { actions } = setUp();
		mockApiFetch.mockResolvedValue( {} );
		await actions.markRead( CONV_A, 3 );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: `/livedesk/v1/conversations/${ CONV_A }/read`,
			method: 'POST',
			data: { up_to_id: 3 },
		} );
		const fake = fakeConnection();
		fake.goLive();
		setChatChannel( fake.connection );
		await actions.markRead( CONV_A, 4 );
		expect( fake.emitted ).toEqual( [
			{
				event: 'chat:read',
				payload: { conversation_id: CONV_A, up_to_id: 4 },
			},
		] );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'does not queue an empty or too long message', async () => {
		const { actions, select } = setUp();
		await expect(
			actions.sendMessage( CONV_A, '   ' )
		).resolves.toBeNull();
		await expect(
			actions.sendMessage( CONV_A, 'x'.repeat( 4001 ) )
		).resolves.toBeNull();
		expect( select().getOutbox() ).toEqual( [] );
	} );

	it( 'loads, saves and regenerates the chat settings', async () => {
		const { select, resolveSelect, actions } = setUp();
		// Answers by route: resolvers of earlier tests may still be running.
		mockApiFetch.mockImplementation( async ( options ) => {
			if ( options.path !== '/livedesk/v1/settings' ) {
				return [];
			}
			return options.method === 'POST'
				? { ...SETTINGS, ...options.data }
				: SETTINGS;
		} );
		await resolveSelect().getChatSettingsState();
		expect( select().getChatSettings() ).toEqual( SETTINGS );

		await expect(
			actions.saveChatSettings( { chat_position: 'left' } )
		).resolves.toBe( true );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/livedesk/v1/settings',
			method: 'POST',
			data: { chat_position: 'left' },
		} );
		expect( select().getChatSettings()?.chat_position ).toBe( 'left' );

		mockApiFetch.mockResolvedValueOnce( {
			identity_secret: 'b'.repeat( 64 ),
		} );
		await expect( actions.regenerateSecret() ).resolves.toBe( true );
		expect( select().getChatSettings()?.identity_secret ).toBe(
			'b'.repeat( 64 )
		);
		expect( select().getChatSettingsState().save ).toEqual( {
			status: 'saved',
			changes: 'secret',
		} );
	} );
} );
