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
	CHAT_SAVED,
	mockApiFetch,
	postCalls,
	renderScreen,
	SAVED,
	VISIBLE,
} from '../../settings-screen/test/utils';

jest.mock( '@wordpress/api-fetch' );

// Answers GET / POST settings like the REST API, keeping what was saved.
function serveSettings( secret = CHAT_SAVED.identity_secret ) {
	let current = { ...SAVED, ...CHAT_SAVED, identity_secret: secret };
	mockApiFetch.mockImplementation(
		async ( options: { path: string; method?: string; data?: object } ) => {
			if ( options.path === '/livedesk/v1/settings/identity-secret' ) {
				current = { ...current, identity_secret: 'f'.repeat( 64 ) };
				return current;
			}
			if ( options.method === 'POST' ) {
				current = { ...current, ...options.data };
			}
			return current;
		}
	);
}

async function chatCard() {
	const heading = await screen.findByRole( 'heading', {
		level: 2,
		name: 'Chat',
	} );
	return heading.closest( '.livedesk-chat-settings' ) as HTMLElement;
}

describe( 'Settings → Chat', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'loads the chat settings and saves a toggle on change, only that field', async () => {
		const user = userEvent.setup();
		serveSettings();
		renderScreen( true, null );
		const toggle = await screen.findByRole( 'checkbox', {
			name: 'Turn chat on',
		} );
		expect( toggle ).toBeChecked();
		await user.click( toggle );
		expect( postCalls() ).toEqual( [
			[
				{
					path: '/livedesk/v1/settings',
					method: 'POST',
					data: { chat_enabled: false },
				},
			],
		] );
		expect(
			await screen.findByText( 'Settings saved.', VISIBLE )
		).toBeInTheDocument();
		expect( toggle ).not.toBeChecked();
	} );

	it( 'saves position, e-mail capture and the verified-identity rule', async () => {
		const user = userEvent.setup();
		serveSettings();
		renderScreen( true, null );
		await user.selectOptions(
			await screen.findByRole( 'combobox', {
				name: 'Launcher position',
			} ),
			'left'
		);
		await user.selectOptions(
			screen.getByRole( 'combobox', {
				name: 'Ask for an e-mail address before the chat',
			} ),
			'required'
		);
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Require a verified identity',
			} )
		);
		expect( postCalls().map( ( [ o ] ) => o.data ) ).toEqual( [
			{ chat_position: 'left' },
			{ chat_email_capture: 'required' },
			{ chat_require_verified: true },
		] );
	} );

	it( 'checks colour and e-mail before saving the texts, and sends only changes', async () => {
		// No pause between keystrokes: the screen is large, and CI is busy.
		const user = userEvent.setup( { delay: null } );
		serveSettings();
		renderScreen();
		await chatCard();
		const hex = screen.getByRole( 'textbox', {
			name: 'Launcher colour (hex)',
		} );
		const save = screen.getByRole( 'button', { name: 'Save chat texts' } );
		expect( save ).toHaveAttribute( 'aria-disabled', 'true' );
		await user.clear( hex );
		await user.type( hex, 'red' );
		expect(
			screen.getByText( 'Use a colour like #2563eb.' )
		).toBeInTheDocument();
		expect( save ).toHaveAttribute( 'aria-disabled', 'true' );
		await user.clear( hex );
		await user.type( hex, '#10b981' );
		const email = screen.getByRole( 'textbox', {
			name: 'E-mail for offline messages',
		} );
		await user.type( email, 'not-an-address' );
		expect(
			screen.getByText( 'Enter an e-mail address, or leave it empty.' )
		).toBeInTheDocument();
		await user.clear( email );
		await user.type( email, 'help@shop.example' );
		await user.type(
			screen.getByRole( 'textbox', { name: 'Greeting' } ),
			'Hello <b>there</b>'
		);
		await user.click( save );
		expect( postCalls().map( ( [ o ] ) => o.data ) ).toEqual( [
			{
				chat_color: '#10b981',
				chat_greeting: 'Hello <b>there</b>',
				chat_offline_email: 'help@shop.example',
			},
		] );
	} );

	it( 'shows the identity secret with Copy and Regenerate, after confirmation', async () => {
		const user = userEvent.setup();
		serveSettings();
		const writeText = jest.fn( async () => undefined );
		Object.defineProperty( window.navigator, 'clipboard', {
			value: { writeText },
			configurable: true,
		} );
		renderScreen();
		const card = await chatCard();
		const secret = within( card ).getByRole( 'textbox', {
			name: 'Identity secret',
		} );
		expect( secret ).toHaveValue( CHAT_SAVED.identity_secret );
		await user.click(
			within( card ).getByRole( 'button', { name: 'Copy' } )
		);
		expect( writeText ).toHaveBeenCalledWith( CHAT_SAVED.identity_secret );
		expect(
			await within( card ).findByText( 'Copied.' )
		).toBeInTheDocument();

		await user.click(
			within( card ).getByRole( 'button', { name: 'Regenerate' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Regenerate the identity secret?',
		} );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Regenerate' } )
		);
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/livedesk/v1/settings/identity-secret',
			method: 'POST',
		} );
		expect(
			await screen.findByDisplayValue( 'f'.repeat( 64 ) )
		).toBeInTheDocument();
		expect(
			screen.getByText( /A new identity secret is in use/, VISIBLE )
		).toBeInTheDocument();
	} );

	it( 'shows the PHP snippet of docs/chat.md', async () => {
		serveSettings();
		renderScreen();
		const code = within( await chatCard() ).getByText( /hash_hmac\(/ );
		expect( code ).toHaveTextContent( 'livedesk-identity.v1' );
		expect( code ).toHaveTextContent( 'LIVEDESK_IDENTITY_SECRET' );
		// The secret itself is never written into the snippet.
		expect( code ).not.toHaveTextContent( CHAT_SAVED.identity_secret );
	} );

	it( 'is read-only for agents, without the secret', async () => {
		const user = userEvent.setup();
		serveSettings( '' );
		renderScreen( false, { ...CHAT_SAVED, identity_secret: '' } );
		const card = await chatCard();
		const toggle = within( card ).getByRole( 'checkbox', {
			name: 'Turn chat on',
		} );
		expect( toggle ).toBeDisabled();
		expect(
			within( card ).getByRole( 'combobox', {
				name: 'Launcher position',
			} )
		).toBeDisabled();
		expect(
			within( card ).getByRole( 'textbox', { name: 'Greeting' } )
		).toHaveAttribute( 'readonly' );
		expect(
			within( card ).queryByRole( 'textbox', { name: 'Identity secret' } )
		).toBeNull();
		expect(
			within( card ).getByText(
				'The identity secret is shown to users who can manage LiveDesk settings.'
			)
		).toBeInTheDocument();
		await user.click( toggle );
		expect( postCalls() ).toHaveLength( 0 );
	} );

	it( 'says why the chat settings could not be loaded', async () => {
		mockApiFetch.mockImplementation( async () => SAVED ); // no chat fields
		renderScreen( true, null );
		expect(
			await screen.findByText(
				'The server answered, but without the chat settings.',
				VISIBLE
			)
		).toBeInTheDocument();
		// The Visitors section still works.
		expect(
			screen.getByRole( 'checkbox', { name: 'Track visitors' } )
		).toBeInTheDocument();
	} );
} );
