/**
 * What a map benchmark run needs and what it measures.
 */

/**
 * Internal dependencies
 */
import type { FleetStats, SendLog } from '../lib/fleet';
import type { MeterTarget, WindowUsage } from '../lib/meter';
import type { Login } from '../../tests/e2e/support/env';
import type { PageRecord } from './instrument';
import type { Hotspot } from './profile';
import type { RenderWork, UpdateSample } from './updates';

/** The stack and processes to benchmark (bin/bench provides them). */
export interface MapTarget extends MeterTarget {
	sidecarUrl: string;
	siteUrl: string;
	admin: Login;
	/** Where to keep each phase's Chromium trace (`map-<phase>.trace.json`), or null. */
	traceDir: string | null;
	/** The script the agent worker runs (this bundle). */
	script: string;
	env: NodeJS.ProcessEnv;
}

/** One page load's first render. */
export interface LoadResult {
	/** The snapshot message's size, characters of JSON. */
	snapshotChars: number;
	/**
	 * From the snapshot's arrival to the end of the first frame showing
	 * everyone, ms: from the start of the main-thread task that delivers it
	 * (the trace), or from socket.io's handler when the trace lacks it.
	 */
	renderMs: number;
	/** From socket.io's handler (the init script's clock) to the same frame, ms. */
	handlerToRenderMs: number;
	/** From the start of the navigation to the same frame, ms. */
	navigationMs: number;
	/** The main thread's work in between, from the trace. */
	work: RenderWork | null;
	rendered: NonNullable< PageRecord[ 'rendered' ] >;
	/** The machine during the load (navigation included). */
	usage: WindowUsage;
}

/** A traced phase with updates. */
export interface UpdatePhase {
	seconds: number;
	samples: UpdateSample[];
	/** Upserts of every `presence:update` message of the phase. */
	messageUpserts: number[];
	usage: WindowUsage;
}

/** Everything a run measured. */
export interface MapResult {
	/** Visitors connected, and listed on the screen. */
	connected: number;
	listed: number;
	/** Distinct countries among them; pins on the map (SVG layer), else null. */
	countries: number;
	pins: number | null;
	/** The `ver` of build/admin-visitors.js the page loaded (changes with every build). */
	build: string;
	loads: LoadResult[];
	idle: { seconds: number; windows: number[]; cpuMs: number };
	/** Over-cap visitors arriving: updates that change the counts only. */
	baseline: UpdatePhase & { arrivals: number };
	steady: UpdatePhase & {
		sends: SendLog;
		/** With `--profile`: the functions with the most self time. */
		hotspots: Hotspot[] | null;
	};
	fleet: FleetStats;
	browser: string;
	/** Uncaught errors on the page. */
	pageErrors: string[];
}
