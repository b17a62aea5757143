/**
 * Internal dependencies
 */
import type { Conversation } from '../../../protocol';
import type { ThreadItem } from '../../store/chat/selectors';
import type {
	MessagesState,
	ReadMarks,
	TypingEntry,
} from '../../store/chat/types';

/** Props of the conversation pane. */
export interface ConversationPaneProps {
	conversation: Conversation;
	/** What the conversation is called ("Visitor 3", a name…). */
	label: string;
	thread: readonly ThreadItem[];
	messages: MessagesState;
	typing: readonly TypingEntry[];
	reads: ReadMarks;
	/** Whether the agent may reply (`livedesk_chat`). */
	canChat: boolean;
	/** Whether the live connection is down (replies go over REST). */
	offline: boolean;
	/** The current agent's user id, or null when unknown. */
	userId: number | null;
	onSend: ( body: string ) => void;
	onTyping: ( typing: boolean ) => void;
	onRetry: ( clientId: string ) => void;
	onDiscard: ( clientId: string ) => void;
	onReloadMessages: () => void;
}

/** Props of one entry of the thread. */
export interface ThreadEntryProps {
	entry: ThreadItem;
	label: string;
	reads: ReadMarks;
	userId: number | null;
	onRetry: ( clientId: string ) => void;
	onDiscard: ( clientId: string ) => void;
}
