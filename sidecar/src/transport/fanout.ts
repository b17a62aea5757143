/**
 * Fan-out of presence to agents: a burst of visitor events costs one
 * `presence:update` per tick, and offline visitors are swept when their tail
 * ends.
 */

/**
 * Internal dependencies
 */
import type { PresenceSnapshot, PresenceUpdate } from '../../../src/protocol';
import type { PresenceEngine } from '../presence/engine';

/** Room of `/agent` sockets that receive presence. */
export const PRESENCE_ROOM = 'presence';

/** Collaborators of a {@link PresenceFanout}. */
export interface PresenceFanoutDeps {
	engine: PresenceEngine;
	/** Sends an update to every agent in the presence room. */
	send: ( update: PresenceUpdate ) => void;
	tickMs: number;
	/** How often to look for offline visitors whose tail has ended. */
	sweepMs: number;
	now: () => number;
}

/** Coalesces presence changes into ticks and sweeps the offline tail. */
export class PresenceFanout {
	private tick: NodeJS.Timeout | undefined;
	private readonly sweeper: NodeJS.Timeout;
	private readonly deps: PresenceFanoutDeps;

	constructor( deps: PresenceFanoutDeps ) {
		this.deps = deps;
		this.sweeper = setInterval( () => this.sweep(), deps.sweepMs );
		this.sweeper.unref();
	}

	/** Something changed: an update goes out at the end of this tick. */
	changed(): void {
		if ( this.tick === undefined ) {
			this.tick = setTimeout( () => this.flush(), this.deps.tickMs );
		}
	}

	/** Sends what changed now (no-op when nothing did). */
	flush(): void {
		clearTimeout( this.tick );
		this.tick = undefined;
		const update = this.deps.engine.takeChanges();
		if ( update !== null ) {
			this.deps.send( update );
		}
	}

	/**
	 * Presence for an agent that just connected. Pending changes go out to
	 * the others first, so everything in the snapshot is also in the
	 * baseline that later removals are computed against.
	 */
	snapshot(): PresenceSnapshot {
		this.flush();
		return this.deps.engine.snapshot();
	}

	/** Stops the timers. */
	stop(): void {
		clearTimeout( this.tick );
		this.tick = undefined;
		clearInterval( this.sweeper );
	}

	private sweep(): void {
		const { engine, now } = this.deps;
		const due = engine.nextSweepAt();
		if ( due !== null && due <= now() ) {
			engine.sweep();
			this.changed();
		}
	}
}
