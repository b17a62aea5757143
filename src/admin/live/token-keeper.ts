/**
 * Holds the newest agent token and knows when it is due for replacement;
 * concurrent requests for a new one share a single REST call.
 */

/**
 * Internal dependencies
 */
import { tokenFailureReason } from './token';
import type { AgentTokenGrant, ConnectionReason } from './types';

/** A token in hand, with the moment (local clock) from which to replace it. */
export interface HeldToken {
	token: string;
	/** ms; a minute before expiry, or half-way through a short life. */
	refreshAt: number;
	/** The sidecar URL that came with the token ('' when none). */
	sidecarUrl: string;
}

/** A token, or why none could be had. */
export type TokenResult =
	{ ok: true; held: HeldToken } | { ok: false; reason: ConnectionReason };

/** A token is replaced this long before it expires (or at half its life, if later). */
export const REFRESH_MARGIN_MS = 60_000;

/** Keeps one agent token fresh. */
export class TokenKeeper {
	private readonly fetchToken: () => Promise< AgentTokenGrant >;
	private readonly now: () => number;
	private held: HeldToken | null = null;
	private fetching: Promise< TokenResult > | null = null;

	/**
	 * Sets the keeper up; nothing is fetched until asked.
	 *
	 * @param fetchToken Gets a new token from WordPress.
	 * @param now        Clock in ms.
	 */
	constructor(
		fetchToken: () => Promise< AgentTokenGrant >,
		now: () => number
	) {
		this.fetchToken = fetchToken;
		this.now = now;
	}

	/** The held token while it is not yet due for refresh, else a new one. */
	current(): Promise< TokenResult > {
		const held = this.held;
		if ( held && this.now() < held.refreshAt ) {
			return Promise.resolve( { ok: true, held } );
		}
		return this.fresh();
	}

	/** A newly minted token (one request at a time; callers share it). */
	fresh(): Promise< TokenResult > {
		if ( ! this.fetching ) {
			this.fetching = Promise.resolve()
				.then( () => this.fetchToken() )
				.then(
					( grant ): TokenResult => {
						this.held = this.hold( grant );
						return { ok: true, held: this.held };
					},
					( error: unknown ): TokenResult => ( {
						ok: false,
						reason: tokenFailureReason( error ),
					} )
				)
				.finally( () => {
					this.fetching = null;
				} );
		}
		return this.fetching;
	}

	/** Drops the held token (the sidecar refused it), so the next one is new. */
	forget(): void {
		this.held = null;
	}

	private hold( grant: AgentTokenGrant ): HeldToken {
		const lifetime = grant.expiresIn * 1000;
		return {
			token: grant.token,
			refreshAt:
				this.now() +
				Math.max( lifetime - REFRESH_MARGIN_MS, lifetime / 2 ),
			sidecarUrl: grant.sidecarUrl,
		};
	}
}
