<?php
/**
 * Tests for LiveDesk\Database\Time.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Database;

use LiveDesk\Database\Time;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

/**
 * Stored times and their ISO 8601 form.
 */
#[CoversClass( Time::class )]
final class TimeTest extends TestCase {

	/**
	 * Stored values as the API writes them.
	 *
	 * @param string|null $stored   Column value.
	 * @param string|null $expected ISO 8601 with milliseconds, or null.
	 */
	#[DataProvider( 'values' )]
	public function test_iso( ?string $stored, ?string $expected ): void {
		self::assertSame( $expected, Time::iso( $stored ) );
	}

	/**
	 * Cases.
	 *
	 * @return array<string, array{string|null, string|null}>
	 */
	public static function values(): array {
		return array(
			'milliseconds' => array( '2026-11-21 09:30:00.123', '2026-11-21T09:30:00.123Z' ),
			'no fraction'  => array( '2026-11-21 09:30:00', '2026-11-21T09:30:00.000Z' ),
			'microseconds' => array( '2026-11-21 09:30:00.123456', '2026-11-21T09:30:00.123Z' ),
			'null'         => array( null, null ),
			'empty'        => array( '', null ),
			'already iso'  => array( '2026-11-21T09:30:00.123Z', null ),
			'not a time'   => array( 'yesterday', null ),
		);
	}

	/**
	 * Now has milliseconds and round-trips.
	 */
	public function test_now(): void {
		$now = Time::now();

		self::assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/', $now );
		self::assertSame( str_replace( ' ', 'T', $now ) . 'Z', Time::iso( $now ) );
	}
}
