/**
 * Internal dependencies
 */
import type {
	AgentTypingNotice,
	ChatErrorCode,
	ChatMessage,
	Conversation,
	ConversationStatus,
	ReadReceipt,
} from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import type { RequestError } from '../settings/types';

export type { RequestError };

/** Where a request stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** One page-by-page listing of conversations: a tab, optionally searched. */
export interface ConversationQuery {
	status: ConversationStatus;
	/** Trimmed search text; '' lists everything of the status. */
	search: string;
}

/** What the server answered for a query so far. */
export interface ListState {
	/** Ids in the server's order (newest activity first), every page loaded so far. */
	ids: string[];
	/** Pages loaded (0 before the first answer). */
	page: number;
	/** Whether the server has more pages. */
	hasMore: boolean;
	status: LoadStatus;
	error: RequestError | null;
}

/** A conversation's stored messages, as far as this screen has them. */
export interface MessagesState {
	/** Ordered by id, each id once. */
	list: ChatMessage[];
	status: LoadStatus;
	error: RequestError | null;
}

/** Why an outbox message was not stored. */
export interface SendFailure {
	code: ChatErrorCode | string;
	message: string;
}

/**
 * A message the agent wrote that the server has not acknowledged yet. It keeps
 * its `client_id` through every retry, so the server stores it once.
 */
export interface OutboxItem {
	client_id: string;
	conversation_id: string;
	body: string;
	/** When the agent sent it (ISO 8601), for display. */
	queued_at: string;
	/**
	 * `queued`: waiting its turn or a retry; `sending`: a request is out;
	 * `failed`: refused for good (shown with Retry / Discard), skipped by the queue.
	 */
	state: 'queued' | 'sending' | 'failed';
	attempts: number;
	/** The last refusal or transport failure, if any. */
	error: SendFailure | null;
}

/** Someone typing in a conversation. */
export interface TypingEntry {
	author: AgentTypingNotice[ 'author' ];
	/** The agent's name ('' for the visitor). */
	name: string;
	/** When the notice arrived (ms), so a lost "stopped" expires. */
	at: number;
}

/** The highest message id each side has read, per conversation. */
export interface ReadMarks {
	visitor: number;
	agent: number;
}

/** A per-conversation request (archive, assign) in flight or failed. */
export type ActionStatus =
	| { status: 'pending'; action: 'archive' | 'assign' }
	| { status: 'error'; action: 'archive' | 'assign'; error: RequestError };

/** How the visitor may be asked for an e-mail address before chatting. */
export const EMAIL_CAPTURE_MODES = [ 'off', 'optional', 'required' ] as const;

/** One of EMAIL_CAPTURE_MODES. */
export type EmailCaptureMode = ( typeof EMAIL_CAPTURE_MODES )[ number ];

/** Where the launcher sits on the page. */
export type ChatPosition = 'right' | 'left';

/** The chat options of `GET livedesk/v1/settings` (docs/chat.md "Settings"). */
export interface ChatSettings {
	chat_enabled: boolean;
	/** `#rrggbb`. */
	chat_color: string;
	chat_position: ChatPosition;
	chat_greeting: string;
	chat_email_capture: EmailCaptureMode;
	chat_require_verified: boolean;
	chat_offline_email: string;
	/** 64 hex characters; '' when the user may not see it (no `livedesk_manage`). */
	identity_secret: string;
}

/** The chat options a `POST livedesk/v1/settings` may change. */
export type ChatSettingsChanges = Partial<
	Omit< ChatSettings, 'identity_secret' >
>;

/** The chat settings as loaded and saved by this store. */
export interface ChatSettingsState {
	values: ChatSettings | null;
	status: LoadStatus;
	error: RequestError | null;
	/** The latest save (or secret regeneration). */
	save:
		| { status: 'idle' }
		| { status: 'saving'; changes: ChatSettingsChanges | 'secret' }
		| { status: 'saved'; changes: ChatSettingsChanges | 'secret' }
		| {
				status: 'error';
				changes: ChatSettingsChanges | 'secret';
				error: RequestError;
		  };
}

