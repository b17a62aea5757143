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
	renderScreen,
	SAVED,
	TOGGLE_LABEL,
	VISIBLE,
} from './utils';

jest.mock( '@wordpress/api-fetch' );

describe( 'SettingsScreen saving', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'saves the toggle on change, sending only that field', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockResolvedValueOnce( {
			...SAVED,
			delete_data_on_uninstall: true,
		} );
		renderScreen();

		await user.click(
			await screen.findByRole( 'checkbox', { name: TOGGLE_LABEL } )
		);

		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( postCalls() ).toEqual( [
			[
				{
					path: '/livedesk/v1/settings',
					method: 'POST',
					data: { delete_data_on_uninstall: true },
				},
			],
		] );
		expect(
			screen.getByRole( 'checkbox', { name: TOGGLE_LABEL } )
		).toBeChecked();
	} );

	it( 'says it is saving while the request is in flight', async () => {
		const user = userEvent.setup();
		let finish: ( value: unknown ) => void = () => {};
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockReturnValueOnce(
				new Promise( ( resolve ) => ( finish = resolve ) )
			);
		renderScreen();

		await user.click(
			await screen.findByRole( 'checkbox', { name: TOGGLE_LABEL } )
		);

		expect( screen.getByText( 'Saving…', VISIBLE ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'checkbox', { name: TOGGLE_LABEL } )
		).toBeDisabled();
		finish( { ...SAVED, delete_data_on_uninstall: true } );
		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
	} );

	it( 'saves the sidecar URL with the Save button, sending only that field', async () => {
		// No pause between keystrokes: the screen is large, and CI is busy.
		const user = userEvent.setup( { delay: null } );
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockResolvedValueOnce( {
			...SAVED,
			sidecar_url: 'https://live.shop.example',
			effective_sidecar_url: 'https://live.shop.example',
		} );
		renderScreen();

		const field = await screen.findByRole( 'textbox', {
			name: 'Sidecar URL',
		} );
		const saveButton = screen.getByRole( 'button', { name: 'Save' } );
		expect( saveButton ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.type( field, 'https://live.shop.example' );
		await user.click( saveButton );

		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( postCalls() ).toEqual( [
			[
				{
					path: '/livedesk/v1/settings',
					method: 'POST',
					data: { sidecar_url: 'https://live.shop.example' },
				},
			],
		] );
		expect( field ).toHaveValue( 'https://live.shop.example' );
	} );

	it( 'shows the message and details of an error response', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): sidecar_url',
			data: {
				status: 400,
				params: {
					sidecar_url: 'The sidecar URL must use http or https.',
				},
			},
		} );
		renderScreen();

		await user.type(
			await screen.findByRole( 'textbox', { name: 'Sidecar URL' } ),
			'https://bad.example'
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect(
			await screen.findByText(
				/Invalid parameter\(s\): sidecar_url/,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'The sidecar URL must use http or https.',
				VISIBLE
			)
		).toBeInTheDocument();
		// The edit is kept so it can be corrected.
		expect(
			screen.getByRole( 'textbox', { name: 'Sidecar URL' } )
		).toHaveValue( 'https://bad.example' );
	} );

	it( 'reverts the toggle and explains a forbidden response', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: { status: 403 },
		} );
		renderScreen();

		await user.click(
			await screen.findByRole( 'checkbox', { name: TOGGLE_LABEL } )
		);

		expect(
			await screen.findByText(
				/Sorry, you are not allowed to do that\./,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'checkbox', { name: TOGGLE_LABEL } )
		).not.toBeChecked();
	} );
} );
