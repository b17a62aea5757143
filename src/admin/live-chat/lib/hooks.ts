/**
 * Small hooks of the Live Chat screen.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { pageHasAttention, titleWithCount } from './notifications';

/**
 * The value, once it has stayed the same for `ms` (e.g. search text).
 *
 * @param value The changing value.
 * @param ms    Quiet time.
 */
export function useDebounced< T >( value: T, ms: number ): T {
	const [ settled, setSettled ] = useState( value );
	useEffect( () => {
		const timer = setTimeout( () => setSettled( value ), ms );
		return () => clearTimeout( timer );
	}, [ value, ms ] );
	return settled;
}

/**
 * Whether the page is visible and focused, kept up to date.
 */
export function useAttention(): boolean {
	const [ attention, setAttention ] = useState( pageHasAttention );
	useEffect( () => {
		const update = () => setAttention( pageHasAttention() );
		window.addEventListener( 'focus', update );
		window.addEventListener( 'blur', update );
		document.addEventListener( 'visibilitychange', update );
		return () => {
			window.removeEventListener( 'focus', update );
			window.removeEventListener( 'blur', update );
			document.removeEventListener( 'visibilitychange', update );
		};
	}, [] );
	return attention;
}

/**
 * Puts the unread count in front of the page title while the screen is
 * shown, and takes it away afterwards.
 *
 * @param count Unread messages.
 */
export function useUnreadTitle( count: number ): void {
	const base = useRef< string | null >( null );
	useEffect( () => {
		base.current ??= titleWithCount( document.title, 0 );
		document.title = titleWithCount( base.current, count );
	}, [ count ] );
	useEffect(
		() => () => {
			if ( base.current !== null ) {
				document.title = base.current;
			}
		},
		[]
	);
}

/**
 * Calls `callback` every `ms` while `active` (and not at all otherwise).
 *
 * @param active   Whether to run.
 * @param ms       Interval.
 * @param callback What to run.
 */
export function useInterval(
	active: boolean,
	ms: number,
	callback: () => void
): void {
	const latest = useRef( callback );
	latest.current = callback;
	useEffect( () => {
		if ( ! active ) {
			return undefined;
		}
		const timer = setInterval( () => latest.current(), ms );
		return () => clearInterval( timer );
	}, [ active, ms ] );
}
