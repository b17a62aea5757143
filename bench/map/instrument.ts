/**
 * What the map benchmark adds to the Visitors screen, from the outside: an
 * init script (Playwright's `addInitScript`) that runs before the page's own
 * scripts. Nothing in the plugin knows about it.
 *
 * - It wraps `window.WebSocket` so that every `presence:*` message of the
 *   `/agent` socket is timed around socket.io's own handler and leaves a
 *   mark (`livedesk-bench:snapshot@<time>` / `livedesk-bench:update@<time>`)
 *   in the task that handles it, where a Chromium trace finds it.
 * - It subscribes to the `livedesk/presence` store through the public
 *   `wp.data` registry and marks `livedesk-bench:dispatch@<time>` whenever
 *   the store's visitors, counts or clock offset change: one mark per store
 *   update, in the task that applies it.
 * - After the snapshot it checks, once after every frame, whether the list
 *   and the map show every visitor, and records (and marks
 *   `livedesk-bench:rendered@<time>`) when they first do.
 *
 * Marks are `console.timeStamp()` labels (a `TimeStamp` trace event, shown
 * in DevTools' Performance panel): about 10 µs each while tracing, a
 * quarter of what `performance.mark()` costs. `<time>` is the page's
 * performance.now() at the mark, so trace and record can be paired.
 *
 * The function is serialised into the page, so it must not use anything
 * from outside its own body.
 */

/** Passed to the init script. */
export interface InstrumentOptions {
	/** Visitors the screen must list before its first render counts as full. */
	expected: number;
}

/** What the init script records, read back with `page.evaluate`. */
export interface PageRecord {
	/** The `presence:snapshot` message: arrival, handler time, size; null before it. */
	snapshot: { at: number; handlerMs: number; chars: number } | null;
	/** The end of the first frame after which list and map showed everyone. */
	rendered: {
		at: number;
		/** Listed visitors (`aria-setsize` of the list's rows). */
		listed: number;
		/** Visitors with coordinates, per the store. */
		placeable: number;
		/** SVG: visitors on the pins; canvas: null (read from pixels, not the DOM). */
		plotted: number | null;
		layer: 'svg' | 'canvas';
	} | null;
	/**
	 * Per `presence:update` message: arrival, handler end (performance.now()),
	 * size, and (once settled, see SETTLE_GLOBAL) upserts.
	 */
	updates: {
		at: number[];
		end: number[];
		chars: number[];
		upserts: number[];
	};
	/** Per store update: when (performance.now()) and how many visitors it lists. */
	dispatches: { at: number[]; visitors: number[] };
	/** Canvas draws (clearRect of a 2D context), performance.now(). */
	canvasDraws: number[];
	/** Problems the script ran into (e.g. no `wp.data`). */
	errors: string[];
}

/** Name of the global the init script keeps its record in. */
export const RECORD_GLOBAL = '__livedeskBench';

/** Name of the global function that completes the record and returns it. */
export const SETTLE_GLOBAL = '__livedeskBenchSettle';

/** Mark names (a mark's label is `<name>@<performance.now()>`). */
export const MARKS = {
	snapshot: 'livedesk-bench:snapshot',
	update: 'livedesk-bench:update',
	dispatch: 'livedesk-bench:dispatch',
	rendered: 'livedesk-bench:rendered',
	/** Made by the benchmark when it starts tracing a phase. */
	phase: 'livedesk-bench:phase',
} as const;

/** What every mark name starts with. */
export const MARK_PREFIX = 'livedesk-bench:';

/**
 * The init script. Serialised into the page: self-contained on purpose.
 *
 * @param options What the page must show for its first render to be full.
 */
