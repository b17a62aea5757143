/**
 * Internal dependencies
 */
import { signAgentToken } from '../src/auth/agent-token';
import { startSidecar } from '../src/server';
import {
	buildSidecar,
	exitCode,
	spawnSidecar,
	waitForLog,
} from './helpers/child';
import type { SidecarProcess } from './helpers/child';
import {
	closeClients,
	connect,
	connectVisitor,
	outcome,
} from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';
import type { TestDb } from './helpers/db';

const PREFIX = 'sctest_shutdown_';
const SECRET = '5e'.repeat( 32 );

let db: TestDb;
let table: OptionsTable;
let proc: SidecarProcess | undefined;

function agentToken() {
	const now = Math.floor( Date.now() / 1000 );
	return signAgentToken(
		{ sub: 1, caps: [ 'livedesk_view' ], iat: now, exp: now + 300 },
		SECRET
	);
}

function cliEnv(): Record< string, string > {
	return {
		LIVEDESK_DB_SOCKET: db.socketPath,
		LIVEDESK_DB_USER: db.user,
		LIVEDESK_DB_PASSWORD: db.password,
		LIVEDESK_DB_NAME: db.database,
		LIVEDESK_TABLE_PREFIX: PREFIX,
		LIVEDESK_PORT: '0',
	};
}

beforeAll( async () => {
	db = testDbFromEnv();
	table = await OptionsTable.create( db, PREFIX );
	await table.setSecret( SECRET );
	await table.set( 'home', 'http://site.test' );
	buildSidecar();
} );

afterEach( () => {
	closeClients();
	// Only reached when a test failed half-way; never leave a server behind.
	if (
		proc &&
		proc.child.exitCode === null &&
		proc.child.signalCode === null
	) {
		proc.child.kill( 'SIGKILL' );
	}
	proc = undefined;
} );

afterAll( async () => {
	await table?.dispose();
} );

describe( 'node dist/server.js', () => {
	it.each( [ 'SIGTERM', 'SIGINT' ] as const )(
		'shuts down gracefully on %s and exits 0',
		async ( signal ) => {
			proc = spawnSidecar( cliEnv() );
			const started = await waitForLog( proc, 'sidecar listening' );
			expect( started ).toMatchObject( {
				level: 'info',
				host: '127.0.0.1',
				db: db.socketPath,
				tablePrefix: PREFIX,
			} );
			const port = started.port as number;
			expect(
				( await fetch( `http://127.0.0.1:${ port }/healthz` ) ).status
			).toBe( 200 );
			const agent = connect( port, '/agent', { token: agentToken() } );
			await expect( outcome( agent ) ).resolves.toEqual( {
				connected: true,
			} );
			const disconnected = new Promise( ( resolve ) =>
				agent.once( 'disconnect', resolve )
			);

			proc.child.kill( signal );

			await expect( exitCode( proc, 5000 ) ).resolves.toBe( 0 );
			await expect( disconnected ).resolves.toBe( 'transport close' );
			const messages = proc.lines.map( ( line ) => line.msg );
			expect( messages ).toEqual(
				expect.arrayContaining( [
					'shutting down',
					'sidecar stopped',
					'shutdown complete',
				] )
			);
			expect(
				proc.lines.find( ( l ) => l.msg === 'shutting down' )
			).toMatchObject( { signal } );
			const output = proc.stdout();
			const leaked = [ SECRET, db.password ].filter(
				( value ) => value !== '' && output.includes( value )
			);
			expect( leaked ).toEqual( [] );
		}
	);

	it( 'exits 1 naming the variable when the configuration is invalid', async () => {
		proc = spawnSidecar( { ...cliEnv(), LIVEDESK_PORT: 'eighty' } );
		await expect( exitCode( proc, 5000 ) ).resolves.toBe( 1 );
		expect( proc.stderr() ).toContain(
			'LIVEDESK_PORT: must be an integer from 0 to 65535 (got "eighty")'
		);
		expect( proc.lines[ 0 ] ).toMatchObject( {
			level: 'fatal',
			problems: [
				{ variable: 'LIVEDESK_PORT', message: expect.any( String ) },
			],
		} );
	} );

	it( 'exits 1 when the port is taken', async () => {
		const holder = await startSidecar( sidecarConfig( db, PREFIX ) );
		try {
			proc = spawnSidecar( {
				...cliEnv(),
				LIVEDESK_PORT: String( holder.port ),
			} );
			await expect( exitCode( proc, 10_000 ) ).resolves.toBe( 1 );
			expect( proc.stderr() ).toContain( 'EADDRINUSE' );
		} finally {
			await holder.close();
		}
	} );
} );

describe( 'startSidecar().close()', () => {
	it( 'disconnects connected clients and can be called twice', async () => {
		const sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
		const visitor = connectVisitor( sidecar.port );
		await expect( outcome( visitor ) ).resolves.toEqual( {
			connected: true,
		} );
		const disconnected = new Promise( ( resolve ) =>
			visitor.once( 'disconnect', resolve )
		);
		await Promise.all( [ sidecar.close(), sidecar.close() ] );
		await expect( disconnected ).resolves.toBe( 'transport close' );
	} );
} );
