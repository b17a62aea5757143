/**
 * CPU and memory over a window of a benchmark, for the three processes that
 * share the machine (the sidecar, the load generator itself and MariaDB) and
 * for the machine as a whole.
 */

/**
 * Internal dependencies
 */
import {
	ProcessProbe,
	cpuPercent,
	machineBusyPercent,
	readMachineTicks,
} from './proc';
import type { MachineTicks, ProcessMemory, ProcessReading } from './proc';

/** The processes a {@link Meter} watches. */
export interface MeterTarget {
	sidecarPid: number;
	/** MariaDB's pid; null to leave it out. */
	dbPid: number | null;
	/** USER_HZ, for /proc CPU times. */
	ticksPerSecond: number;
}

/** CPU and memory over one phase. */
export interface WindowUsage {
	seconds: number;
	/** % of one core. */
	sidecarCpu: number;
	/** This process (the load generator), % of one core. */
	generatorCpu: number;
	/** MariaDB, % of one core; null when not watched. */
	dbCpu: number | null;
	/** All cores together, % of the machine. */
	machineBusy: number;
	/** Sidecar VmRSS at the end of the window, bytes. */
	sidecarRss: number;
}

/** Readings at one moment. */
export interface Mark {
	sidecar: ProcessReading;
	self: ProcessReading;
	db: ProcessReading | null;
	machine: MachineTicks;
}

/** Takes CPU readings at the start and end of a window. */
export class Meter {
	private readonly sidecar: ProcessProbe;
	private readonly self: ProcessProbe;
	private readonly db: ProcessProbe | null;

	/**
	 * @param target The processes to watch.
	 */
	constructor( target: MeterTarget ) {
		this.sidecar = new ProcessProbe(
			target.sidecarPid,
			target.ticksPerSecond
		);
		this.self = new ProcessProbe( process.pid, target.ticksPerSecond );
		this.db =
			target.dbPid === null
				? null
				: new ProcessProbe( target.dbPid, target.ticksPerSecond );
	}

	/** The sidecar's memory now. */
	sidecarMemory(): ProcessMemory {
		return this.sidecar.memory();
	}

	/** Readings now: the start of a window. */
	mark(): Mark {
		return {
			sidecar: this.sidecar.read(),
			self: this.self.read(),
			db: this.db?.read() ?? null,
			machine: readMachineTicks(),
		};
	}

	/**
	 * Usage from `start` until now.
	 *
	 * @param start The window's start.
	 */
	since( start: Mark ): WindowUsage {
		const end = this.mark();
		return {
			seconds: ( end.sidecar.at - start.sidecar.at ) / 1000,
			sidecarCpu: cpuPercent( start.sidecar, end.sidecar ),
			generatorCpu: cpuPercent( start.self, end.self ),
			dbCpu: start.db && end.db ? cpuPercent( start.db, end.db ) : null,
			machineBusy: machineBusyPercent( start.machine, end.machine ),
			sidecarRss: this.sidecar.memory().rss,
		};
	}
}
