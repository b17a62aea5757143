/**
 * Visitor numbers ("Visitor 3"): always the lowest free positive integer.
 * Freed numbers wait in a min-heap below a high-water mark, so taking and
 * giving back a number are O(log n) however many visitors there are.
 */

/**
 * Internal dependencies
 */
import { MinHeap } from './heap';

/** Hands out the lowest free positive integer and takes numbers back. */
export class NumberPool {
	/** Every number from 1 to here has been handed out at least once. */
	private highWater = 0;
	/** Numbers at or below `highWater` that are free again. */
	private readonly freed = new MinHeap< number >( ( a, b ) => a - b );

	/** How many numbers are in use. */
	get inUse(): number {
		return this.highWater - this.freed.size;
	}

	/** Takes the lowest free number. */
	take(): number {
		const reused = this.freed.pop();
		if ( reused !== undefined ) {
			return reused;
		}
		this.highWater++;
		return this.highWater;
	}

	/**
	 * Gives a number back. The caller guarantees it holds the number (the
	 * engine frees each entry's number exactly once).
	 *
	 * @param n A number returned by {@link NumberPool.take}.
	 */
	release( n: number ): void {
		if ( n === this.highWater ) {
			// Shrinking keeps the heap small when the newest visitors leave.
			this.highWater--;
			return;
		}
		this.freed.push( n );
	}

	/** Frees every number. */
	reset(): void {
		this.highWater = 0;
		this.freed.clear();
	}
}
