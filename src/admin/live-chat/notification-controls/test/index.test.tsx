/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import NotificationControls from '..';
import { isMuted } from '../../lib/notifications';

describe( 'NotificationControls', () => {
	afterEach( () => {
		delete ( window as unknown as { Notification?: unknown } ).Notification;
		window.localStorage.clear();
	} );

	it( 'mutes and unmutes the sound', async () => {
		const user = userEvent.setup();
		render( <NotificationControls /> );
		const toggle = screen.getByRole( 'checkbox', {
			name: 'Sound for new chats and messages',
		} );
		expect( toggle ).toBeChecked();
		await user.click( toggle );
		expect( toggle ).not.toBeChecked();
		expect( isMuted() ).toBe( true );
	} );

	it( 'asks for desktop notifications only when the agent clicks', async () => {
		const user = userEvent.setup();
		const requestPermission = jest.fn( async () => 'granted' );
		( window as unknown as { Notification: unknown } ).Notification =
			Object.assign( function Notification() {}, {
				permission: 'default',
				requestPermission,
			} );
		render( <NotificationControls /> );
		expect( requestPermission ).not.toHaveBeenCalled();
		await user.click(
			screen.getByRole( 'button', {
				name: 'Turn on desktop notifications',
			} )
		);
		expect( requestPermission ).toHaveBeenCalledTimes( 1 );
		expect(
			await screen.findByText( 'Desktop notifications are on.' )
		).toBeInTheDocument();
	} );
} );
