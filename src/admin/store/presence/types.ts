/**
 * Internal dependencies
 */
import type {
	PresenceCounts,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
} from '../../../protocol';
import type {
	ConnectionReason,
	ConnectionState,
	ConnectionStatus,
} from '../../live/types';

/** The listed visitors, two ways over the same objects. */
export interface VisitorsState {
	/** Visitors by id. */
	byId: ReadonlyMap< string, PresenceVisitor >;
	/** Most recently connected first (ties: by id); a new array only when something changed. */
	list: readonly PresenceVisitor[];
}

/** State of the `livedesk/presence` store. */
export interface PresenceState {
	visitors: VisitorsState;
	/** Totals from the sidecar; null until the first snapshot. */
	counts: PresenceCounts | null;
	connection: ConnectionState;
	/** The sidecar's clock minus this browser's, in ms, as of the last message. */
	serverOffset: number;
}

/** Every action the store's reducer handles. */
export type PresenceAction =
	| {
			type: 'RECEIVE_PRESENCE_SNAPSHOT';
			snapshot: PresenceSnapshot;
			/** `Date.now()` when the snapshot arrived. */
			receivedAt: number;
	  }
	| {
			type: 'RECEIVE_PRESENCE_UPDATE';
			update: PresenceUpdate;
			/** `Date.now()` when the update arrived. */
			receivedAt: number;
	  }
	| {
			type: 'SET_CONNECTION_STATUS';
			status: ConnectionStatus;
			reason: ConnectionReason | null;
	  };
