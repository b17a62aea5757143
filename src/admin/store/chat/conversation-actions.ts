/**
 * Requests about one conversation: read receipts, archive, assign, and the
 * playground. Each goes over the live connection while it is up, else (or
 * without an answer in time) over REST.
 */

/**
 * Internal dependencies
 */
import type { Conversation, ConversationResult } from '../../../protocol';
import { toRequestError } from '../settings/api';
import { receiveConversations } from './actions';
import { postArchive, postAssign, postPlayground, postRead } from './api';
import type { PlaygroundGrant } from './api';
import { liveChannel } from './channel';
import { failureToRequestError } from './errors';
import { toConversation } from './normalize';
import type { ChatThunkArgs, RequestError } from './types';

/**
 * The agent has seen a conversation's messages up to an id: unread goes to
 * zero here at once, and the server hears it (live, or over REST).
 *
 * @param id     Public id.
 * @param upToId Highest message id shown.
 */
export const markRead =
	( id: string, upToId: number ) =>
	async ( { dispatch }: ChatThunkArgs ): Promise< void > => {
		dispatch( { type: 'MARK_READ', conversationId: id, upToId } );
		const channel = liveChannel();
		if ( channel?.sendRead( { conversation_id: id, up_to_id: upToId } ) ) {
			return;
		}
		try {
			const conversation = await postRead( id, upToId );
			if ( conversation ) {
				dispatch( receiveConversations( [ conversation ] ) );
			}
		} catch {
			// A lost receipt only leaves an unread count; the next read sends again.
		}
	};

type ConversationRequest = {
	action: 'archive' | 'assign';
	live: () => Promise< ConversationResult | null > | null;
	rest: () => Promise< Conversation >;
};

// Live first; without a live answer (down, or no ack in time) over REST.
async function conversationRequest(
	id: string,
	request: ConversationRequest,
	{ dispatch }: ChatThunkArgs
): Promise< boolean > {
	dispatch( {
		type: 'CONVERSATION_ACTION_START',
		conversationId: id,
		action: request.action,
	} );
	let error: RequestError | null = null;
	const answer = await request.live();
	const conversation = answer?.ok
		? toConversation( answer.conversation )
		: null;
	if ( conversation ) {
		dispatch( receiveConversations( [ conversation ], true ) );
	} else if ( answer && ! answer.ok ) {
		error = failureToRequestError( answer );
	} else {
		try {
			dispatch( receiveConversations( [ await request.rest() ] ) );
		} catch ( failure ) {
			error = toRequestError( failure );
		}
	}
	dispatch( {
		type: 'CONVERSATION_ACTION_DONE',
		conversationId: id,
		action: request.action,
		error,
	} );
	return error === null;
}

/**
 * Archives a conversation (the sidecar also frees the visitor's map entry).
 * Resolves to whether it worked.
 *
 * @param id Public id.
 */
export const archiveConversation =
	( id: string ) =>
	( args: ChatThunkArgs ): Promise< boolean > =>
		conversationRequest(
			id,
			{
				action: 'archive',
				live: () =>
					liveChannel()?.archiveConversation( {
						conversation_id: id,
					} ) ?? null,
				rest: () => postArchive( id ),
			},
			args
		);

/**
 * Assigns a conversation to the current agent, or hands it back.
 *
 * @param id       Public id.
 * @param assignee `me` or null.
 */
export const assignConversation =
	( id: string, assignee: 'me' | null ) =>
	( args: ChatThunkArgs ): Promise< boolean > =>
		conversationRequest(
			id,
			{
				action: 'assign',
				live: () =>
					liveChannel()?.assignConversation( {
						conversation_id: id,
						assignee,
					} ) ?? null,
				rest: () => postAssign( id, assignee ),
			},
			args
		);

/**
 * Asks WordPress for a playground visitor (an admin's test chat): resolves
 * to its identity and token, or to why there is none.
 */
export const startPlayground =
	() =>
	async (): Promise<
		{ grant: PlaygroundGrant } | { error: RequestError }
	> => {
		try {
			return { grant: await postPlayground() };
		} catch ( error ) {
			return { error: toRequestError( error ) };
		}
	};
