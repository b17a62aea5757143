/**
 * External dependencies
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import LiveChatScreen from '..';
import type { ChatMessage, Conversation } from '../../../../protocol';
import { store as chatStore } from '../../../store/chat';
import { startChat } from '../../../store/chat/start';
import { fakeConnection } from '../../../store/chat/test/fake-connection';
import {
	CONV_A,
	CONV_B,
	conversation,
	message,
} from '../../../store/chat/test/fixtures';
import { store as presenceStore } from '../../../store/presence';
import { visitor } from '../../../store/presence/test/fixtures';
import { playBeep } from '../../lib/notifications';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '../../lib/notifications', () => ( {
	...jest.requireActual( '../../lib/notifications' ),
	playBeep: jest.fn( () => true ),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;
const XSS = '"><svg onload=alert(1)>';
const VISITOR_ID = 'f'.repeat( 32 );
/** Notices are also announced in hidden a11y-speak regions; match only the visible text. */
const VISIBLE = { ignore: 'script, style, .a11y-speak-region' };

interface Server {
	conversations: Conversation[];
	messages: Record< string, ChatMessage[] >;
}

// Answers apiFetch like the REST API would, from `server`.
function serveRest( server: Server ) {
	mockApiFetch.mockImplementation(
		async ( options: {
			path: string;
			method?: string;
			data?: unknown;
		} ) => {
			const url = new URL( options.path, 'https://shop.example' );
			if ( url.pathname === '/livedesk/v1/conversations' ) {
				const status = url.searchParams.get( 'status' );
				const search = url.searchParams.get( 'search' );
				return server.conversations.filter(
					( c ) =>
						c.status === status &&
						( ! search ||
							c.visitor_id === search ||
							c.id === search )
				);
			}
			// /livedesk/v1/conversations/<id>/<action>
			const [ , , , , id = '', action ] = url.pathname.split( '/' );
			if ( action === 'messages' && options.method !== 'POST' ) {
				return server.messages[ id ] ?? [];
			}
			if ( action === 'read' ) {
				return server.conversations.find( ( c ) => c.id === id );
			}
			throw {
				code: 'rest_no_route',
				message: 'No route',
				data: { status: 404 },
			};
		}
	);
}

function setUp( {
	caps = { view: true, chat: true, manage: false },
	server = {
		conversations: [
			conversation( CONV_A, {
				unread_count: 2,
				last_message_at: '2026-11-21T09:05:00.000Z',
				last_message: {
					id: 2,
					author: 'visitor',
					body: 'Do you ship to Lyon?',
					created_at: '2026-11-21T09:05:00.000Z',
				},
			} ),
			conversation( CONV_B, {
				name: XSS,
				visitor_id: 'e'.repeat( 32 ),
				source: 'api',
				last_message_at: '2026-11-21T09:01:00.000Z',
			} ),
		],
		messages: {
			[ CONV_A ]: [
				message( 1 ),
				message( 2, { body: 'Do you ship to Lyon?' } ),
			],
		},
	},
}: { caps?: object; server?: Server } = {} ) {
	window.livedeskAdmin = { caps, user: { id: 7, name: 'Ada' } };
	serveRest( server );
	const registry = createRegistry();
	registry.register( chatStore );
	registry.register( presenceStore );
	registry.dispatch( presenceStore ).receiveSnapshot( {
		visitors: [ { ...visitor( VISITOR_ID, 1 ), number: 3 } ],
		counts: {
			live: 1,
			online: 1,
			chatting: 0,
			offline: 0,
			overCap: 0,
			cap: 500,
			tracking: true,
		},
		serverTime: 1,
	} );
	const fake = fakeConnection();
	const startLive = jest.fn( ( { userId, onNotice } ) =>
		startChat( {
			connection: fake.connection,
			registry,
			userId,
			onNotice,
			storage: null,
		} )
	);
	const view = render(
		<RegistryProvider value={ registry }>
			<LiveChatScreen startLive={ startLive } />
		</RegistryProvider>
	);
	return { registry, fake, startLive, view, server };
}

