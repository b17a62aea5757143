/**
 * The Live Chat screen's address: `admin.php?page=livedesk` plus
 * `&conversation=<public id>` (a conversation) or `&visitor=<visitor id>`
 * (the open conversation of a visitor, as the Visitors screen links to it).
 */

/**
 * Internal dependencies
 */
import { CONVERSATION_ID_PATTERN, VISITOR_ID_PATTERN } from '../../../protocol';

/** What the address asks the screen to open. */
export interface ChatTarget {
	conversation: string | null;
	visitor: string | null;
}

/**
 * Reads the target from a query string; malformed ids are ignored.
 *
 * @param search `location.search`.
 */
export function readTarget( search: string ): ChatTarget {
	const params = new URLSearchParams( search );
	const conversation = params.get( 'conversation' ) ?? '';
	const visitor = params.get( 'visitor' ) ?? '';
	return {
		conversation: CONVERSATION_ID_PATTERN.test( conversation )
			? conversation
			: null,
		visitor: VISITOR_ID_PATTERN.test( visitor ) ? visitor : null,
	};
}

/**
 * The address with the selected conversation (or none), other parameters kept.
 *
 * @param href Current address.
 * @param id   Public id, or null.
 */
export function withConversation( href: string, id: string | null ): string {
	const url = new URL( href );
	url.searchParams.delete( 'visitor' );
	if ( id ) {
		url.searchParams.set( 'conversation', id );
	} else {
		url.searchParams.delete( 'conversation' );
	}
	return url.href;
}

/**
 * The Live Chat address of a visitor's conversation (for other screens).
 *
 * @param liveChatUrl The Live Chat screen's URL (boot config).
 * @param visitorId   Visitor id.
 */
export function visitorChatUrl(
	liveChatUrl: string,
	visitorId: string
): string {
	const url = new URL(
		liveChatUrl || 'admin.php?page=livedesk',
		window.location.href
	);
	url.searchParams.set( 'visitor', visitorId );
	return url.href;
}
