/**
 * Where a benchmark ran, for the first lines of its report.
 */

/**
 * External dependencies
 */
import os from 'node:os';

/** Where the run happened, for the report's header. */
export interface RunContext {
	sidecarUrl: string;
	sidecarPid: number;
	stackDir: string;
	/** Git revision as `bin/bench` describes it, or ''. */
	revision: string;
	/** NODE_OPTIONS the sidecar was started with, or ''. */
	sidecarNodeOptions: string;
	startedAt: Date;
}

/**
 * The machine, the revision and the sidecar, one line each.
 *
 * @param context Where the run happened.
 */
export function machineLines( context: RunContext ): string[] {
	const cpus = os.cpus();
	const model = cpus[ 0 ]?.model.replace( /\s+/g, ' ' ).trim() ?? 'unknown';
	const ram = os.totalmem() / 1024 ** 3;
	return [
		`Machine    ${ os.availableParallelism() } cores (${ model }), ${ ram.toFixed(
			1
		) } GiB RAM, Linux ${ os.release() }, Node ${ process.version }`,
		`Revision   ${ context.revision || 'unknown' }`,
		`Sidecar    pid ${ context.sidecarPid } at ${ context.sidecarUrl } (stack ${ context.stackDir })${
			context.sidecarNodeOptions
				? `, NODE_OPTIONS=${ context.sidecarNodeOptions }`
				: ''
		}`,
	];
}
