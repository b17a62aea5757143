/**
 * Runs the built sidecar (dist/server.js) as a child process, the way an
 * operator or systemd would, and reads its JSON log lines.
 */

/**
 * External dependencies
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

const SIDECAR = path.join( __dirname, '..', '..' );

/** One pino log line. */
export interface LogLine {
	level: string;
	msg: string;
	[ key: string ]: unknown;
}

/** A running (or finished) sidecar process. */
export interface SidecarProcess {
	child: ChildProcess;
	lines: LogLine[];
	stdout: () => string;
	stderr: () => string;
	/** Exit code (null when killed by a signal). */
	exited: Promise< number | null >;
}

/** Builds dist/server.js from the current sources; esbuild takes ~100 ms. */
export function buildSidecar(): void {
	execFileSync( process.execPath, [ path.join( SIDECAR, 'build.mjs' ) ], {
		stdio: 'inherit',
	} );
}

/**
 * Starts `node dist/server.js` with only the given variables (plus PATH), so
 * the developer's own LIVEDESK_* settings cannot leak in.
 *
 * @param env LIVEDESK_* variables.
 */
export function spawnSidecar( env: Record< string, string > ): SidecarProcess {
	const child = spawn(
		process.execPath,
		[ path.join( SIDECAR, 'dist', 'server.js' ) ],
		{
			env: { PATH: process.env.PATH ?? '', ...env },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	let out = '';
	let err = '';
	const lines: LogLine[] = [];
	child.stdout?.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
		out += chunk;
		lines.splice(
			0,
			lines.length,
			...out
				.split( '\n' )
				.filter( Boolean )
				.map( ( l ) => JSON.parse( l ) as LogLine )
		);
	} );
	child.stderr?.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
		err += chunk;
	} );
	const exited = new Promise< number | null >( ( resolve ) =>
		child.once( 'close', ( code ) => resolve( code ) )
	);
	return { child, lines, stdout: () => out, stderr: () => err, exited };
}

/**
 * Resolves with the first log line with this message, or fails after a while.
 *
 * @param proc      The sidecar process.
 * @param msg       Log message to wait for.
 * @param timeoutMs How long to wait.
 */
export async function waitForLog(
	proc: SidecarProcess,
	msg: string,
	timeoutMs = 10_000
): Promise< LogLine > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const line = proc.lines.find( ( l ) => l.msg === msg );
		if ( line ) {
			return line;
		}
		if ( Date.now() > deadline || proc.child.exitCode !== null ) {
			throw new Error(
				`no "${ msg }" log line; stdout:\n${ proc.stdout() }\nstderr:\n${ proc.stderr() }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
	}
}

/**
 * Resolves with the exit code, or fails if the process outlives `timeoutMs`.
 *
 * @param proc      The sidecar process.
 * @param timeoutMs How long to wait.
 */
export async function exitCode(
	proc: SidecarProcess,
	timeoutMs: number
): Promise< number | null > {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise< never >( ( _resolve, reject ) => {
		timer = setTimeout(
			() =>
				reject( new Error( `still running after ${ timeoutMs } ms` ) ),
			timeoutMs
		);
	} );
	try {
		return await Promise.race( [ proc.exited, timeout ] );
	} finally {
		clearTimeout( timer );
	}
}
