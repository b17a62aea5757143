/**
 * The map benchmark's phases: N visitors connect (the cap raised to N), the
 * administrator opens the Visitors screen a few times (first full render),
 * then three traced phases on the open screen: idle, counts-only updates
 * (the baseline) and the steady stream of page views.
 */

/**
 * External dependencies
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Internal dependencies
 */
import { BenchDb } from '../lib/db';
import { VisitorFleet, visitorAddress } from '../lib/fleet';
import { Meter } from '../lib/meter';
import { connectAgent } from '../presence/agent';
import type { AgentHandle } from '../presence/agent';
import type { MapOptions } from './options';
import { ScreenSession } from './page';
import type { Traced } from './page';
import { hotspots } from './profile';
import type { CpuProfile } from './profile';
import { siteScript } from './scene';
import type { LoadResult, MapResult, MapTarget, UpdatePhase } from './types';
import {
	idleWindows,
	messageUpserts,
	renderWork,
	updateSamples,
	upsertLookup,
} from './updates';

const RENDER_TIMEOUT_MS = 180_000;
const IDLE_MS = 5000;
/** Over-cap visitors that arrive, one every 100 ms, for the baseline. */
export const BASELINE_ARRIVALS = 100;
export const BASELINE_RATE = 10;
/** Time for the last update of a phase to be painted. */
const SETTLE_MS = 1000;

/** One run: the stack's database, the meter, the visitors, the screen. */
class MapRun {
	private readonly meter: Meter;
	private readonly fleet: VisitorFleet;
	private readonly overflow: VisitorFleet;

	constructor(
		private readonly options: MapOptions,
		private readonly profile: boolean,
		private readonly target: MapTarget,
		private readonly progress: ( line: string ) => void
	) {
		this.meter = new Meter( target );
		const fleet = ( offset: number ) =>
			new VisitorFleet( {
				sidecarUrl: target.sidecarUrl,
				origin: new URL( target.siteUrl ).origin,
				script: siteScript( {
					address: ( index ) => visitorAddress( offset + index ),
				} ),
			} );
		this.fleet = fleet( 0 );
		this.overflow = fleet( options.visitors );
	}

	async run( db: BenchDb ): Promise< MapResult > {
		const listed = await this.connect( db );
		const screen = await ScreenSession.start(
			this.target.siteUrl,
			this.target.admin,
			listed
		);
		try {
			const loads = await this.loads( screen );
			const idle = await this.idle( screen );
			const baseline = await this.baseline( screen );
			const steady = await this.steady( screen );
			const scene = await screen.describe();
			return {
				connected: this.fleet.stats.ready,
				listed,
				...scene,
				loads,
				idle,
				baseline,
				steady,
				fleet: this.fleet.stats,
				browser: screen.version(),
				pageErrors: screen.errors,
			};
		} finally {
			await screen.close();
			this.fleet.closeAll();
			this.overflow.closeAll();
		}
	}

	private traceFile( phase: string ): string | null {
		const dir = this.target.traceDir;
		return dir === null ? null : join( dir, `map-${ phase }.trace.json` );
	}

	// Cap = N, N visitors connected and listed; returns how many are listed.
	private async connect( db: BenchDb ): Promise< number > {
		const { visitors, rampPerSecond } = this.options;
		this.progress( `Setting the visitor cap to ${ visitors }` );
		await db.setOption( 'livedesk_visitor_cap', String( visitors ) );
		const agent = await connectAgent(
			this.target.script,
			this.target.sidecarUrl,
			db
		);
		try {
			await this.capApplied( agent, visitors );
			this.progress(
				`Ramping up ${ visitors } visitors at ${ rampPerSecond }/s`
			);
			const budget = ( visitors / rampPerSecond ) * 1000 + 60_000;
			await this.fleet.ramp(
				visitors,
				rampPerSecond,
				performance.now() + budget
			);
			const ready = this.fleet.stats.ready;
			if ( ready === 0 ) {
				throw new Error(
					'no visitor could connect; see the sidecar log'
				);
			}
			if ( ready < visitors ) {
				// Keep the cap at what is listed, so the baseline's newcomers stay over it.
				await db.setOption( 'livedesk_visitor_cap', String( ready ) );
				await this.capApplied( agent, ready );
			}
			await agent.waitFor( ( c ) => c.online >= ready, 30_000 );
			const listed = agent.listed();
			this.progress( `  ${ ready } connected, ${ listed } listed` );
			return listed;
		} finally {
			await agent.stop();
		}
	}

	// The sidecar reads settings every 2 s; the new cap shows in the counts.
	private async capApplied( agent: AgentHandle, cap: number ) {
		if ( ! ( await agent.waitFor( ( c ) => c.cap === cap, 15_000 ) ) ) {
			throw new Error(
				agent.failure() ??
					`the sidecar did not apply livedesk_visitor_cap=${ cap } within 15 s`
			);
		}
	}

