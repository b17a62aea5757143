/**
 * Where a visitor is, from their IP address, with the bundled geoip-lite
 * database. Importing this module loads that database synchronously (about
 * 150 MB of RSS and half a second), so the server imports it once at boot.
 */

/**
 * External dependencies
 */
import geoip from 'geoip-lite';
import { BlockList } from 'node:net';

/**
 * Internal dependencies
 */
import type { PresenceGeo } from '../../../src/protocol';
import { normaliseIp } from './ip';

/** What a geo lookup yields: geoip-lite's record, or null when unknown. */
export type GeoRecord = Partial< geoip.Lookup > | null;

/** A raw lookup by IP address (geoip-lite's `lookup` in production). */
export type GeoLookupFn = ( ip: string ) => GeoRecord;

/** Finds the location of an IP address; never throws. */
export type GeoLocator = ( ip: string | null ) => PresenceGeo;

// Addresses that never locate a visitor: private, loopback, link-local,
// shared (CGNAT), unspecified, multicast, documentation and reserved.
const NOT_PUBLIC = new BlockList();
for ( const [ address, prefix ] of [
	[ '0.0.0.0', 8 ],
	[ '10.0.0.0', 8 ],
	[ '100.64.0.0', 10 ],
	[ '127.0.0.0', 8 ],
	[ '169.254.0.0', 16 ],
	[ '172.16.0.0', 12 ],
	[ '192.0.0.0', 24 ],
	[ '192.0.2.0', 24 ],
	[ '192.168.0.0', 16 ],
	[ '198.18.0.0', 15 ],
	[ '198.51.100.0', 24 ],
	[ '203.0.113.0', 24 ],
	[ '224.0.0.0', 3 ],
] as const ) {
	NOT_PUBLIC.addSubnet( address, prefix, 'ipv4' );
}
for ( const [ address, prefix ] of [
	[ '::', 127 ],
	[ '64:ff9b:1::', 48 ],
	[ '100::', 64 ],
	[ '2001:db8::', 32 ],
	[ 'fc00::', 7 ],
	[ 'fe80::', 10 ],
	[ 'ff00::', 8 ],
] as const ) {
	NOT_PUBLIC.addSubnet( address, prefix, 'ipv6' );
}

/** The location of an address that could not be located. */
export function emptyGeo(): PresenceGeo {
	return {
		country: '',
		region: '',
		city: '',
		lat: null,
		lng: null,
		timezone: '',
		approximate: true,
	};
}

/**
 * True when an address can have a location: a valid IP outside private,
 * loopback and other special-purpose ranges.
 *
 * @param ip A canonical IP address (see normaliseIp).
 */
export function isPublicIp( ip: string ): boolean {
	const type = ip.includes( ':' ) ? 'ipv6' : 'ipv4';
	return ! NOT_PUBLIC.check( ip, type );
}

const text = ( value: unknown ): string =>
	typeof value === 'string' ? value.trim() : '';

const coordinate = ( value: unknown, limit: number ): number | null =>
	typeof value === 'number' &&
	Number.isFinite( value ) &&
	Math.abs( value ) <= limit
		? value
		: null;

/**
 * Turns a database record into the protocol's shape, keeping only values of
 * the expected type and range.
 *
 * @param record What the lookup returned.
 */
function toGeo( record: NonNullable< GeoRecord > ): PresenceGeo {
	const code = text( record.country ).toUpperCase();
	const country = /^[A-Z]{2}$/.test( code ) ? code : '';
	const city = text( record.city );
	const ll: unknown[] = Array.isArray( record.ll ) ? record.ll : [];
	let lat = coordinate( ll[ 0 ], 90 );
	let lng = coordinate( ll[ 1 ], 180 );
	// 0,0 is the database's "unknown" unless a country vouches for it.
	if ( lat === null || lng === null || ( ! lat && ! lng && ! country ) ) {
		lat = null;
		lng = null;
	}
	return {
		country,
		region: text( record.region ),
		city,
		lat,
		lng,
		timezone: text( record.timezone ),
		approximate: city === '',
	};
}

/**
 * Builds a locator around a raw lookup, so tests can inject one. Invalid and
 * non-public addresses, misses and lookup errors all give {@link emptyGeo}.
 *
 * @param lookup The raw lookup; geoip-lite's by default.
 */
export function createGeoLookup(
	lookup: GeoLookupFn = ( ip ) => geoip.lookup( ip )
): GeoLocator {
	return ( ip ) => {
		try {
			const address = ip === null ? null : normaliseIp( ip );
			if ( address === null || ! isPublicIp( address ) ) {
				return emptyGeo();
			}
			const record = lookup( address );
			return record ? toGeo( record ) : emptyGeo();
		} catch {
			return emptyGeo();
		}
	};
}

const locate = createGeoLookup();

/**
 * Finds the location of an IP address in the bundled database; never throws.
 *
 * @param ip The client IP, or null when unknown.
 */
export function lookupGeo( ip: string | null ): PresenceGeo {
	return locate( ip );
}
