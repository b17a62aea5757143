/**
 * Shapes shared by the admin's live connection and the presence store.
 */

/**
 * Where the admin's live connection stands:
 * - `connecting`: the first attempt is under way (nothing shown is live yet);
 * - `live`: connected; presence arrives as it happens;
 * - `reconnecting`: a live connection was lost and is being re-established;
 * - `offline`: not connected, after repeated failures or a refusal; see the reason.
 */
export type ConnectionStatus =
	'connecting' | 'live' | 'reconnecting' | 'offline';

/** Which step failed: the REST token call, the sidecar, the network, or this client. */
export type ConnectionReasonSource = 'token' | 'sidecar' | 'network' | 'client';

/** Why the connection is not live, for a screen to explain (and log). */
export interface ConnectionReason {
	source: ConnectionReasonSource;
	/**
	 * Machine code. `token`: the REST error code (`rest_forbidden`,
	 * `livedesk_no_secret`, `fetch_error`, ...). `sidecar`: a handshake refusal
	 * (`server_not_ready`, `token_missing_cap`, `token_expired`, ...) or
	 * `server_disconnect`. `network`: `unreachable` or `connection_lost`.
	 * `client`: `no_sidecar_url` or `closed`.
	 */
	code: string;
	/** English detail from the server or the transport; for logs, not for display. */
	message: string;
	/** HTTP status of a failed token request, else null. */
	httpStatus: number | null;
	/** Whether the connection keeps trying by itself; false needs the user (or a reload). */
	retrying: boolean;
}

/** The connection's status and, unless live or connecting, why. */
export interface ConnectionState {
	status: ConnectionStatus;
	reason: ConnectionReason | null;
}

/** A token minted by WordPress for the sidecar's `/agent` namespace. */
export interface AgentTokenGrant {
	/** The signed token, passed as `auth.token`. */
	token: string;
	/** Seconds the token is valid from when it was received (the server's `expires_in`). */
	expiresIn: number;
	/** The sidecar URL WordPress says to connect to ('' when it did not say). */
	sidecarUrl: string;
}
