/**
 * Simulated visitors: one tab each, speaking to `/visitor` through the
 * widget's own minimal client (src/widget/socket.ts) over the `ws` package,
 * with the headers a browser behind the site's nginx would bring: the site's
 * Origin, a real-looking User-Agent and an X-Forwarded-For public address
 * (the sidecar trusts it from 127.0.0.1 by default, so geo lookups run as in
 * production). What each visitor says comes from a {@link FleetScript}.
 */

/**
 * External dependencies
 */
// The sidecar workspace installs `ws` (and its types) for its tests.
import WebSocket from 'ws';

/**
 * Internal dependencies
 */
import { EVENTS } from '../../src/protocol';
import type { PageView, VisitorAuth } from '../../src/protocol';
import { connectSocket, socketUrl } from '../../src/widget/socket';
import type {
	SocketHandle,
	WebSocketConstructor,
} from '../../src/widget/socket';

const USER_AGENTS = [
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
	'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
];
// First octets of busy public IPv4 ranges, so most addresses locate.
const FIRST_OCTETS = [
	24, 31, 37, 46, 62, 66, 73, 77, 81, 86, 90, 93, 98, 101, 109, 112, 121, 151,
	176, 178, 185, 188, 195, 201, 213, 217,
];

/**
 * An item of a list, chosen by a visitor's index (round robin).
 *
 * @param list  A non-empty list.
 * @param index The visitor.
 */
export function pick< T >( list: readonly T[], index: number ): T {
	return list[ index % list.length ] as T;
}

/**
 * A public IPv4 address that is the same for the same visitor in every run.
 *
 * @param index The visitor.
 */
export function visitorAddress( index: number ): string {
	// Knuth's multiplicative hash spreads neighbouring indexes over the space
	// (exact in doubles for any index this benchmark uses).
	const hash = ( ( index + 1 ) * 2654435761 ) % 2 ** 32;
	const byte = ( shift: number ) => Math.floor( hash / 2 ** shift ) % 256;
	const first = FIRST_OCTETS[ hash % FIRST_OCTETS.length ] ?? 24;
	return `${ first }.${ byte( 8 ) }.${ byte( 16 ) }.${ ( byte( 24 ) % 253 ) + 1 }`;
}

/**
 * One of six real-world User-Agent strings (desktop and mobile browsers).
 *
 * @param index The visitor.
 */
export function visitorUserAgent( index: number ): string {
	return pick( USER_AGENTS, index );
}

/** What each simulated visitor says, by its index. */
export interface FleetScript {
	/** The handshake `auth`: the first page, and an identity to come back as. */
	auth: ( index: number ) => VisitorAuth;
	/** The page view the visitor sends at `sentAt` (unix ms). */
	pageView: ( index: number, sentAt: number ) => PageView;
	/** Its public address (X-Forwarded-For); default {@link visitorAddress}. */
	address?: ( index: number ) => string;
}

/** Counts of how the fleet's connections went. */
export interface FleetStats {
	/** Connection attempts made. */
	started: number;
	/** Connections the sidecar accepted (`session:ready`) and that are still open. */
	ready: number;
	/** Handshakes refused, by code. */
	refused: Map< string, number >;
	/** Connections that ended without a refusal, by reason (before or after ready). */
	closed: Map< string, number >;
	/** `session:error` events received, by code. */
	sessionErrors: Map< string, number >;
}

/** What a page-view phase sent. */
export interface SendLog {
	/** Page views handed to open connections. */
	sent: number;
	/** Page views due on a connection that had closed. */
	failed: number;
}

interface Visitor {
	index: number;
	handle: SocketHandle | null;
	ready: boolean;
}

function bump( counts: Map< string, number >, key: string ): void {
	counts.set( key, ( counts.get( key ) ?? 0 ) + 1 );
}

/** Where the fleet connects, and what its visitors say. */
export interface FleetOptions {
	/** The sidecar's base URL, e.g. `http://127.0.0.1:8838`. */
	sidecarUrl: string;
	/** The site's origin, sent as every connection's Origin header. */
	origin: string;
	script: FleetScript;
}

/** Connection attempts still waiting for an answer, at most. */
const MAX_PENDING = 500;

/** A set of simulated visitors. */
export class VisitorFleet {
	readonly stats: FleetStats = {
		started: 0,
		ready: 0,
		refused: new Map(),
		closed: new Map(),
		sessionErrors: new Map(),
	};

	private readonly visitors: Visitor[] = [];
	private readonly url: string;
	private readonly origin: string;
	private readonly script: FleetScript;
	private pending = 0;
	private settled: ( () => void ) | null = null;

	constructor( options: FleetOptions ) {
		this.url = socketUrl( options.sidecarUrl );
		this.origin = options.origin;
		this.script = options.script;
	}

	/**
	 * Opens `count` connections at `perSecond` (at most MAX_PENDING waiting
	 * at once) and resolves when every attempt has an answer, or at `deadline`
	 * (performance.now() milliseconds) with whatever answered by then.
	 * Indexes continue from the connections opened before.
	 *
	 * @param count     Connections to open.
	 * @param perSecond Rate of new attempts.
	 * @param deadline  When to stop waiting.
	 */
	ramp(
		count: number,
		perSecond: number,
		deadline: number
	): Promise< void > {
		const startedAt = performance.now();
		const target = this.visitors.length + count;
		const first = this.visitors.length;
		return new Promise( ( resolve ) => {
			const finish = () => {
				clearInterval( timer );
				this.settled = null;
				resolve();
			};
			const timer = setInterval( () => {
				const now = performance.now();
				const due =
					first +
					Math.min(
						count,
						Math.floor( ( ( now - startedAt ) / 1000 ) * perSecond )
					);
				while (
					this.visitors.length < due &&
					this.pending < MAX_PENDING
				) {
					this.open( this.visitors.length );
				}
				if (
					( this.visitors.length >= target && this.pending === 0 ) ||
					now >= deadline
				) {
					finish();
				}
			}, 10 );
			this.settled = () => {
				if ( this.visitors.length >= target && this.pending === 0 ) {
					finish();
				}
			};
		} );
	}

