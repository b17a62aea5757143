/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { OUTBOX_RETRY_BASE_MS, OUTBOX_STORAGE_KEY } from '../outbox';
import { startChat, TYPING_TTL_MS } from '../start';
import type { ChatNotice } from '../start';
import { fakeConnection } from './fake-connection';
import { CONV_A, CONV_B, conversation, message } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;

async function flush() {
	for ( let i = 0; i < 30; i++ ) {
		await Promise.resolve();
	}
}

function setUp( options: { storage?: Storage | null } = {} ) {
	const registry = createRegistry();
	registry.register( store );
	const fake = fakeConnection();
	const notices: ChatNotice[] = [];
	const stop = startChat( {
		connection: fake.connection,
		registry,
		userId: 7,
		onNotice: ( notice ) => notices.push( notice ),
		storage: options.storage ?? null,
	} );
	const select = () => registry.select( store );
	const actions = registry.dispatch( store );
	return { registry, fake, notices, stop, select, actions };
}

beforeEach( () => {
	jest.useFakeTimers();
	mockApiFetch.mockReset();
	window.sessionStorage.clear();
} );
afterEach( () => jest.useRealTimers() );

describe( 'startChat', () => {
	it( 'opens the connection, mirrors its status, and closes on stop', () => {
		const { fake, select, stop } = setUp();
		expect( fake.connection.open ).toHaveBeenCalled();
		expect( select().getConnection().status ).toBe( 'connecting' );
		fake.goLive();
		expect( select().getConnection().status ).toBe( 'live' );
		stop();
		stop();
		expect( fake.connection.close ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'stores pushes and tells of new chats and visitor messages once', () => {
		const { fake, notices, select } = setUp();
		fake.goLive();
		fake.push( 'chatConversation', conversation() );
		fake.push( 'chatConversation', conversation() ); // known now
		fake.push( 'chatMessage', message( 1 ) );
		fake.push( 'chatMessage', message( 1 ) ); // the same message again
		fake.push( 'chatMessage', message( 2, { author: 'agent' } ) );
		expect( notices.map( ( n ) => n.kind ) ).toEqual( [
			'conversation',
			'message',
		] );
		expect( select().getMessagesState( CONV_A ).list ).toHaveLength( 2 );
		expect( select().getConversation( CONV_A )?.unread_count ).toBe( 1 );
	} );

	it( 'loads the conversation of a message it has not heard of', async () => {
		const { fake, select } = setUp();
		mockApiFetch.mockResolvedValue(
			conversation( CONV_B, { name: 'Grace' } )
		);
		fake.goLive();
		fake.push( 'chatMessage', message( 1, { conversation_id: CONV_B } ) );
		await flush();
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: `/livedesk/v1/conversations/${ CONV_B }`,
		} );
		expect( select().getConversation( CONV_B )?.name ).toBe( 'Grace' );
	} );

	it( 'shows typing of the visitor and other agents, not of this agent, and expires it', () => {
		const { fake, select } = setUp();
		const notice = {
			conversation_id: CONV_A,
			author: 'agent' as const,
			agent_id: 7,
			agent_name: 'Me',
			typing: true,
		};
		fake.push( 'chatTyping', notice );
		fake.push( 'chatTyping', { ...notice, agent_id: 8, agent_name: 'Bo' } );
		expect(
			select()
				.getTyping( CONV_A )
				.map( ( t ) => t.name )
		).toEqual( [ 'Bo' ] );
		jest.advanceTimersByTime( TYPING_TTL_MS * 2 );
		expect( select().getTyping( CONV_A ) ).toEqual( [] );
	} );

	describe( 'catching up', () => {
		it( 'refreshes the loaded lists on a first connect with nothing known', async () => {
			const { fake, actions } = setUp();
			mockApiFetch.mockResolvedValue( [] );
			await actions.fetchList( { status: 'open', search: '' }, 1 );
			mockApiFetch.mockClear();
			fake.goLive();
			await flush();
			expect( fake.requests ).toEqual( [] );
			expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'syncs after the last id, page by page, after every reconnect', async () => {
			const { fake, select } = setUp();
			mockApiFetch.mockResolvedValue( [] );
			fake.goLive();
			fake.push( 'chatMessage', message( 5 ) );
			fake.goDown();
			fake.goLive();
			await flush();
			const first = fake.take( 'chat:sync' );
			expect( first.payload ).toEqual( { after_id: 5 } );
			first.answer( {
				messages: [
					message( 6 ),
					message( 5 ) /* again */,
					message( 7 ),
				],
				conversations: [ conversation() ],
				more: true,
			} );
			await flush();
			const second = fake.take( 'chat:sync' );
			expect( second.payload ).toEqual( { after_id: 7 } );
			second.answer( {
				messages: [ message( 8, { conversation_id: CONV_B } ) ],
				conversations: [ conversation( CONV_B ) ],
				more: false,
			} );
			await flush();
			expect(
				select()
					.getMessagesState( CONV_A )
					.list.map( ( m ) => m.id )
			).toEqual( [ 5, 6, 7 ] );
			expect( select().getSyncCursor() ).toBe( 8 );
			expect( select().getConversation( CONV_B ) ).not.toBeNull();
		} );
	} );

	describe( 'the outbox', () => {
		it( 'sends live one at a time, in order, and takes each out on its ack', async () => {
			const { fake, actions, select } = setUp();
			fake.goLive();
			const first = await actions.sendMessage( CONV_A, '  First  ' );
			const second = await actions.sendMessage( CONV_A, 'Second' );
			await flush();
			expect(
				fake.requests.filter( ( r ) => r.event === 'chat:send' )
			).toHaveLength( 1 );
			const sendFirst = fake.take( 'chat:send' );
			expect( sendFirst.payload ).toEqual( {
				conversation_id: CONV_A,
				client_id: first,
				body: 'First',
			} );
			sendFirst.answer( {
				ok: true,
				client_id: first,
				message: message( 10, {
					client_id: first ?? '',
					author: 'agent',
					body: 'First',
				} ),
			} );
			await flush();
			const sendSecond = fake.take( 'chat:send' );
			expect(
				( sendSecond.payload as { client_id: string } ).client_id
			).toBe( second );
			expect(
				select()
					.getOutbox()
					.map( ( i ) => i.client_id )
			).toEqual( [ second ] );
			expect(
				select()
					.getThread( CONV_A )
					.map( ( t ) => t.kind )
			).toEqual( [ 'message', 'pending' ] );
		} );

		it( 'resends with the same client id after a retryable failure, with backoff', async () => {
			const { fake, actions, select } = setUp();
			fake.goLive();
			const id = await actions.sendMessage( CONV_A, 'Hello' );
			await flush();
			fake.take( 'chat:send' ).answer( {
				ok: false,
				client_id: id,
				code: 'storage_unavailable',
				message: 'db down',
				retryable: true,
			} );
			await flush();
			expect( select().getOutbox()[ 0 ] ).toMatchObject( {
				state: 'queued',
				error: { code: 'storage_unavailable' },
			} );
			expect( fake.requests ).toHaveLength( 0 );
			await jest.advanceTimersByTimeAsync( OUTBOX_RETRY_BASE_MS );
			const again = fake.take( 'chat:send' );
			expect( ( again.payload as { client_id: string } ).client_id ).toBe(
				id
			);
		} );

		it( 'keeps a refused message as not sent and moves on to the next', async () => {
			const { fake, actions, select } = setUp();
			fake.goLive();
			const refused = await actions.sendMessage( CONV_A, 'Too late' );
			const next = await actions.sendMessage( CONV_B, 'Next' );
			await flush();
			fake.take( 'chat:send' ).answer( {
				ok: false,
				client_id: refused,
				code: 'archived',
				message: 'archived',
				retryable: false,
			} );
			await flush();
			expect( select().getOutbox()[ 0 ] ).toMatchObject( {
				client_id: refused,
				state: 'failed',
				error: { message: 'This conversation has been archived.' },
			} );
			expect(
				( fake.take( 'chat:send' ).payload as { client_id: string } )
					.client_id
			).toBe( next );
		} );

		it( 'sends over REST while the live connection is down, the same client id', async () => {
			const { actions, select } = setUp();
			mockApiFetch.mockRejectedValueOnce( {
				code: 'fetch_error',
				message: 'offline',
			} );
			const id = await actions.sendMessage( CONV_A, 'Over REST' );
			await flush();
			expect( mockApiFetch ).toHaveBeenCalledWith( {
				path: `/livedesk/v1/conversations/${ CONV_A }/messages`,
				method: 'POST',
				data: { body: 'Over REST', client_id: id },
			} );
			mockApiFetch.mockResolvedValueOnce(
				message( 3, { client_id: id ?? '', author: 'agent' } )
			);
			await jest.advanceTimersByTimeAsync( OUTBOX_RETRY_BASE_MS );
			expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
			expect( mockApiFetch.mock.calls[ 1 ]?.[ 0 ].data.client_id ).toBe(
				id
			);
			expect( select().getOutbox() ).toEqual( [] );
			expect( select().getMessagesState( CONV_A ).list[ 0 ]?.id ).toBe(
				3
			);
		} );

		it( 'switches to the live connection as soon as it is back', async () => {
			const { fake, actions } = setUp();
			mockApiFetch.mockRejectedValue( {
				code: 'fetch_error',
				message: 'x',
			} );
			await actions.sendMessage( CONV_A, 'Hello' );
			await flush();
			expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
			fake.goLive(); // wakes the queue without waiting for the backoff
			await flush();
			expect( fake.requests.map( ( r ) => r.event ) ).toContain(
				'chat:send'
			);
		} );

		it( 'keeps unsent messages in sessionStorage and sends them after a reload', async () => {
			// The REST send never answers: the page is reloaded meanwhile.
			mockApiFetch.mockReturnValue( new Promise( () => undefined ) );
			const first = setUp( { storage: window.sessionStorage } );
			const id = await first.actions.sendMessage(
				CONV_A,
				'Survives a reload'
			);
			await flush();
			first.stop();
			expect(
				window.sessionStorage.getItem( OUTBOX_STORAGE_KEY )
			).toContain( id );

			mockApiFetch.mockClear();
			const second = setUp( { storage: window.sessionStorage } );
			await flush();
			expect( second.select().getOutbox()[ 0 ] ).toMatchObject( {
				client_id: id,
				body: 'Survives a reload',
			} );
			// Sent again with the same client id.
			expect( mockApiFetch.mock.calls[ 0 ]?.[ 0 ].data.client_id ).toBe(
				id
			);
			second.stop();
		} );
	} );
} );
