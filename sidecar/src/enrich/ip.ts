/**
 * The visitor's IP address: which one to believe (X-Forwarded-For only from
 * trusted proxies), its canonical text form, and what of it may be stored.
 */

/**
 * External dependencies
 */
import { BlockList, isIP } from 'node:net';

/** How much of a visitor's IP address is stored (the IP setting). */
export type IpMode = 'full' | 'anonymised' | 'none';

/** The proxies whose X-Forwarded-For header is believed. */
export interface TrustedProxies {
	/** True when the address lies in one of the entries. */
	has: ( ip: string ) => boolean;
	/** The accepted entries in canonical form (`10.0.0.0/8`, `2001:db8::1`). */
	readonly entries: readonly string[];
}

// Text of an IPv4 prefix length (0-32) or IPv6 prefix length (0-128).
const PREFIX = /^\d{1,3}$/;

/**
 * Reads an IPv6 address as eight 16-bit groups; the caller has already
 * checked it with net.isIP, so only well-formed input reaches here.
 *
 * @param ip An IPv6 address without zone id or brackets.
 */
function ipv6Groups( ip: string ): number[] {
	let text = ip;
	const tail: number[] = [];
	const dotted = text.lastIndexOf( ':' );
	if ( text.includes( '.' ) ) {
		// An embedded IPv4 address fills the last two groups.
		const octets = text
			.slice( dotted + 1 )
			.split( '.' )
			.map( Number );
		const [ a = 0, b = 0, c = 0, d = 0 ] = octets;
		tail.push( a * 256 + b, c * 256 + d );
		text = text.slice( 0, dotted + 1 ) + '0:0';
	}
	const toGroups = ( part: string ): number[] =>
		part === '' ? [] : part.split( ':' ).map( ( g ) => parseInt( g, 16 ) );
	const [ head = '', rest ] = text.split( '::' );
	const left = toGroups( head );
	const right = rest === undefined ? [] : toGroups( rest );
	const fill = new Array< number >( 8 - left.length - right.length ).fill(
		0
	);
	const groups = [ ...left, ...fill, ...right ];
	if ( tail.length ) {
		groups.splice( 6, 2, ...tail );
	}
	return groups;
}

/**
 * Writes eight 16-bit groups in the RFC 5952 form: lower case, no leading
 * zeros, the longest run (first on a tie) of two or more zero groups as `::`.
 *
 * @param groups Eight numbers 0-65535.
 */
function formatIpv6( groups: readonly number[] ): string {
	let best = -1;
	let bestLength = 1;
	for ( let i = 0; i < 8; ) {
		let j = i;
		while ( j < 8 && groups[ j ] === 0 ) {
			j++;
		}
		if ( j - i > bestLength ) {
			best = i;
			bestLength = j - i;
		}
		i = j === i ? i + 1 : j;
	}
	const hex = groups.map( ( g ) => g.toString( 16 ) );
	if ( best < 0 ) {
		return hex.join( ':' );
	}
	const left = hex.slice( 0, best ).join( ':' );
	const right = hex.slice( best + bestLength ).join( ':' );
	return `${ left }::${ right }`;
}

// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it names.
function mappedIpv4( groups: readonly number[] ): string | null {
	const zeros = groups.slice( 0, 5 ).every( ( g ) => g === 0 );
	if ( ! zeros || groups[ 5 ] !== 0xffff ) {
		return null;
	}
	const high = groups[ 6 ] ?? 0;
	const low = groups[ 7 ] ?? 0;
	const octets = [ high, low ].flatMap( ( g ) => [
		Math.floor( g / 256 ),
		g % 256,
	] );
	return octets.join( '.' );
}

/**
 * The canonical form of an IP address, or null when the text is not one.
 * Trims, drops `[...]` and an IPv6 zone id, turns IPv4-mapped IPv6 into
 * IPv4 and writes IPv6 in RFC 5952 form, so one address has one spelling.
 *
 * @param ip Untrusted text (a socket address or a header entry).
 */
export function normaliseIp( ip: string ): string | null {
	let text = ip.trim();
	const bracketed = text.startsWith( '[' ) && text.endsWith( ']' );
	if ( bracketed ) {
		text = text.slice( 1, -1 );
	}
	const zone = text.indexOf( '%' );
	if ( zone > 0 && text.includes( ':' ) ) {
		text = text.slice( 0, zone );
	}
	const family = isIP( text );
	if ( family === 4 && ! bracketed ) {
		return text;
	}
	if ( family !== 6 ) {
		return null;
	}
	const groups = ipv6Groups( text );
	return mappedIpv4( groups ) ?? formatIpv6( groups );
}

/**
 * One trusted-proxy entry (address or CIDR range) in canonical form with its
 * family and prefix length, or null when it is not valid.
 *
 * @param entry One entry of the setting.
 */
