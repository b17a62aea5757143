/**
 * Internal dependencies
 */
import type { ConnectErrorCode, ConnectErrorData } from '../../../src/protocol';

/**
 * Error passed to socket.io middleware `next()`: the client receives it as
 * `connect_error` with this message and `data.code`.
 */
export class HandshakeError extends Error {
	readonly data: ConnectErrorData;

	constructor( code: ConnectErrorCode, message: string ) {
		super( message );
		this.name = 'HandshakeError';
		this.data = { code };
	}
}
