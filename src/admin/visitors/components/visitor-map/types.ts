/**
 * Internal dependencies
 */
import type { PresenceCounts, PresenceVisitor } from '../../../../protocol';

/** Props of the live world map of the Visitors screen. */
export interface VisitorMapProps {
	/** Visitors to plot (already filtered); those without coordinates are skipped. */
	visitors: readonly PresenceVisitor[];
	/** Totals for the overlay card, or null before the first snapshot. */
	counts: PresenceCounts | null;
	/**
	 * Called with a visitor id when a one-visitor pin is clicked or activated
	 * by keyboard, or a visitor is chosen from a group pin's list.
	 */
	onSelect: ( id: string ) => void;
	/** The visitor shown in the details drawer, highlighted on the map. */
	selectedId: string | null;
}

/** Props of the totals card drawn over the map. */
export interface VisitorMapOverlayCardProps {
	counts: PresenceCounts | null;
}

/** What a chooser is anchored to: a pin, or a point on the canvas. */
export type ChooserAnchor =
	| Element
	| {
			getBoundingClientRect: () => DOMRect;
			ownerDocument?: Document;
	  };

/** Props of the list of visitors at a pin or cluster. */
export interface GroupChooserProps {
	anchor: ChooserAnchor;
	/** Names the list, e.g. "Paris, France: 3 visitors". */
	title: string;
	/** The visitors there, most recently connected first. */
	visitors: readonly PresenceVisitor[];
	selectedId: string | null;
	/** Show each visitor's place (when the list spans several places). */
	showPlace: boolean;
	onChoose: ( id: string ) => void;
	onClose: () => void;
}
