/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store } from './index';
import type { VisitorHistoryEntry } from './types';

/**
 * A visitor's stored history for the drawer: loaded on first use, cached per
 * id, and reloaded when `refreshKey` changes (pass the live entry's
 * `page.since`, so a new page view shows up in "last pages").
 *
 * @param id         Visitor id.
 * @param refreshKey Any value whose change means the stored history is stale.
 */
export function useVisitorHistory(
	id: string,
	refreshKey?: unknown
): VisitorHistoryEntry {
	const entry = useSelect(
		( select ) => select( store ).getHistory( id ),
		[ id ]
	);
	const { loadHistory } = useDispatch( store );
	const seen = useRef( { id, refreshKey } );
	useEffect( () => {
		const before = seen.current;
		seen.current = { id, refreshKey };
		// Only a new key for the same visitor reloads; a new id resolves by itself.
		if ( before.id === id && before.refreshKey !== refreshKey ) {
			loadHistory( id );
		}
	}, [ id, refreshKey, loadHistory ] );
	return entry;
}
