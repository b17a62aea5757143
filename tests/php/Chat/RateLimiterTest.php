<?php
/**
 * Tests for LiveDesk\Chat\RateLimiter.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests\Chat;

use LiveDesk\Chat\RateLimiter;
use LiveDesk\Tests\TestCase;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Counting with transients (the test site has no persistent object cache).
 */
#[CoversClass( RateLimiter::class )]
final class RateLimiterTest extends TestCase {

	/**
	 * Up to the limit, then refused; subjects and buckets count apart.
	 */
	public function test_limit_per_subject_and_bucket(): void {
		$limiter = new RateLimiter();

		self::assertTrue( $limiter->allow( 'chat-visitor', 'a', 2, 60 ) );
		self::assertTrue( $limiter->allow( 'chat-visitor', 'a', 2, 60 ) );
		self::assertFalse( $limiter->allow( 'chat-visitor', 'a', 2, 60 ) );
		self::assertTrue( $limiter->allow( 'chat-visitor', 'b', 2, 60 ) );
		self::assertTrue( $limiter->allow( 'chat-ip', 'a', 2, 60 ) );
	}

	/**
	 * A window that has passed starts a new count.
	 */
	public function test_new_window_starts_over(): void {
		$limiter = new RateLimiter();
		$key     = 'livedesk_rl_' . md5( 'chat-visitor|c' );
		set_transient( $key, ( time() - 61 ) . ':99', 60 );

		self::assertTrue( $limiter->allow( 'chat-visitor', 'c', 2, 60 ) );
		self::assertStringEndsWith( ':1', (string) get_transient( $key ) );
	}

	/**
	 * One transient per subject, whatever the number of requests and
	 * minutes: the options table does not grow with traffic.
	 */
	public function test_one_row_per_subject(): void {
		$limiter = new RateLimiter();
		for ( $i = 0; $i < 5; $i++ ) {
			$limiter->allow( 'chat-visitor', 'd', 100, 60 );
		}
		$wpdb = $this->wpdb();

		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- counting stored rows; WPCS 2.3 predates %i.
		$rows = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE option_name = %s', $wpdb->options, '_transient_livedesk_rl_' . md5( 'chat-visitor|d' ) ) );
		self::assertSame( 1, $rows );
	}

	/**
	 * Sites can change a limit with the livedesk_chat_rate_limit filter.
	 */
	public function test_limit_is_filterable(): void {
		$one = static fn (): int => 1;
		add_filter( 'livedesk_chat_rate_limit', $one );
		try {
			$limiter = new RateLimiter();
			self::assertTrue( $limiter->allow( 'chat-visitor', 'e', 100, 60 ) );
			self::assertFalse( $limiter->allow( 'chat-visitor', 'e', 100, 60 ) );
		} finally {
			remove_filter( 'livedesk_chat_rate_limit', $one );
		}
	}
}
