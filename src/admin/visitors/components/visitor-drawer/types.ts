/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';
import type { VisitorHistoryEntry } from '../../../store/visitor-history/types';

/** Props of the visitor details drawer. */
export interface VisitorDrawerProps {
	visitor: PresenceVisitor;
	/** Sidecar clock minus this browser's (`getServerOffset` of the presence store). */
	serverOffset: number;
	/** The visitor's stored history (`getHistory( id )` of `livedesk/visitor-history`). */
	history: VisitorHistoryEntry;
	/** Whether the user may reply to chats (`livedesk_chat`). */
	canChat: boolean;
	/** Opens the visitor's conversation in Live Chat. */
	onOpenChat: ( id: string ) => void;
	/** Closes the drawer (close button or Escape). */
	onClose: () => void;
}
