/**
 * WordPress dependencies
 */
import { useRef } from '@wordpress/element';

/**
 * Whether the site tracks visitors, as this screen should say it.
 *
 * Two sources disagree for a moment after a change: the saved settings,
 * read when the screen loads, and the sidecar's totals, which follow the
 * setting within a couple of seconds. A snapshot that arrives right after a
 * change can still carry the old value. So the settings decide until the
 * sidecar's value changes while the screen is open; from then on the sidecar
 * does (it has seen a newer setting than the page was loaded with).
 *
 * @param live  What the sidecar's latest totals say (undefined before any).
 * @param saved What the settings said when they loaded (undefined before).
 */
export function useTracking(
	live: boolean | undefined,
	saved: boolean | undefined
): boolean | undefined {
	const first = useRef< boolean | undefined >( undefined );
	const changed = useRef( false );
	if ( first.current === undefined ) {
		first.current = live;
	} else if ( live !== undefined && live !== first.current ) {
		changed.current = true;
	}
	return changed.current ? live : ( saved ?? live );
}
