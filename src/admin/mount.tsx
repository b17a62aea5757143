/**
 * External dependencies
 */
import type { ReactElement } from 'react';

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { getBootConfig } from './boot';
import type { BootConfig } from './boot';

/** The id of the element PHP renders for every LiveDesk admin screen. */
export const ROOT_ID = 'livedesk-admin-root';

/**
 * Renders a screen into `#livedesk-admin-root`; does nothing when the page has no root.
 *
 * @param render Builds the screen from the validated boot config.
 * @return Whether the screen was mounted.
 */
export function mountScreen(
	render: ( config: BootConfig ) => ReactElement
): boolean {
	const element = document.getElementById( ROOT_ID );
	if ( ! element ) {
		return false;
	}
	createRoot( element ).render( render( getBootConfig() ) );
	return true;
}
