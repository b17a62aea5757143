/**
 * Internal dependencies
 */
import type { AgentTokenPayload, SessionError } from '../../src/protocol';
import { signAgentToken } from '../src/auth/agent-token';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import {
	closeClients,
	connect,
	connectVisitor,
	outcome,
} from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';

const PREFIX = 'sctest_agent_';
const SECRET = '2b'.repeat( 32 );

let table: OptionsTable;
let sidecar: SidecarHandle;

function mint( overrides: Partial< AgentTokenPayload > = {}, secret = SECRET ) {
	const now = Math.floor( Date.now() / 1000 );
	return signAgentToken(
		{
			sub: 7,
			caps: [ 'livedesk_view', 'livedesk_chat' ],
			iat: now,
			exp: now + 300,
			...overrides,
		},
		secret
	);
}

beforeAll( async () => {
	const db = testDbFromEnv();
	table = await OptionsTable.create( db, PREFIX );
	await table.setSecret( SECRET );
	await table.set( 'home', 'http://site.test' );
	sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
} );

afterEach( () => {
	closeClients();
} );

afterAll( async () => {
	await sidecar?.close();
	await table?.dispose();
} );

describe( '/agent', () => {
	it( 'accepts a valid token', async () => {
		const socket = connect( sidecar.port, '/agent', { token: mint() } );
		await expect( outcome( socket ) ).resolves.toEqual( {
			connected: true,
		} );
	} );

	it.each( [
		[
			'a missing token',
			() => ( {} ),
			'token_missing',
			/^agent token missing/,
		],
		[
			'a forged token',
			() => ( { token: mint( {}, 'c'.repeat( 64 ) ) } ),
			'token_bad_signature',
			/signature is not valid/,
		],
		[
			'an expired token',
			() => ( { token: mint( { iat: 1_000, exp: 2_000 } ) } ),
			'token_expired',
			/^agent token expired at 1970-01-01T00:33:20.000Z/,
		],
		[
			'a token without livedesk_view',
			() => ( { token: mint( { caps: [ 'livedesk_chat' ] } ) } ),
			'token_missing_cap',
			/lacks the livedesk_view/,
		],
		[
			'garbage',
			() => ( { token: 'not-a-token' } ),
			'token_malformed',
			/^agent token malformed/,
		],
	] )(
		'refuses %s with a clear connect_error',
		async ( _name, auth, code, message ) => {
			const result = await outcome(
				connect( sidecar.port, '/agent', auth() )
			);
			expect( result ).toEqual( {
				connected: false,
				code,
				message: expect.stringMatching( message ),
			} );
		}
	);

	it( 'ends the session with session:error when the token expires', async () => {
		const socket = connect( sidecar.port, '/agent', {
			// At least one full second left, so the handshake itself succeeds.
			token: mint( { exp: Math.floor( Date.now() / 1000 ) + 2 } ),
		} );
		const events: Array< string | SessionError > = [];
		socket.on( 'session:error', ( error: SessionError ) =>
			events.push( error )
		);
		const ended = new Promise( ( resolve ) =>
			socket.on( 'disconnect', resolve )
		);
		await expect( outcome( socket ) ).resolves.toEqual( {
			connected: true,
		} );
		await expect( ended ).resolves.toBe( 'io server disconnect' );
		expect( events ).toEqual( [
			{ code: 'token_expired', message: expect.any( String ) },
		] );
	} );
} );

describe( '/visitor', () => {
	it( 'accepts a connection over long-polling and WebSocket', async () => {
		const polling = connectVisitor( sidecar.port, {}, {}, [ 'polling' ] );
		await expect( outcome( polling ) ).resolves.toEqual( {
			connected: true,
		} );
		const websocket = connectVisitor( sidecar.port );
		await expect( outcome( websocket ) ).resolves.toEqual( {
			connected: true,
		} );
	} );
} );

describe( 'the root namespace', () => {
	it( 'is refused, pointing at the real namespaces', async () => {
		const result = await outcome( connect( sidecar.port, '/' ) );
		expect( result ).toEqual( {
			connected: false,
			code: undefined,
			message: 'connect to /visitor or /agent',
		} );
	} );
} );
