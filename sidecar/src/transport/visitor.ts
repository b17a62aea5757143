/**
 * The `/visitor` namespace. Connections are accepted and logged; the visitor
 * protocol (token, presence, chat) arrives with its own issue.
 */

/**
 * Internal dependencies
 */
import type { Logger } from '../log';
import type { VisitorNamespace } from './types';

/**
 * Installs connection handling on `/visitor`.
 *
 * @param nsp The `/visitor` namespace.
 * @param log Logger.
 */
export function setupVisitorNamespace(
	nsp: VisitorNamespace,
	log: Logger
): void {
	nsp.on( 'connection', ( socket ) => {
		log.debug( { socketId: socket.id }, 'visitor connected' );
		socket.on( 'disconnect', ( reason ) => {
			log.debug(
				{ socketId: socket.id, reason },
				'visitor disconnected'
			);
		} );
	} );
}
