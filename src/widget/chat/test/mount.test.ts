/**
 * The chat panel mounted in a shadow root, against a fake sidecar (fake
 * WebSockets) and a fake plugin (fake fetch).
 */

/**
 * External dependencies
 */
import '@testing-library/jest-dom';
import { fireEvent, within } from '@testing-library/dom';

/**
 * Internal dependencies
 */
import { IDENTITY_KEY } from '../../identity';
import { OPEN_FLAG } from '../../launcher/flags';
import {
	FakeWebSocket,
	lastSocket,
	resetSockets,
	sockets,
} from '../../test/fake-web-socket';
import { ACK_TIMEOUT_MS } from '../delivery';
import { mountChat } from '../mount';
import { OUTBOX_KEY } from '../outbox';
import { FALLBACK_AFTER_MS } from '../transport';
import type { ChatHandle, ChatOptions } from '../types';
import { VISITOR_ID_RETRY_MS } from '../visitor-id';
import { AJAX, REST, createFakeRest } from './fake-rest';
import { CONVERSATION, VISITOR, message } from './fixtures';

const SIDECAR = 'https://shop.example/livedesk-sidecar/';
const XSS = '"><img src=x onerror="window.pwned=1"><svg onload=alert(1)>';
const OPEN = {
	id: CONVERSATION,
	status: 'open',
	name: '',
	email: '',
	verified: false,
};

let rest: ReturnType< typeof createFakeRest >;
let handle: ChatHandle | undefined;
let host: HTMLElement;

function mount( change: Partial< ChatOptions > = {} ) {
	host = document.createElement( 'div' );
	document.body.append( host );
	const onOpenChange = jest.fn();
	handle = mountChat( host, {
		restUrl: REST,
		sidecarUrl: SIDECAR,
		WebSocket: FakeWebSocket,
		fetch: rest.fetch,
		random: () => 0,
		onOpenChange,
		...change,
	} );
	const root = host.shadowRoot as unknown as HTMLElement;
	return { root, view: within( root ), onOpenChange };
}

/**
 * Connects the panel's socket and answers like the sidecar does.
 * @param status
 * @param status.agents_online
 * @param status.conversation
 */
function connect(
	status: { agents_online: boolean; conversation: object | null } = {
		agents_online: true,
		conversation: null,
	}
) {
	const socket = lastSocket();
	socket.accept();
	socket.event( 'session:ready', { ...VISITOR, returning: true } );
	socket.event( 'chat:status', status );
	return socket;
}

/**
 * The chat:send events a socket saw.
 * @param socket
 */
function sends( socket = lastSocket() ) {
	return socket
		.events()
		.filter( ( e ) => ( e as unknown[] )[ 0 ] === 'chat:send' )
		.map(
			( e ) =>
				( e as unknown[] )[ 1 ] as { client_id: string; body: string }
		);
}

function type( textbox: HTMLElement, text: string ) {
	fireEvent.input( textbox, { target: { value: text } } );
	fireEvent.keyDown( textbox, { key: 'Enter' } );
}

beforeEach( () => {
	jest.useFakeTimers();
	resetSockets();
	localStorage.clear();
	sessionStorage.clear();
	rest = createFakeRest();
	rest.on( 'GET chat/config', () => ( {
		status: 200,
		body: { greeting: 'Hello from the shop', email_capture: 'off' },
	} ) );
} );

afterEach( () => {
	handle?.destroy();
	handle = undefined;
	document.body.innerHTML = '';
	document.body.className = '';
	jest.useRealTimers();
} );

