/**
 * How a conversation is found from who is asking: the open key a visitor's
 * conversation is stored under, and the socket.io rooms a visitor's chat
 * connections join. Both derive only from what the handshake proved (the
 * signed visitor id, a verified identity), never from a payload.
 */

/**
 * Open key of a visitor's conversation.
 * @param visitorId
 */
export function visitorOpenKey( visitorId: string ): string {
	return `v:${ visitorId }`;
}

/**
 * Open key of a verified identity's conversation.
 * @param identityId
 */
export function identityOpenKey( identityId: string ): string {
	return `i:${ identityId }`;
}

/**
 * The open keys a chat connection may reach, preferred first: its verified
 * identity's conversation (the same person on another device), then its own.
 *
 * @param visitorId  The connection's verified visitor id.
 * @param identityId Its verified identity id, or null.
 */
export function openKeysFor(
	visitorId: string,
	identityId: string | null
): string[] {
	const own = visitorOpenKey( visitorId );
	return identityId === null
		? [ own ]
		: [ identityOpenKey( identityId ), own ];
}

/**
 * Room of every chat connection of one visitor.
 * @param visitorId
 */
export function visitorRoom( visitorId: string ): string {
	return `chat:v:${ visitorId }`;
}

/**
 * Room of every chat connection that verified this identity.
 * @param identityId
 */
export function identityRoom( identityId: string ): string {
	return `chat:i:${ identityId }`;
}

/**
 * The rooms a conversation's visitor side listens in: its visitor's
 * connections, and those of its identity when that was verified.
 *
 * @param conversation            The conversation.
 * @param conversation.visitorKey The visitor id ('' for API chats).
 * @param conversation.identityId The identity id, or ''.
 * @param conversation.verified   Whether the identity was verified.
 */
export function conversationRooms( conversation: {
	visitorKey: string;
	identityId: string;
	verified: boolean;
} ): string[] {
	const rooms: string[] = [];
	if ( conversation.visitorKey !== '' ) {
		rooms.push( visitorRoom( conversation.visitorKey ) );
	}
	if ( conversation.verified && conversation.identityId !== '' ) {
		rooms.push( identityRoom( conversation.identityId ) );
	}
	return rooms;
}
