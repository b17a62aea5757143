/**
 * Runs an async task now and then again on an interval until stopped; the
 * shared secret and the site's settings are re-read this way so changes made
 * in wp-admin apply without a restart.
 */

/** Repeats a task; a run never overlaps the previous one. */
export class Poller {
	private timer: NodeJS.Timeout | undefined;
	private running: Promise< void > | undefined;
	private stopped = false;
	private readonly task: () => Promise< void >;
	private readonly intervalMs: number;

	/**
	 * @param task       The work; it must not throw (record failures instead).
	 * @param intervalMs Pause between the end of a run and the next one.
	 */
	constructor( task: () => Promise< void >, intervalMs: number ) {
		this.task = task;
		this.intervalMs = intervalMs;
	}

	/** Runs once now, then keeps running on the interval. */
	async start(): Promise< void > {
		await this.runNow();
		this.schedule();
	}

	/** Stops repeating and waits for a run in flight. */
	async stop(): Promise< void > {
		this.stopped = true;
		clearTimeout( this.timer );
		await this.running;
	}

	/** Runs now (or joins the run in flight). */
	runNow(): Promise< void > {
		this.running ??= this.task().finally( () => {
			this.running = undefined;
		} );
		return this.running;
	}

	// A timeout chain rather than setInterval, so slow runs never overlap.
	private schedule(): void {
		if ( this.stopped ) {
			return;
		}
		this.timer = setTimeout( () => {
			void this.runNow().then( () => this.schedule() );
		}, this.intervalMs );
		this.timer.unref();
	}
}
