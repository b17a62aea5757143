/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * This browser's clock in ms, updated every `intervalMs` while mounted.
 *
 * @param intervalMs How often to tick.
 */
export function useNow( intervalMs = 1000 ): number {
	const [ now, setNow ] = useState( () => Date.now() );
	useEffect( () => {
		const timer = setInterval( () => setNow( Date.now() ), intervalMs );
		return () => clearInterval( timer );
	}, [ intervalMs ] );
	return now;
}
