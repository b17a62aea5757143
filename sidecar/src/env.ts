/**
 * Small helpers shared by the configuration readers: every reader reports
 * problems instead of throwing, so boot can list all of them at once.
 */

/** The environment, as process.env provides it. */
export type Env = Readonly< Record< string, string | undefined > >;

/** Reads a UTF-8 text file, throwing on failure (fs.readFileSync-like). */
export type ReadFile = ( filePath: string ) => string;

/** Records a configuration problem against the variable that fixes it. */
export type Report = ( variable: string, message: string ) => void;

/**
 * Reads a variable, trimmed. Empty counts as unset: `FOO=` in a unit file or
 * compose file usually means "no value".
 *
 * @param env  The environment.
 * @param name Variable name.
 */
export function readVar( env: Env, name: string ): string | undefined {
	const value = env[ name ]?.trim();
	return value === '' ? undefined : value;
}

/**
 * Parses a decimal integer within [min, max], reporting anything else.
 *
 * @param text     The raw value, if set.
 * @param range    Inclusive [min, max].
 * @param variable Variable name, for the report.
 * @param report   Receives the problem, if any.
 */
export function parseInteger(
	text: string | undefined,
	range: [ number, number ],
	variable: string,
	report: Report
): number | undefined {
	const [ min, max ] = range;
	if ( text === undefined ) {
		return undefined;
	}
	const value = /^\d+$/.test( text ) ? Number( text ) : NaN;
	if ( ! ( value >= min && value <= max ) ) {
		report(
			variable,
			`must be an integer from ${ min } to ${ max } (got "${ text }")`
		);
		return undefined;
	}
	return value;
}
