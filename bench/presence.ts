/**
 * Entry of the presence load generator, bundled by bench/build.mjs and run by
 * `bin/bench presence` against the benchmark stack it started. In a worker
 * thread the same bundle is the measuring agent.
 *
 *     node presence.js --check [options]   validate the options; print how
 *                                          many sockets the run opens
 *     node presence.js [options]           run; the report goes to stdout
 *
 * The stack comes from the environment: `.stack/bench/env` (sidecar and site
 * URLs, database) plus BENCH_SIDECAR_PID, BENCH_DB_PID, BENCH_CLK_TCK,
 * BENCH_REVISION and BENCH_SIDECAR_NODE_OPTIONS from bin/bench.
 */

/**
 * External dependencies
 */
import { isMainThread, workerData } from 'node:worker_threads';

/**
 * Internal dependencies
 */
import { runAgentWorker } from './presence/agent';
import type { AgentWorkerData } from './presence/agent';
import { parsePresenceOptions } from './presence/options';
import { presenceReport } from './presence/report';
import { runPresenceBench } from './presence/run';
import type { PresenceTarget } from './presence/run';

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

function targetFromEnv(): PresenceTarget {
	return {
		sidecarUrl: required( 'LIVEDESK_SIDECAR_URL' ),
		siteUrl: required( 'LIVEDESK_SITE_URL' ),
		sidecarPid: pid( 'BENCH_SIDECAR_PID' ),
		dbPid: process.env.BENCH_DB_PID ? pid( 'BENCH_DB_PID' ) : null,
		ticksPerSecond: Number( process.env.BENCH_CLK_TCK ?? 100 ) || 100,
		script: __filename,
		env: process.env,
	};
}

async function main( args: string[] ): Promise< number > {
	const check = args[ 0 ] === '--check';
	const options = parsePresenceOptions( check ? args.slice( 1 ) : args );
	if ( typeof options === 'string' ) {
		process.stderr.write(
			`bin/bench presence: ${ options } (see bin/bench --help)\n`
		);
		return 2;
	}
	if ( check ) {
		process.stdout.write( `${ options.visitors + 1 }\n` );
		return 0;
	}
	const target = targetFromEnv();
	const startedAt = new Date();
	const result = await runPresenceBench( options, target, say );
	const report = presenceReport( options, result, {
		sidecarUrl: target.sidecarUrl,
		sidecarPid: target.sidecarPid,
		stackDir: process.env.LIVEDESK_STACK_DIR ?? '',
		revision: process.env.BENCH_REVISION ?? '',
		sidecarNodeOptions: process.env.BENCH_SIDECAR_NODE_OPTIONS ?? '',
		startedAt,
	} );
	process.stdout.write( report.join( '\n' ) + '\n' );
	// A run whose agent stopped listening measured nothing trustworthy.
	return result.agentFailure === null ? 0 : 1;
}

if ( isMainThread ) {
	main( process.argv.slice( 2 ) ).then(
		( code ) => process.exit( code ),
		( error: unknown ) => {
			process.stderr.write(
				`bin/bench presence: ${
					error instanceof Error ? error.message : String( error )
				}\n`
			);
			process.exit( 1 );
		}
	);
} else {
	runAgentWorker( workerData as AgentWorkerData );
}
