/**
 * Typed socket.io event maps, one pair per namespace, shared by the sidecar
 * (server) and the widget / admin (clients). Event names are `noun:verb` and
 * are written only here (see EVENTS).
 */
import type {
	AgentAssign,
	AgentChatSend,
	AgentChatSync,
	AgentConversationRef,
	AgentTypingNotice,
	ChatCustomData,
	ChatFailure,
	ChatMessage,
	ChatProfile,
	ChatRead,
	ChatSend,
	ChatSendResult,
	ChatSyncRequest,
	ChatTyping,
	Conversation,
	ConversationResult,
	IdentifyResult,
	ReadReceipt,
	SignedIdentity,
	VisitorChatStatus,
	VisitorChatSync,
	VisitorTypingNotice,
} from './chat';
import type { SessionError } from './errors';
import type { PresenceSnapshot, PresenceUpdate } from './presence';
import type { PageView, PageVisibility, VisitorSession } from './visitor';

/** Every event name, for code that must spell one out (e.g. the widget). */
export const EVENTS = {
	pageView: 'page:view',
	pageVisibility: 'page:visibility',
	sessionReady: 'session:ready',
	sessionError: 'session:error',
	sessionRefresh: 'session:refresh',
	presenceSnapshot: 'presence:snapshot',
	presenceUpdate: 'presence:update',
	chatSend: 'chat:send',
	chatAck: 'chat:ack',
	chatSync: 'chat:sync',
	chatHistory: 'chat:history',
	chatMessage: 'chat:message',
	chatTyping: 'chat:typing',
	chatRead: 'chat:read',
	chatStatus: 'chat:status',
	chatProfile: 'chat:profile',
	chatData: 'chat:data',
	chatIdentify: 'chat:identify',
	chatIdentity: 'chat:identity',
	chatConversation: 'chat:conversation',
	chatArchive: 'chat:archive',
	chatAssign: 'chat:assign',
} as const;

/** Events a visitor's browser sends. */
export interface VisitorClientToServerEvents {
	/** The tab shows a page: on load and on each single-page navigation. */
	'page:view': ( view: PageView ) => void;
	/** The tab was hidden or shown. */
	'page:visibility': ( change: PageVisibility ) => void;
	/**
	 * A message for the visitor's open conversation (one is started when
	 * there is none). Answered by `chat:ack` with the same `client_id`; the
	 * widget's socket client has no socket.io acks, so chat acks are events.
	 */
	'chat:send': ( message: ChatSend ) => void;
	/** Catch up: answered by `chat:history`. */
	'chat:sync': ( request: ChatSyncRequest ) => void;
	'chat:typing': ( typing: ChatTyping ) => void;
	/** The visitor has seen the agents' messages up to this id. */
	'chat:read': ( read: ChatRead ) => void;
	/** Name / e-mail for the open conversation (or the next one). */
	'chat:profile': ( profile: ChatProfile ) => void;
	/** The site's custom data about this visitor (`LiveDesk.setData()`). */
	'chat:data': ( data: ChatCustomData ) => void;
	/** A signed identity (`LiveDesk.identify()`); answered by `chat:identity`. */
	'chat:identify': ( identity: SignedIdentity ) => void;
}

/** Events the sidecar sends to a visitor's browser. */
export interface VisitorServerToClientEvents {
	/** The identity to keep for later visits; sent once per connection. */
	'session:ready': ( session: VisitorSession ) => void;
	/** A refused payload (the connection stays) or the end of the session. */
	'session:error': ( error: SessionError ) => void;
	/** The outcome of a `chat:send`: stored (committed) or refused. */
	'chat:ack': ( result: ChatSendResult ) => void;
	/** The answer to `chat:sync`. */
	'chat:history': ( sync: VisitorChatSync ) => void;
	/** A new message in the visitor's conversation (an agent's, a system note, or their own from another tab). */
	'chat:message': ( message: ChatMessage ) => void;
	'chat:typing': ( notice: VisitorTypingNotice ) => void;
	/** Agents read the visitor's messages up to an id. */
	'chat:read': ( receipt: ReadReceipt ) => void;
	/** After connecting, and whenever agents come and go or the conversation changes. */
	'chat:status': ( status: VisitorChatStatus ) => void;
	'chat:identity': ( result: IdentifyResult ) => void;
}

/** Result of an agent's `session:refresh`. */
export type SessionRefreshResult =
	{ ok: true; exp: number } | { ok: false; code: string; message: string };

/** Events an agent's wp-admin screen sends. */
export interface AgentClientToServerEvents {
	/**
	 * Replaces the session's token with a newer one (minted by WordPress)
	 * before it expires; the socket stays connected.
	 */
	'session:refresh': (
		token: string,
		ack: ( result: SessionRefreshResult ) => void
	) => void;
	/** Needs `livedesk_chat`. Acked once committed; retry with the same `client_id`. */
	'chat:send': (
		message: AgentChatSend,
		ack: ( result: ChatSendResult ) => void
	) => void;
	/** Catch up over every conversation after a message id. */
	'chat:sync': (
		request: ChatSyncRequest,
		ack: ( sync: AgentChatSync | ChatFailure ) => void
	) => void;
	/** Needs `livedesk_chat`. */
	'chat:typing': ( typing: AgentConversationRef & ChatTyping ) => void;
	/** The agent has seen the visitor's messages up to this id (read receipts; unread counts). */
	'chat:read': ( read: AgentConversationRef & ChatRead ) => void;
	/** Needs `livedesk_chat`. Ends the conversation and frees the visitor's map entry. */
	'chat:archive': (
		ref: AgentConversationRef,
		ack: ( result: ConversationResult ) => void
	) => void;
	/** Needs `livedesk_chat`. */
	'chat:assign': (
		assign: AgentAssign,
		ack: ( result: ConversationResult ) => void
	) => void;
}

/** Events the sidecar sends to an agent's wp-admin screen. */
export interface AgentServerToClientEvents {
	/** Sent just before the sidecar disconnects, e.g. when the token expires. */
	'session:error': ( error: SessionError ) => void;
	/** Everything listed, right after connecting. */
	'presence:snapshot': ( snapshot: PresenceSnapshot ) => void;
	/** Changes since the previous message, coalesced per tick. */
	'presence:update': ( update: PresenceUpdate ) => void;
	/** Every new message, in every conversation. */
	'chat:message': ( message: ChatMessage ) => void;
	/** A conversation started or changed (status, assignment, name, unread count…). */
	'chat:conversation': ( conversation: Conversation ) => void;
	'chat:typing': ( notice: AgentTypingNotice ) => void;
	'chat:read': ( receipt: ReadReceipt ) => void;
}
