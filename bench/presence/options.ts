/**
 * Command-line options of `bin/bench presence` (bin/bench prints the usage).
 */

/**
 * Internal dependencies
 */
import { parseFlags } from '../lib/flags';

/** What one presence benchmark run does. */
export interface PresenceOptions {
	/** Simulated visitors, one tab each. */
	visitors: number;
	/** Length of the measured steady phase, in seconds. */
	durationSeconds: number;
	/** New connections per second while ramping up. */
	rampPerSecond: number;
	/** Seconds between two page views of one visitor. */
	intervalSeconds: number;
}

/** The defaults: the scenario. */
export const DEFAULT_PRESENCE_OPTIONS: PresenceOptions = {
	visitors: 10_000,
	durationSeconds: 60,
	rampPerSecond: 500,
	intervalSeconds: 10,
};

/** Each flag, the option it sets and the whole numbers it accepts. */
const FLAGS = {
	'--visitors': { key: 'visitors', min: 1, max: 50_000 },
	'--duration': { key: 'durationSeconds', min: 10, max: 3600 },
	'--ramp': { key: 'rampPerSecond', min: 1, max: 5000 },
	'--interval': { key: 'intervalSeconds', min: 1, max: 600 },
} as const;

/**
 * Parses `--flag N` / `--flag=N` pairs over the defaults.
 *
 * @param args The arguments after `presence`.
 * @return The options, or a message naming what is wrong.
 */
export function parsePresenceOptions(
	args: readonly string[]
): PresenceOptions | string {
	return parseFlags( args, DEFAULT_PRESENCE_OPTIONS, FLAGS );
}
