/**
 * Internal dependencies
 */
import type { PresenceCounts, PresenceVisitor } from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import type { PresenceState } from './types';

/**
 * The listed visitors, most recently connected first. The same array until a
 * visitor changes, so it can be compared by reference.
 *
 * @param state Store state.
 */
export function getVisitors(
	state: PresenceState
): readonly PresenceVisitor[] {
	return state.visitors.list;
}

/**
 * One listed visitor, or null.
 *
 * @param state Store state.
 * @param id    Visitor id.
 */
export function getVisitor(
	state: PresenceState,
	id: string
): PresenceVisitor | null {
	return state.visitors.byId.get( id ) ?? null;
}

/**
 * The sidecar's totals (live, online, chatting, offline, over cap, cap), or
 * null before the first snapshot.
 *
 * @param state Store state.
 */
export function getCounts( state: PresenceState ): PresenceCounts | null {
	return state.counts;
}

/**
 * The live connection's status and, when not live, why.
 *
 * @param state Store state.
 */
export function getConnection( state: PresenceState ): ConnectionState {
	return state.connection;
}

/**
 * Milliseconds to add to `Date.now()` to get the sidecar's time, so "time on
 * page" (from `page.since`) ticks by the sidecar's clock.
 *
 * @param state Store state.
 */
export function getServerOffset( state: PresenceState ): number {
	return state.serverOffset;
}
