/*
 * @jest-environment node
 *
 * The panel's delivery (transport, outbox, delivery, message store) against a
 * real socket.io server that keeps the sidecar's chat contract in a few
 * lines: acks only stored messages, answers a retry with the stored row, and
 * drops connections at awkward moments. (A plain block comment: jest reads
 * the pragma, JSDoc lint does not.)
 */

/* eslint-disable import/no-extraneous-dependencies -- socket.io and ws are the sidecar's dependencies, installed at the root by the npm workspace. */

/**
 * External dependencies
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import WebSocket from 'ws';

/**
 * Internal dependencies
 */
import type { ChatMessage, ChatSend } from '../../../protocol';
import { createDelivery } from '../delivery';
import { createMessageStore } from '../messages';
import { createOutbox } from '../outbox';
import { createTransport } from '../transport';
import type { Transport } from '../transport';

const CONVERSATION = 'c'.repeat( 32 );

let io: Server;
let baseUrl: string;
let transport: Transport | undefined;

/** The server's table: one row per client id, ids in storage order. */
const rows: ChatMessage[] = [];
let sendsSeen = 0;

/** Decides, per chat:send, whether the server drops the connection after storing (before the ack). */
let dropAfterStoring: ( send: number ) => boolean = () => false;

function store( input: ChatSend ): ChatMessage {
	const existing = rows.find( ( row ) => row.client_id === input.client_id );
	if ( existing ) {
		return existing;
	}
	const row: ChatMessage = {
		id: rows.length + 100,
		conversation_id: CONVERSATION,
		client_id: input.client_id,
		author: 'visitor',
		agent_id: null,
		agent_name: '',
		body: input.body,
		created_at: new Date().toISOString(),
		read_at: null,
	};
	rows.push( row );
	return row;
}

beforeEach( async () => {
	rows.length = 0;
	sendsSeen = 0;
	dropAfterStoring = () => false;
	const http = createServer();
	io = new Server( http, { path: '/livedesk-sidecar/socket.io' } );
	const visitors = io.of( '/visitor' );
	visitors.use( ( socket, next ) =>
		socket.handshake.auth.chat === true
			? next()
			: next( new Error( 'not a chat connection' ) )
	);
	visitors.on( 'connection', ( socket: Socket ) => {
		socket.on( 'chat:send', ( input: ChatSend ) => {
			const row = store( input );
			if ( ! dropAfterStoring( ++sendsSeen ) ) {
				socket.emit( 'chat:ack', {
					ok: true,
					client_id: input.client_id,
					message: row,
				} );
				return;
			}
			// Committed, but the ack never leaves: the client must retry.
			socket.disconnect( true );
		} );
		socket.on(
			'chat:sync',
			( { after_id: after }: { after_id: number } ) => {
				socket.emit( 'chat:history', {
					conversation: {
						id: CONVERSATION,
						status: 'open',
						name: '',
						email: '',
						verified: false,
					},
					messages: rows.filter( ( row ) => row.id > after ),
					more: false,
				} );
			}
		);
	} );
	await new Promise< void >( ( resolve ) =>
		http.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = http.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${ port }/livedesk-sidecar/`;
} );

afterEach( async () => {
	transport?.close();
	transport = undefined;
	await io.close();
} );

/** The panel's delivery stack on real WebSockets, without the DOM. */
function client() {
	const outbox = createOutbox( null );
	const messages = createMessageStore();
	const connects: number[] = [];
	const delivery = createDelivery( {
		outbox,
		send: ( item ) =>
			!! transport?.send( {
				client_id: item.client_id,
				body: item.body,
			} ),
		onStored: ( message ) => messages.merge( [ message ] ),
		onRefused: () => undefined,
		onChange: () => undefined,
		random: () => 0,
	} );
	transport = createTransport( {
		sidecarUrl: baseUrl,
		restUrl: 'http://127.0.0.1:1/wp-json/livedesk/v1/',
		win: new EventTarget() as unknown as Window,
		fetch: () => Promise.reject( new Error( 'REST is not used here' ) ),
		WebSocket,
		random: () => 0,
		auth: () => ( { chat: true } ),
		headers: () => ( {} ),
		lastId: () => messages.lastId(),
		onEvent( name, data ) {
			if ( name === 'chat:ack' ) {
				delivery.ack( data as Parameters< typeof delivery.ack >[ 0 ] );
			} else if ( name === 'chat:history' ) {
				messages
					.merge( ( data as { messages: unknown[] } ).messages )
					.forEach( ( m ) => delivery.stored( m ) );
			}
		},
		onReady() {
			connects.push( Date.now() );
			transport?.sync();
			delivery.pump();
		},
		onDown: () => delivery.interrupted(),
	} );
	return { outbox, messages, delivery, connects };
}

async function until( done: () => boolean, ms = 5000 ) {
	const end = Date.now() + ms;
	while ( ! done() ) {
		if ( Date.now() > end ) {
			throw new Error( 'timed out' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}

describe( 'the chat delivery against socket.io', () => {
	it( 'stores every message once, in order, although the connection drops before acks', async () => {
		// The server drops the connection after storing the 2nd and 4th sends.
		dropAfterStoring = ( n ) => n === 2 || n === 4;
		const { outbox, messages, delivery, connects } = client();
		const bodies = [ 'one', 'two', 'three', 'four', 'five' ];
		bodies.forEach( ( body ) => outbox.add( body ) );
		delivery.pump();

		await until( () => outbox.items().length === 0 );
		expect( rows.map( ( row ) => row.body ) ).toEqual( bodies );
		expect( messages.list().map( ( m ) => m.body ) ).toEqual( bodies );
		expect( messages.list().map( ( m ) => m.id ) ).toEqual( [
			100, 101, 102, 103, 104,
		] );
		// Two reconnections, each followed by a resend of the same client id.
		expect( connects.length ).toBeGreaterThanOrEqual( 3 );
		expect( sendsSeen ).toBeGreaterThanOrEqual( 7 );
		// Nothing lost, nothing twice.
		expect( new Set( rows.map( ( row ) => row.client_id ) ).size ).toBe(
			bodies.length
		);
	} );

	it( 'catches up on reconnect from the highest id it has', async () => {
		const { outbox, messages, delivery } = client();
		outbox.add( 'mine' );
		delivery.pump();
		await until( () => messages.list().length === 1 );
		// Another tab's message is stored while this one is away.
		store( { client_id: 'other-tab-01', body: 'from another tab' } );
		io.of( '/visitor' ).disconnectSockets( true );
		await until( () => messages.list().length === 2 );
		expect( messages.list().map( ( m ) => m.body ) ).toEqual( [
			'mine',
			'from another tab',
		] );
	} );
} );
