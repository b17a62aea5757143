/**
 * A binary min-heap: O(log n) push and pop, O(1) peek. The presence engine
 * uses it for freed visitor numbers and for over-cap visitors waiting to be
 * listed, so neither costs O(n) per operation.
 */

/** Negative when `a` comes before `b`, positive when after, 0 when equal. */
export type Compare< T > = ( a: T, b: T ) => number;

/** A min-heap ordered by a comparator. */
export class MinHeap< T > {
	private items: T[] = [];
	private readonly compare: Compare< T >;

	/**
	 * @param compare Order of the items; the smallest is popped first.
	 */
	constructor( compare: Compare< T > ) {
		this.compare = compare;
	}

	/** Number of items held. */
	get size(): number {
		return this.items.length;
	}

	/** The smallest item without removing it, or undefined when empty. */
	peek(): T | undefined {
		return this.items[ 0 ];
	}

	/**
	 * Adds an item.
	 *
	 * @param item The item.
	 */
	push( item: T ): void {
		this.items.push( item );
		this.siftUp( this.items.length - 1 );
	}

	/** Removes and returns the smallest item, or undefined when empty. */
	pop(): T | undefined {
		const items = this.items;
		const top = items[ 0 ];
		const last = items.pop();
		if ( items.length > 0 && last !== undefined ) {
			items[ 0 ] = last;
			this.siftDown( 0 );
		}
		return top;
	}

	/**
	 * Keeps only the items that pass `keep`, in O(n); for dropping stale
	 * items that lazy deletion left behind.
	 *
	 * @param keep Whether an item stays.
	 */
	retain( keep: ( item: T ) => boolean ): void {
		this.items = this.items.filter( keep );
		for ( let i = Math.floor( this.items.length / 2 ) - 1; i >= 0; i-- ) {
			this.siftDown( i );
		}
	}

	/** Removes every item. */
	clear(): void {
		this.items = [];
	}

	private siftUp( start: number ): void {
		const items = this.items;
		const item = items[ start ] as T;
		let i = start;
		while ( i > 0 ) {
			const parentIndex = Math.floor( ( i - 1 ) / 2 );
			const parent = items[ parentIndex ] as T;
			if ( this.compare( item, parent ) >= 0 ) {
				break;
			}
			items[ i ] = parent;
			i = parentIndex;
		}
		items[ i ] = item;
	}

	private siftDown( start: number ): void {
		const items = this.items;
		const length = items.length;
		const item = items[ start ] as T;
		let i = start;
		for (;;) {
			const left = 2 * i + 1;
			if ( left >= length ) {
				break;
			}
			const right = left + 1;
			let child = left;
			if (
				right < length &&
				this.compare( items[ right ] as T, items[ left ] as T ) < 0
			) {
				child = right;
			}
			const smaller = items[ child ] as T;
			if ( this.compare( smaller, item ) >= 0 ) {
				break;
			}
			items[ i ] = smaller;
			i = child;
		}
		items[ i ] = item;
	}
}
