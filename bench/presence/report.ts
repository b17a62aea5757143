/**
 * The presence benchmark's report: what ran where, a table of CPU and memory
 * per phase, connections, the steady phase's latencies and throughput, and a
 * verdict per target of the issue (informational: the run never fails on it).
 */

/**
 * External dependencies
 */
import os from 'node:os';

/**
 * Internal dependencies
 */
import { machineLines } from '../lib/context';
import type { RunContext } from '../lib/context';
import { duration, mib, percent, summarize } from '../lib/stats';
import type { PresenceOptions } from './options';
import type { WindowUsage } from '../lib/meter';
import type { PresenceResult } from './run';

/** The targets for one sidecar on a 2-core machine. */
export const PRESENCE_TARGETS = {
	connected: 10_000,
	p99Ms: 100,
	sidecarCpuPercent: 50,
	rssMiB: 450,
} as const;

function describeCounts( counts: Map< string, number > ): string {
	if ( counts.size === 0 ) {
		return 'none';
	}
	return [ ...counts ]
		.map( ( [ key, count ] ) => `${ count } × ${ key }` )
		.join( ', ' );
}

// The share of the machine used by processes other than the three measured
// (other work on the machine disturbs a run; this shows how much there was).
function otherLoad( usage: WindowUsage ): number {
	const ours = usage.sidecarCpu + usage.generatorCpu + ( usage.dbCpu ?? 0 );
	return Math.max( 0, usage.machineBusy - ours / os.availableParallelism() );
}

const COLUMNS: Array< [ string, number ] > = [
	[ 'Phase', -26 ],
	[ 'sidecar CPU', 12 ],
	[ 'sidecar RSS', 13 ],
	[ 'generator CPU', 15 ],
	[ 'MariaDB CPU', 13 ],
	[ 'machine busy', 14 ],
	[ 'of it others', 14 ],
];

function row( cells: string[] ): string {
	return cells
		.map( ( cell, i ) => {
			const width = COLUMNS[ i ]?.[ 1 ] ?? 0;
			return width < 0 ? cell.padEnd( -width ) : cell.padStart( width );
		} )
		.join( '' );
}

function usageRow( name: string, usage: WindowUsage ): string {
	return row( [
		name,
		percent( usage.sidecarCpu ),
		mib( usage.sidecarRss ),
		percent( usage.generatorCpu ),
		usage.dbCpu === null ? '—' : percent( usage.dbCpu ),
		percent( usage.machineBusy ),
		percent( otherLoad( usage ) ),
	] );
}

function usageTable( result: PresenceResult ): string[] {
	const { idle, ramp, quiet, steady } = result;
	const secs = ( usage: WindowUsage ) => usage.seconds.toFixed( 1 );
	return [
		row( COLUMNS.map( ( [ title ] ) => title ) ),
		usageRow( `idle, 1 agent (${ secs( idle ) } s)`, idle ),
		usageRow( `ramp-up (${ secs( ramp ) } s)`, ramp ),
		usageRow( `connected, quiet (${ secs( quiet ) } s)`, quiet ),
		usageRow( `steady (${ secs( steady ) } s)`, steady ),
		`CPU columns are % of one core (utime + stime from /proc); machine busy is % of all ${ os.availableParallelism() } cores,`,
		'"of it others" the part used by processes other than these three. RSS is VmRSS at the end of each phase.',
		'The generator is this process: the simulated visitors and the agent thread.',
	];
}

function connectionLines(
	options: PresenceOptions,
	result: PresenceResult
): string[] {
	const { fleet, connectedAfterRamp, ramp, agent } = result;
	const rate = connectedAfterRamp / ramp.seconds;
	return [
		'Connections',
		`  accepted          ${ connectedAfterRamp } of ${ options.visitors } in ${ duration(
			ramp.seconds * 1000
		) } (${ rate.toFixed( 0 ) }/s); agent counted ${
			agent.onlineAfterRamp
		} online, ${ agent.listedAfterRamp } listed${
			ramp.agentCaughtUp ? '' : ' (it never caught up)'
		}`,
		`  refused           ${ describeCounts( fleet.refused ) }`,
		`  closed            ${ describeCounts( fleet.closed ) }`,
		`  session errors    ${ describeCounts( fleet.sessionErrors ) }`,
		`  at the end        ${ fleet.ready } open; agent counts ${ agent.online } online, ${ agent.listed } listed, ${ agent.overCap } over the cap`,
	];
}

