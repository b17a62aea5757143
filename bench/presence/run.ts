/**
 * The presence benchmark's phases: an idle baseline, the ramp-up, a quiet
 * moment with everyone connected, then the measured steady phase of page
 * views. Every phase is a window over which CPU is measured the same way.
 */

/**
 * External dependencies
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Internal dependencies
 */
import { BenchDb } from '../lib/db';
import { VisitorFleet } from '../lib/fleet';
import type { FleetStats, SendLog } from '../lib/fleet';
import { Meter } from '../lib/meter';
import type { MeterTarget, WindowUsage } from '../lib/meter';
import type { ProcessMemory } from '../lib/proc';
import { connectAgent } from './agent';
import type { AgentHandle, AgentRecord } from './agent';
import type { PresenceOptions } from './options';
import { PRESENCE_SCRIPT } from './visitors';

/** The stack and processes to benchmark (bin/bench provides them). */
export interface PresenceTarget extends MeterTarget {
	sidecarUrl: string;
	siteUrl: string;
	/** The script the agent worker runs (this bundle). */
	script: string;
	env: NodeJS.ProcessEnv;
}

/** Everything a run measured. */
export interface PresenceResult {
	idle: WindowUsage;
	/** From the first attempt until the agent counted every accepted visitor. */
	ramp: WindowUsage & {
		/** Whether the agent's online count caught up with the accepted connections. */
		agentCaughtUp: boolean;
	};
	quiet: WindowUsage;
	steady: WindowUsage & {
		sends: SendLog;
		/** Highest VmRSS sampled each second. */
		maxRss: number;
		/** Event-loop delay of the visitors' thread, ms. */
		loopDelayP99: number;
		loopDelayMax: number;
	};
	/** Latencies (ms) of the page views sent in the steady phase that the agent saw. */
	latencies: number[];
	/** `presence:update` messages in the steady phase: upserts and JSON sizes. */
	updates: { upserts: number[]; sizes: number[] };
	/** Connections open when the ramp ended. */
	connectedAfterRamp: number;
	fleet: FleetStats;
	agent: {
		onlineAfterRamp: number;
		listedAfterRamp: number;
		online: number;
		listed: number;
		overCap: number;
	};
	/** Rows the sidecar wrote during the steady phase (plus a flush). */
	pageViewRows: number;
	visitorRows: number;
	/** The sidecar's memory once everything settled: VmHWM is its peak over the run. */
	sidecarMemory: ProcessMemory;
	/** Why the agent stopped receiving during the run; null when it did not. */
	agentFailure: string | null;
}

/** The cap that lists every simulated visitor (WordPress's highest). */
const BENCH_CAP = 100_000;
const IDLE_MS = 5000;
const QUIET_MS = 5000;
/** After the last page view: time for its update, and for the writer to flush. */
const GRACE_MS = 3000;

function inWindow( record: AgentRecord, from: number, to: number ): number[] {
	return record.latencies.filter( ( _latency, i ) => {
		const sentAt = record.sendTimes[ i ] ?? 0;
		return sentAt >= from && sentAt <= to;
	} );
}

function updatesIn( record: AgentRecord, from: number, to: number ) {
	const upserts: number[] = [];
	const sizes: number[] = [];
	record.updateTimes.forEach( ( time, i ) => {
		if ( time >= from && time <= to ) {
			upserts.push( record.updateUpserts[ i ] ?? 0 );
			sizes.push( record.updateSizes[ i ] ?? 0 );
		}
	} );
	return { upserts, sizes };
}

type RampResult = Pick< PresenceResult, 'ramp' | 'connectedAfterRamp' > & {
	onlineAfterRamp: number;
	listedAfterRamp: number;
};

type SteadyResult = Pick< PresenceResult, 'steady' | 'pageViewRows' > & {
	/** When the steady phase began and ended, unix ms. */
	from: number;
	to: number;
};

type Phases = RampResult &
	SteadyResult &
	Pick< PresenceResult, 'idle' | 'quiet' >;

/** One run: the stack's database, the meter, the visitors and the agent. */
class PresenceRun {
	private readonly options: PresenceOptions;
	private readonly target: PresenceTarget;
	private readonly progress: ( line: string ) => void;
	private readonly meter: Meter;
	private readonly fleet: VisitorFleet;

	constructor(
		options: PresenceOptions,
		target: PresenceTarget,
		progress: ( line: string ) => void
	) {
		this.options = options;
		this.target = target;
		this.progress = progress;
		this.meter = new Meter( target );
		this.fleet = new VisitorFleet( {
			sidecarUrl: target.sidecarUrl,
			origin: new URL( target.siteUrl ).origin,
			script: PRESENCE_SCRIPT,
		} );
	}

	/**
	 * Runs every phase; the visitors and the agent are gone afterwards.
	 *
	 * @param db The stack's database.
	 */
	async run( db: BenchDb ): Promise< PresenceResult > {
		this.progress(
			`Raising the visitor cap to ${ BENCH_CAP } and connecting the agent`
		);
		await db.setOption( 'livedesk_visitor_cap', String( BENCH_CAP ) );
		const agent = await connectAgent(
			this.target.script,
			this.target.sidecarUrl,
			db
		);
		try {
			await this.capApplied( agent );
			const idle = await this.still( 'Idle baseline', IDLE_MS );
			const ramp = await this.rampUp( agent );
			const quiet = await this.still( 'Connected and quiet', QUIET_MS );
			const steady = await this.steady( db );
			return await this.result( db, agent, {
				idle,
				quiet,
				...ramp,
				...steady,
			} );
		} finally {
			this.fleet.closeAll();
			await agent.stop();
		}
	}

