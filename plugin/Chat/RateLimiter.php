<?php
/**
 * Request counting for the public chat routes.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

/**
 * Fixed-window counters: at most N requests per subject (a visitor, an IP
 * address, a user) per window. With a persistent object cache the counts
 * live there (atomic increments, one key per window). Otherwise each
 * subject has one transient holding its window's start and count, which
 * expires with the window, so the options table holds one row pair per
 * active subject, not one per subject and minute. A transient increment is
 * not atomic: two racing requests may count once, which is close enough
 * for abuse control.
 */
final class RateLimiter {

	/** Cache group of the counters. */
	private const GROUP = 'livedesk_rate';

	/**
	 * Counts a request and says whether it is within the limit.
	 *
	 * @param string $bucket  What is limited, e.g. `chat-visitor`.
	 * @param string $subject Who is counted, e.g. a visitor id or an IP.
	 * @param int    $limit   Requests allowed per window.
	 * @param int    $window  Window length in seconds.
	 */
	public function allow( string $bucket, string $subject, int $limit, int $window ): bool {
		/**
		 * Filters how many requests a subject may make per window on a
		 * public chat route.
		 *
		 * @param int    $limit  Requests per window.
		 * @param string $bucket What is limited: chat-visitor, chat-ip, offline-ip, offline-visitor, identity-user, visitor-ip.
		 * @param int    $window Window length in seconds.
		 */
		$limit  = (int) apply_filters( 'livedesk_chat_rate_limit', $limit, $bucket, $window );
		$window = max( 1, $window );
		$key    = 'livedesk_rl_' . md5( $bucket . '|' . $subject );

		return $this->increment( $key, $window, time() ) <= $limit;
	}

	/**
	 * Adds one to a subject's count in the current window and returns it.
	 *
	 * @param string $key    Counter key (≤ 172 characters).
	 * @param int    $window Window length in seconds.
	 * @param int    $now    Current unix time.
	 */
	private function increment( string $key, int $window, int $now ): int {
		if ( wp_using_ext_object_cache() ) {
			$slot_key = $key . '_' . intdiv( $now, $window );
			wp_cache_add( $slot_key, 0, self::GROUP, $window );
			$count = wp_cache_incr( $slot_key, 1, self::GROUP );

			return is_int( $count ) ? $count : 1;
		}

		$stored = get_transient( $key );
		$parts  = is_string( $stored ) ? explode( ':', $stored ) : array();
		$start  = (int) ( $parts[0] ?? 0 );
		$count  = (int) ( $parts[1] ?? 0 );
		if ( $start + $window <= $now ) {
			$start = $now;
			$count = 0;
		}
		++$count;
		set_transient( $key, $start . ':' . $count, max( 1, $start + $window - $now ) );

		return $count;
	}
}
