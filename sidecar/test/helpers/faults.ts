/**
 * Faults for the delivery tests: a free port for a sidecar that is killed and
 * started again on the same address, and stopping / starting the test stack's
 * own MariaDB the way bin/lib/stack.sh does (only the stack named by
 * LIVEDESK_STACK_DIR, which bin/test sets).
 */

/**
 * External dependencies
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The repository root (bin/lib/stack.sh lives there). */
const ROOT = path.join( __dirname, '..', '..', '..' );

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		const server = createServer();
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

function stackArgs(): string[] {
	const dir = process.env.LIVEDESK_STACK_DIR;
	const site = process.env.LIVEDESK_SITE_URL;
	const sidecar = process.env.LIVEDESK_SIDECAR_URL;
	if ( ! dir || ! site || ! sidecar ) {
		throw new Error(
			'restarting MariaDB needs LIVEDESK_STACK_DIR, LIVEDESK_SITE_URL and LIVEDESK_SIDECAR_URL (bin/test sets them)'
		);
	}
	return [
		path.basename( dir ),
		new URL( site ).port,
		new URL( sidecar ).port,
		dir,
	];
}

function stack( step: string ): Promise< string > {
	// ld_stack_init must name the very stack the tests run on.
	const script = `. bin/lib/stack.sh && ld_stack_init "$1" "$2" "$3" && [ "$LD_DIR" = "$4" ] || { echo "not the test stack: $LD_DIR" >&2; exit 1; }; ${ step }`;
	return new Promise( ( resolve, reject ) => {
		execFile(
			'bash',
			[ '-c', script, 'stack', ...stackArgs() ],
			{ cwd: ROOT, timeout: 60_000 },
			( error, stdout, stderr ) => {
				if ( error ) {
					reject(
						new Error(
							`${ step } failed: ${ error.message }\n${ stderr }`
						)
					);
					return;
				}
				resolve( stdout );
			}
		);
	} );
}

/** Stops the test stack's MariaDB (SIGTERM, as bin/test does) and waits for it. */
export function stopDatabase(): Promise< string > {
	return stack( 'ld_stop_pidfile MariaDB "$LD_DIR/mysqld.pid"' );
}

/** Starts the test stack's MariaDB again and waits until it answers. */
export function startDatabase(): Promise< string > {
	return stack( 'ld_db_start' );
}

/**
 * Runs `work` until it succeeds (a pool's first query after a database
 * restart may meet a dead connection).
 *
 * @param work      What to run.
 * @param timeoutMs How long to keep trying.
 */
export async function retrying< T >(
	work: () => Promise< T >,
	timeoutMs = 10_000
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await work();
		} catch ( error ) {
			if ( Date.now() > deadline ) {
				throw error;
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
		}
	}
}
