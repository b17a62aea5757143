/**
 * Collects presence messages between two store dispatches, so a burst of
 * updates costs one reducer pass (and one render) instead of one per message.
 * Merging is exact: applying the taken batch gives the same state as applying
 * every message in turn.
 */

/**
 * Internal dependencies
 */
import type {
	PresenceCounts,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
} from '../../../protocol';

/** Messages waiting for the store, in the order they must be applied. */
export interface PresenceBatch {
	/** The newest snapshot, if one arrived (it supersedes earlier updates). */
	snapshot: { value: PresenceSnapshot; receivedAt: number } | null;
	/** Every update after that snapshot, merged into one. */
	update: { value: PresenceUpdate; receivedAt: number } | null;
}

/** Accumulates snapshots and updates until take(). */
export class PresenceBuffer {
	private snapshot: PresenceBatch[ 'snapshot' ] = null;
	private readonly upserts = new Map< string, PresenceVisitor >();
	private readonly removals = new Set< string >();
	private last: {
		counts: PresenceCounts;
		serverTime: number;
		receivedAt: number;
	} | null = null;

	/** Whether nothing is waiting. */
	isEmpty(): boolean {
		return this.snapshot === null && this.last === null;
	}

	/**
	 * A snapshot arrived: it replaces whatever came before it.
	 *
	 * @param snapshot   The snapshot.
	 * @param receivedAt When it arrived.
	 */
	addSnapshot( snapshot: PresenceSnapshot, receivedAt: number ): void {
		this.clearUpdates();
		this.snapshot = { value: snapshot, receivedAt };
	}

	/**
	 * An update arrived: merged with the earlier ones (removals, then upserts, as the reducer applies them).
	 *
	 * @param update     The update.
	 * @param receivedAt When it arrived.
	 */
	addUpdate( update: PresenceUpdate, receivedAt: number ): void {
		for ( const id of update.removals ) {
			this.upserts.delete( id );
			this.removals.add( id );
		}
		for ( const visitor of update.upserts ) {
			// The removal stays: it voids an entry the store may still hold,
			// whose place in the list may differ from the new one's.
			this.upserts.set( visitor.id, visitor );
		}
		const { counts, serverTime } = update;
		this.last = { counts, serverTime, receivedAt };
	}

	/** Everything waiting, leaving the buffer empty. */
	take(): PresenceBatch {
		const { snapshot, last } = this;
		const batch: PresenceBatch = {
			snapshot,
			update:
				last === null
					? null
					: {
							value: {
								upserts: [ ...this.upserts.values() ],
								removals: [ ...this.removals ],
								counts: last.counts,
								serverTime: last.serverTime,
							},
							receivedAt: last.receivedAt,
						},
		};
		this.snapshot = null;
		this.clearUpdates();
		return batch;
	}

	private clearUpdates(): void {
		this.upserts.clear();
		this.removals.clear();
		this.last = null;
	}
}
