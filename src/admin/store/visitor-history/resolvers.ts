/**
 * Internal dependencies
 */
import { loadHistory } from './actions';
import type { VisitorHistoryThunkArgs } from './types';

/**
 * Loads a visitor's history the first time `getHistory( id )` is selected.
 *
 * @param id Visitor id.
 */
export const getHistory =
	( id: string ) =>
	( args: VisitorHistoryThunkArgs ): Promise< void > =>
		loadHistory( id )( args );
