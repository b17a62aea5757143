/**
 * Internal dependencies
 */
import type { PresenceSnapshot, PresenceUpdate } from '../../../protocol';
import type { ConnectionReason, ConnectionStatus } from '../../live/types';
import type { PresenceAction } from './types';

/**
 * Replaces everything with a snapshot (sent by the sidecar on each connect).
 *
 * @param snapshot   The snapshot.
 * @param receivedAt When it arrived (this browser's clock, ms).
 */
export function receiveSnapshot(
	snapshot: PresenceSnapshot,
	receivedAt: number = Date.now()
): PresenceAction {
	return { type: 'RECEIVE_PRESENCE_SNAPSHOT', snapshot, receivedAt };
}

/**
 * Applies an update: upserts replace entries by id, removals of unknown ids are ignored.
 *
 * @param update     The update.
 * @param receivedAt When it arrived (this browser's clock, ms).
 */
export function receiveUpdate(
	update: PresenceUpdate,
	receivedAt: number = Date.now()
): PresenceAction {
	return { type: 'RECEIVE_PRESENCE_UPDATE', update, receivedAt };
}

/**
 * Records where the live connection stands.
 *
 * @param status The status.
 * @param reason Why it is not live, if known.
 */
export function setConnectionStatus(
	status: ConnectionStatus,
	reason: ConnectionReason | null = null
): PresenceAction {
	return { type: 'SET_CONNECTION_STATUS', status, reason };
}
