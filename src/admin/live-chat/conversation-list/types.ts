/**
 * Internal dependencies
 */
import type { Conversation, ConversationStatus } from '../../../protocol';
import type { ListState } from '../../store/chat/types';

/** Props of the conversation list. */
export interface ConversationListProps {
	/** The tab shown. */
	status: ConversationStatus;
	onStatusChange: ( status: ConversationStatus ) => void;
	/** The search field's text (sent to the server after a pause). */
	search: string;
	onSearchChange: ( search: string ) => void;
	/** The conversations to show, latest activity first. */
	conversations: readonly Conversation[];
	/** Where the listing's loading stands. */
	list: ListState;
	/** Unread messages over all open conversations (on the Open tab). */
	unreadTotal: number;
	selectedId: string | null;
	onSelect: ( id: string ) => void;
	onLoadMore: () => void;
	onRetry: () => void;
	/** What a conversation is called ("Visitor 3", a name…). */
	labelOf: ( conversation: Conversation ) => string;
	/** Conversations someone is typing in. */
	typingIn: ReadonlySet< string >;
	/** Current time (ms), for "today" in times. */
	now: number;
}

/** Props of one row. */
export interface ConversationItemProps {
	conversation: Conversation;
	label: string;
	selected: boolean;
	typing: boolean;
	now: number;
	onSelect: ( id: string ) => void;
}
