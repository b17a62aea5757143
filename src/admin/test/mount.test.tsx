/**
 * External dependencies
 */
import { act, screen } from '@testing-library/react';
import '@testing-library/jest-dom';

/**
 * Internal dependencies
 */
import { mountScreen, ROOT_ID } from '../mount';

describe( 'mountScreen', () => {
	afterEach( () => {
		document.body.innerHTML = '';
		delete window.livedeskAdmin;
	} );

	it( 'does nothing when the page has no root', () => {
		const render = jest.fn( () => <p>screen</p> );
		expect( mountScreen( render ) ).toBe( false );
		expect( render ).not.toHaveBeenCalled();
	} );

	it( 'renders into the root with the validated boot config', async () => {
		document.body.innerHTML = `<div class="wrap"><div id="${ ROOT_ID }" data-screen="settings"></div></div>`;
		window.livedeskAdmin = { screen: 'settings', caps: { manage: 'yes' } };

		await act( async () => {
			mountScreen( ( config ) => (
				<p>{ config.caps.manage ? 'can manage' : 'read only' }</p>
			) );
		} );

		expect( screen.getByText( 'read only' ) ).toBeInTheDocument();
	} );
} );
