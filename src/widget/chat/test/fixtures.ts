/**
 * Shared test data of the chat panel's tests.
 */

/**
 * Internal dependencies
 */
import type { ChatMessage } from '../../../protocol';

/** A conversation id. */
export const CONVERSATION = 'c'.repeat( 32 );

/** A signed visitor identity as the tracker stores it. */
export const VISITOR = { id: 'a'.repeat( 32 ), sig: 'b'.repeat( 43 ) };

/**
 * A stored message (an agent's unless `fields` says otherwise).
 *
 * @param id     Its id.
 * @param fields Fields to change.
 */
export function message(
	id: number,
	fields: Partial< ChatMessage > = {}
): ChatMessage {
	return {
		id,
		conversation_id: CONVERSATION,
		client_id: `client-${ id }`,
		author: 'agent',
		agent_id: null,
		agent_name: 'Ada',
		body: `message ${ id }`,
		created_at: '2026-11-21T09:30:00.000Z',
		read_at: null,
		...fields,
	};
}
