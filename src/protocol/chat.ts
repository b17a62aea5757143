/**
 * Live chat: conversations and messages, as WordPress's REST API serves them
 * and as the sidecar pushes them. One shape for both, in the REST API's
 * snake_case, so a screen merges what it fetched and what was pushed without
 * mapping (presence payloads are camelCase: they never come from REST).
 *
 * Delivery (see docs/chat.md): every message a client sends carries a
 * `client_id` it chose; the server stores at most one row per
 * (conversation, client_id) and acknowledges only once that row is committed,
 * with the stored message. A client resends an unacknowledged message with
 * the same `client_id` until it gets an ack, so a retry never makes a second
 * row. Message ids increase with storage order: a client catches up by asking
 * for the messages after the last id it has.
 *
 * Times are ISO 8601 UTC strings with milliseconds (`2026-11-21T09:30:00.123Z`).
 */

/** A conversation's public id: 128 random bits as lowercase hex (never the row id). */
export const CONVERSATION_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A client message id: 8–64 characters of `[A-Za-z0-9_-]`, unique per conversation. */
export const CLIENT_MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Longest visitor name kept (from the pre-chat form or an identity). */
export const VISITOR_NAME_MAX = 100;

/** Longest e-mail address kept (RFC 5321 path limit). */
export const EMAIL_MAX = 254;

/** Most custom-data keys a site may attach to a visitor; keys ≤ 64, values ≤ 500 characters. */
export const CUSTOM_DATA_MAX_KEYS = 20;
export const CUSTOM_DATA_KEY_MAX = 64;
export const CUSTOM_DATA_VALUE_MAX = 500;

/** Most messages one catch-up answer carries; `more` says whether to ask again. */
export const CHAT_SYNC_PAGE = 200;

/** Messages a visitor may send per window (more are refused `rate_limited`, retryable). */
export const CHAT_RATE_MESSAGES = 10;
export const CHAT_RATE_WINDOW_MS = 10_000;

/**
 * The system message archiving adds (author `system`): its client id, the
 * same for every conversation (a conversation is archived once), and its
 * stored body, which screens may show translated.
 */
export const ARCHIVED_MESSAGE_CLIENT_ID = 'system-archived';
export const ARCHIVED_MESSAGE_BODY = 'Conversation archived';

export type ConversationStatus = 'open' | 'archived';

/** Where a conversation started: the site's widget, the REST API, or an admin's test chat. */
export type ConversationSource = 'widget' | 'api' | 'playground';

export type MessageAuthor = 'visitor' | 'agent' | 'system';

/** One stored message. */
export interface ChatMessage {
	/** Row id: increases with storage order over the whole site. */
	id: number;
	/** Public id of the conversation. */
	conversation_id: string;
	/** The sender's id for this message (retries carry the same one). */
	client_id: string;
	author: MessageAuthor;
	/** The agent's WordPress user id; null for visitor and system messages, and always null towards visitors. */
	agent_id: number | null;
	/** The agent's display name ('' for visitor and system messages). */
	agent_name: string;
	/** Plain text, never HTML; shown as text. */
	body: string;
	created_at: string;
	/** When the other side read it; null until then. */
	read_at: string | null;
}

/** A page in a conversation's snapshot of the visitor's recent browsing. */
export interface ConversationPage {
	path: string;
	title: string;
	viewed_at: string;
}

/**
 * What the plugin recorded about the visitor when the chat started (and
 * refreshed while it is open): empty strings when unknown.
 */
export interface ConversationVisitorSnapshot {
	/** Full, anonymised or '' per the IP setting. */
	ip: string;
	country: string;
	region: string;
	city: string;
	timezone: string;
	browser: string;
	os: string;
	device: string;
	language: string;
	/** Last 10 pages, newest first. */
	pages: ConversationPage[];
	/** When the visitor was last connected (null if never, e.g. API source). */
	last_seen: string | null;
}

/** A conversation as agents see it. */
export interface Conversation {
	id: string;
	status: ConversationStatus;
	source: ConversationSource;
	/** The visitor's id (32 hex) for widget and playground chats; '' for API chats. */
	visitor_id: string;
	/** Name given by the visitor or their verified identity; '' when unknown ("Visitor N"). */
	name: string;
	email: string;
	/** The verified identity's id (e.g. `wp:12` or the site's own id), or ''. */
	identity_id: string;
	/** True only when a valid, unexpired signed identity was presented. */
	verified: boolean;
	/** Key → value strings the site attached with `LiveDesk.setData()`. */
	custom_data: Record< string, string >;
	assigned_agent_id: number | null;
	assigned_agent_name: string;
	created_at: string;
	updated_at: string;
	last_message_at: string | null;
	archived_at: string | null;
	/** The newest message (body cut to 140 characters), or null. */
	last_message: Pick<
		ChatMessage,
		'id' | 'author' | 'body' | 'created_at'
	> | null;
	/** Visitor messages no agent has read yet. */
	unread_count: number;
	visitor: ConversationVisitorSnapshot;
}

/** What a visitor sees of their own conversation. */
export interface VisitorConversation {
	id: string;
	status: ConversationStatus;
	name: string;
	email: string;
	verified: boolean;
}

