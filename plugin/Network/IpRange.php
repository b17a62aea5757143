<?php
/**
 * IP addresses and CIDR ranges as settings hold them.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Network;

/**
 * Validates and canonicalises one IPv4 / IPv6 address or CIDR range.
 *
 * The canonical form (lowercase, compressed IPv6) is what the sidecar reads
 * from the options table, so one range is always spelled one way.
 */
final class IpRange {

	/**
	 * The canonical form of an address ("203.0.113.7", "2001:db8::1") or a
	 * range ("10.0.0.0/8", "2001:db8::/32"), or null when the value is
	 * neither. Surrounding whitespace is ignored; zone ids ("fe80::1%eth0"),
	 * octal-looking IPv4 ("010.0.0.1"), prefixes longer than the address and
	 * IPv4-mapped ranges wider than IPv4 (::ffff:0:0/95) are refused.
	 *
	 * @param string $value Candidate.
	 */
	public static function normalize( string $value ): ?string {
		$parts = explode( '/', trim( $value ) );
		if ( count( $parts ) > 2 ) {
			return null;
		}

		$address = $parts[0];
		if ( false === filter_var( $address, FILTER_VALIDATE_IP ) ) {
			return null;
		}
		$packed = inet_pton( $address );
		if ( false === $packed ) {
			return null;
		}
		$canonical = inet_ntop( $packed );
		if ( false === $canonical ) {
			return null;
		}

		if ( ! isset( $parts[1] ) ) {
			return $canonical;
		}

		$prefix = $parts[1];
		if ( 1 !== preg_match( '/^(0|[1-9][0-9]{0,2})$/D', $prefix ) || (int) $prefix > 8 * strlen( $packed ) ) {
			return null;
		}
		// An IPv4-mapped range (::ffff:10.0.0.0/104) is an IPv4 range to the
		// sidecar; a prefix that reaches into the ::ffff: part is not one.
		if ( str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) && (int) $prefix < 96 ) {
			return null;
		}

		return $canonical . '/' . $prefix;
	}
}
