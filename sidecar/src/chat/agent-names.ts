/**
 * Display names of agents, read from WordPress's users table and kept for a
 * minute: every message an agent sends carries the name, and names rarely
 * change. A failed read gives '' (the message still goes out).
 */

/** Reads display names by user id. */
export type NameLookup = (
	ids: readonly number[]
) => Promise< ReadonlyMap< number, string > >;

/** How long a name is reused. */
export const AGENT_NAME_TTL_MS = 60_000;

/** Most names kept. */
const NAMES_MAX = 1000;

/** A cache of agent display names. */
export class AgentNames {
	private readonly cache = new Map<
		number,
		{ name: string; until: number }
	>();
	private readonly lookup: NameLookup;
	private readonly now: () => number;

	/**
	 * @param lookup Reads names (the users repository).
	 * @param now    Clock in milliseconds.
	 */
	constructor( lookup: NameLookup, now: () => number ) {
		this.lookup = lookup;
		this.now = now;
	}

	/**
	 * Names by user id, for every id asked ('' when unknown).
	 *
	 * @param ids User ids; nulls are skipped.
	 */
	async names(
		ids: ReadonlyArray< number | null >
	): Promise< Map< number, string > > {
		const now = this.now();
		const result = new Map< number, string >();
		const missing = new Set< number >();
		for ( const id of ids ) {
			if ( id === null ) {
				continue;
			}
			const cached = this.cache.get( id );
			if ( cached && cached.until > now ) {
				result.set( id, cached.name );
			} else {
				missing.add( id );
			}
		}
		if ( missing.size === 0 ) {
			return result;
		}
		let found: ReadonlyMap< number, string > = new Map();
		try {
			found = await this.lookup( [ ...missing ] );
		} catch {
			// Names are decoration: show '' now, ask again next time.
			for ( const id of missing ) {
				result.set( id, '' );
			}
			return result;
		}
		if ( this.cache.size + missing.size > NAMES_MAX ) {
			this.cache.clear();
		}
		for ( const id of missing ) {
			const name = found.get( id ) ?? '';
			this.cache.set( id, { name, until: now + AGENT_NAME_TTL_MS } );
			result.set( id, name );
		}
		return result;
	}

	/**
	 * One agent's name ('' when unknown).
	 *
	 * @param id User id.
	 */
	async name( id: number ): Promise< string > {
		return ( await this.names( [ id ] ) ).get( id ) ?? '';
	}
}
