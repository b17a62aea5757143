/**
 * Which conversation changes this sidecar has already pushed. The tail reads
 * rows whose `updated_at` is at or after a floor a few seconds behind the
 * newest change it saw (a change stamped earlier may commit later) and skips
 * a row whose `updated_at` it already pushed. Pure: times are the stored
 * `DATETIME(3)` strings, which sort like the instants they name.
 */

/**
 * Internal dependencies
 */
import { dbTimeMs, toDbTime } from '../db/chat-sql';

/** How far behind the newest change the tail looks again. */
export const CHANGE_LOOKBACK_MS = 5000;

/** Keeps the pushed-change state of the conversation tail. */
export class ConversationCursor {
	/** Newest `updated_at` seen ('' before the first). */
	private newest: string;
	/** Row id → `updated_at` pushed. */
	private readonly pushed = new Map< number, string >();

	/**
	 * @param newest Newest `updated_at` stored when the tail started ('' when none).
	 */
	constructor( newest: string ) {
		this.newest = newest;
	}

	/** The tail's query: rows changed at or after this stored time. */
	floor(): string {
		const newest = dbTimeMs( this.newest );
		return newest === null
			? '1000-01-01 00:00:00.000'
			: toDbTime( newest - CHANGE_LOOKBACK_MS );
	}

	/**
	 * Claims a change for pushing: true the first time this row is seen with
	 * this `updated_at`.
	 *
	 * @param rowId     Conversation row id.
	 * @param updatedAt Its stored `updated_at`.
	 */
	claim( rowId: number, updatedAt: string ): boolean {
		if ( updatedAt > this.newest ) {
			this.newest = updatedAt;
		}
		const pushed = this.pushed.get( rowId );
		if ( pushed !== undefined && pushed >= updatedAt ) {
			return false;
		}
		this.pushed.set( rowId, updatedAt );
		return true;
	}

	/** Forgets changes older than the floor: they are never read again. */
	prune(): void {
		const floor = this.floor();
		for ( const [ rowId, updatedAt ] of this.pushed ) {
			if ( updatedAt < floor ) {
				this.pushed.delete( rowId );
			}
		}
	}
}
