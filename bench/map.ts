/**
 * Entry of the map benchmark, bundled by bench/build.mjs and run by
 * `bin/bench map` against the benchmark stack it started. In a worker thread
 * the same bundle is the agent that watches the ramp-up.
 *
 *     node map.js --check [options]       validate the options; print how
 *                                         many sockets the run opens
 *     node map.js [options]               run; the report goes to stdout
 *     node map.js --screenshot PATH       the screenshot for docs/ instead
 *
 * The stack comes from the environment: `.stack/bench/env` (site and sidecar
 * URLs, database, logins) plus BENCH_SIDECAR_PID, BENCH_DB_PID,
 * BENCH_CLK_TCK, BENCH_REVISION and BENCH_SIDECAR_NODE_OPTIONS from bin/bench.
 */

/**
 * External dependencies
 */
import { resolve } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';

/**
 * Internal dependencies
 */
import { runAgentWorker } from './presence/agent';
import type { AgentWorkerData } from './presence/agent';
import { parseMapCommand } from './map/options';
import { mapReport } from './map/report';
import { runMapBench } from './map/run';
import type { MapTarget } from './map/types';
import { CROWD, takeScreenshot } from './map/screenshot';

/** Over-cap visitors the baseline adds (see map/run.ts), plus the agent. */
const EXTRA_SOCKETS = 101;

function say( line: string ): void {
	process.stderr.write( `==> ${ line }\n` );
}

function required( name: string ): string {
	const value = process.env[ name ];
	if ( ! value ) {
		throw new Error( `${ name } is not set (bin/bench sets it)` );
	}
	return value;
}

function pid( name: string ): number {
	const value = Number( required( name ) );
	if ( ! Number.isSafeInteger( value ) || value < 1 ) {
		throw new Error( `${ name } must be a process id` );
	}
	return value;
}

function targetFromEnv(): MapTarget {
	return {
		sidecarUrl: required( 'LIVEDESK_SIDECAR_URL' ),
		siteUrl: required( 'LIVEDESK_SITE_URL' ),
		admin: {
			user: required( 'LIVEDESK_ADMIN_USER' ),
			password: required( 'LIVEDESK_ADMIN_PASSWORD' ),
		},
		traceDir: process.env.LIVEDESK_STACK_DIR ?? null,
		sidecarPid: pid( 'BENCH_SIDECAR_PID' ),
		dbPid: process.env.BENCH_DB_PID ? pid( 'BENCH_DB_PID' ) : null,
		ticksPerSecond: Number( process.env.BENCH_CLK_TCK ?? 100 ) || 100,
		script: __filename,
		env: process.env,
	};
}

async function main( args: string[] ): Promise< number > {
	const check = args[ 0 ] === '--check';
	const command = parseMapCommand( check ? args.slice( 1 ) : args );
	if ( typeof command === 'string' ) {
		process.stderr.write(
			`bin/bench map: ${ command } (see bin/bench --help)\n`
		);
		return 2;
	}
	if ( check ) {
		const sockets =
			command.mode === 'bench'
				? command.options.visitors + EXTRA_SOCKETS
				: CROWD + 2;
		process.stdout.write( `${ sockets }\n` );
		return 0;
	}
	const target = targetFromEnv();
	if ( command.mode === 'screenshot' ) {
		await takeScreenshot( target, resolve( command.path ), say );
		return 0;
	}
	const startedAt = new Date();
	const result = await runMapBench(
		command.options,
		command.profile,
		target,
		say
	);
	const report = mapReport( command.options, result, {
		sidecarUrl: target.sidecarUrl,
		sidecarPid: target.sidecarPid,
		stackDir: process.env.LIVEDESK_STACK_DIR ?? '',
		revision: process.env.BENCH_REVISION ?? '',
		sidecarNodeOptions: process.env.BENCH_SIDECAR_NODE_OPTIONS ?? '',
		startedAt,
	} );
	process.stdout.write( report.join( '\n' ) + '\n' );
	return 0;
}

if ( isMainThread ) {
	main( process.argv.slice( 2 ) ).then(
		( code ) => process.exit( code ),
		( error: unknown ) => {
			process.stderr.write(
				`bin/bench map: ${
					error instanceof Error ? error.message : String( error )
				}\n`
			);
			process.exit( 1 );
		}
	);
} else {
	runAgentWorker( workerData as AgentWorkerData );
}
