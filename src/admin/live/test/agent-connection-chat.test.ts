/**
 * Internal dependencies
 */
import { AgentConnection, CHAT_ACK_TIMEOUT_MS } from '../agent-connection';
import type { AgentTokenGrant } from '../types';
import { CONV_A, conversation, message } from '../../store/chat/test/fixtures';
import { fakeSocketFactory } from './fake-socket';

jest.mock( '@wordpress/api-fetch' );

const SIDECAR = 'http://127.0.0.1:8787/livedesk-sidecar/';

async function flush() {
	for ( let i = 0; i < 20; i++ ) {
		await Promise.resolve();
	}
}

async function live() {
	const { sockets, createSocket } = fakeSocketFactory();
	const connection = new AgentConnection( {
		sidecarUrl: SIDECAR,
		fetchToken: async (): Promise< AgentTokenGrant > => ( {
			token: 't',
			expiresIn: 600,
			sidecarUrl: '',
		} ),
		createSocket,
		random: () => 0.5,
	} );
	connection.open();
	await flush();
	const socket = sockets[ 0 ];
	if ( ! socket ) {
		throw new Error( 'no socket' );
	}
	return { connection, socket };
}

function lastAck( socket: { sent: Array< { args: unknown[] } > } ) {
	const last = socket.sent[ socket.sent.length - 1 ];
	return last?.args[ last.args.length - 1 ] as ( answer: unknown ) => void;
}

beforeEach( () => jest.useFakeTimers() );
afterEach( () => jest.useRealTimers() );

describe( 'AgentConnection chat', () => {
	it( 'announces every accepted handshake, reconnections included', async () => {
		const { connection, socket } = await live();
		const connects = jest.fn();
		connection.on( 'connect', connects );
		socket.accept();
		socket.drop();
		socket.accept();
		expect( connects ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'forwards chat events and drops malformed ones', async () => {
		const { connection, socket } = await live();
		socket.accept();
		const got: Array< [ string, unknown ] > = [];
		(
			[
				'chatMessage',
				'chatConversation',
				'chatTyping',
				'chatRead',
			] as const
		 ).forEach( ( event ) =>
			connection.on( event, ( payload ) =>
				got.push( [ event, payload ] )
			)
		);
		const typing = {
			conversation_id: CONV_A,
			author: 'visitor',
			agent_id: null,
			agent_name: '',
			typing: true,
		};
		const receipt = {
			conversation_id: CONV_A,
			by: 'visitor',
			up_to_id: 3,
			at: '2026-11-21T09:00:00.000Z',
		};
		socket.push( 'chat:message', message( 1 ) );
		socket.push( 'chat:message', { ...message( 2 ), id: '2' } );
		socket.push( 'chat:message', { ...message( 3 ), author: 'root' } );
		socket.push( 'chat:conversation', conversation() );
		socket.push( 'chat:conversation', { id: CONV_A } );
		socket.push( 'chat:typing', typing );
		socket.push( 'chat:typing', { ...typing, typing: 'yes' } );
		socket.push( 'chat:read', receipt );
		socket.push( 'chat:read', { ...receipt, by: 'someone' } );

		expect( got ).toEqual( [
			[ 'chatMessage', message( 1 ) ],
			[ 'chatConversation', conversation() ],
			[ 'chatTyping', typing ],
			[ 'chatRead', receipt ],
		] );
	} );

	it( 'sends a message and resolves to the ack', async () => {
		const { connection, socket } = await live();
		socket.accept();
		const send = {
			conversation_id: CONV_A,
			client_id: 'abcdefgh',
			body: 'Hi',
		};
		const answer = connection.sendMessage( send );
		expect( socket.sent.at( -1 )?.event ).toBe( 'chat:send' );
		expect( socket.sent.at( -1 )?.args[ 0 ] ).toEqual( send );
		const ack = { ok: true, client_id: 'abcdefgh', message: message( 9 ) };
		lastAck( socket )( ack );
		await expect( answer ).resolves.toEqual( ack );
	} );

	it( 'resolves to null when not connected, without emitting', async () => {
		const { connection, socket } = await live();
		await expect(
			connection.sendMessage( {
				conversation_id: CONV_A,
				client_id: 'abcdefgh',
				body: 'Hi',
			} )
		).resolves.toBeNull();
		expect(
			connection.sendTyping( { conversation_id: CONV_A, typing: true } )
		).toBe( false );
		expect(
			socket.sent.filter( ( s ) => s.event.startsWith( 'chat:' ) )
		).toEqual( [] );
	} );

	it( 'resolves to null when the ack does not come in time, and ignores a late one', async () => {
		const { connection, socket } = await live();
		socket.accept();
		const answer = connection.archiveConversation( {
			conversation_id: CONV_A,
		} );
		const ack = lastAck( socket );
		jest.advanceTimersByTime( CHAT_ACK_TIMEOUT_MS );
		await expect( answer ).resolves.toBeNull();
		ack( { ok: true, conversation: conversation() } );
	} );

	it( 'resolves to null at once when the connection drops before the ack', async () => {
		const { connection, socket } = await live();
		socket.accept();
		const answer = connection.syncChat( { after_id: 4 }, 60_000 );
		socket.drop();
		await expect( answer ).resolves.toBeNull();
	} );

	it( 'emits typing, read and assign while connected', async () => {
		const { connection, socket } = await live();
		socket.accept();
		expect(
			connection.sendTyping( { conversation_id: CONV_A, typing: true } )
		).toBe( true );
		expect(
			connection.sendRead( { conversation_id: CONV_A, up_to_id: 5 } )
		).toBe( true );
		void connection.assignConversation( {
			conversation_id: CONV_A,
			assignee: 'me',
		} );
		expect(
			socket.sent
				.filter( ( s ) => s.event.startsWith( 'chat:' ) )
				.map( ( s ) => [ s.event, s.args[ 0 ] ] )
		).toEqual( [
			[ 'chat:typing', { conversation_id: CONV_A, typing: true } ],
			[ 'chat:read', { conversation_id: CONV_A, up_to_id: 5 } ],
			[ 'chat:assign', { conversation_id: CONV_A, assignee: 'me' } ],
		] );
	} );
} );