describe( 'mountChat: the panel', () => {
	it( 'is a labelled dialog with a log, a labelled composer and a Send button', async () => {
		const { view, root } = mount();
		await jest.advanceTimersByTimeAsync( 0 );
		const dialog = view.getByRole( 'dialog', { name: 'Chat' } );
		expect( dialog ).toBeVisible();
		const log = view.getByRole( 'log', { name: 'Messages' } );
		expect( log ).toHaveAttribute( 'aria-live', 'polite' );
		const textbox = view.getByRole( 'textbox', { name: 'Message' } );
		expect( view.getByRole( 'button', { name: 'Send' } ) ).toBeVisible();
		expect(
			view.getByRole( 'button', { name: 'Close chat' } )
		).toBeVisible();
		expect( view.getByText( 'Hello from the shop' ) ).toBeVisible();
		// Focus went to the composer when the panel opened.
		expect( ( root as unknown as ShadowRoot ).activeElement ).toBe(
			textbox
		);
	} );

	it( 'restores the history over chat:sync, showing every text as text', () => {
		const { view, root } = mount();
		const socket = connect( { agents_online: true, conversation: OPEN } );
		expect( socket.auth() ).toEqual( { chat: true } );
		expect( socket.events() ).toContainEqual( [
			'chat:sync',
			{ after_id: 0 },
		] );
		socket.event( 'chat:history', {
			conversation: OPEN,
			messages: [
				message( 3, {
					author: 'visitor',
					body: XSS,
					client_id: 'mine-0001',
				} ),
				message( 4, { body: XSS, agent_name: XSS } ),
				message( 5, {
					author: 'system',
					body: 'Conversation archived',
				} ),
			],
			more: false,
		} );
		const log = view.getByRole( 'log' );
		expect(
			root.querySelector( 'img, svg:not([aria-hidden])' )
		).toBeNull();
		expect( log.querySelectorAll( 'img, svg' ) ).toHaveLength( 0 );
		expect( within( log ).getAllByText( XSS ) ).toHaveLength( 3 );
		expect(
			( window as unknown as { pwned?: number } ).pwned
		).toBeUndefined();
		// Remembered: the launcher loads the chat on the next page.
		expect( localStorage.getItem( OPEN_FLAG ) ).toBe( '1' );
		// The identity from session:ready is kept for the tracker and later visits.
		expect(
			JSON.parse( localStorage.getItem( IDENTITY_KEY ) ?? '{}' )
		).toEqual( VISITOR );
	} );

	it( 'asks for the next page of history while more follow', () => {
		mount();
		const socket = connect();
		socket.event( 'chat:history', {
			conversation: OPEN,
			messages: [ message( 8 ) ],
			more: true,
		} );
		expect( socket.events() ).toContainEqual( [
			'chat:sync',
			{ after_id: 8 },
		] );
	} );
} );

