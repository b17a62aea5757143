/**
 * Internal dependencies
 */
import type { Conversation, PresenceVisitor } from '../../../protocol';
import type { ActionStatus } from '../../store/chat/types';

/** Props of the visitor panel. */
export interface VisitorPanelProps {
	conversation: Conversation;
	/** The visitor's live entry on the map, when listed. */
	visitor: PresenceVisitor | null;
	/** What the conversation is called. */
	label: string;
	/** Whether the agent may archive and assign (`livedesk_chat`). */
	canChat: boolean;
	/** The current agent's user id, or null when unknown. */
	userId: number | null;
	/** An archive / assign request in flight or failed. */
	action: ActionStatus | null;
	onArchive: () => void;
	onAssign: ( assignee: 'me' | null ) => void;
	/** Current time (ms), for the visitor's local time. */
	now: number;
}

/** Props of the details popover. */
export interface VisitorInfoProps {
	conversation: Conversation;
	visitor: PresenceVisitor | null;
	now: number;
}
