/**
 * The map benchmark's report: what ran where, the first full render per page
 * load, the cost of a store update under the steady stream next to the
 * baselines of the same run, and a verdict per target of the issue
 * (informational: the run never fails on it).
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
import type { WindowUsage } from '../lib/meter';
import { percent, percentile, summarize } from '../lib/stats';
import type { Summary } from '../lib/stats';
import type { MapOptions } from './options';
import { VIEWPORT, SCREEN_PATH } from './page';
import { BASELINE_RATE } from './run';
import type { MapResult, UpdatePhase } from './types';
import type { UpdateSample } from './updates';

/** The targets for a number of visitors (null: none for it). */
export interface MapTargets {
	/** Snapshot → full render, ms (median of the loads). */
	firstRenderMs: number | null;
	/** Main-thread time per store update, ms (median). */
	updateMs: number;
}

/**
 * The targets that apply to a run of `visitors`: 500 visitors render within
 * 200 ms and update within 4 ms; above that the 10,000-visitor target
 * (16 ms per update) applies.
 *
 * @param visitors Visitors listed.
 */
export function mapTargets( visitors: number ): MapTargets {
	return visitors <= 500
		? { firstRenderMs: 200, updateMs: 4 }
		: { firstRenderMs: null, updateMs: 16 };
}

/**
 * Milliseconds with one decimal, e.g. `3.2 ms`; `—` for none.
 *
 * @param value Milliseconds, or null.
 */
export function ms( value: number | null ): string {
	return value === null ? '—' : `${ value.toFixed( 1 ) } ms`;
}

/**
 * `p50 …, p95 …, max …` of a summary, formatted by `format`.
 *
 * @param summary Distribution.
 * @param format  Formats one value.
 */
export function spread(
	summary: Summary,
	format: ( value: number | null ) => string
): string {
	return `p50 ${ format( summary.p50 ) }, p95 ${ format(
		summary.p95
	) }, max ${ format( summary.max ) }`;
}

const count = ( value: number | null ) =>
	value === null ? '—' : String( Math.round( value ) );

/**
 * The median of some numbers (nearest rank), or null for none.
 *
 * @param values Numbers in any order.
 */
export function median( values: readonly number[] ): number | null {
	return percentile(
		[ ...values ].sort( ( a, b ) => a - b ),
		50
	);
}

function of( samples: readonly UpdateSample[], key: keyof UpdateSample ) {
	return summarize(
		samples
			.map( ( sample ) => sample[ key ] )
			.filter( ( value ): value is number => value !== null )
	);
}

function scenario( options: MapOptions, result: MapResult ): string[] {
	const layer = result.loads[ 0 ]?.rendered.layer ?? 'svg';
	const placed = result.loads[ 0 ]?.rendered.placeable ?? 0;
	const map =
		layer === 'svg'
			? `SVG layer, ${ placed } placed on ${ result.pins ?? '?' } pins`
			: `canvas layer (over 2,000 placed), ${ placed } placed`;
	const rate = result.connected / options.intervalSeconds;
	return [
		`Browser    Chromium ${ result.browser }, headless, ${ VIEWPORT.width }×${ VIEWPORT.height }, administrator on ${ SCREEN_PATH }`,
		`Screen     build/admin-visitors.js ver ${ result.build || 'unknown' }`,
		`Scenario   ${ result.connected } visitors connected (cap ${ result.listed }), ${ result.listed } listed from ${ result.countries } countries; map: ${ map };`,
		`           then a page view from each every ${ options.intervalSeconds } s (${ rate.toFixed(
			0
		) }/s) for ${ options.durationSeconds } s; sidecar, visitors, MariaDB and Chromium share this machine`,
	];
}

const LOAD_COLUMNS: Array< [ string, number ] > = [
	[ 'load', -6 ],
	[ 'snapshot', 8 ],
	[ 'snapshot → full render', 25 ],
	[ 'of it receiving', 18 ],
	[ 'main-thread CPU in it', 24 ],
	[ 'waiting for a core', 21 ],
	[ 'navigation → full render', 27 ],
	[ 'machine busy', 15 ],
];

