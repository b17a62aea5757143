/**
 * Internal dependencies
 */
import type { Logger } from './log';

/** Collaborators of the signal handler. */
export interface ShutdownDeps {
	/** Stops accepting, disconnects sockets, closes the pool. */
	close: () => Promise< void >;
	log: Logger;
	exit: ( code: number ) => void;
	/** Force exit after this long; 10 s in production. */
	timeoutMs: number;
}

/**
 * Builds the SIGTERM/SIGINT handler: the first signal shuts down gracefully
 * and exits 0; a second signal, a failure or the timeout exits 1 at once.
 *
 * @param deps Collaborators.
 */
export function createShutdown(
	deps: ShutdownDeps
): ( signal: string ) => void {
	const { log } = deps;
	let started = false;
	const exit = ( code: number ) => {
		log.flush();
		deps.exit( code );
	};
	return ( signal ) => {
		if ( started ) {
			log.warn( { signal }, 'second signal: forcing exit' );
			exit( 1 );
			return;
		}
		started = true;
		log.info( { signal }, 'shutting down' );
		// Not unref'd: a hung close must still end in a forced exit.
		const timer = setTimeout( () => {
			log.error(
				{ timeoutMs: deps.timeoutMs },
				'shutdown timed out: forcing exit'
			);
			exit( 1 );
		}, deps.timeoutMs );
		deps.close().then(
			() => {
				clearTimeout( timer );
				log.info( 'shutdown complete' );
				exit( 0 );
			},
			( error: unknown ) => {
				clearTimeout( timer );
				log.error( { err: error }, 'shutdown failed' );
				exit( 1 );
			}
		);
	};
}
