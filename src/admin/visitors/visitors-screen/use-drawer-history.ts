/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';
import { store as historyStore } from '../../store/visitor-history';
import type { VisitorHistoryEntry } from '../../store/visitor-history/types';
import { useVisitorHistory } from '../../store/visitor-history/use-visitor-history';
import { useStoredView } from './use-stored-view';

/**
 * The stored history the drawer shows for a visitor, kept as fresh as the
 * sidecar's batched writes allow: read when the drawer opens (again, if an
 * earlier opening left a copy), and again once each new page view has had
 * time to be stored. Until the visitor's first view is stored, "no such
 * visitor" from the server means "not yet": it is shown as loading.
 *
 * Mount it once per opened visitor (key the caller by visitor id).
 *
 * @param visitor      The live entry.
 * @param serverOffset Sidecar clock minus this browser's.
 */
export function useDrawerHistory(
	visitor: Pick< PresenceVisitor, 'id' | 'page' >,
	serverOffset: number
): VisitorHistoryEntry {
	const { id } = visitor;
	const stored = useStoredView( visitor.page.since, serverOffset );

	// A copy left by an earlier opening may miss pages viewed since.
	const cached = useSelect(
		( select ) => select( historyStore ).getHistory( id ).status,
		[ id ]
	);
	const cachedAtOpening = useRef( cached === 'loaded' || cached === 'error' );
	const { loadHistory } = useDispatch( historyStore );
	useEffect( () => {
		if ( cachedAtOpening.current ) {
			loadHistory( id );
		}
	}, [ id, loadHistory ] );

	const history = useVisitorHistory( id, stored );
	return stored === null &&
		history.status === 'error' &&
		history.error.status === 404
		? { status: 'loading' }
		: history;
}
