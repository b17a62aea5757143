/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import { parseProxyLines } from '..';
import {
	mockApiFetch,
	postCalls,
	renderScreen,
	SAVED,
	VISIBLE,
} from '../../settings-screen/test/utils';

jest.mock( '@wordpress/api-fetch' );

async function proxiesField() {
	return screen.findByRole( 'textbox', { name: 'Trusted proxies' } );
}

function saveButton() {
	return screen.getByRole( 'button', { name: 'Save trusted proxies' } );
}

describe( 'parseProxyLines', () => {
	it( 'keeps one trimmed entry per non-blank line', () => {
		expect( parseProxyLines( ' 10.0.0.0/8 \r\n\n  \n::1\n' ) ).toEqual( [
			'10.0.0.0/8',
			'::1',
		] );
	} );

	it( 'turns an empty field into an empty list (trust no proxy)', () => {
		expect( parseProxyLines( '\n ' ) ).toEqual( [] );
	} );
} );

describe( 'TrustedProxiesForm', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'saves the list with its button, sending only that field', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockResolvedValueOnce( {
			...SAVED,
			trusted_proxies: [ '10.0.0.0/8', '192.0.2.1' ],
		} );
		renderScreen();
		const field = await proxiesField();

		expect( field ).toHaveValue( '127.0.0.1\n::1' );
		expect( saveButton() ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.clear( field );
		await user.type( field, ' 10.1.2.3/8{Enter}{Enter}192.0.2.1 ' );
		await user.click( saveButton() );

		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( postCalls() ).toEqual( [
			[
				{
					path: '/livedesk/v1/settings',
					method: 'POST',
					data: { trusted_proxies: [ '10.1.2.3/8', '192.0.2.1' ] },
				},
			],
		] );
		// The field now shows what the server stored.
		expect( field ).toHaveValue( '10.0.0.0/8\n192.0.2.1' );
	} );

	it( 'saves an empty list to trust no proxy', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockResolvedValueOnce( { ...SAVED, trusted_proxies: [] } );
		renderScreen();

		await user.clear( await proxiesField() );
		await user.click( saveButton() );

		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( postCalls()[ 0 ]?.[ 0 ].data ).toEqual( {
			trusted_proxies: [],
		} );
	} );

	it( 'shows the server’s message naming the bad entry, keeping the edit', async () => {
		const user = userEvent.setup();
		const named =
			'"proxy.example" is not an IP address or CIDR range (for example 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32).';
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): trusted_proxies',
			data: { status: 400, params: { trusted_proxies: named } },
		} );
		renderScreen();
		const field = await proxiesField();

		await user.clear( field );
		await user.type( field, '10.0.0.1{Enter}proxy.example' );
		await user.click( saveButton() );

		const section = within(
			field.closest( '.livedesk-visitors-settings' ) as HTMLElement
		);
		expect(
			await section.findByText( named, VISIBLE )
		).toBeInTheDocument();
		expect( field ).toHaveValue( '10.0.0.1\nproxy.example' );
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		// Nothing was stored: the top notice (for the other cards) stays quiet.
		expect(
			screen.getAllByText( /Your change was not saved\./, VISIBLE )
		).toHaveLength( 1 );
	} );

	it( 'shows entries as text, never as markup', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			...SAVED,
			trusted_proxies: [ '<img src=x onerror=alert(1)>' ],
		} );
		renderScreen();

		expect( await proxiesField() ).toHaveValue(
			'<img src=x onerror=alert(1)>'
		);
		expect( document.querySelector( 'img' ) ).toBeNull();
	} );
} );
