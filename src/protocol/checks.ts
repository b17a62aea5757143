/**
 * Building blocks of the payload checks (validate.ts, chat-validate.ts).
 * Internal to src/protocol: not exported from its index.
 */

/** Outcome of a check: the cleaned value, or why it was refused. */
export type Checked< T > =
	{ ok: true; value: T } | { ok: false; reason: string };

/** A payload's fields, before they are checked. */
export type Fields = Record< string, unknown >;

/**
 * Whether a value is a plain object (not null, not an array).
 *
 * @param value Anything a client sent.
 */
export function isObject( value: unknown ): value is Fields {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * A refusal.
 *
 * @param reason Why, for the client and the log.
 */
export function fail< T >( reason: string ): Checked< T > {
	return { ok: false, reason };
}

/**
 * Control characters other than tab, line feed and carriage return (which
 * are text): they have no place in any string a client sends.
 */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
