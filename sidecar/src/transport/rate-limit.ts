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

/**
 * Token buckets by key (e.g. one per visitor, shared by their connections).
 * A key's bucket is forgotten once it would be full again, so idle keys cost
 * nothing.
 */
export class KeyedBuckets {
	private readonly buckets = new Map<
		string,
		{ tokens: number; last: number }
	>();
	private readonly burst: number;
	private readonly perMs: number;
	private readonly now: () => number;

	constructor( burst: number, perSecond: number, now: () => number ) {
		this.burst = burst;
		this.perMs = perSecond / 1000;
		this.now = now;
	}

	/**
	 * Takes a token of `key`'s bucket; false when it is empty.
	 *
	 * @param key E.g. a visitor id.
	 */
	take( key: string ): boolean {
		const now = this.now();
		this.prune( now );
		const bucket = this.buckets.get( key ) ?? {
			tokens: this.burst,
			last: now,
		};
		bucket.tokens = Math.min(
			this.burst,
			bucket.tokens + ( now - bucket.last ) * this.perMs
		);
		bucket.last = now;
		// Re-inserted: the Map's order stays least recently used first.
		this.buckets.delete( key );
		this.buckets.set( key, bucket );
		if ( bucket.tokens < 1 ) {
			return false;
		}
		bucket.tokens -= 1;
		return true;
	}

	/** How many keys have a bucket. */
	get size(): number {
		return this.buckets.size;
	}

	// Forgets buckets that have refilled, least recently used first.
	private prune( now: number ): void {
		const refill = this.burst / this.perMs;
		for ( const [ key, bucket ] of this.buckets ) {
			if ( bucket.last + refill > now ) {
				return;
			}
			this.buckets.delete( key );
		}
	}
}
