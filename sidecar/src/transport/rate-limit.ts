/**
 * A token bucket per connection: a visitor's browser may send a burst of
 * events (a quick series of navigations) but not a flood.
 */

/** Allows `burst` events at once and `perSecond` on average. */
export class TokenBucket {
	private tokens: number;
	private last: number;
	private readonly burst: number;
	private readonly perMs: number;
	private readonly now: () => number;

	constructor( burst: number, perSecond: number, now: () => number ) {
		this.burst = burst;
		this.tokens = burst;
		this.perMs = perSecond / 1000;
		this.now = now;
		this.last = now();
	}

	/** Takes a token; false when the bucket is empty (the event is refused). */
	take(): boolean {
		const now = this.now();
		this.tokens = Math.min(
			this.burst,
			this.tokens + ( now - this.last ) * this.perMs
		);
		this.last = now;
		if ( this.tokens < 1 ) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}
}
