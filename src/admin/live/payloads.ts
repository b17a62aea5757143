/**
 * Shape checks of what the sidecar pushes, so a malformed message (a sidecar
 * of another version, a proxy's error page) is dropped at the edge instead of
 * breaking the store. The sidecar is trusted for the details.
 */

/**
 * Internal dependencies
 */
import type { PresenceSnapshot, PresenceUpdate } from '../../protocol';

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

// The fields the store relies on: the id to key by, connectedAt to order by.
function isVisitorLike( value: unknown ): boolean {
	return (
		isRecord( value ) &&
		typeof value.id === 'string' &&
		Number.isFinite( value.connectedAt )
	);
}

/**
 * Whether a `presence:snapshot` payload has the snapshot shape.
 *
 * @param value The received payload.
 */
export function isPresenceSnapshot(
	value: unknown
): value is PresenceSnapshot {
	return (
		isRecord( value ) &&
		Array.isArray( value.visitors ) &&
		value.visitors.every( isVisitorLike ) &&
		isRecord( value.counts ) &&
		Number.isFinite( value.serverTime )
	);
}

/**
 * Whether a `presence:update` payload has the update shape.
 *
 * @param value The received payload.
 */
export function isPresenceUpdate( value: unknown ): value is PresenceUpdate {
	return (
		isRecord( value ) &&
		Array.isArray( value.upserts ) &&
		value.upserts.every( isVisitorLike ) &&
		Array.isArray( value.removals ) &&
		value.removals.every( ( id ) => typeof id === 'string' ) &&
		isRecord( value.counts ) &&
		Number.isFinite( value.serverTime )
	);
}
