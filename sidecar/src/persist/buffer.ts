/**
 * The rows waiting to be written: visitor rows coalesced by visitor, page
 * views in arrival order. Pure and synchronous; the writer owns the timing.
 */

/**
 * Internal dependencies
 */
import type { PageViewRow, VisitorRow } from './rows';

// The referrer a set of sightings leaves, as the repository applies it: a
// new visit's non-empty referrer, newest first; without a new visit, the
// newest non-empty one (which only a first insert uses).
function mergedReferrer( older: VisitorRow, newer: VisitorRow ): string {
	const candidates = [ newer, older ];
	const visits = candidates.filter( ( row ) => row.visitsDelta > 0 );
	const from = visits.length > 0 ? visits : candidates;
	return from.find( ( row ) => row.referrer !== '' )?.referrer ?? '';
}

/**
 * One row standing for two sightings of the same visitor: visits added, the
 * later time, and the details of the later sighting (of the newer one on a tie).
 *
 * @param older The sighting recorded first.
 * @param newer The sighting recorded after it.
 */
export function mergeVisitorRows(
	older: VisitorRow,
	newer: VisitorRow
): VisitorRow {
	const latest = newer.time >= older.time ? newer : older;
	return {
		...latest,
		visitsDelta: older.visitsDelta + newer.visitsDelta,
		referrer: mergedReferrer( older, newer ),
	};
}

/** Rows taken out of a {@link PresenceBuffer} to be written. */
export interface Batch {
	visitors: VisitorRow[];
	pageViews: PageViewRow[];
}

/** Buffered presence rows. */
export class PresenceBuffer {
	private visitors = new Map< string, VisitorRow >();
	// A queue as an array and a read position, so dropping the oldest rows
	// of a full buffer does not copy it each time.
	private pageViews: PageViewRow[] = [];
	private head = 0;

	/** Rows buffered (a coalesced visitor counts once). */
	get size(): number {
		return this.visitors.size + this.pageViews.length - this.head;
	}

	/**
	 * Adds a sighting, merged into the one already buffered for that visitor.
	 *
	 * @param row The sighting.
	 */
	addVisitor( row: VisitorRow ): void {
		const buffered = this.visitors.get( row.visitorKey );
		// Map.set keeps a key's first position: the oldest visitor stays first.
		this.visitors.set(
			row.visitorKey,
			buffered ? mergeVisitorRows( buffered, row ) : row
		);
	}

	/**
	 * Appends a page view.
	 *
	 * @param row The page view.
	 */
	addPageView( row: PageViewRow ): void {
		this.pageViews.push( row );
	}

	/**
	 * Drops up to `count` rows, oldest page views first and only then the
	 * longest-buffered visitors.
	 *
	 * @param count Rows to drop.
	 * @return Rows dropped.
	 */
	dropOldest( count: number ): number {
		const pageViews = Math.min( count, this.pageViews.length - this.head );
		this.head += pageViews;
		if ( this.head * 2 >= this.pageViews.length ) {
			this.pageViews = this.pageViews.slice( this.head );
			this.head = 0;
		}
		let dropped = pageViews;
		for ( const key of this.visitors.keys() ) {
			if ( dropped >= count ) {
				break;
			}
			this.visitors.delete( key );
			dropped++;
		}
		return dropped;
	}

	/** Empties the buffer and returns what it held, oldest first. */
	take(): Batch {
		const batch = {
			visitors: [ ...this.visitors.values() ],
			pageViews: this.pageViews.slice( this.head ),
		};
		this.clear();
		return batch;
	}

	/**
	 * Puts rows that could not be written back in front of what arrived
	 * since, merging sightings of the same visitor.
	 *
	 * @param batch The rows not written, oldest first.
	 */
	putBack( batch: Batch ): void {
		const arrived = this.visitors;
		this.visitors = new Map(
			batch.visitors.map( ( row ) => [ row.visitorKey, row ] )
		);
		for ( const row of arrived.values() ) {
			this.addVisitor( row );
		}
		this.pageViews = batch.pageViews.concat(
			this.pageViews.slice( this.head )
		);
		this.head = 0;
	}

	/** Forgets every row. */
	clear(): void {
		this.visitors = new Map();
		this.pageViews = [];
		this.head = 0;
	}
}