function steadyLines(
	options: PresenceOptions,
	result: PresenceResult
): string[] {
	const { steady, latencies, updates, sidecarMemory: memory } = result;
	const latency = summarize( latencies );
	const upserts = summarize( updates.upserts );
	const sizes = summarize( updates.sizes );
	const seconds = steady.seconds;
	const kib = ( chars: number | null ) =>
		chars === null ? '—' : `${ ( chars / 1024 ).toFixed( 1 ) } KiB`;
	return [
		`Steady phase (${ options.durationSeconds } s)`,
		`  page views sent   ${ steady.sends.sent } (${ (
			steady.sends.sent / seconds
		).toFixed(
			0
		) }/s); ${ steady.sends.failed } due on closed connections`,
		`  seen by the agent ${ latency.count } (missing ${
			steady.sends.sent - latency.count
		})`,
		`  latency           p50 ${ duration( latency.p50 ) }, p95 ${ duration(
			latency.p95
		) }, p99 ${ duration( latency.p99 ) }, max ${ duration(
			latency.max
		) } (mean ${ duration( latency.mean ) })`,
		`  agent updates     ${ upserts.count } (${ (
			upserts.count / seconds
		).toFixed( 1 ) }/s); upserts per update p50 ${
			upserts.p50 ?? '—'
		}, max ${ upserts.max ?? '—' }; JSON p50 ${ kib(
			sizes.p50
		) }, max ${ kib( sizes.max ) }`,
		`  rows written      ${ result.pageViewRows } page views; ${ result.visitorRows } visitors in the visitors table`,
		`  sidecar RSS       end ${ mib( steady.sidecarRss ) }, max ${ mib(
			steady.maxRss
		) }; peak over the run (VmHWM) ${ mib( memory.peakRss ) }`,
		`                    at the end ${ mib( memory.rss ) } = ${ mib(
			memory.rssAnon
		) } anonymous (heap, buffers) + ${ mib(
			memory.rssFile
		) } file-backed (node, libraries)`,
		`  generator         event-loop delay of the visitors' thread p99 ${ steady.loopDelayP99.toFixed(
			1
		) } ms, max ${ steady.loopDelayMax.toFixed( 1 ) } ms`,
	];
}

function verdict( ok: boolean | null ): string {
	if ( ok === null ) {
		return '----';
	}
	return ok ? 'PASS' : 'FAIL';
}

function targetLines(
	options: PresenceOptions,
	result: PresenceResult
): string[] {
	const t = PRESENCE_TARGETS;
	const p99 = summarize( result.latencies ).p99;
	const peak = result.sidecarMemory.peakRss;
	const peakMiB = peak / 1024 / 1024;
	const connected = Math.min( result.connectedAfterRamp, result.fleet.ready );
	const rows: Array< [ boolean | null, string, string ] > = [
		[
			options.visitors < t.connected ? null : connected >= t.connected,
			'connected on one sidecar',
			`${ connected } (target ${ t.connected }${
				options.visitors < t.connected
					? '; not tested: needs --visitors 10000'
					: ''
			})`,
		],
		[
			p99 === null ? false : p99 <= t.p99Ms,
			'page view → agent update p99',
			`${ duration( p99 ) } (target ≤ ${ t.p99Ms } ms)`,
		],
		[
			result.steady.sidecarCpu <= t.sidecarCpuPercent,
			'sidecar CPU, steady phase',
			`${ percent( result.steady.sidecarCpu ) } of a core (target ≤ ${
				t.sidecarCpuPercent
			}%)`,
		],
		[
			peakMiB <= t.rssMiB,
			'sidecar RSS, peak (VmHWM)',
			`${ mib( peak ) } (target ≤ ${ t.rssMiB } MiB)`,
		],
	];
	return [
		'Targets (informational; the run does not fail on them)',
		...rows.map(
			( [ ok, name, value ] ) =>
				`  ${ verdict( ok ) }  ${ name.padEnd( 30 ) } ${ value }`
		),
	];
}

/**
 * The report as lines of text.
 *
 * @param options What ran.
 * @param result  What was measured.
 * @param context Where it ran.
 */
export function presenceReport(
	options: PresenceOptions,
	result: PresenceResult,
	context: RunContext
): string[] {
	const lines = [
		`LiveDesk benchmark: presence (${ context.startedAt.toISOString() })`,
		...machineLines( context ),
		`Scenario   ${ options.visitors } visitors (one tab each) ramped up at ${ options.rampPerSecond }/s, ` +
			`then a page view from each every ${ options.intervalSeconds } s for ${ options.durationSeconds } s; ` +
			'one agent measures page view → presence:update; load generator, MariaDB and sidecar share this machine',
		'',
		...usageTable( result ),
		'',
		...connectionLines( options, result ),
		'',
		...steadyLines( options, result ),
		'',
		...targetLines( options, result ),
	];
	if ( result.agentFailure !== null ) {
		lines.push(
			'',
			`The agent stopped receiving: ${ result.agentFailure }`
		);
	}
	return lines;
}
