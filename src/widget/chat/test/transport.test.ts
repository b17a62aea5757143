/**
 * Internal dependencies
 */
import { EVENTS } from '../../../protocol';
import {
	FakeWebSocket,
	lastSocket,
	resetSockets,
	sockets,
} from '../../test/fake-web-socket';
import {
	FALLBACK_AFTER_MS,
	POLL_MAX_MS,
	POLL_MIN_MS,
	createTransport,
	pollDelay,
	shouldFallBack,
} from '../transport';
import type { Transport, TransportOptions } from '../transport';
import { createFakeRest, REST } from './fake-rest';
import { CONVERSATION, VISITOR, message } from './fixtures';

const SIDECAR = 'https://shop.example/livedesk-sidecar/';
const HEADERS = { 'X-LiveDesk-Visitor': `${ VISITOR.id }.${ VISITOR.sig }` };

let transport: Transport | undefined;
let rest: ReturnType< typeof createFakeRest >;

function start( change: Partial< TransportOptions > = {} ) {
	const options = {
		sidecarUrl: SIDECAR,
		restUrl: REST,
		win: window,
		fetch: rest.fetch,
		WebSocket: FakeWebSocket,
		// No jitter: every reconnection waits the shortest possible time.
		random: () => 0,
		auth: () => ( { ...VISITOR, chat: true } ),
		headers: () => HEADERS,
		lastId: jest.fn( () => 12 ),
		onEvent: jest.fn(),
		onReady: jest.fn(),
		onDown: jest.fn(),
		onMode: jest.fn(),
		...change,
	};
	transport = createTransport( options );
	return options;
}

/** Lets the fake fetch answer and its handlers run. */
async function settle() {
	await jest.advanceTimersByTimeAsync( 0 );
}

beforeEach( () => {
	jest.useFakeTimers();
	resetSockets();
	rest = createFakeRest();
	rest.on( 'GET chat/messages', () => ( {
		status: 200,
		body: { conversation: null, messages: [], more: false },
	} ) );
} );

afterEach( () => {
	transport?.close();
	transport = undefined;
	jest.useRealTimers();
} );

describe( 'the fallback decision', () => {
	it( 'falls back after 3 failed attempts or 5 s without a connection', () => {
		expect( shouldFallBack( 0, 0 ) ).toBe( false );
		expect( shouldFallBack( 2, 4999 ) ).toBe( false );
		expect( shouldFallBack( 3, 0 ) ).toBe( true );
		expect( shouldFallBack( 1, FALLBACK_AFTER_MS ) ).toBe( true );
	} );

	it( 'polls every 3 s while the chat is active, slowing to 10 s when quiet', () => {
		expect( pollDelay( 0 ) ).toBe( POLL_MIN_MS );
		expect( pollDelay( 30000 ) ).toBe( POLL_MIN_MS );
		expect( pollDelay( 75000 ) ).toBe( 6500 );
		expect( pollDelay( 120000 ) ).toBe( POLL_MAX_MS );
		expect( pollDelay( 3600000 ) ).toBe( POLL_MAX_MS );
	} );
} );

describe( 'createTransport over the socket', () => {
	it( 'connects as a chat connection and talks over the socket', () => {
		const options = start();
		const socket = lastSocket();
		expect( socket.url ).toBe(
			'wss://shop.example/livedesk-sidecar/socket.io/?EIO=4&transport=websocket'
		);
		expect( transport?.mode() ).toBe( 'connecting' );
		expect( transport?.send( { client_id: 'abcdefgh', body: 'hi' } ) ).toBe(
			false
		);

		socket.accept();
		expect( socket.auth() ).toEqual( { ...VISITOR, chat: true } );
		expect( transport?.mode() ).toBe( 'socket' );
		expect( options.onReady ).toHaveBeenCalledTimes( 1 );

		transport?.sync();
		expect( transport?.send( { client_id: 'abcdefgh', body: 'hi' } ) ).toBe(
			true
		);
		expect( transport?.emit( EVENTS.chatTyping, { typing: true } ) ).toBe(
			true
		);
		expect( socket.events() ).toEqual( [
			[ 'chat:sync', { after_id: 12 } ],
			[ 'chat:send', { client_id: 'abcdefgh', body: 'hi' } ],
			[ 'chat:typing', { typing: true } ],
		] );

		socket.event( 'chat:message', message( 13 ) );
		expect( options.onEvent ).toHaveBeenCalledWith(
			'chat:message',
			message( 13 )
		);
		expect( rest.requests ).toEqual( [] );
	} );

	it( 'reconnects a lost connection without REST when it comes back soon', () => {
		const options = start();
		lastSocket().accept();
		lastSocket().drop();
		expect( options.onDown ).toHaveBeenCalledTimes( 1 );
		expect( transport?.mode() ).toBe( 'connecting' );
		jest.advanceTimersByTime( 1 );
		expect( sockets ).toHaveLength( 2 );
		lastSocket().accept();
		expect( transport?.mode() ).toBe( 'socket' );
		expect( options.onReady ).toHaveBeenCalledTimes( 2 );
		jest.advanceTimersByTime( FALLBACK_AFTER_MS * 2 );
		expect( transport?.mode() ).toBe( 'socket' );
		expect( rest.requests ).toEqual( [] );
	} );
} );

