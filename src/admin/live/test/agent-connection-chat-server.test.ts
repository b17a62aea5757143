/*
 * @jest-environment node
 *
 * The chat side of AgentConnection with the real socket.io client against a
 * real socket.io server: acks come back through socket.io's own mechanism,
 * pushes reach the listeners, and a request nobody answers ends in null.
 * (A plain block comment: jest reads the pragma, JSDoc lint does not.)
 */

/* eslint-disable import/no-extraneous-dependencies -- socket.io is the sidecar's dependency, installed at the root by the npm workspace. */

/**
 * External dependencies
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Namespace } from 'socket.io';

/**
 * Internal dependencies
 */
import { AGENT_NAMESPACE, EVENTS } from '../../../protocol';
import type {
	AgentClientToServerEvents,
	AgentServerToClientEvents,
	ChatMessage,
} from '../../../protocol';
import { AgentConnection } from '../agent-connection';
import { message } from '../../store/chat/test/fixtures';

let io: Server;
let nsp: Namespace< AgentClientToServerEvents, AgentServerToClientEvents >;
let baseUrl: string;
let connection: AgentConnection | undefined;
/** Messages "stored" by the fake sidecar, by client id. */
let stored: Map< string, ChatMessage >;
let answerSends: boolean;

async function waitFor( what: string, condition: () => boolean ) {
	const deadline = Date.now() + 5000;
	while ( ! condition() ) {
		if ( Date.now() > deadline ) {
			throw new Error( `timed out waiting for ${ what }` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 5 ) );
	}
}

beforeEach( async () => {
	stored = new Map();
	answerSends = true;
	const http = createServer();
	io = new Server( http, { path: '/livedesk-sidecar/socket.io' } );
	nsp = io.of( AGENT_NAMESPACE ) as unknown as typeof nsp;
	nsp.on( 'connection', ( socket ) => {
		socket.on( EVENTS.chatSend, ( send, ack ) => {
			if ( ! answerSends ) {
				return;
			}
			// Idempotent by client id, as the sidecar's unique key makes it.
			const row =
				stored.get( send.client_id ) ??
				message( stored.size + 1, {
					conversation_id: send.conversation_id,
					client_id: send.client_id,
					author: 'agent',
					body: send.body,
				} );
			stored.set( send.client_id, row );
			ack( { ok: true, client_id: send.client_id, message: row } );
			nsp.emit( EVENTS.chatMessage, row );
		} );
	} );
	await new Promise< void >( ( resolve ) =>
		http.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = http.address() as AddressInfo;
	baseUrl = `http://127.0.0.1:${ port }/livedesk-sidecar/`;
	connection = new AgentConnection( {
		sidecarUrl: baseUrl,
		fetchToken: async () => ( {
			token: 't',
			expiresIn: 600,
			sidecarUrl: '',
		} ),
	} );
	connection.open();
	await waitFor( 'live', () => connection?.isLive() === true );
} );

afterEach( async () => {
	connection?.close();
	connection = undefined;
	await io.close();
} );

describe( 'AgentConnection chat against a real socket.io server', () => {
	it( 'gets the stored message as the ack, the same for a retry, and hears the push', async () => {
		const agent = connection as AgentConnection;
		const pushed: ChatMessage[] = [];
		agent.on( 'chatMessage', ( row ) => pushed.push( row ) );
		const send = {
			conversation_id: 'a'.repeat( 32 ),
			client_id: 'client-0001',
			body: 'Hello',
		};
		const first = await agent.sendMessage( send );
		const retry = await agent.sendMessage( send );
		expect( first ).toEqual( {
			ok: true,
			client_id: 'client-0001',
			message: expect.objectContaining( { id: 1, body: 'Hello' } ),
		} );
		expect( retry ).toEqual( first );
		expect( stored.size ).toBe( 1 );
		await waitFor( 'the pushes', () => pushed.length === 2 );
		expect( pushed.map( ( row ) => row.id ) ).toEqual( [ 1, 1 ] );
	} );

	it( 'resolves to null when the server never answers', async () => {
		answerSends = false;
		const answer = await ( connection as AgentConnection ).sendMessage(
			{
				conversation_id: 'a'.repeat( 32 ),
				client_id: 'client-0002',
				body: 'x',
			},
			100
		);
		expect( answer ).toBeNull();
	} );
} );
