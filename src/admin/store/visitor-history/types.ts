/**
 * Internal dependencies
 */
import type { RequestError } from '../settings/types';

export type { RequestError };

/** One stored page view, as `GET livedesk/v1/visitors/{id}` lists it. */
export interface HistoryPage {
	path: string;
	title: string;
	/** When it was viewed (UTC, ISO 8601). */
	viewed_at: string;
}

/** What the drawer uses of `GET livedesk/v1/visitors/{id}`. */
export interface VisitorHistory {
	id: string;
	/** UTC, ISO 8601. */
	first_seen: string;
	/** UTC, ISO 8601. */
	last_seen: string;
	/** How many visits the visitor made. */
	visit_count: number;
	/** The latest page views (at most 10), newest first. */
	pages: HistoryPage[];
}

/** Where one visitor's history stands. */
export type VisitorHistoryEntry =
	| { status: 'idle' }
	| { status: 'loading' }
	| { status: 'loaded'; history: VisitorHistory }
	| { status: 'error'; error: RequestError };

/** State of the `livedesk/visitor-history` store: one entry per requested id. */
export interface VisitorHistoryState {
	byId: Readonly< Record< string, VisitorHistoryEntry > >;
}

/** Every action the store's reducer handles. */
export type VisitorHistoryAction =
	| { type: 'FETCH_VISITOR_HISTORY_START'; id: string }
	| {
			type: 'RECEIVE_VISITOR_HISTORY';
			id: string;
			history: VisitorHistory;
	  }
	| { type: 'RECEIVE_VISITOR_HISTORY_ERROR'; id: string; error: RequestError }
	| { type: 'FORGET_VISITOR_HISTORY'; id: string };

/** What thunks and resolvers of this store receive (only what they use). */
export interface VisitorHistoryThunkArgs {
	dispatch: ( action: VisitorHistoryAction ) => unknown;
}
