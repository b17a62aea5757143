/**
 * Starts the screen's live connection: one `/agent` socket feeding both the
 * presence store ("Visitor 3", who is online) and the chat store.
 */

/**
 * Internal dependencies
 */
import { leaseAgentConnection } from '../../live/shared';
import { startPresence } from '../../store/presence/start';
import { startChat } from '../../store/chat/start';
import type { ChatNotice } from '../../store/chat/start';

/** Starts the live connection; returns what stops it. */
export type StartLive = ( options: {
	userId: number | null;
	onNotice: ( notice: ChatNotice ) => void;
} ) => () => void;

/**
 * The default StartLive: presence and chat over one shared connection.
 *
 * @param options          The user and the notice handler.
 * @param options.userId   Current user id.
 * @param options.onNotice Hears new chats and messages.
 */
export const startLive: StartLive = ( { userId, onNotice } ) => {
	const stopPresence = startPresence( {
		connection: leaseAgentConnection(),
	} );
	const stopChat = startChat( {
		connection: leaseAgentConnection(),
		userId,
		onNotice,
	} );
	return () => {
		stopChat();
		stopPresence();
	};
};
