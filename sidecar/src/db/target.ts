/** Where the database listens: a unix socket, or a TCP host and port. */
export type DbTarget =
	| { kind: 'socket'; socketPath: string }
	| { kind: 'tcp'; host: string; port: number };

/**
 * Names a target for logs and error messages, e.g. `db.local:3306`.
 *
 * @param target The target.
 */
export function describeDbTarget( target: DbTarget ): string {
	if ( target.kind === 'socket' ) {
		return target.socketPath;
	}
	// Bracket IPv6 literals so the port stays readable.
	const host = target.host.includes( ':' )
		? `[${ target.host }]`
		: target.host;
	return `${ host }:${ target.port }`;
}