/** State of the `livedesk/chat` store. */
export interface ChatState {
	/** Every conversation the screen has heard of, by public id. */
	conversations: Record< string, Conversation >;
	/** Loaded listings, by queryKey(). */
	lists: Record< string, ListState >;
	/** Loaded messages, by conversation id. */
	messages: Record< string, MessagesState >;
	/** Unacknowledged messages, oldest first (sent one at a time in this order). */
	outbox: OutboxItem[];
	/** Who is typing, by conversation id, then by `visitor` or `agent:<id>`. */
	typing: Record< string, Record< string, TypingEntry > >;
	/** Read receipts, by conversation id. */
	reads: Record< string, ReadMarks >;
	/**
	 * The highest message id delivered by the live connection (pushes and
	 * catch-up answers): where the next `chat:sync` starts. REST answers do
	 * not move it, so a message only REST saw is still caught up.
	 */
	cursor: number;
	/** The highest message id seen anywhere (REST included): the start of a first catch-up. */
	seen: number;
	connection: ConnectionState;
	/** Archive / assign requests, by conversation id. */
	actions: Record< string, ActionStatus >;
	settings: ChatSettingsState;
}

/** Every action the store's reducer handles. */
export type ChatAction =
	| {
			type: 'RECEIVE_CONVERSATIONS';
			conversations: Conversation[];
			/** Whether they came over the live connection (not REST). */
			live: boolean;
	  }
	| { type: 'FETCH_LIST_START'; key: string; page: number }
	| {
			type: 'RECEIVE_LIST';
			key: string;
			page: number;
			ids: string[];
			hasMore: boolean;
	  }
	| { type: 'RECEIVE_LIST_ERROR'; key: string; error: RequestError }
	| { type: 'FETCH_MESSAGES_START'; conversationId: string }
	| {
			type: 'RECEIVE_MESSAGES';
			messages: ChatMessage[];
			/** Set when these complete a history load of one conversation. */
			conversationId?: string;
			live: boolean;
	  }
	| {
			type: 'RECEIVE_MESSAGES_ERROR';
			conversationId: string;
			error: RequestError;
	  }
	| { type: 'QUEUE_MESSAGE'; item: OutboxItem }
	| { type: 'SENDING_MESSAGE'; clientId: string }
	| {
			type: 'SEND_MESSAGE_FAILED';
			clientId: string;
			error: SendFailure;
			/** false: refused for good (the item is kept as `failed`). */
			retryable: boolean;
	  }
	| { type: 'RETRY_MESSAGE'; clientId: string }
	| { type: 'DISCARD_MESSAGE'; clientId: string }
	| { type: 'RECEIVE_TYPING'; notice: AgentTypingNotice; at: number }
	| { type: 'EXPIRE_TYPING'; before: number }
	| { type: 'RECEIVE_READ'; receipt: ReadReceipt }
	| { type: 'MARK_READ'; conversationId: string; upToId: number }
	| { type: 'SET_CHAT_CONNECTION'; connection: ConnectionState }
	| {
			type: 'CONVERSATION_ACTION_START';
			conversationId: string;
			action: 'archive' | 'assign';
	  }
	| {
			type: 'CONVERSATION_ACTION_DONE';
			conversationId: string;
			error: RequestError | null;
			action: 'archive' | 'assign';
	  }
	| { type: 'FETCH_CHAT_SETTINGS_START' }
	| { type: 'RECEIVE_CHAT_SETTINGS'; settings: ChatSettings }
	| { type: 'RECEIVE_CHAT_SETTINGS_ERROR'; error: RequestError }
	| {
			type: 'SAVE_CHAT_SETTINGS_START';
			changes: ChatSettingsChanges | 'secret';
	  }
	| {
			type: 'SAVE_CHAT_SETTINGS_DONE';
			changes: ChatSettingsChanges | 'secret';
			settings: ChatSettings | null;
			error: RequestError | null;
	  }
	| { type: 'CLEAR_CHAT_SETTINGS_SAVE' };

/** What thunks and resolvers of this store receive (only what they use). */
export interface ChatThunkArgs {
	dispatch: ( action: ChatAction ) => unknown;
	select: {
		getOutbox: () => readonly OutboxItem[];
		getConversation: ( id: string ) => Conversation | null;
		getMessagesState: ( id: string ) => MessagesState;
		getListState: ( query: ConversationQuery ) => ListState;
		getChatSettings: () => ChatSettings | null;
	};
}