describe( 'mountChat: sending', () => {
	it( 'sends on Enter, then shows Sent, Delivered and Seen', () => {
		const { view } = mount();
		const socket = connect();
		const textbox = view.getByRole( 'textbox', { name: 'Message' } );
		fireEvent.input( textbox, { target: { value: 'line one' } } );
		fireEvent.keyDown( textbox, { key: 'Enter', shiftKey: true } );
		expect( sends() ).toEqual( [] );

		type( textbox, '  Hello <b>there</b>  ' );
		const [ sent ] = sends();
		expect( sent?.body ).toBe( 'Hello <b>there</b>' );
		expect( sent?.client_id ).toMatch( /^[A-Za-z0-9_-]{22}$/ );
		expect( textbox ).toHaveValue( '' );
		expect( view.getByText( 'Hello <b>there</b>' ) ).toBeVisible();
		expect( view.getByText( 'Sent' ) ).toBeVisible();
		expect(
			JSON.parse( sessionStorage.getItem( OUTBOX_KEY ) ?? '[]' )
		).toHaveLength( 1 );

		socket.event( 'chat:ack', {
			ok: true,
			client_id: sent?.client_id,
			message: message( 30, {
				author: 'visitor',
				client_id: sent?.client_id,
				body: 'Hello <b>there</b>',
			} ),
		} );
		expect( view.getByText( /Delivered/ ) ).toBeVisible();
		expect( sessionStorage.getItem( OUTBOX_KEY ) ).toBeNull();

		socket.event( 'chat:read', {
			conversation_id: CONVERSATION,
			by: 'agent',
			up_to_id: 30,
			at: '2026-11-21T09:31:00.000Z',
		} );
		expect( view.getByText( /Seen/ ) ).toBeVisible();
		// One bubble from typed to seen.
		expect( view.getAllByText( 'Hello <b>there</b>' ) ).toHaveLength( 1 );
	} );

	it( 'resends an unacknowledged message with the same client id after a reconnect, and shows it once', () => {
		const { view } = mount();
		const first = connect();
		type(
			view.getByRole( 'textbox', { name: 'Message' } ),
			'are you there?'
		);
		const [ sent ] = sends( first );
		first.drop();
		jest.advanceTimersByTime( 1 );
		const second = connect();
		expect( sends( second ) ).toEqual( [ sent ] );
		const stored = message( 31, {
			author: 'visitor',
			client_id: sent?.client_id,
			body: 'are you there?',
		} );
		// The first send was stored after all: the history has it, then the ack comes.
		second.event( 'chat:history', {
			conversation: OPEN,
			messages: [ stored ],
			more: false,
		} );
		second.event( 'chat:ack', {
			ok: true,
			client_id: sent?.client_id,
			message: stored,
		} );
		second.event( 'chat:message', stored );
		expect( view.getAllByText( 'are you there?' ) ).toHaveLength( 1 );
		expect( sessionStorage.getItem( OUTBOX_KEY ) ).toBeNull();
	} );

	it( 'resends after the ack timeout and says it keeps trying', () => {
		const { view } = mount();
		connect();
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'hello?' );
		jest.advanceTimersByTime( ACK_TIMEOUT_MS + 1 );
		const [ a, b ] = sends();
		expect( b?.client_id ).toBe( a?.client_id );
		expect(
			view.getByText( 'Not sent yet. We’ll keep trying.' )
		).toBeVisible();
	} );

	it( 'sends what the outbox kept over a reload, in order', () => {
		const { view } = mount();
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'first' );
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'second' );
		expect( view.getAllByText( 'Sending…' ) ).toHaveLength( 2 );
		handle?.destroy();
		document.body.innerHTML = '';

		const again = mount();
		expect( again.view.getByText( 'first' ) ).toBeVisible();
		const socket = connect();
		const [ one ] = sends( socket );
		expect( sends( socket ) ).toHaveLength( 1 );
		expect( one?.body ).toBe( 'first' );
		socket.event( 'chat:ack', {
			ok: true,
			client_id: one?.client_id,
			message: message( 1, {
				author: 'visitor',
				client_id: one?.client_id,
				body: 'first',
			} ),
		} );
		expect( sends( socket ).map( ( s ) => s.body ) ).toEqual( [
			'first',
			'second',
		] );
	} );

	it( 'shows a refusal, and Retry sends the text again', () => {
		const { view } = mount();
		const socket = connect();
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'too fast' );
		const [ sent ] = sends( socket );
		socket.event( 'chat:ack', {
			ok: false,
			client_id: sent?.client_id,
			code: 'identity_required',
			message: 'a verified identity is required',
			retryable: false,
		} );
		expect( view.getByRole( 'alert' ) ).toHaveTextContent(
			'Please log in to chat with us.'
		);
		expect( view.getByText( /Not sent/ ) ).toBeVisible();
		fireEvent.click( view.getByRole( 'button', { name: 'Retry' } ) );
		const retried = sends( socket )[ 1 ];
		expect( retried?.body ).toBe( 'too fast' );
		expect( view.queryByRole( 'button', { name: 'Retry' } ) ).toBeNull();
	} );

	it( 'refuses a message longer than the limit without sending it', async () => {
		rest.on( 'GET chat/config', () => ( {
			status: 200,
			body: { message_max: 10 },
		} ) );
		const { view } = mount();
		await jest.advanceTimersByTimeAsync( 0 );
		connect();
		type(
			view.getByRole( 'textbox', { name: 'Message' } ),
			'x'.repeat( 11 )
		);
		expect( sends() ).toEqual( [] );
		expect( view.getByRole( 'alert' ) ).toHaveTextContent(
			'Your message is too long (at most 10 characters).'
		);
	} );
} );

