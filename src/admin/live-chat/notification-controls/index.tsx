/**
 * WordPress dependencies
 */
import { Button, ToggleControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	desktopPermission,
	isMuted,
	requestDesktopPermission,
	setMuted,
} from '../lib/notifications';
import type { DesktopPermission } from '../lib/notifications';
import './style.scss';

/**
 * The sound switch (kept in this browser) and the button that asks for
 * desktop notifications: the browser is asked only when the agent clicks.
 */
export default function NotificationControls() {
	const [ muted, setMutedState ] = useState( isMuted );
	const [ permission, setPermission ] =
		useState< DesktopPermission >( desktopPermission );

	let desktop = null;
	switch ( permission ) {
		case 'default':
			desktop = (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ async () =>
						setPermission( await requestDesktopPermission() )
					}
				>
					{ __( 'Turn on desktop notifications', 'livedesk' ) }
				</Button>
			);
			break;
		case 'granted':
			desktop = (
				<span>
					{ __( 'Desktop notifications are on.', 'livedesk' ) }
				</span>
			);
			break;
		case 'denied':
			desktop = (
				<span>
					{ __(
						'Desktop notifications are blocked for this site in your browser’s settings.',
						'livedesk'
					) }
				</span>
			);
			break;
	}

	return (
		<div className="livedesk-notification-controls">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Sound for new chats and messages', 'livedesk' ) }
				checked={ ! muted }
				onChange={ ( on: boolean ) => {
					setMuted( ! on );
					setMutedState( ! on );
				} }
			/>
			{ desktop }
		</div>
	);
}
