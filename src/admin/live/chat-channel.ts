/**
 * The chat requests an agent screen makes over the `/agent` connection
 * (implemented by AgentConnection and by leases on it).
 */

/**
 * Internal dependencies
 */
import type {
	AgentAssign,
	AgentChatSend,
	AgentChatSync,
	AgentConversationRef,
	ChatFailure,
	ChatRead,
	ChatSendResult,
	ChatSyncRequest,
	ChatTyping,
	ConversationResult,
} from '../../protocol';

/** The chat requests an agent screen makes over the connection. */
export interface AgentChatChannel {
	/**
	 * Sends a message; resolves to the ack, or null without one in time.
	 *
	 * @param message   The message, with its `client_id`.
	 * @param timeoutMs How long to wait for the ack.
	 */
	sendMessage: (
		message: AgentChatSend,
		timeoutMs?: number
	) => Promise< ChatSendResult | null >;
	/**
	 * Asks for the messages after an id, over every conversation.
	 *
	 * @param request   `after_id`.
	 * @param timeoutMs How long to wait for the answer.
	 */
	syncChat: (
		request: ChatSyncRequest,
		timeoutMs?: number
	) => Promise< AgentChatSync | ChatFailure | null >;
	/**
	 * Archives a conversation; resolves to the answer, or null.
	 *
	 * @param ref       The conversation.
	 * @param timeoutMs How long to wait for the answer.
	 */
	archiveConversation: (
		ref: AgentConversationRef,
		timeoutMs?: number
	) => Promise< ConversationResult | null >;
	/**
	 * Takes a conversation or hands it back; resolves to the answer, or null.
	 *
	 * @param assign    The conversation and the assignee.
	 * @param timeoutMs How long to wait for the answer.
	 */
	assignConversation: (
		assign: AgentAssign,
		timeoutMs?: number
	) => Promise< ConversationResult | null >;
	/**
	 * Says the agent started or stopped typing; false when not connected.
	 *
	 * @param typing The conversation and whether typing.
	 */
	sendTyping: ( typing: AgentConversationRef & ChatTyping ) => boolean;
	/**
	 * Says the agent read a conversation up to an id; false when not connected.
	 *
	 * @param read The conversation and the id.
	 */
	sendRead: ( read: AgentConversationRef & ChatRead ) => boolean;
}