describe( 'mountChat: typing, identity and data', () => {
	it( 'says the visitor is typing, and shows the agent typing', () => {
		const { view } = mount();
		const socket = connect();
		const textbox = view.getByRole( 'textbox', { name: 'Message' } );
		fireEvent.input( textbox, { target: { value: 'h' } } );
		fireEvent.input( textbox, { target: { value: 'he' } } );
		jest.advanceTimersByTime( 3000 );
		const typing = socket
			.events()
			.filter( ( e ) => ( e as unknown[] )[ 0 ] === 'chat:typing' );
		expect( typing ).toEqual( [
			[ 'chat:typing', { typing: true } ],
			[ 'chat:typing', { typing: false } ],
		] );

		socket.event( 'chat:typing', { typing: true, agent_name: XSS } );
		expect( view.getByRole( 'status' ) ).toHaveTextContent(
			`${ XSS } is typing…`
		);
		socket.event( 'chat:message', message( 40 ) );
		expect( view.getByRole( 'status' ) ).toHaveTextContent( '' );
	} );

	it( 'passes LiveDesk.identify() and setData() on, and presents the identity on reconnect', () => {
		mount();
		const identity = {
			id: 'customer-42',
			name: 'Ada',
			email: 'ada@example.com',
			expires: 1798761600,
			signature: 'f'.repeat( 64 ),
		};
		handle?.identify( { ...identity, extra: 'dropped' } );
		handle?.setData( { plan: 'Pro', seats: 3 } );
		const first = connect();
		// Given after the handshake started: sent as chat:identify.
		expect( first.auth() ).toEqual( { chat: true } );
		expect( first.events() ).toContainEqual( [
			'chat:identify',
			identity,
		] );
		expect( first.events() ).toContainEqual( [
			'chat:data',
			{ plan: 'Pro', seats: '3' },
		] );
		handle?.setData( { country: 'FR' } );
		expect( first.events() ).toContainEqual( [
			'chat:data',
			{ plan: 'Pro', seats: '3', country: 'FR' },
		] );
		const other = { ...identity, id: 'customer-43' };
		handle?.identify( other );
		expect( first.events() ).toContainEqual( [ 'chat:identify', other ] );
		// A new connection presents it in the handshake (and not again as an event).
		first.drop();
		jest.advanceTimersByTime( 1 );
		const second = connect();
		expect( second.auth() ).toEqual( {
			...VISITOR,
			chat: true,
			identity: other,
		} );
		expect(
			second
				.events()
				.filter( ( e ) => ( e as unknown[] )[ 0 ] === 'chat:identify' )
		).toHaveLength( 0 );
		handle?.identify( 'not an identity' );
		expect(
			second
				.events()
				.filter( ( e ) => ( e as unknown[] )[ 0 ] === 'chat:identify' )
		).toHaveLength( 0 );
	} );

	it( 'identifies a logged-in WordPress user before the first message goes', async () => {
		document.body.className = 'logged-in';
		const identity = {
			id: 'wp:7',
			name: 'Editor',
			email: 'editor@example.com',
			expires: 1798761600,
			signature: 'e'.repeat( 64 ),
		};
		let release: ( () => void ) | undefined;
		rest.on( '/wp-admin/admin-ajax.php', () => ( {
			status: 200,
			body: 'abc123def0',
		} ) );
		rest.on(
			'POST chat/identity',
			() =>
				new Promise( ( resolve ) => {
					release = () => resolve( { status: 201, body: identity } );
				} )
		);
		const { view } = mount( { ajaxUrl: AJAX } );
		const socket = connect();
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'hi' );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( sends( socket ) ).toEqual( [] );
		release?.();
		await jest.advanceTimersByTimeAsync( 0 );
		const names = socket.events().map( ( e ) => ( e as unknown[] )[ 0 ] );
		expect( names.indexOf( 'chat:identify' ) ).toBeLessThan(
			names.indexOf( 'chat:send' )
		);
		expect( socket.events() ).toContainEqual( [
			'chat:identify',
			identity,
		] );
		expect( sends( socket ) ).toHaveLength( 1 );
	} );

	it( 'does not ask for a WordPress identity on an anonymous page', async () => {
		mount( { ajaxUrl: AJAX } );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( rest.requests.map( ( r ) => r.route ) ).toEqual( [
			'chat/config',
		] );
	} );
} );

