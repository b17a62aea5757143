/**
 * What the screen does when a new chat or visitor message arrives live: a
 * beep unless the agent is looking at that very conversation, and a desktop
 * notification (when allowed) while the page is not in front of them.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Conversation } from '../../../protocol';
import type { ChatNotice } from '../../store/chat/start';
import {
	pageHasAttention,
	playBeep,
	showDesktopNotification,
} from '../lib/notifications';

/** What the handler needs to know at the moment a notice arrives. */
export interface NoticeContext {
	/** The conversation on screen, or null. */
	selectedId: string | null;
	/** What a conversation is called. */
	labelOf: ( conversation: Conversation ) => string;
	/** Opens a conversation (from a click on the desktop notification). */
	select: ( id: string ) => void;
}

/**
 * Handles one notice.
 *
 * @param notice  A new conversation or visitor message.
 * @param context The screen's state now.
 */
export function handleNotice(
	notice: ChatNotice,
	context: NoticeContext
): void {
	const { conversation } = notice;
	const id =
		notice.kind === 'conversation'
			? notice.conversation.id
			: notice.message.conversation_id;
	if ( pageHasAttention() && context.selectedId === id ) {
		return; // the agent sees it arrive
	}
	playBeep();
	if ( pageHasAttention() ) {
		return;
	}
	const name = conversation
		? context.labelOf( conversation )
		: __( 'Visitor', 'livedesk' );
	const title =
		notice.kind === 'conversation'
			? sprintf(
					/* translators: %s: who started the chat, e.g. "Visitor 3". */
					__( 'New chat: %s', 'livedesk' ),
					name
				)
			: sprintf(
					/* translators: %s: who wrote, e.g. "Visitor 3". */
					__( 'New message from %s', 'livedesk' ),
					name
				);
	showDesktopNotification(
		title,
		notice.kind === 'message' ? notice.message.body.slice( 0, 140 ) : '',
		`livedesk-${ id }`,
		() => context.select( id )
	);
}