describe( 'createTransport falling back to REST', () => {
	it( 'falls back after 3 failed connection attempts and polls with the visitor header', async () => {
		const options = start();
		for ( let i = 0; i < 3; i++ ) {
			lastSocket().drop();
			jest.advanceTimersByTime( 1 );
		}
		expect( transport?.mode() ).toBe( 'rest' );
		expect( options.onMode ).toHaveBeenLastCalledWith( 'rest' );
		expect( options.onReady ).toHaveBeenCalledTimes( 1 );

		transport?.sync();
		await settle();
		const [ poll ] = rest.calls( 'GET chat/messages' );
		expect( poll?.query ).toEqual( { after_id: '12' } );
		expect( poll?.headers ).toMatchObject( HEADERS );
		expect( options.onEvent ).toHaveBeenCalledWith( 'chat:history', {
			conversation: null,
			messages: [],
			more: false,
		} );

		// It keeps polling, 3 s apart while active.
		await jest.advanceTimersByTimeAsync( POLL_MIN_MS );
		expect( rest.calls( 'GET chat/messages' ) ).toHaveLength( 2 );
	} );

	it( 'does not poll while it has no visitor id to poll with', async () => {
		let known = false;
		start( { canPoll: () => known } );
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		transport?.sync();
		await jest.advanceTimersByTimeAsync( POLL_MAX_MS * 2 );
		expect( rest.calls( 'GET chat/messages' ) ).toEqual( [] );
		known = true;
		await jest.advanceTimersByTimeAsync( POLL_MAX_MS );
		expect( rest.calls( 'GET chat/messages' ) ).toHaveLength( 1 );
	} );

	it( 'falls back after 5 s when the sidecar does not answer at all', () => {
		start();
		expect( sockets ).toHaveLength( 1 );
		jest.advanceTimersByTime( FALLBACK_AFTER_MS - 1 );
		expect( transport?.mode() ).toBe( 'connecting' );
		jest.advanceTimersByTime( 1 );
		expect( transport?.mode() ).toBe( 'rest' );
	} );

	it( 'sends over POST chat/messages and answers with a chat:ack', async () => {
		const stored = message( 20, {
			author: 'visitor',
			client_id: 'abcdefgh',
		} );
		const conversation = {
			id: CONVERSATION,
			status: 'open',
			name: '',
			email: '',
			verified: false,
		};
		rest.on( 'POST chat/messages', () => ( {
			status: 201,
			body: {
				ok: true,
				client_id: 'abcdefgh',
				message: stored,
				conversation,
			},
		} ) );
		const options = start();
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		expect(
			transport?.send( {
				client_id: 'abcdefgh',
				body: 'hi',
				profile: { name: 'Zoë' },
			} )
		).toBe( true );
		await settle();
		const [ post ] = rest.calls( 'POST chat/messages' );
		expect( post?.body ).toEqual( {
			client_id: 'abcdefgh',
			body: 'hi',
			profile: { name: 'Zoë' },
		} );
		expect( post?.headers ).toMatchObject( HEADERS );
		expect( options.onEvent ).toHaveBeenCalledWith( 'chat:ack', {
			ok: true,
			client_id: 'abcdefgh',
			message: stored,
		} );
		expect( options.onEvent ).toHaveBeenCalledWith( 'chat:history', {
			conversation,
			messages: [],
			more: false,
		} );
	} );

	it( 'makes a failed POST a retryable refusal', async () => {
		rest.on( 'POST chat/messages', () => 'network-error' );
		const options = start();
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		transport?.send( { client_id: 'abcdefgh', body: 'hi' } );
		await settle();
		expect( options.onEvent ).toHaveBeenCalledWith(
			'chat:ack',
			expect.objectContaining( {
				ok: false,
				client_id: 'abcdefgh',
				retryable: true,
			} )
		);
	} );

	it( 'goes back to the socket when the sidecar returns, and stops polling', async () => {
		const options = start();
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		expect( transport?.mode() ).toBe( 'rest' );
		transport?.sync();
		await settle();
		const polls = rest.calls( 'GET chat/messages' ).length;

		// The first attempt is still pending: it fails, the next succeeds.
		lastSocket().drop();
		await jest.advanceTimersByTimeAsync( 1 );
		lastSocket().accept();
		expect( transport?.mode() ).toBe( 'socket' );
		expect( options.onMode ).toHaveBeenLastCalledWith( 'socket' );
		expect( options.onReady ).toHaveBeenCalledTimes( 2 );
		await jest.advanceTimersByTimeAsync( POLL_MAX_MS * 3 );
		expect( rest.calls( 'GET chat/messages' ) ).toHaveLength( polls );
		expect( transport?.emit( EVENTS.chatRead, { up_to_id: 1 } ) ).toBe(
			true
		);
	} );

	it( 'asks again at once when a poll says more follow', async () => {
		let page = 0;
		rest.on( 'GET chat/messages', () => ( {
			status: 200,
			body: {
				conversation: null,
				messages: [ message( ++page ) ],
				more: page < 3,
			},
		} ) );
		const onEvent = jest.fn( ( name: string, data: unknown ) => {
			if (
				name === 'chat:history' &&
				( data as { more: boolean } ).more
			) {
				transport?.sync();
			}
		} );
		start( { onEvent } );
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		transport?.sync();
		for ( let i = 0; i < 5; i++ ) {
			await settle();
		}
		expect( rest.calls( 'GET chat/messages' ) ).toHaveLength( 3 );
	} );

	it( 'stops everything on close', async () => {
		start();
		jest.advanceTimersByTime( FALLBACK_AFTER_MS );
		transport?.close();
		transport = undefined;
		await jest.advanceTimersByTimeAsync( 60000 );
		expect( rest.requests ).toEqual( [] );
		expect( sockets.every( ( socket ) => socket.closed ) ).toBe( true );
	} );
} );
