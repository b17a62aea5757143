/**
 * Parsing of the benchmarks' `--flag N` options (bin/bench prints the usage).
 */

/** One flag: the option it sets and the whole numbers it accepts. */
export interface FlagSpec< K extends string > {
	key: K;
	min: number;
	max: number;
}

/**
 * Parses `--flag N` / `--flag=N` pairs over the defaults (which stay as
 * they are).
 *
 * @param args     The arguments after the benchmark's name.
 * @param defaults Every option's default.
 * @param flags    The flags, by name (e.g. `--visitors`).
 * @return The options, or a message naming what is wrong.
 */
export function parseFlags< T extends { [ K in keyof T ]: number } >(
	args: readonly string[],
	defaults: Readonly< T >,
	flags: Readonly< Record< string, FlagSpec< keyof T & string > > >
): T | string {
	const options: T = { ...defaults };
	for ( let i = 0; i < args.length; i++ ) {
		const arg = args[ i ] ?? '';
		const [ name = '', inline ] = arg.split( /=(.*)/s );
		const spec = Object.hasOwn( flags, name ) ? flags[ name ] : undefined;
		if ( ! spec ) {
			return `unknown option '${ arg }'`;
		}
		const text = inline ?? args[ ++i ];
		const { key, min, max } = spec;
		const value = /^\d+$/.test( text ?? '' ) ? Number( text ) : NaN;
		if ( ! ( value >= min && value <= max ) ) {
			return `${ name } needs a whole number from ${ min } to ${ max }, got '${
				text ?? ''
			}'`;
		}
		( options as Record< string, number > )[ key ] = value;
	}
	return options;
}