describe( 'mountChat: forms and phases', () => {
	it( 'asks for name and e-mail before the first message when capture is required', async () => {
		rest.on( 'GET chat/config', () => ( {
			status: 200,
			body: { email_capture: 'required' },
		} ) );
		const { view } = mount();
		await jest.advanceTimersByTimeAsync( 0 );
		const socket = connect();
		const email = view.getByRole( 'textbox', { name: 'Your e-mail' } );
		const name = view.getByRole( 'textbox', {
			name: 'Your name (optional)',
		} );
		const textbox = view.getByRole( 'textbox', { name: 'Message' } );
		expect(
			view.getByRole( 'button', { name: 'Start chat' } )
		).toBeVisible();

		type( textbox, 'hello' );
		expect( sends( socket ) ).toEqual( [] );
		expect( view.getByRole( 'alert' ) ).toHaveTextContent(
			'Please enter your e-mail address.'
		);
		fireEvent.input( email, { target: { value: 'not-an-address' } } );
		fireEvent.click( view.getByRole( 'button', { name: 'Start chat' } ) );
		expect( view.getByRole( 'alert' ) ).toHaveTextContent(
			'Please enter a valid e-mail address.'
		);
		expect( email ).toHaveAttribute( 'aria-invalid', 'true' );

		fireEvent.input( email, { target: { value: 'zoe@example.com' } } );
		fireEvent.input( name, { target: { value: XSS } } );
		fireEvent.click( view.getByRole( 'button', { name: 'Start chat' } ) );
		expect( sends( socket ) ).toEqual( [
			expect.objectContaining( {
				body: 'hello',
				profile: { name: XSS, email: 'zoe@example.com' },
			} ),
		] );
		expect(
			view.queryByRole( 'textbox', { name: 'Your e-mail' } )
		).toBeNull();
		expect( view.getByRole( 'button', { name: 'Send' } ) ).toBeVisible();
	} );

	it( 'offers the offline form when no agent is online, and sends it', async () => {
		rest.on( 'POST chat/offline', () => ( {
			status: 201,
			body: { ok: true },
		} ) );
		const { view } = mount();
		connect( { agents_online: false, conversation: null } );
		expect( view.getByText( 'We’ll reply by e-mail' ) ).toBeVisible();
		// Only the offline form's message field is there, not the composer.
		expect(
			view.getAllByRole( 'textbox', { name: 'Message' } )
		).toHaveLength( 1 );
		expect( view.queryByRole( 'button', { name: 'Send' } ) ).toBeNull();
		const form = within(
			view
				.getByText( /not online right now/ )
				.closest( 'form' ) as HTMLElement
		);
		fireEvent.input(
			form.getByRole( 'textbox', { name: 'Your name (optional)' } ),
			{
				target: { value: 'Zoë' },
			}
		);
		fireEvent.input( form.getByRole( 'textbox', { name: 'Your e-mail' } ), {
			target: { value: 'zoe@example.com' },
		} );
		fireEvent.click( form.getByRole( 'button', { name: 'Send message' } ) );
		expect( form.getByRole( 'alert' ) ).toHaveTextContent(
			'Please write a message.'
		);
		fireEvent.input( form.getByRole( 'textbox', { name: 'Message' } ), {
			target: { value: 'Call me back' },
		} );
		fireEvent.click( form.getByRole( 'button', { name: 'Send message' } ) );
		await jest.advanceTimersByTimeAsync( 0 );
		const [ post ] = rest.calls( 'POST chat/offline' );
		expect( post?.body ).toEqual( {
			name: 'Zoë',
			email: 'zoe@example.com',
			body: 'Call me back',
			client_id: expect.stringMatching( /^[A-Za-z0-9_-]{22}$/ ),
		} );
		expect( post?.headers[ 'X-LiveDesk-Visitor' ] ).toBe(
			`${ VISITOR.id }.${ VISITOR.sig }`
		);
		expect(
			view.getByText(
				'Thank you! We’ll reply by e-mail as soon as we can.'
			)
		).toBeVisible();
	} );

	it( 'fills the offline form in for a visitor the site identified', () => {
		const { view } = mount();
		handle?.identify( {
			id: 'customer-42',
			name: 'Ada',
			email: 'ada@example.com',
			expires: 1798761600,
			signature: 'f'.repeat( 64 ),
		} );
		connect( { agents_online: false, conversation: null } );
		expect(
			view.getByRole( 'textbox', { name: 'Your e-mail' } )
		).toHaveValue( 'ada@example.com' );
		expect(
			view.getByRole( 'textbox', { name: 'Your name (optional)' } )
		).toHaveValue( 'Ada' );
	} );

	it( 'moves the focus to the offline form when it replaces the composer', () => {
		const { view, root } = mount();
		expect( ( root as unknown as ShadowRoot ).activeElement ).toBe(
			view.getByRole( 'textbox', { name: 'Message' } )
		);
		connect( { agents_online: false, conversation: null } );
		// Found by selector: jsdom keeps a stale computed style for the
		// form it saw hidden before.
		expect( ( root as unknown as ShadowRoot ).activeElement ).toBe(
			root.querySelector( 'form.o input[name="name"]' )
		);
	} );

	it( 'keeps the same client id when the offline form is sent again after a failure', async () => {
		let calls = 0;
		rest.on( 'POST chat/offline', () =>
			++calls === 1
				? { status: 429, body: { code: 'rate_limited' } }
				: { status: 201, body: { ok: true } }
		);
		const { view } = mount();
		connect( { agents_online: false, conversation: null } );
		const form = within(
			view
				.getByText( /not online right now/ )
				.closest( 'form' ) as HTMLElement
		);
		fireEvent.input( form.getByRole( 'textbox', { name: 'Your e-mail' } ), {
			target: { value: 'zoe@example.com' },
		} );
		fireEvent.input( form.getByRole( 'textbox', { name: 'Message' } ), {
			target: { value: 'Hello' },
		} );
		fireEvent.click( form.getByRole( 'button', { name: 'Send message' } ) );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( form.getByRole( 'alert' ) ).toHaveTextContent( /too quickly/ );
		fireEvent.click( form.getByRole( 'button', { name: 'Send message' } ) );
		await jest.advanceTimersByTimeAsync( 0 );
		const [ a, b ] = rest.calls( 'POST chat/offline' );
		expect( ( b?.body as { client_id: string } ).client_id ).toBe(
			( a?.body as { client_id: string } ).client_id
		);
	} );

	it( 'says the conversation ended and offers a new one', () => {
		const { view, root } = mount();
		const socket = connect( { agents_online: true, conversation: OPEN } );
		socket.event( 'chat:history', {
			conversation: OPEN,
			messages: [ message( 50, { body: 'Bye!' } ) ],
			more: false,
		} );
		socket.event( 'chat:status', {
			agents_online: true,
			conversation: { ...OPEN, status: 'archived' },
		} );
		expect( view.getByText( 'Conversation ended' ) ).toBeVisible();
		expect( localStorage.getItem( OPEN_FLAG ) ).toBeNull();
		fireEvent.click(
			view.getByRole( 'button', { name: 'Start a new chat' } )
		);
		// The composer is back (checked by attribute: jsdom keeps a stale
		// computed style for elements of a shadow tree shown again).
		const shadow = root as unknown as ShadowRoot;
		const composer = shadow.querySelector( 'form.f' ) as HTMLFormElement;
		expect( composer.hidden ).toBe( false );
		expect( shadow.activeElement ).toBe(
			composer.querySelector( 'textarea' )
		);
	} );

	it( 'uses the translated strings of chat/config', async () => {
		rest.on( 'GET chat/config', () => ( {
			status: 200,
			body: {
				strings: { send: 'Envoyer', message_label: 'Votre message' },
			},
		} ) );
		const { view } = mount();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( view.getByRole( 'button', { name: 'Envoyer' } ) ).toBeVisible();
		expect(
			view.getByRole( 'textbox', { name: 'Votre message' } )
		).toBeVisible();
	} );
} );

