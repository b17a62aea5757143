/** First reconnection delay ceiling, in ms. */
export const BACKOFF_BASE_MS = 1000;

/** Largest reconnection delay, in ms. */
export const BACKOFF_CAP_MS = 30000;

/**
 * Delay before reconnection attempt `attempt` (0 first): exponential backoff
 * with full jitter, a uniform pick in [0, min(cap, base · 2^attempt)), so a
 * sidecar restart is not met by every visitor at the same moment.
 *
 * @param attempt Failed attempts so far.
 * @param random  Source of uniform numbers in [0, 1).
 */
export function backoffDelay(
	attempt: number,
	random: () => number = Math.random
): number {
	return Math.floor(
		random() * Math.min( BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt )
	);
}
