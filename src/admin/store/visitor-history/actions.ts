/**
 * Internal dependencies
 */
import { toRequestError } from '../settings/api';
import { fetchVisitorHistory } from './api';
import type {
	RequestError,
	VisitorHistory,
	VisitorHistoryAction,
	VisitorHistoryThunkArgs,
} from './types';

/**
 * Marks the start of loading a visitor's history.
 *
 * @param id Visitor id.
 */
export function fetchHistoryStart( id: string ): VisitorHistoryAction {
	return { type: 'FETCH_VISITOR_HISTORY_START', id };
}

/**
 * Stores a visitor's history loaded from the server.
 *
 * @param id      Visitor id.
 * @param history The validated history.
 */
export function receiveHistory(
	id: string,
	history: VisitorHistory
): VisitorHistoryAction {
	return { type: 'RECEIVE_VISITOR_HISTORY', id, history };
}

/**
 * Records why a visitor's history could not be loaded.
 *
 * @param id    Visitor id.
 * @param error The normalised failure.
 */
export function receiveHistoryError(
	id: string,
	error: RequestError
): VisitorHistoryAction {
	return { type: 'RECEIVE_VISITOR_HISTORY_ERROR', id, error };
}

/**
 * Drops a cached history (e.g. the visitor's entry was removed).
 *
 * @param id Visitor id.
 */
export function forgetHistory( id: string ): VisitorHistoryAction {
	return { type: 'FORGET_VISITOR_HISTORY', id };
}

/**
 * Loads (or reloads, e.g. after an error or a new page view) a visitor's history.
 *
 * @param id Visitor id.
 */
export const loadHistory =
	( id: string ) =>
	async ( { dispatch }: VisitorHistoryThunkArgs ): Promise< void > => {
		dispatch( fetchHistoryStart( id ) );
		let history;
		try {
			history = await fetchVisitorHistory( id );
		} catch ( error ) {
			dispatch( receiveHistoryError( id, toRequestError( error ) ) );
			return;
		}
		dispatch( receiveHistory( id, history ) );
	};