describe( 'mountChat: the REST fallback for a first-time visitor', () => {
	const HEADER = `${ VISITOR.id }.${ VISITOR.sig }`;

	/** The plugin's fallback routes: an empty poll, and sends stored in order. */
	function answerChat() {
		rest.on( 'GET chat/messages', () => ( {
			status: 200,
			body: { conversation: null, messages: [], more: false },
		} ) );
		let id = 70;
		rest.on( 'POST chat/messages', ( request ) => {
			const sent = request.body as { client_id: string; body: string };
			return {
				status: 201,
				body: {
					ok: true,
					client_id: sent.client_id,
					message: message( id++, {
						author: 'visitor',
						client_id: sent.client_id,
						body: sent.body,
					} ),
					conversation: OPEN,
				},
			};
		} );
	}

	/**
	 * The composer's and the offline form's hidden attributes (jsdom keeps
	 * stale computed styles in a shadow tree, so not by visibility).
	 * @param root
	 */
	function shown( root: HTMLElement ) {
		const shadow = root as unknown as ShadowRoot;
		return {
			composer: ! ( shadow.querySelector( 'form.f' ) as HTMLFormElement )
				.hidden,
			offline: ! ( shadow.querySelector( 'form.o' ) as HTMLFormElement )
				.hidden,
		};
	}

	it( 'gets a visitor id from the plugin, chats over REST, and connects with that id later', async () => {
		answerChat();
		rest.on( 'POST chat/visitor', () => ( {
			status: 201,
			body: VISITOR,
		} ) );
		const { view, root } = mount();
		// The sidecar does not answer: REST after FALLBACK_AFTER_MS.
		await jest.advanceTimersByTimeAsync( FALLBACK_AFTER_MS );

		const [ ask, ...again ] = rest.calls( 'POST chat/visitor' );
		expect( again ).toEqual( [] );
		expect( ask?.headers ).not.toHaveProperty( 'X-LiveDesk-Visitor' );
		// Kept where the tracker reads it.
		expect(
			JSON.parse( localStorage.getItem( IDENTITY_KEY ) ?? 'null' )
		).toEqual( VISITOR );
		const [ poll ] = rest.calls( 'GET chat/messages' );
		expect( poll?.headers[ 'X-LiveDesk-Visitor' ] ).toBe( HEADER );
		expect( shown( root ) ).toEqual( { composer: true, offline: false } );

		type(
			view.getByRole( 'textbox', { name: 'Message' } ),
			'hello over REST'
		);
		await jest.advanceTimersByTimeAsync( 0 );
		const [ post ] = rest.calls( 'POST chat/messages' );
		expect( post?.headers[ 'X-LiveDesk-Visitor' ] ).toBe( HEADER );
		expect( post?.body ).toMatchObject( { body: 'hello over REST' } );
		expect( view.getByText( /Delivered/ ) ).toBeVisible();
		expect( view.getAllByText( 'hello over REST' ) ).toHaveLength( 1 );

		// The sidecar is back: the chat's connection presents the same id.
		lastSocket().drop();
		jest.advanceTimersByTime( 1 );
		lastSocket().accept();
		expect( lastSocket().auth() ).toEqual( { ...VISITOR, chat: true } );
		expect( rest.calls( 'POST chat/visitor' ) ).toHaveLength( 1 );
	} );

	it( 'holds a message typed before the id came, then sends it with the id', async () => {
		answerChat();
		let answer: ( () => void ) | undefined;
		rest.on(
			'POST chat/visitor',
			() =>
				new Promise( ( resolve ) => {
					answer = () => resolve( { status: 201, body: VISITOR } );
				} )
		);
		const { view, root } = mount();
		await jest.advanceTimersByTimeAsync( FALLBACK_AFTER_MS );
		// Asking: the composer stays, no offline form flashes by.
		expect( shown( root ) ).toEqual( { composer: true, offline: false } );
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'early' );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( rest.calls( 'POST chat/messages' ) ).toEqual( [] );
		expect( rest.calls( 'GET chat/messages' ) ).toEqual( [] );

		answer?.();
		await jest.advanceTimersByTimeAsync( 0 );
		const posts = rest.calls( 'POST chat/messages' );
		expect( posts ).toHaveLength( 1 );
		expect( posts[ 0 ]?.headers[ 'X-LiveDesk-Visitor' ] ).toBe( HEADER );
		expect( posts[ 0 ]?.body ).toMatchObject( { body: 'early' } );
		expect( rest.calls( 'GET chat/messages' ).length ).toBeGreaterThan( 0 );
	} );

	it( 'offers the offline form while the plugin cannot give an id, and chats once it does', async () => {
		answerChat();
		let fail = true;
		rest.on( 'POST chat/visitor', () =>
			fail
				? { status: 503, body: { code: 'storage_unavailable' } }
				: { status: 201, body: VISITOR }
		);
		const { root } = mount();
		await jest.advanceTimersByTimeAsync( FALLBACK_AFTER_MS );
		expect( shown( root ) ).toEqual( { composer: false, offline: true } );
		expect( rest.calls( 'GET chat/messages' ) ).toEqual( [] );

		// Not asked again in a loop: the next try waits.
		await jest.advanceTimersByTimeAsync( VISITOR_ID_RETRY_MS / 2 - 1 );
		expect( rest.calls( 'POST chat/visitor' ) ).toHaveLength( 1 );
		fail = false;
		await jest.advanceTimersByTimeAsync( 1 );
		expect( rest.calls( 'POST chat/visitor' ) ).toHaveLength( 2 );
		expect( shown( root ) ).toEqual( { composer: true, offline: false } );
		expect(
			rest.calls( 'GET chat/messages' )[ 0 ]?.headers[
				'X-LiveDesk-Visitor'
			]
		).toBe( HEADER );
	} );

	it( 'does not ask for an id when one is stored', async () => {
		answerChat();
		localStorage.setItem( IDENTITY_KEY, JSON.stringify( VISITOR ) );
		const { root } = mount();
		await jest.advanceTimersByTimeAsync( FALLBACK_AFTER_MS );
		expect( rest.calls( 'POST chat/visitor' ) ).toEqual( [] );
		expect(
			rest.calls( 'GET chat/messages' )[ 0 ]?.headers[
				'X-LiveDesk-Visitor'
			]
		).toBe( HEADER );
		expect( shown( root ) ).toEqual( { composer: true, offline: false } );
	} );
} );

