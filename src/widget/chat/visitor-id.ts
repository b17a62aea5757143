/**
 * Internal dependencies
 */
import type { IdentityStore } from '../identity';
import { requestJson, restRoute } from './rest';

/** The wait after a first failed request for a visitor id, in ms; it doubles after each failure. */
export const VISITOR_ID_RETRY_MS = 5000;

/** The longest wait between two requests for a visitor id, in ms. */
export const VISITOR_ID_RETRY_CAP_MS = 300000;

/** Options of {@link createVisitorIdRequest}. */
export interface VisitorIdOptions {
	fetch: typeof fetch;
	restUrl: string;
	/** The shared identity store (the tracker reads the same one). */
	store: IdentityStore;
	/** Whether an id is still needed from the plugin (the chat is on REST). */
	wanted: () => boolean;
	/** A request ended: with an identity stored (the chat can poll and send), or failed. */
	onAnswer: ( stored: boolean ) => void;
	/** Uniform numbers in [0, 1) for the retry jitter. */
	random?: () => number;
}

/** Gets a signed visitor id from the plugin for a chat that cannot reach the sidecar. */
export interface VisitorIdRequest {
	/** Asks for an id unless one is stored, a request is on its way, or a retry is waiting. */
	ensure: () => void;
	/** The last request failed and no id came since. */
	failed: () => boolean;
	stop: () => void;
}

/**
 * The wait before asking again after `attempt` failures (0 first): doubling
 * from VISITOR_ID_RETRY_MS up to VISITOR_ID_RETRY_CAP_MS, with the upper half
 * jittered (the route allows few requests per IP address).
 *
 * @param attempt Failed requests so far, minus one.
 * @param random  Uniform numbers in [0, 1).
 */
export function visitorIdRetryDelay(
	attempt: number,
	random: () => number = Math.random
): number {
	const ceiling = Math.min(
		VISITOR_ID_RETRY_CAP_MS,
		VISITOR_ID_RETRY_MS * 2 ** attempt
	);
	return Math.round( ceiling / 2 + ( random() * ceiling ) / 2 );
}

/**
 * A first-time visitor has no signed visitor id until the sidecar hands one
 * out (`session:ready`); when the sidecar is unreachable the plugin's
 * `POST chat/visitor` signs one instead, with the same secret and scheme. It
 * is asked once; after a failure, again only after a growing wait, and only
 * while the chat is still on REST without an id. The id goes into the shared
 * store, so the tracker (and the chat, once the sidecar is back) connects
 * with it.
 *
 * @param options See {@link VisitorIdOptions}.
 */
export function createVisitorIdRequest(
	options: VisitorIdOptions
): VisitorIdRequest {
	const { store, random } = options;
	let asking = false;
	let failed = false;
	let stopped = false;
	let attempt = 0;
	let retryTimer: ReturnType< typeof setTimeout > | undefined;

	async function ensure() {
		if ( stopped || asking || retryTimer || store.load() ) {
			return;
		}
		asking = true;
		// The tracker waits for this id rather than get another one.
		store.claim();
		const answer = await requestJson(
			options.fetch,
			restRoute( options.restUrl, 'chat/visitor' ),
			{ method: 'POST' }
		);
		asking = false;
		if ( stopped ) {
			return;
		}
		if ( answer.status === 200 || answer.status === 201 ) {
			store.save( answer.data );
		}
		if ( store.load() ) {
			failed = false;
			attempt = 0;
			options.onAnswer( true );
			return;
		}
		store.release();
		failed = true;
		retryTimer = setTimeout(
			() => {
				retryTimer = undefined;
				if ( options.wanted() ) {
					void ensure();
				}
			},
			visitorIdRetryDelay( attempt++, random )
		);
		options.onAnswer( false );
	}

	return {
		ensure: () => void ensure(),
		failed: () => failed && ! store.load(),
		stop() {
			stopped = true;
			clearTimeout( retryTimer );
		},
	};
}