	/**
	 * Every open connection sends a page view every `intervalMs`, each at its
	 * own random phase, for `durationMs`; resolves after the last one.
	 *
	 * @param intervalMs Time between one visitor's page views.
	 * @param durationMs Length of the phase.
	 */
	pageViews( intervalMs: number, durationMs: number ): Promise< SendLog > {
		const schedule = this.visitors
			.filter( ( visitor ) => visitor.ready )
			.map( ( visitor ) => ( {
				visitor,
				phase: Math.random() * intervalMs,
			} ) )
			.sort( ( a, b ) => a.phase - b.phase );
		const log: SendLog = { sent: 0, failed: 0 };
		if ( schedule.length === 0 ) {
			return Promise.resolve( log );
		}
		const startedAt = performance.now();
		let cursor = 0;
		let round = 0;
		return new Promise( ( resolve ) => {
			// One timer walks the schedule; thousands of timers would cost more
			// and fire no more precisely.
			const timer = setInterval( () => {
				const elapsed = performance.now() - startedAt;
				for (;;) {
					const next = schedule[ cursor ];
					const due = round * intervalMs + ( next?.phase ?? 0 );
					if ( ! next || due > elapsed ) {
						break;
					}
					if ( due >= durationMs ) {
						clearInterval( timer );
						resolve( log );
						return;
					}
					this.send( next.visitor, log );
					cursor++;
					if ( cursor === schedule.length ) {
						cursor = 0;
						round++;
					}
				}
			}, 2 );
		} );
	}

	/**
	 * Sends one page view from visitor `index` now.
	 *
	 * @param index The visitor.
	 * @return Whether its connection was open to take it.
	 */
	pageView( index: number ): boolean {
		const visitor = this.visitors[ index ];
		const log: SendLog = { sent: 0, failed: 0 };
		if ( visitor ) {
			this.send( visitor, log );
		}
		return log.sent === 1;
	}

	/**
	 * Closes one visitor's connection after the ramp (the visitor leaves
	 * the site); it no longer counts as ready.
	 *
	 * @param index The visitor.
	 */
	close( index: number ): void {
		const visitor = this.visitors[ index ];
		if ( visitor?.handle ) {
			visitor.handle.close();
			visitor.handle = null;
			if ( visitor.ready ) {
				visitor.ready = false;
				this.stats.ready--;
			}
		}
	}

	/** Closes every connection; the stats stay as they were (they describe the run). */
	closeAll(): void {
		for ( const visitor of this.visitors ) {
			visitor.handle?.close();
			visitor.handle = null;
		}
	}

	private send( visitor: Visitor, log: SendLog ): void {
		const view = this.script.pageView( visitor.index, Date.now() );
		if ( visitor.handle?.emit( EVENTS.pageView, view ) ) {
			log.sent++;
		} else {
			log.failed++;
		}
	}

	private open( index: number ): void {
		const visitor: Visitor = { index, handle: null, ready: false };
		this.visitors.push( visitor );
		this.stats.started++;
		this.pending++;
		const answered = () => {
			this.pending--;
			this.settled?.();
		};
		try {
			visitor.handle = connectSocket( {
				url: this.url,
				namespace: '/visitor',
				auth: this.script.auth( index ),
				WebSocket: this.webSocketFor( index ),
				onEvent: ( name, data ) =>
					this.onEvent( visitor, name, data, answered ),
				onRefused: ( code ) => {
					bump( this.stats.refused, code ?? 'unknown' );
					visitor.handle = null;
					answered();
				},
				onClose: ( reason ) => {
					bump( this.stats.closed, reason );
					visitor.handle = null;
					if ( visitor.ready ) {
						visitor.ready = false;
						this.stats.ready--;
					} else {
						answered();
					}
				},
			} );
		} catch ( error ) {
			bump( this.stats.closed, `cannot open: ${ String( error ) }` );
			answered();
		}
	}

	private onEvent(
		visitor: Visitor,
		name: string,
		data: unknown,
		answered: () => void
	): void {
		if ( name === EVENTS.sessionReady && ! visitor.ready ) {
			visitor.ready = true;
			this.stats.ready++;
			answered();
		} else if ( name === EVENTS.sessionError ) {
			const { code } = ( data ?? {} ) as { code?: unknown };
			bump( this.stats.sessionErrors, String( code ) );
		}
	}

	// A constructor that opens the WebSocket with this visitor's headers, as
	// connectSocket expects one that takes only the URL.
	private webSocketFor( index: number ): WebSocketConstructor {
		const address = this.script.address ?? visitorAddress;
		const options = {
			origin: this.origin,
			headers: {
				'User-Agent': visitorUserAgent( index ),
				'X-Forwarded-For': address( index ),
			},
		};
		return class extends WebSocket {
			constructor( url: string ) {
				super( url, options );
			}
		};
	}
}