describe( 'mountChat: opening and closing', () => {
	it( 'closes on Escape and on the close button, and reports it', () => {
		const { view, onOpenChange } = mount();
		expect( handle?.isOpen() ).toBe( true );
		expect( onOpenChange ).toHaveBeenLastCalledWith( true );
		fireEvent.keyDown( view.getByRole( 'textbox', { name: 'Message' } ), {
			key: 'Escape',
		} );
		expect( handle?.isOpen() ).toBe( false );
		expect( onOpenChange ).toHaveBeenLastCalledWith( false );
		handle?.open();
		fireEvent.click( view.getByRole( 'button', { name: 'Close chat' } ) );
		expect( handle?.isOpen() ).toBe( false );
	} );

	it( 'does not take the focus when it comes back open on the next page', () => {
		const outside = document.createElement( 'button' );
		document.body.append( outside );
		outside.focus();
		const { root } = mount( { restored: true } );
		expect( handle?.isOpen() ).toBe( true );
		expect( outside.ownerDocument.activeElement ).toBe( outside );
		expect( ( root as unknown as ShadowRoot ).activeElement ).toBeNull();
	} );

	it( 'counts agent messages that arrive while it is closed', () => {
		const onUnread = jest.fn();
		mount( { open: false, onUnread } );
		const socket = connect( { agents_online: true, conversation: OPEN } );
		socket.event( 'chat:message', message( 60 ) );
		socket.event( 'chat:message', message( 61 ) );
		expect( onUnread ).toHaveBeenLastCalledWith( 2 );
		expect( socket.events() ).not.toContainEqual( [
			'chat:read',
			expect.anything(),
		] );
		handle?.open();
		expect( onUnread ).toHaveBeenLastCalledWith( 0 );
		expect( socket.events() ).toContainEqual( [
			'chat:read',
			{ up_to_id: 61 },
		] );
	} );

	it( 'mounts inline for the playground with a fixed identity it never stores', () => {
		const visitor = { id: 'd'.repeat( 32 ), sig: 'e'.repeat( 43 ) };
		const { view } = mount( {
			inline: true,
			visitor,
			playground: 'pg-token',
		} );
		const socket = connect( { agents_online: true, conversation: OPEN } );
		expect( socket.auth() ).toEqual( {
			...visitor,
			chat: true,
			playground: 'pg-token',
		} );
		expect( view.getByRole( 'dialog' ) ).toBeVisible();
		expect(
			view.queryByRole( 'button', { name: 'Close chat' } )
		).toBeNull();
		type( view.getByRole( 'textbox', { name: 'Message' } ), 'test' );
		expect( localStorage.length ).toBe( 0 );
		expect( sessionStorage.length ).toBe( 0 );
		expect( sockets ).toHaveLength( 1 );
	} );
} );
