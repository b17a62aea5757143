/**
 * Summaries of measured samples (latencies, sizes) and the number formats
 * the reports print them in.
 */

/** Distribution of a set of samples; all null when there are none. */
export interface Summary {
	count: number;
	mean: number | null;
	p50: number | null;
	p95: number | null;
	p99: number | null;
	max: number | null;
}

/**
 * The nearest-rank percentile of ascending samples: the smallest sample that
 * at least `p` percent of the samples are less than or equal to.
 *
 * @param sorted Samples in ascending order.
 * @param p      Percentile, 0 < p ≤ 100.
 * @return The percentile, or null for no samples.
 */
export function percentile(
	sorted: readonly number[],
	p: number
): number | null {
	if ( sorted.length === 0 ) {
		return null;
	}
	const rank = Math.ceil( ( p / 100 ) * sorted.length );
	return sorted[ Math.min( Math.max( rank, 1 ), sorted.length ) - 1 ] ?? null;
}

/**
 * Count, mean, p50 / p95 / p99 and maximum of samples.
 *
 * @param samples Samples in any order (not modified).
 */
export function summarize( samples: readonly number[] ): Summary {
	const sorted = Float64Array.from( samples ).sort();
	const values = Array.from( sorted );
	const total = values.reduce( ( sum, value ) => sum + value, 0 );
	return {
		count: values.length,
		mean: values.length > 0 ? total / values.length : null,
		p50: percentile( values, 50 ),
		p95: percentile( values, 95 ),
		p99: percentile( values, 99 ),
		max: values.length > 0 ? ( values[ values.length - 1 ] ?? null ) : null,
	};
}

/**
 * Bytes as mebibytes with one decimal, e.g. `312.4 MiB`.
 *
 * @param bytes A size in bytes.
 */
export function mib( bytes: number ): string {
	return `${ ( bytes / 1024 / 1024 ).toFixed( 1 ) } MiB`;
}

/**
 * A percentage with one decimal, e.g. `37.5%`.
 *
 * @param value The percentage.
 */
export function percent( value: number ): string {
	return `${ value.toFixed( 1 ) }%`;
}

/**
 * Milliseconds for a report: whole below 10 s, seconds with one decimal
 * above; `—` for none.
 *
 * @param ms Milliseconds, or null.
 */
export function duration( ms: number | null ): string {
	if ( ms === null ) {
		return '—';
	}
	return ms < 10_000
		? `${ Math.round( ms ) } ms`
		: `${ ( ms / 1000 ).toFixed( 1 ) } s`;
}
