/**
 * Shape checks of what the sidecar pushes, so a malformed message (a sidecar
 * of another version, a proxy's error page) is dropped at the edge instead of
 * breaking the store. The sidecar is trusted for the details.
 */

/**
 * Internal dependencies
 */
import type {
	AgentTypingNotice,
	ChatMessage,
	Conversation,
	PresenceSnapshot,
	PresenceUpdate,
	ReadReceipt,
} from '../../protocol';

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

const AUTHORS: ReadonlySet< unknown > = new Set( [
	'visitor',
	'agent',
	'system',
] );
const STATUSES: ReadonlySet< unknown > = new Set( [ 'open', 'archived' ] );
const SOURCES: ReadonlySet< unknown > = new Set( [
	'widget',
	'api',
	'playground',
] );

function isPositiveId( value: unknown ): value is number {
	return Number.isSafeInteger( value ) && ( value as number ) > 0;
}

/**
 * Whether a `chat:message` payload has the message shape the chat store keys,
 * orders and shows messages by.
 *
 * @param value The received payload.
 */
export function isChatMessage( value: unknown ): value is ChatMessage {
	return (
		isRecord( value ) &&
		isPositiveId( value.id ) &&
		typeof value.conversation_id === 'string' &&
		typeof value.client_id === 'string' &&
		AUTHORS.has( value.author ) &&
		typeof value.body === 'string' &&
		typeof value.created_at === 'string'
	);
}

/**
 * Whether a `chat:conversation` payload has the conversation shape the chat
 * store lists and shows.
 *
 * @param value The received payload.
 */
export function isConversation( value: unknown ): value is Conversation {
	return (
		isRecord( value ) &&
		typeof value.id === 'string' &&
		STATUSES.has( value.status ) &&
		SOURCES.has( value.source ) &&
		typeof value.name === 'string' &&
		typeof value.created_at === 'string' &&
		Number.isFinite( value.unread_count ) &&
		isRecord( value.visitor )
	);
}

/**
 * Whether a `chat:typing` payload (agents' side) has the notice shape.
 *
 * @param value The received payload.
 */
export function isAgentTypingNotice(
	value: unknown
): value is AgentTypingNotice {
	return (
		isRecord( value ) &&
		typeof value.conversation_id === 'string' &&
		( value.author === 'visitor' || value.author === 'agent' ) &&
		typeof value.typing === 'boolean'
	);
}

/**
 * Whether a `chat:read` payload has the read-receipt shape.
 *
 * @param value The received payload.
 */
export function isReadReceipt( value: unknown ): value is ReadReceipt {
	return (
		isRecord( value ) &&
		typeof value.conversation_id === 'string' &&
		( value.by === 'visitor' || value.by === 'agent' ) &&
		Number.isSafeInteger( value.up_to_id )
	);
}