/**
 * A signed identity the site vouches for (`LiveDesk.identify()`), or that
 * the plugin makes for a logged-in WordPress user (id `wp:<user id>`).
 *
 *     signature = hex( HMAC-SHA256( identity secret,
 *         "livedesk-identity.v1\n" + id + "\n" + email + "\n" + name + "\n" + expires ) )
 *
 * `expires` is a unix time in seconds; the identity secret is the
 * `livedesk_identity_secret` option, shown to managers in Settings.
 */
export interface SignedIdentity {
	id: string;
	name?: string;
	email?: string;
	expires: number;
	signature: string;
}

/** Prefix line of the message an identity signature covers. */
export const IDENTITY_SIGNATURE_CONTEXT = 'livedesk-identity.v1';

/** Longest identity id; `wp:` ids are the plugin's own. */
export const IDENTITY_ID_MAX = 191;

/** Why a chat request was refused. */
export type ChatErrorCode =
	| 'invalid_payload'
	| 'forbidden'
	| 'not_found'
	| 'archived'
	| 'chat_disabled'
	| 'identity_required'
	| 'rate_limited'
	| 'storage_unavailable';

/** A refusal; `retryable` says whether sending the same thing again may work (e.g. storage back). */
export interface ChatFailure {
	ok: false;
	code: ChatErrorCode;
	/** English explanation for logs and developer tools, not shown to visitors as is. */
	message: string;
	retryable: boolean;
}

/** Client → server: a new message. */
export interface ChatSend {
	client_id: string;
	body: string;
	/**
	 * Visitor only: the pre-chat form's answers, applied when this message
	 * starts the conversation (sent with every retry of the first message).
	 */
	profile?: ChatProfile;
}

/** Agent → server: a new message in a conversation. */
export interface AgentChatSend extends ChatSend {
	conversation_id: string;
}

/** Server → sender once the message is committed (the same answer for every retry). */
export interface ChatSendOk {
	ok: true;
	client_id: string;
	message: ChatMessage;
}

export type ChatSendResult =
	ChatSendOk | ( ChatFailure & { client_id: string } );

/** Visitor → server: the pre-chat form or a later correction. */
export interface ChatProfile {
	name?: string;
	email?: string;
}

/** Visitor → server: key/value strings about the visitor, from the site's own code. */
export type ChatCustomData = Record< string, string >;

/** Either side → server: typing started or stopped. */
export interface ChatTyping {
	typing: boolean;
}

/** Either side → server: everything up to this message id has been read. */
export interface ChatRead {
	up_to_id: number;
}

/** Client → server: send me the messages after this id (0 for all). */
export interface ChatSyncRequest {
	after_id: number;
}

/** Server → visitor: their open conversation (null when none) and the messages after the asked id. */
export interface VisitorChatSync {
	conversation: VisitorConversation | null;
	messages: ChatMessage[];
	/** True when more messages follow: ask again after the last id. */
	more: boolean;
}

/** Server → visitor: whether anyone can answer, and the conversation's state. */
export interface VisitorChatStatus {
	/** At least one agent with `livedesk_chat` is connected. */
	agents_online: boolean;
	conversation: VisitorConversation | null;
}

/** Server → visitor: typing on the agents' side. */
export interface VisitorTypingNotice {
	typing: boolean;
	agent_name: string;
}

/** Server → visitor: whether `chat:identify` was accepted. */
export interface IdentifyResult {
	verified: boolean;
	/** Why not, when not: `expired`, `bad_signature`, `invalid`. */
	reason?: 'expired' | 'bad_signature' | 'invalid';
}

/** Server → either side: the other side read up to this message. */
export interface ReadReceipt {
	conversation_id: string;
	by: 'visitor' | 'agent';
	up_to_id: number;
	at: string;
}

/** Server → agents: typing in a conversation. */
export interface AgentTypingNotice {
	conversation_id: string;
	author: 'visitor' | 'agent';
	/** The typing agent's user id (author `agent`), so a screen can ignore its own. */
	agent_id: number | null;
	agent_name: string;
	typing: boolean;
}

/** Agent → server: a conversation-scoped typing / read / archive request. */
export interface AgentConversationRef {
	conversation_id: string;
}

/** Agent → server: take the conversation (`me`) or hand it back (null). */
export interface AgentAssign extends AgentConversationRef {
	assignee: 'me' | null;
}

/** Server → agent: catch-up across every conversation. */
export interface AgentChatSync {
	messages: ChatMessage[];
	/** The current state of every conversation the returned messages belong to. */
	conversations: Conversation[];
	more: boolean;
}

/** Server → agent: the result of archive / assign. */
export type ConversationResult =
	{ ok: true; conversation: Conversation } | ChatFailure;

/**
 * Prefix of the message a playground token signs: the token is
 * base64url( HMAC-SHA256( secret, PLAYGROUND_SIGNATURE_CONTEXT + visitor id ) ),
 * keyed like visitor identities (`livedesk_secret`).
 */
export const PLAYGROUND_SIGNATURE_CONTEXT = 'livedesk-playground.v1.';