function parseEntry(
	entry: string
): { address: string; prefix: number; family: 4 | 6 } | null {
	const slash = entry.indexOf( '/' );
	const address = normaliseIp( slash < 0 ? entry : entry.slice( 0, slash ) );
	if ( address === null ) {
		return null;
	}
	const family = isIP( address ) === 4 ? 4 : 6;
	const max = family === 4 ? 32 : 128;
	if ( slash < 0 ) {
		return { address, prefix: max, family };
	}
	const prefixText = entry.slice( slash + 1 );
	if ( ! PREFIX.test( prefixText ) ) {
		return null;
	}
	let prefix = Number( prefixText );
	// A mapped range written in IPv6 (::ffff:10.0.0.0/104) is an IPv4 range.
	const wasMapped = family === 4 && entry.slice( 0, slash ).includes( ':' );
	if ( wasMapped ) {
		prefix -= 96;
		if ( prefix < 0 ) {
			return null;
		}
	}
	if ( prefix > max ) {
		return null;
	}
	return { address, prefix, family };
}

/**
 * Reads the trusted-proxies setting. Entries are IPv4/IPv6 addresses or CIDR
 * ranges separated by newlines, commas or spaces; bad entries are reported,
 * never thrown, so one typo does not stop the sidecar.
 *
 * @param list The setting's text.
 */
export function parseTrustedProxies( list: string ): {
	proxies: TrustedProxies;
	invalid: string[];
} {
	const blocks = new BlockList();
	const entries: string[] = [];
	const invalid: string[] = [];
	for ( const entry of list.split( /[\s,]+/ ) ) {
		if ( entry === '' ) {
			continue;
		}
		const parsed = parseEntry( entry );
		if ( ! parsed ) {
			invalid.push( entry );
			continue;
		}
		const { address, prefix, family } = parsed;
		const type = family === 4 ? 'ipv4' : 'ipv6';
		blocks.addSubnet( address, prefix, type );
		const max = family === 4 ? 32 : 128;
		entries.push( prefix === max ? address : `${ address }/${ prefix }` );
	}
	const proxies: TrustedProxies = {
		entries,
		has: ( ip: string ): boolean => {
			const address = normaliseIp( ip );
			if ( address === null || entries.length === 0 ) {
				return false;
			}
			return blocks.check(
				address,
				isIP( address ) === 4 ? 'ipv4' : 'ipv6'
			);
		},
	};
	return { proxies, invalid };
}

/**
 * The visitor's address: the socket's peer unless that peer is a trusted
 * proxy; then X-Forwarded-For is walked from the right past trusted hops to
 * the first untrusted one. A hop that is not an IP stops the walk at the
 * last valid (trusted) hop; when every hop is trusted the leftmost wins.
 *
 * @param remoteAddress The socket's remote address.
 * @param forwardedFor  X-Forwarded-For header(s), in the order received.
 * @param trusted       The configured trusted proxies.
 */
export function clientIp(
	remoteAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	trusted: TrustedProxies
): string | null {
	const remote =
		remoteAddress === undefined ? null : normaliseIp( remoteAddress );
	if ( remote === null || ! trusted.has( remote ) ) {
		return remote;
	}
	const header = Array.isArray( forwardedFor )
		? forwardedFor.join( ',' )
		: ( forwardedFor ?? '' );
	const hops = header.split( ',' );
	let last = remote;
	for ( let i = hops.length - 1; i >= 0; i-- ) {
		const hop = ( hops[ i ] ?? '' ).trim();
		if ( hop === '' ) {
			continue;
		}
		const address = normaliseIp( hop );
		if ( address === null ) {
			return last;
		}
		if ( ! trusted.has( address ) ) {
			return address;
		}
		last = address;
	}
	return last;
}

/**
 * The address with its host part zeroed: IPv4 keeps 24 bits (last octet
 * zeroed), IPv6 keeps 48 bits (last 80 zeroed), written canonically.
 * Returns '' for text that is not an IP.
 *
 * @param ip An IP address.
 */
export function anonymiseIp( ip: string ): string {
	const address = normaliseIp( ip );
	if ( address === null ) {
		return '';
	}
	if ( isIP( address ) === 4 ) {
		return address.replace( /\.\d+$/, '.0' );
	}
	const groups = ipv6Groups( address );
	return formatIpv6( [ ...groups.slice( 0, 3 ), 0, 0, 0, 0, 0 ] );
}

/**
 * The IP text to store under the IP setting: the canonical address, its
 * anonymised form, or '' (also for an unknown address).
 *
 * @param ip   The client IP, or null when unknown.
 * @param mode The IP setting.
 */
export function storedIp( ip: string | null, mode: IpMode ): string {
	if ( ip === null || mode === 'none' ) {
		return '';
	}
	if ( mode === 'anonymised' ) {
		return anonymiseIp( ip );
	}
	return normaliseIp( ip ) ?? '';
}
