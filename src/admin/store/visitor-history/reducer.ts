/**
 * WordPress dependencies
 */
import { combineReducers } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	VisitorHistoryAction,
	VisitorHistoryEntry,
	VisitorHistoryState,
} from './types';

type ById = VisitorHistoryState[ 'byId' ];

/**
 * Each requested visitor's history, by id. While a reload is in flight the
 * previous history is kept, so the drawer does not flash empty.
 *
 * @param state  Previous state.
 * @param action Dispatched action.
 */
export function byId( state: ById = {}, action: VisitorHistoryAction ): ById {
	let entry: VisitorHistoryEntry;
	switch ( action.type ) {
		case 'FETCH_VISITOR_HISTORY_START':
			if ( state[ action.id ]?.status === 'loaded' ) {
				return state;
			}
			entry = { status: 'loading' };
			break;
		case 'RECEIVE_VISITOR_HISTORY':
			entry = { status: 'loaded', history: action.history };
			break;
		case 'RECEIVE_VISITOR_HISTORY_ERROR':
			entry = { status: 'error', error: action.error };
			break;
		case 'FORGET_VISITOR_HISTORY': {
			if ( ! ( action.id in state ) ) {
				return state;
			}
			const { [ action.id ]: _forgotten, ...rest } = state;
			return rest;
		}
		default:
			return state;
	}
	return { ...state, [ action.id ]: entry };
}

/** The `livedesk/visitor-history` store's reducer. */
const reducer: (
	state: VisitorHistoryState | undefined,
	action: VisitorHistoryAction
) => VisitorHistoryState = combineReducers( { byId } );

export default reducer;
