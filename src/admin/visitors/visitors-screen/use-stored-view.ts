/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * How long after a page view the stored history holds it: the sidecar
 * batches its writes for up to a second (PresenceWriter's flush interval),
 * then the write itself takes a moment.
 */
export const PAGE_VIEW_STORED_MS = 2500;

/**
 * The `since` of the latest page view that the stored history can be
 * expected to hold, or null while even the visitor's current view is too
 * recent to be stored. It changes once a view has had PAGE_VIEW_STORED_MS
 * (on the sidecar's clock) to be written, so a history read with it as the
 * refresh key is read again exactly when it has something new.
 *
 * @param since        When the visitor's current page view began (sidecar clock, ms).
 * @param serverOffset Sidecar clock minus this browser's.
 * @param delayMs      How long a view takes to be stored.
 */
export function useStoredView(
	since: number,
	serverOffset: number,
	delayMs: number = PAGE_VIEW_STORED_MS
): number | null {
	const [ stored, setStored ] = useState< number | null >( () =>
		since + delayMs <= Date.now() + serverOffset ? since : null
	);
	useEffect( () => {
		const wait = since + delayMs - ( Date.now() + serverOffset );
		if ( wait <= 0 ) {
			setStored( since );
			return undefined;
		}
		const timer = setTimeout( () => setStored( since ), wait );
		return () => clearTimeout( timer );
	}, [ since, serverOffset, delayMs ] );
	return stored;
}
