/**
 * CPU time and memory of processes and of the whole machine, read from
 * Linux's /proc. A benchmark takes a reading at the start and at the end of a
 * phase and turns the two into "% of one core" over the wall time between.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';

/** Memory of a process, in bytes. */
export interface ProcessMemory {
	/** Resident set size now (VmRSS). */
	rss: number;
	/** Peak resident set size since the process started (VmHWM). */
	peakRss: number;
	/** The anonymous part of `rss` (heap, buffers): RssAnon. */
	rssAnon: number;
	/** The file-backed part of `rss` (the node binary, libraries): RssFile. */
	rssFile: number;
}

/** Busy and total time of all cores together, in clock ticks. */
export interface MachineTicks {
	busy: number;
	total: number;
}

/**
 * User + system CPU time of a process from the text of /proc/<pid>/stat, in
 * clock ticks.
 *
 * @param stat The file's content.
 */
export function parseStatTicks( stat: string ): number {
	// The command name (field 2) may hold spaces and parentheses: count the
	// fields from the last ')' on, where field 3 (state) starts.
	const fields = stat
		.slice( stat.lastIndexOf( ')' ) + 1 )
		.trim()
		.split( /\s+/ );
	const utime = Number( fields[ 11 ] ); // field 14
	const stime = Number( fields[ 12 ] ); // field 15
	if ( ! Number.isFinite( utime ) || ! Number.isFinite( stime ) ) {
		throw new Error( 'unreadable /proc/<pid>/stat: no utime/stime' );
	}
	return utime + stime;
}

/**
 * VmRSS, VmHWM, RssAnon and RssFile from the text of /proc/<pid>/status.
 *
 * @param status The file's content.
 */
export function parseStatusMemory( status: string ): ProcessMemory {
	const kib = ( name: string ): number => {
		const match = new RegExp( `^${ name }:\\s+(\\d+) kB$`, 'm' ).exec(
			status
		);
		if ( ! match ) {
			throw new Error( `unreadable /proc/<pid>/status: no ${ name }` );
		}
		return Number( match[ 1 ] ) * 1024;
	};
	return {
		rss: kib( 'VmRSS' ),
		peakRss: kib( 'VmHWM' ),
		rssAnon: kib( 'RssAnon' ),
		rssFile: kib( 'RssFile' ),
	};
}

/**
 * Busy and total ticks of all cores from the text of /proc/stat (its
 * aggregate `cpu` line); idle and iowait count as not busy.
 *
 * @param stat The file's content.
 */
export function parseMachineTicks( stat: string ): MachineTicks {
	const line = /^cpu\s+([\d\s]+)$/m.exec( stat );
	if ( ! line?.[ 1 ] ) {
		throw new Error( 'unreadable /proc/stat: no cpu line' );
	}
	// user nice system idle iowait irq softirq steal (guest time is already
	// inside user and nice, so it is left out).
	const [
		user = 0,
		nice = 0,
		system = 0,
		idle = 0,
		iowait = 0,
		irq = 0,
		softirq = 0,
		steal = 0,
	] = line[ 1 ].trim().split( /\s+/ ).map( Number );
	const busy = user + nice + system + irq + softirq + steal;
	return { busy, total: busy + idle + iowait };
}

/** A reading of one process at one moment. */
export interface ProcessReading {
	/** Milliseconds of a monotonic clock. */
	at: number;
	/** User + system CPU time so far, in seconds. */
	cpuSeconds: number;
}

/** Reads /proc for one process. */
export class ProcessProbe {
	readonly pid: number;
	private readonly ticksPerSecond: number;

	/**
	 * @param pid            The process.
	 * @param ticksPerSecond The kernel's USER_HZ (`getconf CLK_TCK`, almost always 100).
	 */
	constructor( pid: number, ticksPerSecond: number ) {
		this.pid = pid;
		this.ticksPerSecond = ticksPerSecond;
	}

	/** CPU time so far; throws when the process is gone. */
	read(): ProcessReading {
		const stat = readFileSync( `/proc/${ this.pid }/stat`, 'utf8' );
		return {
			at: performance.now(),
			cpuSeconds: parseStatTicks( stat ) / this.ticksPerSecond,
		};
	}

	/** Memory now and at its peak; throws when the process is gone. */
	memory(): ProcessMemory {
		return parseStatusMemory(
			readFileSync( `/proc/${ this.pid }/status`, 'utf8' )
		);
	}
}

/**
 * CPU used between two readings as a percentage of one core (200 = two
 * cores fully busy).
 *
 * @param from The earlier reading.
 * @param to   The later reading.
 */
export function cpuPercent( from: ProcessReading, to: ProcessReading ): number {
	const wallSeconds = ( to.at - from.at ) / 1000;
	return wallSeconds > 0
		? ( ( to.cpuSeconds - from.cpuSeconds ) / wallSeconds ) * 100
		: 0;
}

/** The machine's CPU counters now. */
export function readMachineTicks(): MachineTicks {
	return parseMachineTicks( readFileSync( '/proc/stat', 'utf8' ) );
}

/**
 * How busy all cores together were between two readings, as a percentage of
 * the whole machine (100 = every core busy).
 *
 * @param from The earlier reading.
 * @param to   The later reading.
 */
export function machineBusyPercent(
	from: MachineTicks,
	to: MachineTicks
): number {
	const total = to.total - from.total;
	return total > 0 ? ( ( to.busy - from.busy ) / total ) * 100 : 0;
}
