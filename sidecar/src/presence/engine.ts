/**
 * Who is on the site right now: the single source of truth the `/visitor`
 * transport feeds and the `/agent` fan-out reads. Pure state, no I/O, no
 * timers: the clock is injected and the caller runs `sweep()` and
 * `takeChanges()` on its own schedule.
 *
 * Every operation a visitor's browser can trigger (connect, page view,
 * visibility, disconnect) is O(1) or O(log n); only `snapshot()` and
 * `clear()` walk all entries.
 */

/**
 * Internal dependencies
 */
import { sameCounts } from '../../../src/protocol';
import type {
	PageView,
	PresenceCounts,
	PresenceDevice,
	PresenceGeo,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
} from '../../../src/protocol';
import type { Entry, TabState } from './entry';
import {
	byConnectedAt,
	copyDevice,
	copyGeo,
	statusOf,
	toVisitor,
} from './entry';
import { MinHeap } from './heap';
import { NumberPool } from './numbers';

/** How long a visitor stays listed as offline after the last tab closed. */
export const DEFAULT_OFFLINE_TAIL_MS = 30 * 60_000;

/** Settings of a {@link PresenceEngine}. */
export interface PresenceEngineOptions {
	/** Concurrent-visitor cap: how many connected visitors are listed. */
	cap: number;
	/** How long offline entries are kept; default 30 minutes. */
	offlineTailMs?: number;
	/** Unix milliseconds; injected so tests control time. */
	now: () => number;
}

/** One accepted `/visitor` connection (a tab), already validated and enriched. */
export interface TabConnection {
	visitorId: string;
	/** Unique per connection, e.g. the socket id. */
	tabId: string;
	/** The connection presented a valid signed identity. */
	returning: boolean;
	/** The tab's page from the handshake, if it sent one. */
	page: PageView | null;
	geo: PresenceGeo;
	device: PresenceDevice;
}

/** What {@link PresenceEngine.connectTab} tells the caller. */
export interface ConnectResult {
	/** No entry existed: neither connected nor in the offline tail. */
	newVisit: boolean;
}

/**
 * What is kept of a released visitor whose tabs are still connected: enough
 * to list it again, as a new entry, when one of them shows a page.
 */
interface Detached {
	returning: boolean;
	referrer: string;
	language: string;
	timezone: string;
	geo: PresenceGeo;
	device: PresenceDevice;
	tabs: Map< string, TabState >;
}

/**
 * Beyond this many stale items the waiting heap is compacted; below it the
 * garbage is too small to matter.
 */
const WAITING_SLACK = 64;

function validCap( cap: number ): number {
	if ( ! Number.isSafeInteger( cap ) || cap < 0 ) {
		throw new RangeError(
			`Presence cap must be a non-negative integer, got ${ cap }`
		);
	}
	return cap;
}

/** Presence state of one sidecar: entries, numbers, the cap and pending changes. */
export class PresenceEngine {
	private cap: number;
	private tracking = true;
	private readonly tailMs: number;
	private readonly clock: () => number;
	/** Latest time read; the engine's time never goes backwards. */
	private lastNow = -Infinity;
	private seq = 0;

	private readonly entries = new Map< string, Entry >();
	/** Offline entries in `leftAt` order (Map order = insertion order). */
	private readonly offline = new Map< string, Entry >();
	/** Over-cap entries that may be promoted, longest wait first (lazy deletion). */
	private readonly waiting = new MinHeap< Entry >( byConnectedAt );
	private readonly numbers = new NumberPool();
	/** Released visitors' connected tabs, by visitor id. */
	private readonly detached = new Map< string, Detached >();

	private readonly byStatus = { online: 0, chatting: 0, offline: 0 };
	private overCap = 0;
	/** Listed entries that are online or chatting: what the cap limits. */
	private connectedListed = 0;

	/** Listed entries changed since the last update. */
	private readonly dirty = new Set< Entry >();
	/** Ids agents were told about that are no longer listed. */
	private readonly pendingRemovals = new Set< string >();
	private lastCounts: PresenceCounts;

	/**
	 * @param options Cap, offline tail and clock.
	 */
	constructor( options: PresenceEngineOptions ) {
		this.cap = validCap( options.cap );
		const tail = options.offlineTailMs ?? DEFAULT_OFFLINE_TAIL_MS;
		if ( ! Number.isFinite( tail ) || tail < 0 ) {
			throw new RangeError(
				`Offline tail must be a non-negative number of ms, got ${ tail }`
			);
		}
		this.tailMs = tail;
		this.clock = options.now;
		this.lastNow = this.time();
		this.lastCounts = this.counts();
	}