function loadRow( cells: string[] ): string {
	const padded = cells.map( ( cell, i ) => {
		const width = LOAD_COLUMNS[ i ]?.[ 1 ] ?? 0;
		return width < 0 ? cell.padEnd( -width ) : cell.padStart( width );
	} );
	return '  ' + padded.join( '' );
}

function loadLines( result: MapResult ): string[] {
	const { loads } = result;
	const lines = [
		loads.length === 1
			? 'First full render (1 page load, with empty caches)'
			: `First full render (${ loads.length } page loads; the first with empty caches)`,
		loadRow( LOAD_COLUMNS.map( ( [ title ] ) => title ) ),
	];
	loads.forEach( ( load, i ) => {
		lines.push(
			loadRow( [
				String( i + 1 ),
				`${ ( load.snapshotChars / 1024 ).toFixed( 0 ) } KiB`,
				ms( load.renderMs ),
				ms( load.work?.receiveMs ?? null ),
				ms( load.work?.cpuMs ?? null ),
				ms( load.work?.waitingMs ?? null ),
				ms( load.navigationMs ),
				percent( load.usage.machineBusy ),
			] )
		);
	} );
	const cpu = loads.flatMap( ( load ) =>
		load.work ? [ load.work.cpuMs ] : []
	);
	lines.push(
		loadRow( [
			'median',
			'',
			ms( median( loads.map( ( load ) => load.renderMs ) ) ),
			'',
			ms( median( cpu ) ),
			'',
			ms( median( loads.map( ( load ) => load.navigationMs ) ) ),
			'',
		] )
	);
	return lines;
}

function usageLine( usage: WindowUsage ): string {
	const cores = os.availableParallelism();
	const ours = usage.sidecarCpu + usage.generatorCpu + ( usage.dbCpu ?? 0 );
	const others = Math.max( 0, usage.machineBusy - ours / cores );
	return `  machine          busy ${ percent( usage.machineBusy ) } of ${ cores } cores; sidecar ${ percent(
		usage.sidecarCpu
	) } of a core, visitors ${ percent( usage.generatorCpu ) }, MariaDB ${
		usage.dbCpu === null ? '—' : percent( usage.dbCpu )
	}, Chromium and others ${ percent( others ) } of the machine`;
}

/**
 * `presence:update` messages a second the sidecar sends for `changes`
 * visitor changes a second, if it keeps up: it sends a message 50 ms after
 * the first change that follows the last one, so a cycle lasts the wait for
 * a change plus 50 ms.
 *
 * @param changes Changes a second (page views, arrivals).
 */
export function expectedMessageRate( changes: number ): number {
	return changes > 0 ? 1 / ( 1 / changes + 0.05 ) : 0;
}

/**
 * A warning when the page got far fewer messages than the sidecar should
 * have sent (the sidecar or the machine fell behind), else null.
 *
 * @param received Messages a second the page received.
 * @param changes  Changes a second the visitors made.
 */
export function shortfall( received: number, changes: number ): string | null {
	const expected = expectedMessageRate( changes );
	return received < expected / 2
		? `  note             the page received ${ received.toFixed(
				1
			) } messages/s where ~${ expected.toFixed(
				0
			) }/s were due: the sidecar or the machine fell behind, so updates were fewer and larger than on an unloaded machine`
		: null;
}

