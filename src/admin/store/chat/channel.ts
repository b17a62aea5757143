/**
 * The live connection the chat store's actions use while it is up; set by
 * startChat() and cleared when it stops. Without one (or while it is down)
 * the actions go through the REST API instead.
 */

/**
 * Internal dependencies
 */
import type { AgentChatChannel } from '../../live/agent-connection';

/** A chat channel that can say whether it is connected. */
export type LiveChatChannel = AgentChatChannel & { isLive: () => boolean };

let current: LiveChatChannel | null = null;

/**
 * Sets (or clears, with null) the channel used by the chat actions.
 *
 * @param channel The live connection, or null.
 */
export function setChatChannel( channel: LiveChatChannel | null ): void {
	current = channel;
}

/** The channel, when one is set and connected; else null (use REST). */
export function liveChannel(): LiveChatChannel | null {
	return current?.isLive() ? current : null;
}

/**
 * Tells the visitor (and other agents) that the agent started or stopped
 * typing; nothing is sent while the live connection is down.
 *
 * @param conversationId Public id.
 * @param typing         Whether typing.
 * @return Whether it was sent.
 */
export function sendTypingNotice(
	conversationId: string,
	typing: boolean
): boolean {
	return (
		liveChannel()?.sendTyping( {
			conversation_id: conversationId,
			typing,
		} ) ?? false
	);
}