	/**
	 * A tab connected. Creates the visitor's entry, or brings an entry in the
	 * offline tail back (same number, same `connectedAt`).
	 *
	 * @param c The connection.
	 */
	connectTab( c: TabConnection ): ConnectResult {
		const now = this.time();
		const existing = this.entries.get( c.visitorId );
		const entry = existing ?? this.create( c, now );
		if ( existing ) {
			this.account( entry, -1 );
			// The latest connection says best where the visitor is now.
			entry.geo = copyGeo( c.geo );
			entry.device = copyDevice( c.device );
		} else {
			this.adopt( entry );
		}
		if ( entry.tabs.size === 0 ) {
			entry.leftAt = null;
			this.offline.delete( entry.id );
		}
		// Returning is decided by the visit's first connection: a later tab
		// or page of the same visit presents the identity that visit was
		// just given, which says nothing about an earlier visit.
		if ( ! existing ) {
			entry.returning ||= c.returning;
		}
		const tab: TabState = {
			id: c.tabId,
			path: '',
			title: '',
			visible: c.page?.visible ?? true,
			since: now,
			hasPage: false,
		};
		entry.tabs.set( c.tabId, tab );
		if ( c.page ) {
			this.applyView( entry, tab, c.page, now );
		}
		this.account( entry, 1 );
		this.touch( entry );
		if ( ! entry.listed && ! entry.queued ) {
			entry.queued = true;
			this.waiting.push( entry );
		}
		this.promote();
		return { newVisit: ! existing };
	}

	/**
	 * A tab shows a page (load or single-page navigation). A tab of a
	 * released visitor brings the visitor back as a new entry.
	 *
	 * @param visitorId The visitor.
	 * @param tabId     The tab.
	 * @param view      The page, validated.
	 * @return False when the visitor or tab is unknown.
	 */
	pageView( visitorId: string, tabId: string, view: PageView ): boolean {
		const existing = this.entries.get( visitorId );
		const entry = existing ?? this.revive( visitorId, tabId );
		const tab = entry?.tabs.get( tabId );
		if ( ! entry || ! tab ) {
			return false;
		}
		this.applyView( entry, tab, view, this.time() );
		this.touch( entry );
		if ( ! existing ) {
			this.promote();
		}
		return true;
	}

	/**
	 * A tab became visible or hidden.
	 *
	 * @param visitorId The visitor.
	 * @param tabId     The tab.
	 * @param visible   Whether it is visible now.
	 * @return False when the visitor or tab is unknown (or released).
	 */
	setVisibility(
		visitorId: string,
		tabId: string,
		visible: boolean
	): boolean {
		const entry = this.entries.get( visitorId );
		const tab = entry?.tabs.get( tabId );
		if ( ! entry || ! tab ) {
			// A released visitor's tab: remembered for when it comes back.
			const held = this.detached.get( visitorId )?.tabs.get( tabId );
			if ( held ) {
				held.visible = visible;
			}
			return false;
		}
		if ( tab.visible !== visible ) {
			tab.visible = visible;
			this.touch( entry );
		}
		return true;
	}

	/**
	 * A tab disconnected. The last tab leaving makes the visitor offline for
	 * the tail; a listed visitor leaving makes room under the cap.
	 *
	 * @param visitorId The visitor.
	 * @param tabId     The tab.
	 */
	disconnectTab( visitorId: string, tabId: string ): void {
		const entry = this.entries.get( visitorId );
		if ( ! entry?.tabs.has( tabId ) ) {
			this.forgetDetached( visitorId, tabId );
			return;
		}
		this.account( entry, -1 );
		entry.tabs.delete( tabId );
		if ( entry.tabs.size === 0 ) {
			entry.leftAt = this.time();
			this.offline.set( entry.id, entry );
		} else {
			this.pageFromTabs( entry );
		}
		this.account( entry, 1 );
		this.touch( entry );
		this.promote();
	}

	/**
	 * Marks the visitor as having an open conversation (or not). Unknown
	 * visitors are ignored.
	 *
	 * @param visitorId The visitor.
	 * @param chatting  Whether a conversation is open.
	 */
	setChatting( visitorId: string, chatting: boolean ): void {
		const entry = this.entries.get( visitorId );
		if ( ! entry || entry.chatting === chatting ) {
			return;
		}
		this.account( entry, -1 );
		entry.chatting = chatting;
		this.account( entry, 1 );
		this.touch( entry );
	}

	/**
	 * Sets the name the visitor gave (from a chat). Unknown visitors are ignored.
	 *
	 * @param visitorId The visitor.
	 * @param name      The name, or null.
	 */
	setName( visitorId: string, name: string | null ): void {
		const entry = this.entries.get( visitorId );
		if ( ! entry || entry.name === name ) {
			return;
		}
		entry.name = name;
		this.touch( entry );
	}

