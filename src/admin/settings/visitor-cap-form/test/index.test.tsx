/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import { parseVisitorCap } from '..';
import {
	mockApiFetch,
	postCalls,
	renderScreen,
	SAVED,
	VISIBLE,
} from '../../settings-screen/test/utils';

jest.mock( '@wordpress/api-fetch' );

const RANGE_MESSAGE = 'Enter a whole number from 1 to 100,000.';

async function capField() {
	return screen.findByRole( 'spinbutton', { name: 'Visitor cap' } );
}

function saveButton() {
	return screen.getByRole( 'button', { name: 'Save visitor cap' } );
}

describe( 'parseVisitorCap', () => {
	it.each( [
		[ '1', 1 ],
		[ ' 500 ', 500 ],
		[ '100000', 100000 ],
	] )( 'accepts %p', ( value, cap ) => {
		expect( parseVisitorCap( value ) ).toBe( cap );
	} );

	it.each( [ '', '0', '-5', '100001', '2.5', '1e3', 'abc', '99999999' ] )(
		'rejects %p',
		( value ) => {
			expect( parseVisitorCap( value ) ).toBeNull();
		}
	);
} );

describe( 'VisitorCapForm', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'saves the cap with its button, sending only that field', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockResolvedValueOnce( SAVED )
			.mockResolvedValueOnce( { ...SAVED, visitor_cap: 1000 } );
		renderScreen();
		const field = await capField();

		expect( field ).toHaveValue( 500 );
		expect( saveButton() ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.clear( field );
		await user.type( field, '1000' );
		await user.click( saveButton() );

		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( postCalls() ).toEqual( [
			[
				{
					path: '/livedesk/v1/settings',
					method: 'POST',
					data: { visitor_cap: 1000 },
				},
			],
		] );
		expect( field ).toHaveValue( 1000 );
		expect( saveButton() ).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'explains a cap out of range and does not send it', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED );
		renderScreen();
		const field = await capField();

		await user.clear( field );
		await user.type( field, '0{Enter}' );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			RANGE_MESSAGE
		);
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( field ).toHaveAccessibleDescription(
			expect.stringContaining( RANGE_MESSAGE )
		);
		expect( saveButton() ).toHaveAttribute( 'aria-disabled', 'true' );
		await user.click( saveButton() );

		await user.clear( field );
		await user.type( field, '100001' );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			RANGE_MESSAGE
		);
		expect( postCalls() ).toHaveLength( 0 );

		await user.clear( field );
		await user.type( field, '250' );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
		expect( field ).toHaveAttribute( 'aria-invalid', 'false' );
	} );

	it( 'shows the server’s message when it refuses the cap, keeping the edit', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( SAVED ).mockRejectedValueOnce( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): visitor_cap',
			data: {
				status: 400,
				params: {
					visitor_cap:
						'visitor_cap must be between 1 (inclusive) and 100000 (inclusive)',
				},
			},
		} );
		renderScreen();
		const field = await capField();

		await user.clear( field );
		await user.type( field, '77' );
		await user.click( saveButton() );

		const section = within(
			field.closest( '.livedesk-visitors-settings' ) as HTMLElement
		);
		expect(
			await section.findByText(
				/Invalid parameter\(s\): visitor_cap/,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			section.getByText(
				'visitor_cap must be between 1 (inclusive) and 100000 (inclusive)',
				VISIBLE
			)
		).toBeInTheDocument();
		expect( field ).toHaveValue( 77 );
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	} );
} );