beforeEach( () => {
	mockApiFetch.mockReset();
	( playBeep as jest.Mock ).mockClear();
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=livedesk'
	);
	document.title = 'Live Chat ‹ Shop — WordPress';
	jest.spyOn( document, 'hasFocus' ).mockReturnValue( true );
} );

afterEach( () => {
	delete window.livedeskAdmin;
	jest.restoreAllMocks();
} );

describe( 'LiveChatScreen', () => {
	it( 'lists open conversations with "Visitor N", source, excerpt and unread count', async () => {
		setUp();
		const list = await screen.findByRole( 'list', { name: 'Open' } );
		const items = within( list ).getAllByRole( 'button' );
		expect( items ).toHaveLength( 2 );
		expect( items[ 0 ] ).toHaveTextContent( 'Visitor 3' );
		expect( items[ 0 ] ).toHaveTextContent( 'Widget' );
		expect( items[ 0 ] ).toHaveTextContent( 'Do you ship to Lyon?' );
		expect(
			within( items[ 0 ] as HTMLElement ).getByLabelText(
				'2 unread messages'
			)
		).toBeInTheDocument();
		expect( items[ 1 ] ).toHaveTextContent( 'API' );
		expect( document.title ).toBe( '(2) Live Chat ‹ Shop — WordPress' );
	} );

	it( 'shows visitor text as text, never as markup', async () => {
		const { view } = setUp();
		const list = await screen.findByRole( 'list', { name: 'Open' } );
		expect( within( list ).getByText( XSS ) ).toBeInTheDocument();
		expect( view.container.querySelector( 'svg[onload]' ) ).toBeNull();
	} );

	it( 'opens a conversation, shows its messages and sends a read receipt', async () => {
		const user = userEvent.setup();
		const { fake } = setUp();
		act( () => fake.goLive() );
		await user.click(
			await screen.findByRole( 'button', { name: /Visitor 3/ } )
		);
		const log = await screen.findByRole( 'log', { name: 'Messages' } );
		await within( log ).findByText( 'Do you ship to Lyon?' );
		expect( within( log ).getByText( 'Message 1' ) ).toBeInTheDocument();
		expect( window.location.search ).toBe(
			`?page=livedesk&conversation=${ CONV_A }`
		);
		await waitFor( () =>
			expect( fake.emitted ).toContainEqual( {
				event: 'chat:read',
				payload: { conversation_id: CONV_A, up_to_id: 2 },
			} )
		);
		expect( document.title ).toBe( 'Live Chat ‹ Shop — WordPress' );
	} );

	it( 'sends with Enter, keeps Shift+Enter as a new line, and shows delivery', async () => {
		const user = userEvent.setup();
		const { fake } = setUp();
		act( () => fake.goLive() );
		await user.click(
			await screen.findByRole( 'button', { name: /Visitor 3/ } )
		);
		const box = await screen.findByRole( 'textbox', { name: 'Reply' } );
		await user.type( box, 'Yes we do{Shift>}{Enter}{/Shift}Free shipping' );
		expect( box ).toHaveValue( 'Yes we do\nFree shipping' );
		await user.keyboard( '{Enter}' );
		expect( box ).toHaveValue( '' );
		const log = screen.getByRole( 'log', { name: 'Messages' } );
		expect( within( log ).getByText( 'Sending…' ) ).toBeInTheDocument();

		const send = fake.take( 'chat:send' );
		expect( send.payload ).toMatchObject( {
			conversation_id: CONV_A,
			body: 'Yes we do\nFree shipping',
		} );
		const clientId = ( send.payload as { client_id: string } ).client_id;
		await act( async () =>
			send.answer( {
				ok: true,
				client_id: clientId,
				message: message( 3, {
					author: 'agent',
					agent_id: 7,
					agent_name: 'Ada',
					client_id: clientId,
					body: 'Yes we do\nFree shipping',
				} ),
			} )
		);
		expect(
			await within( log ).findByText( 'Delivered' )
		).toBeInTheDocument();
		expect( within( log ).getByText( 'You' ) ).toBeInTheDocument();
		// The visitor read it.
		act( () =>
			fake.push( 'chatRead', {
				conversation_id: CONV_A,
				by: 'visitor',
				up_to_id: 3,
				at: '2026-11-21T09:06:00.000Z',
			} )
		);
		expect( within( log ).getByText( 'Seen' ) ).toBeInTheDocument();
	} );

	it( 'shows live messages, typing, and beeps for a chat the agent is not looking at', async () => {
		const { fake } = setUp();
		act( () => fake.goLive() );
		await screen.findByRole( 'list', { name: 'Open' } );
		act( () => {
			fake.push(
				'chatConversation',
				conversation( 'c'.repeat( 32 ), {
					name: 'Grace',
					visitor_id: '',
					last_message_at: '2026-11-21T10:00:00.000Z',
				} )
			);
			fake.push( 'chatTyping', {
				conversation_id: 'c'.repeat( 32 ),
				author: 'visitor',
				agent_id: null,
				agent_name: '',
				typing: true,
			} );
		} );
		const first = within(
			screen.getByRole( 'list', { name: 'Open' } )
		).getAllByRole( 'button' )[ 0 ];
		expect( first ).toHaveTextContent( 'Grace' );
		expect( first ).toHaveTextContent( 'typing…' );
		expect( playBeep ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'is read-only without livedesk_chat, and says why', async () => {
		const user = userEvent.setup();
		setUp( { caps: { view: true, chat: false, manage: false } } );
		await user.click(
			await screen.findByRole( 'button', { name: /Visitor 3/ } )
		);
		await screen.findByRole( 'log', { name: 'Messages' } );
		expect( screen.queryByRole( 'textbox', { name: 'Reply' } ) ).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Archive' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Assign to me' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Test chat' } )
		).toBeNull();
		expect(
			screen.getByText(
				/Replying, archiving and assigning need the livedesk_chat capability/,
				VISIBLE
			)
		).toBeInTheDocument();
	} );

	it( 'archives after confirmation', async () => {
		const user = userEvent.setup();
		const { fake } = setUp();
		act( () => fake.goLive() );
		await user.click(
			await screen.findByRole( 'button', { name: /Visitor 3/ } )
		);
		await user.click(
			await screen.findByRole( 'button', { name: 'Archive' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Archive this conversation?',
		} );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Archive' } )
		);
		const request = fake.take( 'chat:archive' );
		expect( request.payload ).toEqual( { conversation_id: CONV_A } );
		await act( async () =>
			request.answer( {
				ok: true,
				conversation: conversation( CONV_A, {
					status: 'archived',
					archived_at: '2026-11-21T10:00:00.000Z',
					updated_at: '2026-11-21T10:00:00.000Z',
				} ),
			} )
		);
		expect(
			await screen.findByText( /This conversation was archived on/ )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'textbox', { name: 'Reply' } ) ).toBeNull();
	} );

	it( 'says the live connection is down and sends replies over REST', async () => {
		const user = userEvent.setup();
		const { fake } = setUp();
		act( () => fake.goLive() );
		act( () => fake.goDown() );
		expect(
			await screen.findByText(
				/The live connection is down; reconnecting/,
				VISIBLE
			)
		).toBeInTheDocument();
		await user.click(
			await screen.findByRole( 'button', { name: /Visitor 3/ } )
		);
		const box = await screen.findByRole( 'textbox', { name: 'Reply' } );
		await user.type( box, 'Still here{Enter}' );
		await waitFor( () =>
			expect( mockApiFetch ).toHaveBeenCalledWith(
				expect.objectContaining( {
					path: `/livedesk/v1/conversations/${ CONV_A }/messages`,
					method: 'POST',
					data: expect.objectContaining( { body: 'Still here' } ),
				} )
			)
		);
	} );

	it( 'opens the conversation of a visitor named in the address', async () => {
		window.history.replaceState(
			null,
			'',
			`/wp-admin/admin.php?page=livedesk&visitor=${ VISITOR_ID }`
		);
		setUp();
		expect(
			await screen.findByRole( 'heading', {
				level: 2,
				name: 'Visitor 3',
			} )
		).toBeInTheDocument();
		expect( window.location.search ).toBe(
			`?page=livedesk&conversation=${ CONV_A }`
		);
	} );
} );
