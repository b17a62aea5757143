/**
 * Internal dependencies
 */
import type { ConversationRecord } from '../../db/conversation-record';
import type { MessageRecord } from '../../db/messages-repository';
import {
	LAST_MESSAGE_PREVIEW,
	toChatMessage,
	toConversation,
	toVisitorConversation,
} from '../payloads';

const MESSAGE: MessageRecord = {
	id: 5,
	conversationRowId: 1,
	conversationId: 'c'.repeat( 32 ),
	clientId: 'abcdefgh',
	author: 'agent',
	agentId: 7,
	body: 'Hello',
	createdAt: '2026-05-01T10:00:00.000Z',
	readAt: null,
};

const RECORD: ConversationRecord = {
	rowId: 1,
	id: 'c'.repeat( 32 ),
	openKey: 'i:ada',
	visitorKey: 'f'.repeat( 32 ),
	status: 'open',
	source: 'widget',
	name: 'Ada',
	email: 'ada@example.com',
	identityId: 'ada',
	verified: true,
	customData: { plan: 'pro' },
	assignedAgentId: 7,
	visitor: {
		ip: '',
		country: 'FR',
		region: '',
		city: '',
		timezone: '',
		browser: '',
		os: '',
		device: '',
		language: '',
		pages: [
			{ path: '/', title: 'Home', viewed_at: '2026-05-01T09:00:00.000Z' },
		],
		last_seen: null,
	},
	createdAt: '2026-05-01T09:00:00.000Z',
	updatedAt: '2026-05-01T10:00:00.000Z',
	updatedAtRaw: '2026-05-01 10:00:00.000',
	lastMessageAt: '2026-05-01T10:00:00.000Z',
	archivedAt: null,
};

describe( 'toChatMessage', () => {
	it( 'names the agent to agents by id and name, to visitors by name only', () => {
		expect( toChatMessage( MESSAGE, 'Ada Agent', 'agent' ) ).toMatchObject(
			{
				agent_id: 7,
				agent_name: 'Ada Agent',
			}
		);
		expect(
			toChatMessage( MESSAGE, 'Ada Agent', 'visitor' )
		).toMatchObject( { agent_id: null, agent_name: 'Ada Agent' } );
		expect(
			toChatMessage(
				{ ...MESSAGE, author: 'visitor', agentId: null },
				'x',
				'agent'
			)
		).toMatchObject( { agent_id: null, agent_name: '' } );
	} );
} );

describe( 'toConversation', () => {
	it( 'adds the newest message (cut), unread count and assignee', () => {
		const long = { ...MESSAGE, body: 'x'.repeat( 500 ) };
		const conversation = toConversation( RECORD, {
			newest: long,
			unread: 3,
			assignedAgentName: 'Ada Agent',
		} );
		expect( conversation ).toMatchObject( {
			id: RECORD.id,
			visitor_id: RECORD.visitorKey,
			identity_id: 'ada',
			verified: true,
			custom_data: { plan: 'pro' },
			assigned_agent_id: 7,
			assigned_agent_name: 'Ada Agent',
			unread_count: 3,
			last_message: { id: 5, author: 'agent' },
		} );
		expect( conversation.last_message?.body ).toHaveLength(
			LAST_MESSAGE_PREVIEW
		);
		// A copy: the record's pages are not shared.
		expect( conversation.visitor.pages ).not.toBe( RECORD.visitor.pages );
	} );

	it( 'shows no identity id unless verified', () => {
		expect(
			toConversation(
				{ ...RECORD, verified: false },
				{ newest: null, unread: 0, assignedAgentName: '' }
			).identity_id
		).toBe( '' );
	} );
} );

describe( 'toVisitorConversation', () => {
	it( 'shows the visitor only their own details', () => {
		expect( toVisitorConversation( RECORD ) ).toEqual( {
			id: RECORD.id,
			status: 'open',
			name: 'Ada',
			email: 'ada@example.com',
			verified: true,
		} );
		expect( toVisitorConversation( null ) ).toBeNull();
	} );
} );
