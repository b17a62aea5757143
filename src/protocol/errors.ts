import type { VisitorConnectErrorCode } from './visitor';

/**
 * Why the sidecar refused an `/agent` handshake; sent as `err.data.code` of
 * the client's `connect_error` so screens can react without parsing text.
 */
export type AgentAuthErrorCode =
	| 'token_missing'
	| 'token_malformed'
	| 'token_bad_signature'
	| 'token_expired'
	| 'token_missing_cap'
	| 'server_not_ready';

/** Any code a handshake refusal may carry, on either namespace. */
export type ConnectErrorCode = AgentAuthErrorCode | VisitorConnectErrorCode;

/** The `data` attached to a `connect_error` raised by sidecar middleware. */
export interface ConnectErrorData {
	code: ConnectErrorCode;
}

/**
 * Why the sidecar is about to end, or has refused, an established session:
 * `token_expired` (agent), `tracking_off` (visitor; the site turned tracking
 * off), `invalid_payload` (a refused event; the connection stays).
 */
export type SessionErrorCode =
	'token_expired' | 'tracking_off' | 'invalid_payload';

/** Payload of the server → client `session:error` event. */
export interface SessionError {
	code: SessionErrorCode;
	/** Human-readable English explanation, for logs and developer tools. */
	message: string;
}
