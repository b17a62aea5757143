/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';
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
	VISIBLE,
} from '../../settings-screen/test/utils';

jest.mock( '@wordpress/api-fetch' );

/** The Visitors card, once settings have loaded. */
async function visitorsSection() {
	const heading = await screen.findByRole( 'heading', {
		level: 2,
		name: 'Visitors',
	} );
	const card = heading.closest( '.livedesk-visitors-settings' );
	if ( ! ( card instanceof HTMLElement ) ) {
		throw new Error( 'The Visitors section is missing.' );
	}
	return within( card );
}

/**
 * The body of the only POST so far.
 */
function onlyPostData() {
	const calls = postCalls();
	expect( calls ).toHaveLength( 1 );
	return calls[ 0 ]?.[ 0 ].data;
}

describe( 'Settings → Visitors', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'shows the saved values', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			...SAVED,
			tracking: false,
			consent_mode: true,
			ip_mode: 'none',
			visitor_cap: 42,
			trusted_proxies: [ '10.0.0.0/8', '2001:db8::/32' ],
		} );
		renderScreen();
		const section = await visitorsSection();

		expect(
			section.getByRole( 'checkbox', { name: 'Track visitors' } )
		).not.toBeChecked();
		expect(
			section.getByRole( 'checkbox', { name: 'Wait for consent' } )
		).toBeChecked();
		expect(
			section.getByRole( 'combobox', { name: 'Visitor IP addresses' } )
		).toHaveValue( 'none' );
		expect(
			section.getByRole( 'spinbutton', { name: 'Visitor cap' } )
		).toHaveValue( 42 );
		expect(
			section.getByRole( 'textbox', { name: 'Trusted proxies' } )
		).toHaveValue( '10.0.0.0/8\n2001:db8::/32' );
	} );

	it( 'saves the tracking toggle on change, sending only that field', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockResolvedValueOnce( { ...SAVED, tracking: false } );
		renderScreen();
		const section = await visitorsSection();

		await user.click(
			section.getByRole( 'checkbox', { name: 'Track visitors' } )
		);

		expect(
			await section.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		// Reported beside the control, not a second time at the top.
		expect(
			screen.getAllByText( 'Settings saved.', VISIBLE )
		).toHaveLength( 1 );
		expect( onlyPostData() ).toEqual( { tracking: false } );
		expect(
			section.getByRole( 'checkbox', { name: 'Track visitors' } )
		).not.toBeChecked();
	} );

	it( 'reverts the tracking toggle and explains a failed save', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to change LiveDesk settings.',
			data: { status: 403 },
		} );
		renderScreen();
		const section = await visitorsSection();

		await user.click(
			section.getByRole( 'checkbox', { name: 'Track visitors' } )
		);

		expect(
			await section.findByText(
				/Sorry, you are not allowed to change LiveDesk settings\./,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			section.getByRole( 'checkbox', { name: 'Track visitors' } )
		).toBeChecked();
	} );

	it( 'saves consent mode on change and says what the consent tool must do', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockResolvedValueOnce( { ...SAVED, consent_mode: true } );
		renderScreen();
		const section = await visitorsSection();

		expect(
			section.getByText( 'window.LiveDesk.inject()' )
		).toBeInTheDocument();
		expect( section.getByText( /“statistics” category/ ) ).toBeVisible();

		await user.click(
			section.getByRole( 'checkbox', { name: 'Wait for consent' } )
		);

		expect(
			await section.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( onlyPostData() ).toEqual( { consent_mode: true } );
		expect(
			section.getByRole( 'checkbox', { name: 'Wait for consent' } )
		).toBeChecked();
	} );

	it( 'saves the IP mode on change and explains the chosen mode', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockResolvedValueOnce( { ...SAVED, ip_mode: 'full' } );
		renderScreen();
		const section = await visitorsSection();
		const select = section.getByRole( 'combobox', {
			name: 'Visitor IP addresses',
		} );

		expect( select ).toHaveValue( 'anonymised' );
		expect( select ).toHaveAccessibleDescription(
			/last part of the address is zeroed/
		);

		await user.selectOptions( select, 'full' );

		expect(
			await section.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( onlyPostData() ).toEqual( { ip_mode: 'full' } );
		expect( select ).toHaveValue( 'full' );
		expect( select ).toHaveAccessibleDescription(
			'The whole IP address is stored with each chat.'
		);
	} );

	it( 'reverts the IP mode when the save fails', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );
		renderScreen();
		const section = await visitorsSection();
		const select = section.getByRole( 'combobox', {
			name: 'Visitor IP addresses',
		} );

		await user.selectOptions( select, 'none' );

		expect(
			await section.findByText( /You are probably offline\./, VISIBLE )
		).toBeInTheDocument();
		expect( select ).toHaveValue( 'anonymised' );
	} );
} );
