/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import Playground, { widgetRestUrl } from '..';

jest.mock( '@wordpress/api-fetch' );
// The widget's panel is the widget engineer's; here only its mounting is checked.
jest.mock( '../../../../widget/chat/index', () => ( {
	mountChat: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;
const GRANT = {
	visitor: { id: 'c'.repeat( 32 ), sig: 's'.repeat( 43 ) },
	playground: 'p'.repeat( 43 ),
};

describe( 'Playground', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		window.livedeskAdmin = {
			sidecarUrl: 'https://shop.example/livedesk-sidecar/',
			restUrl: 'https://shop.example/wp-json/livedesk/v1/',
		};
	} );
	afterEach( () => {
		delete window.livedeskAdmin;
	} );

	it( 'opens a test chat as a playground visitor', async () => {
		const user = userEvent.setup();
		const destroy = jest.fn();
		const mount = jest.fn( () => ( {
			open: jest.fn(),
			close: jest.fn(),
			isOpen: () => true,
			identify: jest.fn(),
			setData: jest.fn(),
			destroy,
		} ) );
		mockApiFetch.mockResolvedValueOnce( GRANT );
		render( <Playground mount={ mount } /> );
		await user.click( screen.getByRole( 'button', { name: 'Test chat' } ) );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/livedesk/v1/playground',
			method: 'POST',
		} );
		expect(
			await screen.findByRole( 'complementary', { name: 'Test chat' } )
		).toBeInTheDocument();
		expect( mount ).toHaveBeenCalledWith( expect.any( HTMLElement ), {
			restUrl: 'https://shop.example/wp-json/livedesk/v1/',
			sidecarUrl: 'https://shop.example/livedesk-sidecar/',
			visitor: GRANT.visitor,
			playground: GRANT.playground,
			inline: true,
			open: true,
		} );
		await user.click(
			screen.getByRole( 'button', { name: 'Close test chat' } )
		);
		expect( destroy ).toHaveBeenCalled();
		expect( screen.queryByRole( 'complementary' ) ).toBeNull();
	} );

	it( 'says why when WordPress refuses', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockRejectedValueOnce( {
			code: 'livedesk_no_secret',
			message: 'No secret.',
			data: { status: 500 },
		} );
		render( <Playground mount={ jest.fn() } /> );
		await user.click( screen.getByRole( 'button', { name: 'Test chat' } ) );
		expect(
			(
				await screen.findAllByText(
					/could not be opened\. No secret\./
				)
			).length
		).toBeGreaterThan( 0 );
	} );

	it( 'falls back to a link to the site when the panel cannot be mounted', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValueOnce( GRANT );
		render(
			<Playground
				mount={ () => {
					throw new Error( 'no shadow DOM' );
				} }
			/>
		);
		await user.click( screen.getByRole( 'button', { name: 'Test chat' } ) );
		expect(
			await screen.findByRole( 'link', {
				name: 'Open the site in a new tab',
			} )
		).toHaveAttribute( 'target', '_blank' );
	} );

	it( 'builds the REST base from the site address when PHP gave none', () => {
		window.livedeskAdmin = {};
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=livedesk'
		);
		expect( widgetRestUrl() ).toBe(
			'http://localhost/?rest_route=/livedesk/v1/'
		);
	} );
} );
