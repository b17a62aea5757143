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
	VISIBLE,
} from '../../settings-screen/test/utils';

jest.mock( '@wordpress/api-fetch' );

describe( 'Settings → Visitors for an agent', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'shows every control read-only, says why and sends nothing', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED );
		renderScreen( false );

		const tracking = await screen.findByRole( 'checkbox', {
			name: 'Track visitors',
		} );
		const consent = screen.getByRole( 'checkbox', {
			name: 'Wait for consent',
		} );
		const ipMode = screen.getByRole( 'combobox', {
			name: 'Visitor IP addresses',
		} );
		const cap = screen.getByRole( 'spinbutton', { name: 'Visitor cap' } );
		const proxies = screen.getByRole( 'textbox', {
			name: 'Trusted proxies',
		} );
		const saveCap = screen.getByRole( 'button', {
			name: 'Save visitor cap',
		} );
		const saveProxies = screen.getByRole( 'button', {
			name: 'Save trusted proxies',
		} );

		// One sentence says why, once for the whole screen.
		expect(
			screen.getAllByText( /only administrators/i, VISIBLE )
		).toHaveLength( 1 );
		expect(
			screen.getByText( READ_ONLY_NOTICE, VISIBLE )
		).toBeInTheDocument();
		expect( tracking ).toBeDisabled();
		expect( tracking ).toBeChecked();
		expect( consent ).toBeDisabled();
		expect( ipMode ).toBeDisabled();
		expect( cap ).toHaveAttribute( 'readonly' );
		expect( proxies ).toHaveAttribute( 'readonly' );
		expect( saveCap ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( saveProxies ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click( tracking );
		await user.click( consent );
		await user.type( cap, '9{Enter}' );
		await user.click( saveCap );
		await user.type( proxies, '10.0.0.1' );
		await user.click( saveProxies );

		expect( tracking ).toBeChecked();
		expect( cap ).toHaveValue( 500 );
		expect( proxies ).toHaveValue( '127.0.0.1\n::1' );
		expect( postCalls() ).toHaveLength( 0 );
	} );
} );