	/**
	 * Removes the visitor at once, whatever its status (its chat was
	 * archived), freeing its number. Tabs still connected are kept aside: the
	 * next page view of one of them (or a new tab) lists the visitor again as
	 * a new entry, with a new number.
	 *
	 * @param visitorId The visitor.
	 */
	release( visitorId: string ): void {
		const entry = this.entries.get( visitorId );
		if ( ! entry ) {
			return;
		}
		if ( entry.tabs.size > 0 ) {
			this.detached.set( visitorId, {
				returning: entry.returning,
				referrer: entry.referrer,
				language: entry.language,
				timezone: entry.timezone,
				geo: entry.geo,
				device: entry.device,
				tabs: new Map( entry.tabs ),
			} );
		}
		this.remove( entry );
		this.promote();
	}

	/**
	 * Changes the cap. Raising it lists waiting visitors at once; lowering it
	 * never unlists anyone.
	 *
	 * @param cap The new cap.
	 */
	setCap( cap: number ): void {
		this.cap = validCap( cap );
		this.promote();
	}

	/**
	 * Says in the totals whether the site tracks visitors, so agents' screens
	 * can tell "tracking is off" from "nobody is here".
	 *
	 * @param on The tracking setting.
	 */
	setTracking( on: boolean ): void {
		this.tracking = on;
	}

	/** Removes offline entries whose tail has run out. */
	sweep(): void {
		const now = this.time();
		for ( const entry of this.offline.values() ) {
			if ( ( entry.leftAt ?? now ) + this.tailMs > now ) {
				break;
			}
			this.remove( entry );
		}
	}

	/** When `sweep()` would next remove something, or null if never. */
	nextSweepAt(): number | null {
		const first = this.offline.values().next();
		if ( first.done ) {
			return null;
		}
		return ( first.value.leftAt ?? this.lastNow ) + this.tailMs;
	}

	/** Removes everything (tracking turned off); agents get removals. */
	clear(): void {
		for ( const entry of this.entries.values() ) {
			entry.removed = true;
			if ( entry.announced ) {
				this.pendingRemovals.add( entry.id );
			}
		}
		this.entries.clear();
		this.detached.clear();
		this.offline.clear();
		this.waiting.clear();
		this.dirty.clear();
		this.numbers.reset();
		this.byStatus.online = 0;
		this.byStatus.chatting = 0;
		this.byStatus.offline = 0;
		this.overCap = 0;
		this.connectedListed = 0;
	}

	/**
	 * One visitor as agents would see it, listed or not (`number` is 0 while
	 * over the cap).
	 *
	 * @param visitorId The visitor.
	 */
	get( visitorId: string ): PresenceVisitor | undefined {
		const entry = this.entries.get( visitorId );
		return entry ? toVisitor( entry ) : undefined;
	}

	/** Current totals. */
	counts(): PresenceCounts {
		const { online, chatting, offline } = this.byStatus;
		return {
			live: online + chatting + offline,
			online,
			chatting,
			offline,
			overCap: this.overCap,
			cap: this.cap,
			tracking: this.tracking,
		};
	}

	/**
	 * Everything listed, most recent `connectedAt` first. Does not consume
	 * pending changes: other agents still get them from `takeChanges()`.
	 */
	snapshot(): PresenceSnapshot {
		const listed: Entry[] = [];
		for ( const entry of this.entries.values() ) {
			if ( entry.listed ) {
				listed.push( entry );
			}
		}
		listed.sort( ( a, b ) => byConnectedAt( b, a ) );
		return {
			visitors: listed.map( toVisitor ),
			counts: this.counts(),
			serverTime: this.time(),
		};
	}

	/**
	 * What changed since the previous call (or construction): changed listed
	 * entries whole, ids no longer listed, and counts; null when nothing did.
	 */
	takeChanges(): PresenceUpdate | null {
		const counts = this.counts();
		const upserts: PresenceVisitor[] = [];
		for ( const entry of this.dirty ) {
			upserts.push( toVisitor( entry ) );
			entry.announced = true;
		}
		this.dirty.clear();
		const removals = [ ...this.pendingRemovals ];
		this.pendingRemovals.clear();
		if (
			upserts.length === 0 &&
			removals.length === 0 &&
			sameCounts( counts, this.lastCounts )
		) {
			return null;
		}
		this.lastCounts = counts;
		return { upserts, removals, counts, serverTime: this.time() };
	}

	private time(): number {
		const now = this.clock();
		if ( now > this.lastNow ) {
			this.lastNow = now;
		}
		return this.lastNow;
	}