	private async loads( screen: ScreenSession ): Promise< LoadResult[] > {
		const loads: LoadResult[] = [];
		for ( let i = 1; i <= this.options.loads; i++ ) {
			this.progress(
				`Opening the Visitors screen (${ i } of ${ this.options.loads })`
			);
			const mark = this.meter.mark();
			const { result: record, trace } = await screen.traced(
				() => screen.load( RENDER_TIMEOUT_MS ),
				this.traceFile( `load-${ i }` )
			);
			const usage = this.meter.since( mark );
			const { snapshot, rendered } = record;
			if ( ! snapshot || ! rendered ) {
				throw new Error( 'the screen rendered without a snapshot' );
			}
			const work = renderWork( trace.tasks );
			const load: LoadResult = {
				snapshotChars: snapshot.chars,
				renderMs: work?.wallMs ?? rendered.at - snapshot.at,
				handlerToRenderMs: rendered.at - snapshot.at,
				navigationMs: rendered.at,
				work,
				rendered,
				usage,
			};
			loads.push( load );
			this.progress(
				`  snapshot → full render ${ load.renderMs.toFixed( 0 ) } ms`
			);
			await sleep( SETTLE_MS );
		}
		return loads;
	}

	private async idle(
		screen: ScreenSession
	): Promise< MapResult[ 'idle' ] > {
		this.progress( `Idle screen (${ IDLE_MS / 1000 } s)` );
		const { trace } = await screen.traced(
			() => sleep( IDLE_MS ),
			this.traceFile( 'idle' )
		);
		const windows = idleWindows( trace.tasks, trace.from, trace.to, 100 );
		return {
			seconds: ( trace.to - trace.from ) / 1e6,
			windows,
			cpuMs:
				trace.tasks.reduce( ( sum, task ) => sum + task.cpu, 0 ) / 1000,
		};
	}

	private async baseline(
		screen: ScreenSession
	): Promise< MapResult[ 'baseline' ] > {
		this.progress(
			`Baseline: ${ BASELINE_ARRIVALS } visitors over the cap arrive at ${ BASELINE_RATE }/s (counts-only updates)`
		);
		const mark = this.meter.mark();
		const { trace } = await screen.traced( async () => {
			await this.overflow.ramp(
				BASELINE_ARRIVALS,
				BASELINE_RATE,
				performance.now() + 60_000
			);
			await sleep( SETTLE_MS );
		}, this.traceFile( 'baseline' ) );
		return {
			...( await this.phase( screen, trace, mark ) ),
			arrivals: this.overflow.stats.ready,
		};
	}

	private async steady(
		screen: ScreenSession
	): Promise< MapResult[ 'steady' ] > {
		const { intervalSeconds, durationSeconds } = this.options;
		this.progress(
			`Steady stream: a page view per visitor every ${ intervalSeconds } s for ${ durationSeconds } s`
		);
		const mark = this.meter.mark();
		const stream = async () => {
			const log = await this.fleet.pageViews(
				intervalSeconds * 1000,
				durationSeconds * 1000
			);
			await sleep( SETTLE_MS );
			return log;
		};
		let profile: CpuProfile | null = null;
		const { result: sends, trace } = await screen.traced( async () => {
			if ( ! this.profile ) {
				return stream();
			}
			const profiled = await screen.profiled( stream );
			profile = profiled.profile;
			return profiled.result;
		}, this.traceFile( 'steady' ) );
		if ( profile !== null && this.target.traceDir !== null ) {
			writeFileSync(
				join( this.target.traceDir, 'map-steady.cpuprofile' ),
				JSON.stringify( profile )
			);
		}
		return {
			...( await this.phase( screen, trace, mark ) ),
			sends,
			hotspots: profile === null ? null : hotspots( profile, 15 ),
		};
	}

	private async phase(
		screen: ScreenSession,
		trace: Traced,
		mark: ReturnType< Meter[ 'mark' ] >
	): Promise< UpdatePhase > {
		const usage = this.meter.since( mark );
		const lookup = upsertLookup( await screen.record() );
		return {
			seconds: ( trace.to - trace.from ) / 1e6,
			samples: updateSamples( trace.tasks, lookup ),
			messageUpserts: messageUpserts( trace.tasks, lookup ),
			usage,
		};
	}
}

/**
 * Runs the benchmark against a started stack.
 *
 * @param options  What to simulate.
 * @param profile  Whether to record a CPU profile of the steady stream.
 * @param target   The stack.
 * @param progress Called with a line of progress for a human.
 */
export async function runMapBench(
	options: MapOptions,
	profile: boolean,
	target: MapTarget,
	progress: ( line: string ) => void
): Promise< MapResult > {
	const db = await BenchDb.connect( target.env );
	try {
		return await new MapRun( options, profile, target, progress ).run( db );
	} finally {
		await db.close();
	}
}
