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

/** The `data` attached to a `connect_error` raised by sidecar middleware. */
export interface ConnectErrorData {
	code: AgentAuthErrorCode;
}

/** Why the sidecar is about to end, or has refused, an established session. */
export type SessionErrorCode = 'token_expired';

/** Payload of the server → client `session:error` event. */
export interface SessionError {
	code: SessionErrorCode;
	/** Human-readable English explanation, for logs and developer tools. */
	message: string;
}
