/**
 * Names and times of conversations and messages, as plain text (rendered as
 * React text nodes, never as HTML).
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ChatMessage,
	Conversation,
	ConversationSource,
	PresenceVisitor,
} from '../../../protocol';
import { ARCHIVED_MESSAGE_BODY } from '../../../protocol';
import { visitorLabel } from '../../visitors/lib/format';

/**
 * What a conversation is called: the visitor's name, else "Visitor N" while
 * they are listed on the map, else their e-mail, else a word for its source.
 *
 * @param conversation The conversation.
 * @param visitor      The visitor's live entry, if listed.
 */
export function conversationLabel(
	conversation: Pick< Conversation, 'name' | 'email' | 'source' >,
	visitor: Pick< PresenceVisitor, 'name' | 'number' > | null
): string {
	if ( conversation.name.trim() !== '' ) {
		return conversation.name;
	}
	if ( visitor ) {
		return visitorLabel( visitor );
	}
	if ( conversation.email.trim() !== '' ) {
		return conversation.email;
	}
	switch ( conversation.source ) {
		case 'api':
			return __( 'API conversation', 'livedesk' );
		case 'playground':
			return __( 'Test chat', 'livedesk' );
		default:
			return __( 'Visitor', 'livedesk' );
	}
}

/**
 * The badge text of where a conversation started.
 *
 * @param source The source.
 */
export function sourceLabel( source: ConversationSource ): string {
	switch ( source ) {
		case 'api':
			return __( 'API', 'livedesk' );
		case 'playground':
			return __( 'Playground', 'livedesk' );
		default:
			return __( 'Widget', 'livedesk' );
	}
}

/**
 * Who wrote a message, as the agents' screen names them.
 *
 * @param message     The message.
 * @param visitorName The conversation's label.
 * @param userId      The current agent's user id (their own messages say "You").
 */
export function authorLabel(
	message: Pick< ChatMessage, 'author' | 'agent_id' | 'agent_name' >,
	visitorName: string,
	userId: number | null
): string {
	switch ( message.author ) {
		case 'visitor':
			return visitorName;
		case 'system':
			return __( 'LiveDesk', 'livedesk' );
		default:
			if ( userId !== null && message.agent_id === userId ) {
				return __( 'You', 'livedesk' );
			}
			return message.agent_name.trim() !== ''
				? message.agent_name
				: __( 'Agent', 'livedesk' );
	}
}

/**
 * A stored system message in the agent's language (the archive note is
 * stored in English; anything else is shown as stored).
 *
 * @param body The stored body.
 */
export function systemText( body: string ): string {
	return body === ARCHIVED_MESSAGE_BODY
		? __( 'Conversation archived', 'livedesk' )
		: body;
}

/**
 * A short time for lists: the time of day when it is today, else the date.
 *
 * @param iso    An ISO 8601 time.
 * @param now    The current time (ms).
 * @param locale BCP 47 locale.
 */
export function shortTime(
	iso: string | null,
	now: number = Date.now(),
	locale?: string
): string {
	const time = iso === null ? NaN : Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return '';
	}
	const date = new Date( time );
	const today = new Date( now );
	const sameDay = date.toDateString() === today.toDateString();
	try {
		return new Intl.DateTimeFormat(
			locale,
			sameDay
				? { hour: '2-digit', minute: '2-digit' }
				: { month: 'short', day: 'numeric' }
		).format( date );
	} catch {
		return date.toISOString().slice( 0, sameDay ? 16 : 10 );
	}
}

/**
 * A full date and time for a message's tooltip and screen readers.
 *
 * @param iso    An ISO 8601 time.
 * @param locale BCP 47 locale.
 */
export function longTime( iso: string, locale?: string ): string {
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return '';
	}
	try {
		return new Intl.DateTimeFormat( locale, {
			dateStyle: 'medium',
			timeStyle: 'short',
		} ).format( new Date( time ) );
	} catch {
		return new Date( time ).toISOString();
	}
}

/**
 * "3 unread messages" for screen readers.
 *
 * @param count Unread messages.
 */
export function unreadLabel( count: number ): string {
	return sprintf(
		/* translators: %d: number of unread messages. */
		_n( '%d unread message', '%d unread messages', count, 'livedesk' ),
		count
	);
}
