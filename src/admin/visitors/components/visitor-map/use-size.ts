/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { DEFAULT_SIZE } from './constants';

/**
 * The CSS-pixel size of an element, followed with a ResizeObserver (the
 * default size where that is unavailable, e.g. in tests).
 */
export function useElementSize< T extends HTMLElement >() {
	const ref = useRef< T >( null );
	const [ size, setSize ] = useState( DEFAULT_SIZE );
	useEffect( () => {
		const element = ref.current;
		if ( ! element || typeof ResizeObserver === 'undefined' ) {
			return undefined;
		}
		const observer = new ResizeObserver( ( [ entry ] ) => {
			if ( ! entry ) {
				return;
			}
			const width = Math.round( entry.contentRect.width );
			const height = Math.round( entry.contentRect.height );
			if ( width > 0 && height > 0 ) {
				setSize( ( old ) =>
					old.width === width && old.height === height
						? old
						: { width, height }
				);
			}
		} );
		observer.observe( element );
		return () => observer.disconnect();
	}, [] );
	return [ ref, size ] as const;
}
