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
	/** Called with a visitor id when a pin is clicked or activated by keyboard. */
	onSelect: ( id: string ) => void;
	/** The visitor shown in the details drawer, highlighted on the map. */
	selectedId: string | null;
}

/** Props of the totals card drawn over the map. */
export interface VisitorMapOverlayCardProps {
	counts: PresenceCounts | null;
}
