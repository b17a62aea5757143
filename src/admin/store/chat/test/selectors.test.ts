/**
 * Internal dependencies
 */
import reducer from '../reducer';
import {
	getConversationList,
	getLoadedQueries,
	getOpenConversationOfVisitor,
	getSyncCursor,
	getThread,
	getUnreadTotal,
} from '../selectors';
import type { ChatAction, ChatState } from '../types';
import {
	CONV_A,
	CONV_B,
	conversation,
	conversationId,
	message,
} from './fixtures';

function run( ...actions: ChatAction[] ): ChatState {
	return actions.reduce< ChatState >(
		( state, action ) => reducer( state, action ),
		reducer( undefined, { type: 'EXPIRE_TYPING', before: 0 } )
	);
}

const at = ( minute: number ) =>
	new Date( Date.UTC( 2026, 10, 21, 9, minute ) ).toISOString();

const CONV_C = conversationId( 'c' );

const CONVERSATIONS = [
	conversation( CONV_A, { last_message_at: at( 1 ), unread_count: 2 } ),
	conversation( CONV_B, { last_message_at: at( 5 ), unread_count: 1 } ),
	conversation( CONV_C, {
		status: 'archived',
		last_message_at: at( 9 ),
		unread_count: 4,
	} ),
];

describe( 'chat selectors', () => {
	it( 'lists a tab by latest activity, live arrivals included', () => {
		const state = run( {
			type: 'RECEIVE_CONVERSATIONS',
			conversations: CONVERSATIONS,
			live: true,
		} );
		const open = { status: 'open' as const, search: '' };
		expect(
			getConversationList( state, open ).map( ( c ) => c.id )
		).toEqual( [ CONV_B, CONV_A ] );
		expect(
			getConversationList( state, {
				status: 'archived',
				search: '',
			} ).map( ( c ) => c.id )
		).toEqual( [ CONV_C ] );
		// Memoised: the same array while nothing changed.
		expect( getConversationList( state, open ) ).toBe(
			getConversationList( state, open )
		);
	} );

	it( 'holds back conversations older than the loaded pages while more pages wait', () => {
		const state = run(
			{
				type: 'RECEIVE_CONVERSATIONS',
				conversations: CONVERSATIONS,
				live: false,
			},
			{
				type: 'RECEIVE_LIST',
				key: 'open:',
				page: 1,
				ids: [ CONV_B ],
				hasMore: true,
			}
		);
		expect(
			getConversationList( state, { status: 'open', search: '' } ).map(
				( c ) => c.id
			)
		).toEqual( [ CONV_B ] );
	} );

	it( 'lists only the server’s matches for a search', () => {
		const state = run(
			{
				type: 'RECEIVE_CONVERSATIONS',
				conversations: CONVERSATIONS,
				live: false,
			},
			{
				type: 'RECEIVE_LIST',
				key: 'open:ada',
				page: 1,
				ids: [ CONV_A ],
				hasMore: false,
			}
		);
		expect(
			getConversationList( state, { status: 'open', search: 'ada' } ).map(
				( c ) => c.id
			)
		).toEqual( [ CONV_A ] );
		expect( getLoadedQueries( state ) ).toEqual( [
			{ status: 'open', search: 'ada' },
		] );
	} );

	it( 'adds up unread messages of open conversations only', () => {
		const state = run( {
			type: 'RECEIVE_CONVERSATIONS',
			conversations: CONVERSATIONS,
			live: true,
		} );
		expect( getUnreadTotal( state ) ).toBe( 3 );
	} );

	it( 'finds a visitor’s open conversation', () => {
		const state = run( {
			type: 'RECEIVE_CONVERSATIONS',
			conversations: CONVERSATIONS,
			live: true,
		} );
		expect(
			getOpenConversationOfVisitor( state, 'f'.repeat( 32 ) )?.status
		).toBe( 'open' );
		expect( getOpenConversationOfVisitor( state, '' ) ).toBeNull();
	} );

	it( 'shows stored messages, then the outbox, in a thread', () => {
		const state = run(
			{
				type: 'RECEIVE_MESSAGES',
				messages: [ message( 2 ), message( 1 ) ],
				live: true,
			},
			{
				type: 'QUEUE_MESSAGE',
				item: {
					client_id: 'pending-1',
					conversation_id: CONV_A,
					body: 'On its way',
					queued_at: at( 3 ),
					state: 'queued',
					attempts: 0,
					error: null,
				},
			}
		);
		expect(
			getThread( state, CONV_A ).map( ( entry ) =>
				entry.kind === 'message'
					? entry.message.id
					: entry.item.client_id
			)
		).toEqual( [ 1, 2, 'pending-1' ] );
	} );

	it( 'starts a catch-up at the live cursor, else at the newest id seen', () => {
		expect( getSyncCursor( run() ) ).toBe( 0 );
		const listed = run( {
			type: 'RECEIVE_CONVERSATIONS',
			conversations: [
				conversation( CONV_A, {
					last_message: {
						id: 40,
						author: 'visitor',
						body: '',
						created_at: '',
					},
				} ),
			],
			live: false,
		} );
		expect( getSyncCursor( listed ) ).toBe( 40 );
		const pushed = reducer( listed, {
			type: 'RECEIVE_MESSAGES',
			messages: [ message( 12 ) ],
			live: true,
		} );
		expect( getSyncCursor( pushed ) ).toBe( 12 );
	} );
} );