function phaseLines( phase: UpdatePhase, changes: number ): string[] {
	const { samples } = phase;
	const messages = summarize( phase.messageUpserts );
	const warning = shortfall( messages.count / phase.seconds, changes );
	return [
		...( warning === null ? [] : [ warning ] ),
		`  messages         ${ messages.count } presence:update (${ (
			messages.count / phase.seconds
		).toFixed(
			1
		) }/s); upserts per message ${ spread( messages, count ) }`,
		`  store updates    ${ samples.length } measured; messages per update ${ spread(
			of( samples, 'messages' ),
			count
		) }; upserts per update ${ spread( of( samples, 'upserts' ), count ) }`,
		`  main-thread CPU  ${ spread( of( samples, 'cpuMs' ), ms ) } per update (mean ${ ms(
			of( samples, 'cpuMs' ).mean
		) }); of it in frames p50 ${ ms( of( samples, 'frameCpuMs' ).p50 ) }`,
		`  main-thread wall ${ spread( of( samples, 'wallMs' ), ms ) } per update`,
		`  message → frame  ${ spread( of( samples, 'latencyMs' ), ms ) }`,
		usageLine( phase.usage ),
	];
}

function hotspotLines( result: MapResult ): string[] {
	const { hotspots } = result.steady;
	if ( hotspots === null ) {
		return [];
	}
	return [
		'',
		'CPU profile of the steady stream (self time; the profiler adds its own overhead to the numbers above)',
		...hotspots.map(
			( spot ) =>
				`  ${ ms( spot.selfMs ).padStart( 10 ) } ${ spot.percent
					.toFixed( 1 )
					.padStart( 5 ) }%  ${ spot.where }`
		),
	];
}

function verdict( pass: boolean, name: string, value: string, target: string ) {
	return `  ${ pass ? 'PASS' : 'FAIL' }  ${ name.padEnd( 44 ) } ${ value } (target ${ target })`;
}

function targetLines( result: MapResult ): string[] {
	const targets = mapTargets( result.listed );
	const lines = [ 'Targets (informational; the run does not fail on them)' ];
	const render = median( result.loads.map( ( l ) => l.renderMs ) );
	if ( targets.firstRenderMs !== null && render !== null ) {
		lines.push(
			verdict(
				render <= targets.firstRenderMs,
				`first full render, ${ result.listed } visitors (median)`,
				ms( render ),
				`≤ ${ targets.firstRenderMs } ms`
			)
		);
	}
	const update = of( result.steady.samples, 'cpuMs' );
	if ( update.p50 !== null ) {
		lines.push(
			verdict(
				update.p50 <= targets.updateMs,
				`time per update, ${ result.listed } visitors (p50 CPU)`,
				`${ ms( update.p50 ) }; p95 ${ ms( update.p95 ) }`,
				`≤ ${ targets.updateMs } ms`
			)
		);
	} else {
		lines.push( '  FAIL  time per update: no update was measured' );
	}
	return lines;
}

/**
 * The report's lines.
 *
 * @param options What was simulated.
 * @param result  What was measured.
 * @param context Where it ran.
 */
export function mapReport(
	options: MapOptions,
	result: MapResult,
	context: RunContext
): string[] {
	const idle = summarize( result.idle.windows );
	return [
		`LiveDesk benchmark: map (${ context.startedAt.toISOString() })`,
		...machineLines( context ),
		...scenario( options, result ),
		'',
		...loadLines( result ),
		'',
		`Steady stream (${ result.steady.seconds.toFixed( 1 ) } s traced): ${
			result.steady.sends.sent
		} page views sent, ${ result.steady.sends.failed } due on closed connections`,
		...phaseLines(
			result.steady,
			result.connected / options.intervalSeconds
		),
		'',
		`Baseline: counts-only updates (${ result.baseline.arrivals } visitors over the cap arrive, ${ result.baseline.seconds.toFixed(
			1
		) } s traced)`,
		...phaseLines( result.baseline, BASELINE_RATE ),
		'',
		`Idle screen (${ result.idle.seconds.toFixed( 1 ) } s traced, no messages): main-thread CPU ${ ms(
			result.idle.cpuMs
		) } in all, per 100 ms ${ spread( idle, ms ) }`,
		...hotspotLines( result ),
		...( result.pageErrors.length > 0
			? [ '', `Page errors: ${ result.pageErrors.join( ' | ' ) }` ]
			: [] ),
		'',
		...targetLines( result ),
	];
}