	// The sidecar reads settings every 2 s; the new cap shows in the counts.
	private async capApplied( agent: AgentHandle ): Promise< void > {
		if (
			! ( await agent.waitFor( ( c ) => c.cap === BENCH_CAP, 15_000 ) )
		) {
			throw new Error(
				agent.failure() ??
					`the sidecar did not apply livedesk_visitor_cap=${ BENCH_CAP } within 15 s`
			);
		}
	}

	// A window in which the benchmark does nothing.
	private async still( name: string, ms: number ): Promise< WindowUsage > {
		this.progress( `${ name } (${ ms / 1000 } s)` );
		const mark = this.meter.mark();
		await sleep( ms );
		return this.meter.since( mark );
	}

	private async rampUp( agent: AgentHandle ): Promise< RampResult > {
		const { visitors, rampPerSecond } = this.options;
		const { fleet, progress } = this;
		progress( `Ramping up ${ visitors } visitors at ${ rampPerSecond }/s` );
		const mark = this.meter.mark();
		const ticker = setInterval( () => {
			const online = agent.counts()?.online ?? 0;
			progress(
				`  ${ fleet.stats.ready } connected, agent counts ${ online } online`
			);
		}, 5000 );
		const budget = ( visitors / rampPerSecond ) * 1000 + 60_000;
		await fleet.ramp( visitors, rampPerSecond, mark.sidecar.at + budget );
		const ready = fleet.stats.ready;
		const agentCaughtUp = await agent.waitFor(
			( c ) => c.online >= ready,
			30_000
		);
		clearInterval( ticker );
		const usage = this.meter.since( mark );
		const onlineAfterRamp = agent.counts()?.online ?? 0;
		progress(
			`  ${ ready } of ${ visitors } connected in ${ usage.seconds.toFixed( 1 ) } s; agent counts ${ onlineAfterRamp } online`
		);
		if ( ready === 0 ) {
			throw new Error( 'no visitor could connect; see the sidecar log' );
		}
		return {
			ramp: { ...usage, agentCaughtUp },
			connectedAfterRamp: ready,
			onlineAfterRamp,
			listedAfterRamp: agent.listed(),
		};
	}

	private async steady( db: BenchDb ): Promise< SteadyResult > {
		const { intervalSeconds, durationSeconds } = this.options;
		this.progress(
			`Steady phase: a page view per visitor every ${ intervalSeconds } s for ${ durationSeconds } s`
		);
		const rowsBefore = await db.countRows( 'livedesk_page_views' );
		const loop = monitorEventLoopDelay( { resolution: 10 } );
		let maxRss = 0;
		const sampler = setInterval( () => {
			maxRss = Math.max( maxRss, this.meter.sidecarMemory().rss );
		}, 1000 );
		loop.enable();
		const mark = this.meter.mark();
		const from = Date.now();
		const sends = await this.fleet.pageViews(
			intervalSeconds * 1000,
			durationSeconds * 1000
		);
		const to = Date.now();
		const usage = this.meter.since( mark );
		loop.disable();
		clearInterval( sampler );
		// The last updates arrive and the writer flushes (every second).
		this.progress(
			`Waiting ${ GRACE_MS / 1000 } s for the last updates and writes`
		);
		await sleep( GRACE_MS );
		return {
			from,
			to,
			steady: {
				...usage,
				sends,
				maxRss: Math.max( maxRss, usage.sidecarRss ),
				loopDelayP99: loop.percentile( 99 ) / 1e6,
				loopDelayMax: loop.max / 1e6,
			},
			pageViewRows:
				( await db.countRows( 'livedesk_page_views' ) ) - rowsBefore,
		};
	}

	private async result(
		db: BenchDb,
		agent: AgentHandle,
		phases: Phases
	): Promise< PresenceResult > {
		const record = await agent.collect();
		const counts = agent.counts();
		const { from, to } = phases;
		return {
			idle: phases.idle,
			ramp: phases.ramp,
			quiet: phases.quiet,
			steady: phases.steady,
			latencies: inWindow( record, from, to ),
			updates: updatesIn( record, from, to + GRACE_MS ),
			connectedAfterRamp: phases.connectedAfterRamp,
			fleet: this.fleet.stats,
			agent: {
				onlineAfterRamp: phases.onlineAfterRamp,
				listedAfterRamp: phases.listedAfterRamp,
				online: counts?.online ?? 0,
				listed: agent.listed(),
				overCap: counts?.overCap ?? 0,
			},
			pageViewRows: phases.pageViewRows,
			visitorRows: await db.countRows( 'livedesk_visitors' ),
			sidecarMemory: this.meter.sidecarMemory(),
			agentFailure: agent.failure(),
		};
	}
}

/**
 * Runs the benchmark against a started stack.
 *
 * @param options  What to simulate.
 * @param target   The stack.
 * @param progress Called with a line of progress for a human.
 */
export async function runPresenceBench(
	options: PresenceOptions,
	target: PresenceTarget,
	progress: ( line: string ) => void
): Promise< PresenceResult > {
	const db = await BenchDb.connect( target.env );
	try {
		return await new PresenceRun( options, target, progress ).run( db );
	} finally {
		await db.close();
	}
}