export function instrumentPage( options: InstrumentOptions ): void {
	const PREFIX = '42/agent,["presence:';
	const record: PageRecord = {
		snapshot: null,
		rendered: null,
		updates: { at: [], end: [], chars: [], upserts: [] },
		dispatches: { at: [], visitors: [] },
		canvasDraws: [],
		errors: [],
	};
	const globals = window as unknown as Record< string, unknown >;
	globals.__livedeskBench = record;

	// A mark in the trace, labelled with the time it was made at.
	const stamp = ( name: string ): number => {
		const at = performance.now();

		console.timeStamp( `${ name }@${ at }` );
		return at;
	};

	interface Registry {
		select: ( store: string ) => Record< string, () => unknown >;
		subscribe: ( listener: () => void, store?: string ) => unknown;
	}
	const registry = (): Registry | undefined =>
		( window as unknown as { wp?: { data?: Registry } } ).wp?.data;

	// One mark per store update that changed what the screen shows.
	let subscribed = false;
	const subscribe = () => {
		const data = registry();
		if ( subscribed || ! data ) {
			return;
		}
		subscribed = true;
		const presence = data.select( 'livedesk/presence' );
		let last: unknown[] = [];
		data.subscribe( () => {
			const now = [
				presence.getVisitors?.(),
				presence.getCounts?.(),
				presence.getServerOffset?.(),
			];
			if ( now.every( ( value, i ) => value === last[ i ] ) ) {
				return;
			}
			last = now;
			record.dispatches.at.push( stamp( 'livedesk-bench:dispatch' ) );
			record.dispatches.visitors.push(
				( now[ 0 ] as unknown[] | undefined )?.length ?? 0
			);
		}, 'livedesk/presence' );
	};

	// Visitors the map can place: the same test as the map's grouping.
	const placeable = (): number => {
		const list = registry()
			?.select( 'livedesk/presence' )
			.getVisitors?.() as
			Array< { geo: { lat: unknown; lng: unknown } } > | undefined;
		const coordinate = ( value: unknown, limit: number ) =>
			typeof value === 'number' &&
			Number.isFinite( value ) &&
			Math.abs( value ) <= limit;
		return ( list ?? [] ).filter(
			( v ) => coordinate( v.geo.lat, 90 ) && coordinate( v.geo.lng, 180 )
		).length;
	};

	// Whether list and map show everyone now; what they show when they do.
	const shown = (): PageRecord[ 'rendered' ] => {
		const row = document.querySelector( '.livedesk-visitor-row' );
		const listed = Number( row?.getAttribute( 'aria-setsize' ) ?? 0 );
		if ( listed !== options.expected ) {
			return null;
		}
		const canvas = document.querySelector(
			'.livedesk-visitor-map__canvas'
		);
		const base = { at: 0, listed, placeable: placeable() };
		if ( canvas ) {
			const snapshotAt = record.snapshot?.at ?? Infinity;
			return record.canvasDraws.some( ( at ) => at >= snapshotAt )
				? { ...base, plotted: null, layer: 'canvas' }
				: null;
		}
		let plotted = 0;
		document
			.querySelectorAll( '.livedesk-visitor-map__pin' )
			.forEach( ( pin ) => {
				plotted += Number(
					pin.querySelector( 'text' )?.textContent ?? 1
				);
			} );
		return plotted === base.placeable && plotted > 0
			? { ...base, plotted, layer: 'svg' }
			: null;
	};

	// After each frame (a task queued from requestAnimationFrame runs once
	// the frame's style, layout and paint are done), until everyone shows.
	const channel = new MessageChannel();
	channel.port1.onmessage = () => {
		const done = shown();
		if ( done ) {
			record.rendered = {
				...done,
				at: stamp( 'livedesk-bench:rendered' ),
			};
		} else {
			watchFrames();
		}
	};
	const watchFrames = () =>
		requestAnimationFrame( () => channel.port2.postMessage( null ) );

	const clearRect = CanvasRenderingContext2D.prototype.clearRect;
	CanvasRenderingContext2D.prototype.clearRect = function (
		...args: Parameters< typeof clearRect >
	) {
		record.canvasDraws.push( performance.now() );
		return clearRect.apply( this, args );
	};

	// Update messages whose upserts are not counted yet: counting takes
	// ~0.1 ms for a 60 KB message, so it waits until the page is read back.
	const unread: string[] = [];
	const countUpserts = ( text: string ): number => {
		// Each listed visitor has exactly one connectedAt; nothing else does.
		let count = 0;
		for (
			let i = text.indexOf( '"connectedAt":' );
			i !== -1;
			i = text.indexOf( '"connectedAt":', i + 1 )
		) {
			count++;
		}
		return count;
	};
	globals.__livedeskBenchSettle = (): PageRecord => {
		for ( const text of unread.splice( 0 ) ) {
			record.updates.upserts.push( countUpserts( text ) );
		}
		return record;
	};

	const onMessage = (
		handler: ( event: MessageEvent ) => unknown,
		socket: WebSocket,
		event: MessageEvent
	): unknown => {
		const data: unknown = event.data;
		if ( typeof data !== 'string' || ! data.startsWith( PREFIX ) ) {
			return handler.call( socket, event );
		}
		try {
			subscribe();
		} catch ( error ) {
			record.errors.push( String( error ) );
		}
		const snapshot = data.startsWith( 'snapshot"', PREFIX.length );
		const at = stamp(
			snapshot ? 'livedesk-bench:snapshot' : 'livedesk-bench:update'
		);
		let result: unknown;
		try {
			result = handler.call( socket, event );
		} finally {
			const end = performance.now();
			if ( ! snapshot ) {
				record.updates.at.push( at );
				record.updates.end.push( end );
				record.updates.chars.push( data.length );
				unread.push( data ); // counted later, outside what is measured
			} else if ( record.snapshot === null ) {
				// Only the first snapshot (a reconnection would send another).
				record.snapshot = {
					at,
					handlerMs: end - at,
					chars: data.length,
				};
				watchFrames();
			}
		}
		return result;
	};

	// socket.io-client sets `onmessage` on the WebSocket it creates.
	const NativeWebSocket = window.WebSocket;
	class TimedWebSocket extends NativeWebSocket {
		get onmessage() {
			return super.onmessage;
		}
		set onmessage( handler ) {
			super.onmessage =
				typeof handler === 'function'
					? ( event: MessageEvent ) =>
							onMessage(
								handler as ( event: MessageEvent ) => unknown,
								this,
								event
							)
					: handler;
		}
	}
	window.WebSocket = TimedWebSocket;
}
