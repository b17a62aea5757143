/**
 * WordPress dependencies
 */
import { useDispatch } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { Conversation } from '../../../protocol';
import { store as chatStore } from '../../store/chat';
import type { MessagesState } from '../../store/chat/types';

/**
 * Sends a read receipt when the conversation on screen shows messages the
 * agent has not read yet and the page has their attention (visible and
 * focused); once per newest message.
 *
 * @param conversation The conversation on screen, or null.
 * @param messages     Its messages.
 * @param attention    Whether the page is visible and focused.
 */
export function useReadReceipts(
	conversation: Conversation | null,
	messages: MessagesState | null,
	attention: boolean
): void {
	const { markRead } = useDispatch( chatStore );
	const sentUpTo = useRef( new Map< string, number >() );
	useEffect( () => {
		if ( ! conversation || ! messages || ! attention ) {
			return;
		}
		const last = messages.list[ messages.list.length - 1 ];
		if ( ! last ) {
			return;
		}
		const sent = sentUpTo.current.get( conversation.id ) ?? 0;
		const unseen =
			conversation.unread_count > 0 ||
			messages.list.some(
				( message ) =>
					message.author === 'visitor' &&
					message.read_at === null &&
					message.id > sent
			);
		if ( last.id > sent && unseen ) {
			sentUpTo.current.set( conversation.id, last.id );
			void markRead( conversation.id, last.id );
		}
	}, [ conversation, messages, attention, markRead ] );
}
