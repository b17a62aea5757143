/**
 * Which message ids this sidecar has already pushed, so the tail pushes each
 * stored message once, whoever wrote it. Auto-increment ids are handed out
 * when a statement runs but become visible when it commits, so a lower id can
 * appear after a higher one: ids skipped over are remembered as gaps for a
 * while and asked for again (the look-back). Pure: the clock is injected.
 */

/** How long a skipped id is waited for; ids rolled back never appear. */
export const GAP_TTL_MS = 15_000;

/** Most gaps kept (the oldest are given up first). */
export const GAPS_MAX = 2000;

/** Keeps the pushed-id state of the message tail. */
export class MessageCursor {
	/** Every id at or below this has been handled, except the gaps. */
	private max: number;
	/** Ids at or below `max` not seen yet, with when they expire. */
	private readonly gaps = new Map< number, number >();
	/** Ids above `max` already handled (this sidecar's own writes). */
	private readonly ahead = new Set< number >();
	private readonly now: () => number;

	/**
	 * @param startId Highest id stored when the tail started (older ones are history).
	 * @param now     Clock in milliseconds.
	 */
	constructor( startId: number, now: () => number ) {
		this.max = startId;
		this.now = now;
	}

	/** The tail's query: ids above this… */
	get after(): number {
		return this.max;
	}

	/** …and these, still awaited below it. */
	awaited(): number[] {
		this.expire();
		return [ ...this.gaps.keys() ];
	}

	/**
	 * Whether an id was claimed already (or is older than the tail's start).
	 *
	 * @param id A message id.
	 */
	pushed( id: number ): boolean {
		return id > this.max ? this.ahead.has( id ) : ! this.gaps.has( id );
	}

	/**
	 * Claims an id for pushing: true the first time, false after. Every
	 * message pushed (written here or found by the tail) is claimed first.
	 *
	 * @param id A message id.
	 */
	claim( id: number ): boolean {
		if ( id > this.max ) {
			if ( this.ahead.has( id ) ) {
				return false;
			}
			this.ahead.add( id );
			return true;
		}
		return this.gaps.delete( id );
	}

	/**
	 * The tail read everything committed up to `highest` (the highest id it
	 * got above `after`): ids in between that it neither got nor claimed
	 * become gaps.
	 *
	 * @param highest Highest id the read returned.
	 * @param seen    Ids the read returned (all claimed by now).
	 */
	advance( highest: number, seen: ReadonlySet< number > ): void {
		if ( highest <= this.max ) {
			return;
		}
		const expires = this.now() + GAP_TTL_MS;
		// A jump of more than GAPS_MAX ids keeps only the newest as gaps.
		const from = Math.max( this.max + 1, highest - GAPS_MAX );
		for ( let id = from; id < highest; id++ ) {
			if ( ! seen.has( id ) && ! this.ahead.has( id ) ) {
				this.gaps.set( id, expires );
			}
		}
		for ( const id of this.ahead ) {
			if ( id <= highest ) {
				this.ahead.delete( id );
			}
		}
		this.max = highest;
		this.trim();
	}

	private expire(): void {
		const now = this.now();
		for ( const [ id, expires ] of this.gaps ) {
			if ( expires <= now ) {
				this.gaps.delete( id );
			}
		}
	}

	// Map order is insertion order: the first gaps are the oldest.
	private trim(): void {
		for ( const id of this.gaps.keys() ) {
			if ( this.gaps.size <= GAPS_MAX ) {
				return;
			}
			this.gaps.delete( id );
		}
	}
}
