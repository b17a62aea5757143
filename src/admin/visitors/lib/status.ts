/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceStatus } from '../../../protocol';

/**
 * Colour of each status, from the Okabe–Ito palette so that colour-blind
 * users can still tell them apart. The list, the drawer and the map all read
 * this one constant.
 */
export const STATUS_COLORS: Readonly< Record< PresenceStatus, string > > = {
	chatting: '#E69F00',
	online: '#009E73',
	offline: '#8C8C8C',
};

/**
 * The text alternative of a status (colour is never the only cue).
 *
 * @param status The visitor's status.
 */
export function statusLabel( status: PresenceStatus ): string {
	switch ( status ) {
		case 'chatting':
			return __( 'Chatting', 'livedesk' );
		case 'online':
			return __( 'Online', 'livedesk' );
		case 'offline':
			return __( 'Offline', 'livedesk' );
	}
}