	// A new entry starts over the cap; promote() lists it if there is room.
	private create( c: TabConnection, now: number ): Entry {
		const entry: Entry = {
			id: c.visitorId,
			seq: ++this.seq,
			number: 0,
			listed: false,
			announced: false,
			queued: false,
			removed: false,
			name: null,
			chatting: false,
			returning: false,
			connectedAt: now,
			leftAt: null,
			page: { path: '', title: '', since: now },
			tabs: new Map(),
			referrer: '',
			language: '',
			timezone: '',
			geo: copyGeo( c.geo ),
			device: copyDevice( c.device ),
		};
		this.entries.set( entry.id, entry );
		return entry;
	}

	// A new entry takes over the tabs a release left connected.
	private adopt( entry: Entry ): void {
		const held = this.detached.get( entry.id );
		if ( ! held ) {
			return;
		}
		this.detached.delete( entry.id );
		entry.returning ||= held.returning;
		entry.referrer = held.referrer;
		entry.language = held.language;
		entry.timezone = held.timezone;
		for ( const [ id, tab ] of held.tabs ) {
			entry.tabs.set( id, tab );
		}
		this.pageFromTabs( entry );
	}

	// A released visitor's tab shows a page: the visitor is back, as a new
	// (not yet listed) entry; the caller applies the page and promotes.
	private revive( visitorId: string, tabId: string ): Entry | undefined {
		const held = this.detached.get( visitorId );
		if ( ! held?.tabs.has( tabId ) ) {
			return undefined;
		}
		const entry = this.create(
			{
				visitorId,
				tabId,
				returning: held.returning,
				page: null,
				geo: held.geo,
				device: held.device,
			},
			this.time()
		);
		this.adopt( entry );
		this.account( entry, 1 );
		entry.queued = true;
		this.waiting.push( entry );
		return entry;
	}

	private forgetDetached( visitorId: string, tabId: string ): void {
		const held = this.detached.get( visitorId );
		if ( held?.tabs.delete( tabId ) && held.tabs.size === 0 ) {
			this.detached.delete( visitorId );
		}
	}

	private applyView(
		entry: Entry,
		tab: TabState,
		view: PageView,
		now: number
	): void {
		tab.path = view.path;
		tab.title = view.title;
		tab.visible = view.visible;
		tab.since = now;
		tab.hasPage = true;
		entry.page = { path: view.path, title: view.title, since: now };
		// The referrer that brought the visitor, not the site's own pages.
		if ( entry.referrer === '' ) {
			entry.referrer = view.referrer;
		}
		// '' means the browser did not say; keep what is known.
		if ( view.language !== '' ) {
			entry.language = view.language;
		}
		if ( view.timezone !== '' ) {
			entry.timezone = view.timezone;
		}
	}

	// After a tab closed: the latest page among the tabs still open.
	private pageFromTabs( entry: Entry ): void {
		let latest: TabState | undefined;
		for ( const tab of entry.tabs.values() ) {
			if ( tab.hasPage && ( ! latest || tab.since >= latest.since ) ) {
				latest = tab;
			}
		}
		if ( latest ) {
			entry.page = {
				path: latest.path,
				title: latest.title,
				since: latest.since,
			};
		}
	}

	// Counters are kept by removing an entry's contribution before a change
	// and adding it back after.
	private account( entry: Entry, sign: 1 | -1 ): void {
		const status = statusOf( entry );
		this.byStatus[ status ] += sign;
		if ( ! entry.listed ) {
			this.overCap += sign;
		} else if ( status !== 'offline' ) {
			this.connectedListed += sign;
		}
	}

	private touch( entry: Entry ): void {
		if ( entry.listed ) {
			this.dirty.add( entry );
		}
	}

	// Lists waiting visitors, longest wait first, while the cap allows.
	private promote(): void {
		while ( this.connectedListed < this.cap ) {
			const next = this.waiting.pop();
			if ( ! next ) {
				return;
			}
			next.queued = false;
			// Stale: removed, or offline (queued again when it reconnects).
			if ( next.removed || next.listed || next.tabs.size === 0 ) {
				continue;
			}
			this.account( next, -1 );
			next.listed = true;
			next.number = this.numbers.take();
			// Agents still show this id from an entry removed since the last
			// update: the upsert replaces it, and a removal must follow if
			// this entry goes too.
			if ( this.pendingRemovals.delete( next.id ) ) {
				next.announced = true;
			}
			this.account( next, 1 );
			this.dirty.add( next );
		}
	}

	private remove( entry: Entry ): void {
		this.account( entry, -1 );
		entry.removed = true;
		this.entries.delete( entry.id );
		this.offline.delete( entry.id );
		this.dirty.delete( entry );
		if ( entry.listed ) {
			this.numbers.release( entry.number );
		}
		if ( entry.announced ) {
			this.pendingRemovals.add( entry.id );
		}
		if ( this.waiting.size > 2 * this.overCap + WAITING_SLACK ) {
			this.waiting.retain( ( e ) => ! e.removed );
		}
	}
}
