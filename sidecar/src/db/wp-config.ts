/**
 * Reads database settings out of a wp-config.php without running PHP. Only
 * plain string literals are understood; anything computed (getenv(),
 * concatenation, constants) is reported so the operator can set the matching
 * LIVEDESK_* variable instead of the sidecar guessing.
 */

/**
 * Internal dependencies
 */
import type { DbTarget } from './target';

/** A setting found in wp-config.php: its literal value, or why it is unusable. */
export type WpSetting = { value: string } | { error: string };

/** The wp-config.php settings the sidecar needs; absent when not defined. */
export interface WpConfigSettings {
	DB_NAME?: WpSetting;
	DB_USER?: WpSetting;
	DB_PASSWORD?: WpSetting;
	DB_HOST?: WpSetting;
	table_prefix?: WpSetting;
}

const CONSTANTS = [ 'DB_NAME', 'DB_USER', 'DB_PASSWORD', 'DB_HOST' ] as const;

// A PHP single- or double-quoted string literal, escapes included.
const LITERAL = `(?:'((?:[^'\\\\]|\\\\[\\s\\S])*)'|"((?:[^"\\\\]|\\\\[\\s\\S])*)")`;

function unquoteSingle( body: string ): string {
	return body.replace( /\\([\\'])/g, '$1' );
}

function unquoteDouble( body: string ): WpSetting {
	if ( /(^|[^\\])(\\\\)*\$[A-Za-z_{]/.test( body ) ) {
		return { error: 'uses PHP variable interpolation' };
	}
	if ( /\\(x|u\{|[0-7])/.test( body ) ) {
		return { error: 'uses PHP escape sequences the sidecar does not read' };
	}
	const map: Record< string, string > = {
		n: '\n',
		t: '\t',
		r: '\r',
		v: '\v',
		e: '\x1b',
		f: '\f',
		'\\': '\\',
		$: '$',
		'"': '"',
	};
	// PHP keeps the backslash of an escape it does not know.
	return {
		value: body.replace(
			/\\(.)/g,
			( whole, c: string ) => map[ c ] ?? whole
		),
	};
}

function extract(
	php: string,
	[ lead, tail ]: [ string, string ],
	label: string
): WpSetting | undefined {
	// Anchored at line start so `// define( ... )` comments are not read.
	const literal = new RegExp( `^[ \\t]*${ lead }${ LITERAL }${ tail }`, 'm' );
	const match = literal.exec( php );
	if ( match ) {
		return match[ 1 ] !== undefined
			? { value: unquoteSingle( match[ 1 ] ) }
			: unquoteDouble( match[ 2 ] ?? '' );
	}
	if ( new RegExp( `^[ \\t]*${ lead }`, 'm' ).test( php ) ) {
		return {
			error: `sets ${ label } with an expression, not a plain string`,
		};
	}
	return undefined;
}

/**
 * Extracts DB_* constants and `$table_prefix` from wp-config.php source.
 *
 * @param php Source of wp-config.php.
 */
export function parseWpConfig( php: string ): WpConfigSettings {
	const settings: WpConfigSettings = {};
	for ( const name of CONSTANTS ) {
		const lead = `define\\s*\\(\\s*(?:'${ name }'|"${ name }")\\s*,\\s*`;
		const found = extract( php, [ lead, '\\s*\\)\\s*;' ], name );
		if ( found ) {
			settings[ name ] = found;
		}
	}
	const prefix = extract(
		php,
		[ '\\$table_prefix\\s*=\\s*', '\\s*;' ],
		'$table_prefix'
	);
	if ( prefix ) {
		settings.table_prefix = prefix;
	}
	return settings;
}

/**
 * Splits a WordPress DB_HOST the way wpdb::parse_db_host() does: `host`,
 * `host:port`, `host:/path/to.sock`, `[::1]:3306`. A socket wins over TCP,
 * as it does for mysqli.
 *
 * @param dbHost      The DB_HOST value.
 * @param defaultPort Port when none is given.
 * @return The target, or why the value is unusable.
 */
export function parseDbHost(
	dbHost: string,
	defaultPort: number
): DbTarget | string {
	const socketAt = dbHost.indexOf( ':/' );
	if ( socketAt !== -1 ) {
		return { kind: 'socket', socketPath: dbHost.slice( socketAt + 1 ) };
	}
	const ipv6 = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec( dbHost );
	const plain = /^([^:/\s]+)(?::(\d+))?$/.exec( dbHost );
	// wpdb treats a host with several colons as a bare IPv6 address.
	const bareIpv6 =
		/^[0-9A-Fa-f:.]+$/.test( dbHost ) && dbHost.split( ':' ).length > 2;
	const host =
		ipv6?.[ 1 ] ?? plain?.[ 1 ] ?? ( bareIpv6 ? dbHost : undefined );
	if ( host === undefined ) {
		return `"${ dbHost }" is not host, host:port or host:/path/to/socket`;
	}
	const portText = ipv6?.[ 2 ] ?? plain?.[ 2 ];
	const port = portText === undefined ? defaultPort : Number( portText );
	if ( port < 1 || port > 65535 ) {
		return `port ${ portText } in "${ dbHost }" is out of range`;
	}
	return { kind: 'tcp', host, port };
}
