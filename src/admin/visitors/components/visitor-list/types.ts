/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';

/** Props of the virtualised visitor list. */
export interface VisitorListProps {
	/** Visitors in display order (the store: most recently connected first). */
	visitors: readonly PresenceVisitor[];
	/** The visitor whose details are open, or null. */
	selectedId: string | null;
	/** Opens a visitor's details (click, Enter or Space). */
	onSelect: ( id: string ) => void;
	/** Accessible name of the list; "Visitors" by default. */
	label?: string;
}

/** Props of one row. */
export interface VisitorRowProps {
	visitor: PresenceVisitor;
	/** DOM id, for `aria-activedescendant`. */
	id: string;
	/** 0-based position in the whole list. */
	index: number;
	/** Number of rows in the whole list. */
	count: number;
	selected: boolean;
	active: boolean;
}

/** Props of the status dot. */
export interface StatusDotProps {
	status: PresenceVisitor[ 'status' ];
}
