<?php
/**
 * The visitor's IP address, as the REST routes see it.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Network;

/**
 * Which address to believe (X-Forwarded-For only from trusted proxies) and
 * what of it may be stored. Mirrors sidecar/src/enrich/ip.ts, so a chat
 * started over REST stores the IP the sidecar would have stored.
 */
final class ClientIp {

	/**
	 * The canonical form of an address, or null when the text is not one.
	 * Trims, drops `[...]` and an IPv6 zone id, turns IPv4-mapped IPv6 into
	 * IPv4 and writes IPv6 compressed in lower case.
	 *
	 * @param string $ip Untrusted text.
	 */
	public static function normalize( string $ip ): ?string {
		$text = trim( $ip );
		if ( str_starts_with( $text, '[' ) && str_ends_with( $text, ']' ) ) {
			$text = substr( $text, 1, -1 );
		}
		$zone = strpos( $text, '%' );
		if ( false !== $zone && str_contains( $text, ':' ) ) {
			$text = substr( $text, 0, $zone );
		}
		if ( false === filter_var( $text, FILTER_VALIDATE_IP ) ) {
			return null;
		}
		$packed = inet_pton( $text );
		if ( false === $packed ) {
			return null;
		}
		if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			$packed = substr( $packed, 12 );
		}
		$canonical = inet_ntop( $packed );

		return false === $canonical ? null : $canonical;
	}

	/**
	 * The client's address: the peer unless it is a trusted proxy; then
	 * X-Forwarded-For is walked from the right past trusted hops to the
	 * first untrusted one.
	 *
	 * @param string   $remote    REMOTE_ADDR.
	 * @param string   $forwarded X-Forwarded-For ('' when absent).
	 * @param string[] $trusted   Trusted proxies: canonical IPs and CIDR ranges.
	 */
	public static function from_request( string $remote, string $forwarded, array $trusted ): ?string {
		$address = self::normalize( $remote );
		if ( null === $address || ! self::in_any( $address, $trusted ) ) {
			return $address;
		}

		$last = $address;
		$hops = array_reverse( explode( ',', $forwarded ) );
		foreach ( $hops as $hop ) {
			if ( '' === trim( $hop ) ) {
				continue;
			}
			$hop_address = self::normalize( $hop );
			if ( null === $hop_address ) {
				return $last;
			}
			if ( ! self::in_any( $hop_address, $trusted ) ) {
				return $hop_address;
			}
			$last = $hop_address;
		}

		return $last;
	}

	/**
	 * The address with its host part zeroed: IPv4 keeps 24 bits, IPv6 keeps
	 * 48 bits. '' for text that is not an IP.
	 *
	 * @param string $ip An IP address.
	 */
	public static function anonymise( string $ip ): string {
		$address = self::normalize( $ip );
		if ( null === $address ) {
			return '';
		}
		$packed = (string) inet_pton( $address );
		$keep   = 4 === strlen( $packed ) ? 3 : 6;
		$zeroed = inet_ntop( substr( $packed, 0, $keep ) . str_repeat( "\0", strlen( $packed ) - $keep ) );

		return false === $zeroed ? '' : $zeroed;
	}

	/**
	 * What to store under the IP setting: the canonical address, its
	 * anonymised form, or ''.
	 *
	 * @param string|null $ip   The client IP, or null when unknown.
	 * @param string      $mode 'full', 'anonymised' or 'none'.
	 */
	public static function stored( ?string $ip, string $mode ): string {
		if ( null === $ip || 'none' === $mode ) {
			return '';
		}
		if ( 'full' === $mode ) {
			return self::normalize( $ip ) ?? '';
		}

		return self::anonymise( $ip );
	}

	/**
	 * Whether an address lies in one of some ranges.
	 *
	 * @param string   $address Canonical address.
	 * @param string[] $ranges  Canonical IPs and CIDR ranges.
	 */
	public static function in_any( string $address, array $ranges ): bool {
		foreach ( $ranges as $range ) {
			if ( self::in_range( $address, $range ) ) {
				return true;
			}
		}

		return false;
	}

	/**
	 * Whether an address lies in an IP or CIDR range of the same family.
	 *
	 * @param string $address Canonical address.
	 * @param string $range   IP or CIDR range.
	 */
	private static function in_range( string $address, string $range ): bool {
		$parts  = explode( '/', $range, 2 );
		$base   = self::normalize( $parts[0] );
		$packed = inet_pton( $address );
		if ( null === $base || false === $packed ) {
			return false;
		}
		$base_packed = (string) inet_pton( $base );
		if ( strlen( $base_packed ) !== strlen( $packed ) ) {
			return false;
		}
		$bits = 8 * strlen( $packed );
		if ( isset( $parts[1] ) ) {
			$bits = (int) $parts[1];
			// An IPv4-mapped range (::ffff:10.0.0.0/104) was turned into IPv4 above.
			if ( 4 === strlen( $packed ) && str_contains( $parts[0], ':' ) ) {
				$bits -= 96;
			}
		}
		$bits  = max( 0, min( 8 * strlen( $packed ), $bits ) );
		$bytes = intdiv( $bits, 8 );
		if ( substr( $packed, 0, $bytes ) !== substr( $base_packed, 0, $bytes ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;

		return ( ord( $packed[ $bytes ] ) & $mask ) === ( ord( $base_packed[ $bytes ] ) & $mask );
	}
}
