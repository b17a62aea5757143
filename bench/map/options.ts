/**
 * Command-line options of `bin/bench map` (bin/bench prints the usage).
 */

/**
 * Internal dependencies
 */
import { parseFlags } from '../lib/flags';

/** What one map benchmark run does. */
export interface MapOptions {
	/** Simulated visitors, one tab each; the visitor cap is set to this. */
	visitors: number;
	/** Length of the measured steady stream, in seconds. */
	durationSeconds: number;
	/** Seconds between two page views of one visitor. */
	intervalSeconds: number;
	/** New connections per second while ramping up. */
	rampPerSecond: number;
	/** Page loads whose first render is measured (the first with empty caches). */
	loads: number;
}

/** A run, or the screenshot for docs/ (the same stack, another scene). */
export type MapCommand =
	| {
			mode: 'bench';
			options: MapOptions;
			/** Also record a CPU profile of the steady stream (`--profile`). */
			profile: boolean;
	  }
	| { mode: 'screenshot'; path: string };

/**
 * The defaults: the first target (500 visitors), page views as in
 * the presence benchmark (every 10 s).
 */
export const DEFAULT_MAP_OPTIONS: MapOptions = {
	visitors: 500,
	durationSeconds: 30,
	intervalSeconds: 10,
	rampPerSecond: 500,
	loads: 3,
};

/** Each flag, the option it sets and the whole numbers it accepts. */
const FLAGS = {
	'--visitors': { key: 'visitors', min: 1, max: 20_000 },
	'--duration': { key: 'durationSeconds', min: 10, max: 600 },
	'--interval': { key: 'intervalSeconds', min: 1, max: 600 },
	'--ramp': { key: 'rampPerSecond', min: 1, max: 5000 },
	'--loads': { key: 'loads', min: 1, max: 10 },
} as const;

/**
 * Parses the arguments after `map`: `--screenshot PATH` alone, or
 * `--flag N` / `--flag=N` pairs over the defaults and `--profile`.
 *
 * @param args The arguments after `map`.
 * @return The command, or a message naming what is wrong.
 */
export function parseMapCommand(
	args: readonly string[]
): MapCommand | string {
	const [ first = '', ...rest ] = args;
	const [ name, inline ] = first.split( /=(.*)/s );
	if ( name === '--screenshot' ) {
		const path = inline ?? rest.shift();
		if ( ! path ) {
			return '--screenshot needs the path of the PNG to write';
		}
		if ( rest.length > 0 ) {
			return `--screenshot takes no other options, got '${ rest.join(
				' '
			) }'`;
		}
		return { mode: 'screenshot', path };
	}
	if ( args.some( ( arg ) => arg.startsWith( '--screenshot' ) ) ) {
		return '--screenshot must come first and alone';
	}
	const profile = args.includes( '--profile' );
	const options = parseFlags(
		args.filter( ( arg ) => arg !== '--profile' ),
		DEFAULT_MAP_OPTIONS,
		FLAGS
	);
	return typeof options === 'string'
		? options
		: { mode: 'bench', options, profile };
}
