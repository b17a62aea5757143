/**
 * Internal dependencies
 */
import type { VisitorHistoryEntry, VisitorHistoryState } from './types';

const IDLE: VisitorHistoryEntry = { status: 'idle' };

/**
 * A visitor's history and whether it is loading or failed; selecting it
 * loads it the first time (then it is cached per id).
 *
 * @param state Store state.
 * @param id    Visitor id.
 */
export function getHistory(
	state: VisitorHistoryState,
	id: string
): VisitorHistoryEntry {
	return state.byId[ id ] ?? IDLE;
}
