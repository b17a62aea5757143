/**
 * WordPress dependencies
 */
import { combineReducers } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { sameCounts } from '../../../protocol';
import type { PresenceCounts } from '../../../protocol';
import type { ConnectionState } from '../../live/types';
import type { PresenceAction, PresenceState, VisitorsState } from './types';
import {
	applyVisitorChanges,
	NO_VISITORS,
	visitorsFromSnapshot,
} from './visitors';

/**
 * The listed visitors: replaced by a snapshot, changed by updates.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function visitors(
	state: VisitorsState = NO_VISITORS,
	action: PresenceAction
): VisitorsState {
	switch ( action.type ) {
		case 'RECEIVE_PRESENCE_SNAPSHOT':
			return visitorsFromSnapshot( action.snapshot.visitors );
		case 'RECEIVE_PRESENCE_UPDATE':
			return applyVisitorChanges(
				state,
				action.update.upserts,
				action.update.removals
			);
		default:
			return state;
	}
}

/**
 * The sidecar's totals, as of its last message (kept as is when equal).
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function counts(
	state: PresenceCounts | null = null,
	action: PresenceAction
): PresenceCounts | null {
	let next: PresenceCounts;
	switch ( action.type ) {
		case 'RECEIVE_PRESENCE_SNAPSHOT':
			next = action.snapshot.counts;
			break;
		case 'RECEIVE_PRESENCE_UPDATE':
			next = action.update.counts;
			break;
		default:
			return state;
	}
	return state !== null && sameCounts( state, next ) ? state : next;
}

const CONNECTING: ConnectionState = { status: 'connecting', reason: null };

/**
 * The live connection's status and why it is not live.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function connection(
	state: ConnectionState = CONNECTING,
	action: PresenceAction
): ConnectionState {
	if ( action.type !== 'SET_CONNECTION_STATUS' ) {
		return state;
	}
	if ( action.status === state.status && action.reason === state.reason ) {
		return state;
	}
	return { status: action.status, reason: action.reason };
}

/**
 * The sidecar's clock minus this browser's when the last message arrived.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function serverOffset(
	state: number = 0,
	action: PresenceAction
): number {
	switch ( action.type ) {
		case 'RECEIVE_PRESENCE_SNAPSHOT':
			return action.snapshot.serverTime - action.receivedAt;
		case 'RECEIVE_PRESENCE_UPDATE':
			return action.update.serverTime - action.receivedAt;
		default:
			return state;
	}
}

/** The `livedesk/presence` store's reducer. */
const reducer: (
	state: PresenceState | undefined,
	action: PresenceAction
) => PresenceState = combineReducers( {
	visitors,
	counts,
	connection,
	serverOffset,
} );

export default reducer;
