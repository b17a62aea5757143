/**
 * Conversations and messages in the shapes of src/protocol/chat.ts, for tests.
 */

/**
 * Internal dependencies
 */
import type { ChatMessage, Conversation } from '../../../../protocol';

/**
 * A conversation id (32 hex) built from one character.
 * @param char
 */
export function conversationId( char: string ): string {
	return char.repeat( 32 );
}

/** Conversation `a…a`. */
export const CONV_A = conversationId( 'a' );
/** Conversation `b…b`. */
export const CONV_B = conversationId( 'b' );

/**
 * A stored message.
 *
 * @param id        Row id.
 * @param overrides Fields to change.
 */
export function message(
	id: number,
	overrides: Partial< ChatMessage > = {}
): ChatMessage {
	return {
		id,
		conversation_id: CONV_A,
		client_id: `client-${ id }-xxxx`,
		author: 'visitor',
		agent_id: null,
		agent_name: '',
		body: `Message ${ id }`,
		created_at: new Date(
			Date.UTC( 2026, 10, 21, 9, 0, id )
		).toISOString(),
		read_at: null,
		...overrides,
	};
}

/**
 * An open widget conversation.
 *
 * @param id        Public id.
 * @param overrides Fields to change.
 */
export function conversation(
	id: string = CONV_A,
	overrides: Partial< Conversation > = {}
): Conversation {
	return {
		id,
		status: 'open',
		source: 'widget',
		visitor_id: 'f'.repeat( 32 ),
		name: '',
		email: '',
		identity_id: '',
		verified: false,
		custom_data: {},
		assigned_agent_id: null,
		assigned_agent_name: '',
		created_at: '2026-11-21T09:00:00.000Z',
		updated_at: '2026-11-21T09:00:00.000Z',
		last_message_at: '2026-11-21T09:00:00.000Z',
		archived_at: null,
		last_message: null,
		unread_count: 0,
		visitor: {
			ip: '203.0.113.0',
			country: 'FR',
			region: 'Auvergne-Rhône-Alpes',
			city: 'Lyon',
			timezone: 'Europe/Paris',
			browser: 'Firefox',
			os: 'Linux',
			device: 'desktop',
			language: 'fr-FR',
			pages: [],
			last_seen: '2026-11-21T09:00:00.000Z',
		},
		...overrides,
	};
}
