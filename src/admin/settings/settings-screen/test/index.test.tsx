/**
 * External dependencies
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import {
	mockApiFetch,
	postCalls,
	READ_ONLY_NOTICE,
	renderScreen,
	SAVED,
	TOGGLE_LABEL,
	VISIBLE,
} from './utils';

jest.mock( '@wordpress/api-fetch' );

describe( 'SettingsScreen', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'shows a loading message, then the values from the store', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			...SAVED,
			delete_data_on_uninstall: true,
			sidecar_url: 'https://live.shop.example',
			effective_sidecar_url: 'https://live.shop.example',
		} );
		renderScreen();

		expect(
			screen.getByRole( 'heading', { level: 1, name: 'Settings' } )
		).toBeInTheDocument();
		expect( screen.getByText( 'Loading settings…' ) ).toBeInTheDocument();

		expect(
			await screen.findByRole( 'checkbox', { name: TOGGLE_LABEL } )
		).toBeChecked();
		expect(
			screen.getByRole( 'textbox', { name: 'Sidecar URL' } )
		).toHaveValue( 'https://live.shop.example' );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/livedesk/v1/settings',
		} );
		expect(
			screen.queryByText( READ_ONLY_NOTICE, VISIBLE )
		).not.toBeInTheDocument();
	} );

	it( 'shows the effective sidecar URL in the help text', async () => {
		mockApiFetch.mockResolvedValueOnce( SAVED );
		renderScreen();

		expect(
			await screen.findByText( 'https://shop.example/' )
		).toBeInTheDocument();
	} );

	it( 'is read-only without the manage capability', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED );
		renderScreen( false );

		expect(
			screen.getByText( READ_ONLY_NOTICE, VISIBLE )
		).toBeInTheDocument();
		const toggle = await screen.findByRole( 'checkbox', {
			name: TOGGLE_LABEL,
		} );
		const field = screen.getByRole( 'textbox', { name: 'Sidecar URL' } );
		const saveButton = screen.getByRole( 'button', { name: 'Save' } );

		expect( toggle ).toBeDisabled();
		expect( field ).toHaveAttribute( 'readonly' );
		expect( saveButton ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click( toggle );
		await user.type( field, 'https://x.example{Enter}' );
		await user.click( saveButton );
		expect( postCalls() ).toHaveLength( 0 );
	} );

	it( 'explains a load failure and loads again on request', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockRejectedValueOnce( {
				code: 'fetch_error',
				message: 'You are probably offline.',
			} )
			.mockResolvedValueOnce( SAVED );
		renderScreen();

		expect(
			await screen.findByText(
				'LiveDesk could not load its settings: You are probably offline.',
				VISIBLE
			)
		).toBeInTheDocument();

		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );

		expect(
			await screen.findByRole( 'checkbox', { name: TOGGLE_LABEL } )
		).not.toBeChecked();
		expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'treats a response that is not settings as a load failure', async () => {
		mockApiFetch.mockResolvedValueOnce( { sidecar_url: 42 } );
		renderScreen();

		expect(
			await screen.findByText(
				/The server answered, but not with LiveDesk settings\./,
				VISIBLE
			)
		).toBeInTheDocument();
	} );
} );
