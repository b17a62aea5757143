/**
 * Internal dependencies
 */
import { signAgentToken } from '../src/auth/agent-token';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import { closeClients, connect, outcome, waitFor } from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';
import type { TestDb } from './helpers/db';

const PREFIX = 'sctest_rotate_';
const OLD = '3c'.repeat( 32 );
const NEW = '4d'.repeat( 32 );

let db: TestDb;
let table: OptionsTable;
let sidecar: SidecarHandle | undefined;

function tokenFor( secret: string ) {
	const now = Math.floor( Date.now() / 1000 );
	return signAgentToken(
		{ sub: 3, caps: [ 'livedesk_view' ], iat: now, exp: now + 300 },
		secret
	);
}

async function attempt( secret: string ) {
	const socket = connect( sidecar?.port ?? 0, '/agent', {
		token: tokenFor( secret ),
	} );
	const result = await outcome( socket );
	socket.close();
	return result;
}

beforeAll( async () => {
	db = testDbFromEnv();
	table = await OptionsTable.create( db, PREFIX );
} );

afterEach( async () => {
	closeClients();
	await sidecar?.close();
	sidecar = undefined;
} );

afterAll( async () => {
	await table?.dispose();
} );

describe( 'shared secret refresh', () => {
	it( 'applies a rotated secret without a restart', async () => {
		await table.setSecret( OLD );
		sidecar = await startSidecar(
			sidecarConfig( db, PREFIX, { secretRefreshMs: 100 } )
		);
		await expect( attempt( OLD ) ).resolves.toEqual( { connected: true } );

		await table.setSecret( NEW );
		await waitFor( async () => ( await attempt( NEW ) ).connected );
		await expect( attempt( OLD ) ).resolves.toMatchObject( {
			connected: false,
			code: 'token_bad_signature',
		} );
	} );

	it( 'refuses agents until a secret exists, then accepts them', async () => {
		await table.deleteSecret();
		sidecar = await startSidecar(
			sidecarConfig( db, PREFIX, { secretRefreshMs: 100 } )
		);
		await expect( attempt( NEW ) ).resolves.toEqual( {
			connected: false,
			code: 'server_not_ready',
			message:
				'sidecar cannot verify agent tokens yet: shared secret not loaded (see /healthz)',
		} );

		await table.setSecret( NEW );
		await waitFor( async () => ( await attempt( NEW ) ).connected );
	} );
} );
