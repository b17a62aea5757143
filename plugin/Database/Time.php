<?php
/**
 * Times as the chat tables store them and as the REST API returns them.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Database;

/**
 * Chat tables hold UTC `datetime(3)` values (`2026-11-21 09:30:00.123`); the
 * API speaks ISO 8601 UTC with milliseconds (`2026-11-21T09:30:00.123Z`), as
 * src/protocol/chat.ts says.
 */
final class Time {

	/**
	 * The current UTC time in the stored form, with milliseconds.
	 */
	public static function now(): string {
		return ( new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) )->format( 'Y-m-d H:i:s.v' );
	}

	/**
	 * A stored UTC time (with or without fractional seconds) as ISO 8601
	 * with milliseconds and a Z; null for NULL, '' or a value that is not a
	 * time.
	 *
	 * @param string|null $stored Column value.
	 */
	public static function iso( ?string $stored ): ?string {
		if ( null === $stored || 1 !== preg_match( '/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/D', $stored ) ) {
			return null;
		}
		$format = str_contains( $stored, '.' ) ? '!Y-m-d H:i:s.u' : '!Y-m-d H:i:s';
		$date   = \DateTimeImmutable::createFromFormat( $format, $stored, new \DateTimeZone( 'UTC' ) );

		return false === $date ? null : $date->format( 'Y-m-d\TH:i:s.v\Z' );
	}
}
