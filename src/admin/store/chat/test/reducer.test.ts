/**
 * Internal dependencies
 */
import reducer from '../reducer';
import type { ChatAction, ChatState, OutboxItem } from '../types';
import { CONV_A, CONV_B, conversation, message } from './fixtures';

function run( ...actions: ChatAction[] ): ChatState {
	return actions.reduce< ChatState >(
		( state, action ) => reducer( state, action ),
		reducer( undefined, { type: 'EXPIRE_TYPING', before: 0 } )
	);
}

function item( clientId: string, overrides: Partial< OutboxItem > = {} ) {
	return {
		client_id: clientId,
		conversation_id: CONV_A,
		body: 'Hello',
		queued_at: '2026-11-21T09:00:00.000Z',
		state: 'queued' as const,
		attempts: 0,
		error: null,
		...overrides,
	};
}

describe( 'chat reducer', () => {
	describe( 'messages', () => {
		it( 'merges by id: a message that arrives twice is held once, in id order', () => {
			const state = run(
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 3 ), message( 1 ) ],
					live: true,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 2 ), message( 3 ) ],
					live: false,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 1 ) ],
					live: true,
				}
			);
			expect(
				state.messages[ CONV_A ]?.list.map( ( m ) => m.id )
			).toEqual( [ 1, 2, 3 ] );
		} );

		it( 'keeps the same list when nothing new arrives', () => {
			const before = run( {
				type: 'RECEIVE_MESSAGES',
				messages: [ message( 1 ) ],
				live: true,
			} );
			const after = reducer( before, {
				type: 'RECEIVE_MESSAGES',
				messages: [ message( 1 ) ],
				live: true,
			} );
			expect( after.messages ).toBe( before.messages );
		} );

		it( 'replaces a copy that changed (read_at set)', () => {
			const read = message( 1, { read_at: '2026-11-21T09:01:00.000Z' } );
			const state = run(
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 1 ) ],
					live: true,
				},
				{ type: 'RECEIVE_MESSAGES', messages: [ read ], live: false }
			);
			expect( state.messages[ CONV_A ]?.list ).toEqual( [ read ] );
		} );

		it( 'marks a history load ready, even when empty', () => {
			const state = run(
				{ type: 'FETCH_MESSAGES_START', conversationId: CONV_B },
				{
					type: 'RECEIVE_MESSAGES',
					messages: [],
					conversationId: CONV_B,
					live: false,
				}
			);
			expect( state.messages[ CONV_B ] ).toEqual( {
				list: [],
				status: 'ready',
				error: null,
			} );
		} );

		it( 'moves the catch-up cursor only for live messages; `seen` for all', () => {
			const state = run(
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 5 ) ],
					live: true,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 9 ) ],
					live: false,
				}
			);
			expect( state.cursor ).toBe( 5 );
			expect( state.seen ).toBe( 9 );
		} );
	} );

	describe( 'conversations', () => {
		it( 'moves the summary on with live messages, counting each visitor message once', () => {
			const state = run(
				{
					type: 'RECEIVE_CONVERSATIONS',
					conversations: [ conversation() ],
					live: true,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [
						message( 4 ),
						message( 5, { author: 'agent' } ),
					],
					live: true,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 4 ) ],
					live: true,
				}
			);
			const conv = state.conversations[ CONV_A ];
			expect( conv?.unread_count ).toBe( 1 );
			expect( conv?.last_message ).toMatchObject( {
				id: 5,
				author: 'agent',
			} );
			expect( conv?.last_message_at ).toBe( message( 5 ).created_at );
		} );

		it( 'does not count a message the conversation update already covers', () => {
			const state = run(
				{
					type: 'RECEIVE_CONVERSATIONS',
					conversations: [
						conversation( CONV_A, {
							unread_count: 1,
							last_message: {
								id: 4,
								author: 'visitor',
								body: 'x',
								created_at: '',
							},
						} ),
					],
					live: true,
				},
				{
					type: 'RECEIVE_MESSAGES',
					messages: [ message( 4 ) ],
					live: true,
				}
			);
			expect( state.conversations[ CONV_A ]?.unread_count ).toBe( 1 );
		} );

		it( 'ignores an older copy of a conversation', () => {
			const newer = conversation( CONV_A, {
				status: 'archived',
				updated_at: '2026-11-21T10:00:00.000Z',
			} );
			const state = run(
				{
					type: 'RECEIVE_CONVERSATIONS',
					conversations: [ newer ],
					live: true,
				},
				{
					type: 'RECEIVE_CONVERSATIONS',
					conversations: [ conversation() ],
					live: false,
				}
			);
			expect( state.conversations[ CONV_A ]?.status ).toBe( 'archived' );
		} );

		it( 'clears the unread count when the agent reads', () => {
			const state = run(
				{
					type: 'RECEIVE_CONVERSATIONS',
					conversations: [
						conversation( CONV_A, { unread_count: 3 } ),
					],
					live: true,
				},
				{ type: 'MARK_READ', conversationId: CONV_A, upToId: 7 }
			);
			expect( state.conversations[ CONV_A ]?.unread_count ).toBe( 0 );
			expect( state.reads[ CONV_A ] ).toEqual( { visitor: 0, agent: 7 } );
		} );
	} );

	describe( 'outbox', () => {
		it( 'queues each client id once, in order', () => {
			const state = run(
				{ type: 'QUEUE_MESSAGE', item: item( 'first-id' ) },
				{ type: 'QUEUE_MESSAGE', item: item( 'second-id' ) },
				{ type: 'QUEUE_MESSAGE', item: item( 'first-id' ) }
			);
			expect( state.outbox.map( ( i ) => i.client_id ) ).toEqual( [
				'first-id',
				'second-id',
			] );
		} );

		it( 'counts attempts, requeues a retryable failure and keeps a refusal as failed', () => {
			const state = run(
				{ type: 'QUEUE_MESSAGE', item: item( 'first-id' ) },
				{ type: 'QUEUE_MESSAGE', item: item( 'second-id' ) },
				{ type: 'SENDING_MESSAGE', clientId: 'first-id' },
				{
					type: 'SEND_MESSAGE_FAILED',
					clientId: 'first-id',
					error: { code: 'storage_unavailable', message: 'down' },
					retryable: true,
				},
				{ type: 'SENDING_MESSAGE', clientId: 'second-id' },
				{
					type: 'SEND_MESSAGE_FAILED',
					clientId: 'second-id',
					error: { code: 'archived', message: 'archived' },
					retryable: false,
				}
			);
			expect( state.outbox ).toMatchObject( [
				{ client_id: 'first-id', state: 'queued', attempts: 1 },
				{ client_id: 'second-id', state: 'failed', attempts: 1 },
			] );
			const retried = reducer( state, {
				type: 'RETRY_MESSAGE',
				clientId: 'second-id',
			} );
			expect( retried.outbox[ 1 ] ).toMatchObject( {
				state: 'queued',
				attempts: 0,
				error: null,
			} );
		} );

		it( 'takes an item out when its message is stored, from any source', () => {
			const state = run(
				{ type: 'QUEUE_MESSAGE', item: item( 'first-id' ) },
				{
					type: 'QUEUE_MESSAGE',
					item: item( 'second-id', { conversation_id: CONV_B } ),
				},
				{
					type: 'RECEIVE_MESSAGES',
					// Same client id in another conversation: not this item.
					messages: [
						message( 8, {
							client_id: 'first-id',
							author: 'agent',
						} ),
						message( 9, {
							client_id: 'second-id',
							author: 'agent',
						} ),
					],
					live: true,
				}
			);
			expect( state.outbox.map( ( i ) => i.client_id ) ).toEqual( [
				'second-id',
			] );
		} );

		it( 'discards an unsent item but not one being sent', () => {
			const state = run(
				{ type: 'QUEUE_MESSAGE', item: item( 'first-id' ) },
				{ type: 'QUEUE_MESSAGE', item: item( 'second-id' ) },
				{ type: 'SENDING_MESSAGE', clientId: 'first-id' },
				{ type: 'DISCARD_MESSAGE', clientId: 'first-id' },
				{ type: 'DISCARD_MESSAGE', clientId: 'second-id' }
			);
			expect( state.outbox.map( ( i ) => i.client_id ) ).toEqual( [
				'first-id',
			] );
		} );
	} );

	describe( 'typing and reads', () => {
		const notice = {
			conversation_id: CONV_A,
			author: 'visitor' as const,
			agent_id: null,
			agent_name: '',
			typing: true,
		};

		it( 'records typing, ends it on "stopped", on a message, or when it expires', () => {
			let state = run( { type: 'RECEIVE_TYPING', notice, at: 100 } );
			expect( state.typing[ CONV_A ] ).toEqual( {
				visitor: { author: 'visitor', name: '', at: 100 },
			} );
			state = reducer( state, {
				type: 'RECEIVE_TYPING',
				notice: { ...notice, typing: false },
				at: 200,
			} );
			expect( state.typing[ CONV_A ] ).toEqual( {} );

			state = reducer( state, {
				type: 'RECEIVE_TYPING',
				notice,
				at: 300,
			} );
			state = reducer( state, {
				type: 'RECEIVE_MESSAGES',
				messages: [ message( 1 ) ],
				live: true,
			} );
			expect( state.typing[ CONV_A ] ).toEqual( {} );

			state = reducer( state, {
				type: 'RECEIVE_TYPING',
				notice,
				at: 400,
			} );
			state = reducer( state, { type: 'EXPIRE_TYPING', before: 401 } );
			expect( state.typing[ CONV_A ] ).toEqual( {} );
		} );

		it( 'keeps the highest read mark of each side', () => {
			const receipt = {
				conversation_id: CONV_A,
				by: 'visitor' as const,
				up_to_id: 5,
				at: '',
			};
			const state = run(
				{ type: 'RECEIVE_READ', receipt },
				{ type: 'RECEIVE_READ', receipt: { ...receipt, up_to_id: 3 } }
			);
			expect( state.reads[ CONV_A ] ).toEqual( { visitor: 5, agent: 0 } );
		} );
	} );

	describe( 'lists', () => {
		it( 'starts over on page 1 and extends on later pages', () => {
			const state = run(
				{ type: 'FETCH_LIST_START', key: 'open:', page: 1 },
				{
					type: 'RECEIVE_LIST',
					key: 'open:',
					page: 1,
					ids: [ 'x', 'y' ],
					hasMore: true,
				},
				{
					type: 'RECEIVE_LIST',
					key: 'open:',
					page: 2,
					ids: [ 'y', 'z' ],
					hasMore: false,
				}
			);
			expect( state.lists[ 'open:' ] ).toEqual( {
				ids: [ 'x', 'y', 'z' ],
				page: 2,
				hasMore: false,
				status: 'ready',
				error: null,
			} );
			const again = reducer( state, {
				type: 'RECEIVE_LIST',
				key: 'open:',
				page: 1,
				ids: [ 'w' ],
				hasMore: false,
			} );
			expect( again.lists[ 'open:' ]?.ids ).toEqual( [ 'w' ] );
		} );
	} );
} );
