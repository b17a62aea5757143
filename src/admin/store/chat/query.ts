/**
 * Internal dependencies
 */
import type { ConversationStatus } from '../../../protocol';
import type { ConversationQuery } from './types';

/** Conversations per REST page. */
export const LIST_PAGE_SIZE = 20;

/** Longest search text sent to the server. */
export const SEARCH_MAX = 100;

/**
 * A query with its search text trimmed and bounded.
 *
 * @param status The tab.
 * @param search What the agent typed.
 */
export function makeQuery(
	status: ConversationStatus,
	search = ''
): ConversationQuery {
	return { status, search: search.trim().slice( 0, SEARCH_MAX ) };
}

/**
 * The key of a query in the store's `lists`.
 *
 * @param query The query.
 */
export function queryKey( query: ConversationQuery ): string {
	return `${ query.status }:${ query.search.trim().toLowerCase() }`;
}
