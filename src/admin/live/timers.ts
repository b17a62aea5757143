/**
 * Timers behind an interface, so tests can use their own (or jest's fake
 * timers, which the defaults pick up because they look the globals up late).
 */

/** Timer functions; tests may pass their own. */
export interface Timers {
	set: ( callback: () => void, ms: number ) => unknown;
	clear: ( handle: unknown ) => void;
}

/** The global setTimeout / clearTimeout, looked up at call time. */
export const defaultTimers: Timers = {
	set: ( callback, ms ) => setTimeout( callback, ms ),
	clear: ( handle ) =>
		clearTimeout( handle as ReturnType< typeof setTimeout > ),
};

/** At most one pending timer per name; setting a name again replaces it. */
export class NamedTimers< Name extends string > {
	private readonly handles = new Map< Name, unknown >();
	private readonly timers: Timers;

	/**
	 * Uses the given timer functions.
	 *
	 * @param timers setTimeout / clearTimeout.
	 */
	constructor( timers: Timers ) {
		this.timers = timers;
	}

	/**
	 * Runs `callback` after `ms`, replacing a pending timer of the same name.
	 *
	 * @param name     Timer name.
	 * @param ms       Delay in ms.
	 * @param callback What to run.
	 */
	set( name: Name, ms: number, callback: () => void ): void {
		this.clear( name );
		this.handles.set(
			name,
			this.timers.set( () => {
				this.handles.delete( name );
				callback();
			}, ms )
		);
	}

	/**
	 * Cancels the named timer, if pending.
	 *
	 * @param name Timer name.
	 */
	clear( name: Name ): void {
		if ( this.handles.has( name ) ) {
			this.timers.clear( this.handles.get( name ) );
			this.handles.delete( name );
		}
	}

	/** Cancels every pending timer. */
	clearAll(): void {
		[ ...this.handles.keys() ].forEach( ( name ) => this.clear( name ) );
	}
}
