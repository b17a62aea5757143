/**
 * Internal dependencies
 */
import type { HealthReport } from '../../src/protocol';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';
import type { TestDb } from './helpers/db';

const PREFIX = 'sctest_health_';
const SECRET = '1a'.repeat( 32 );

let db: TestDb;
let table: OptionsTable;
let sidecar: SidecarHandle | undefined;

async function get( path: string, init?: RequestInit ) {
	const response = await fetch(
		`http://127.0.0.1:${ sidecar?.port }${ path }`,
		init
	);
	return { response, body: ( await response.json() ) as unknown };
}

beforeAll( async () => {
	db = testDbFromEnv();
	table = await OptionsTable.create( db, PREFIX );
} );

afterEach( async () => {
	await sidecar?.close();
	sidecar = undefined;
} );

afterAll( async () => {
	await table?.dispose();
} );

describe( 'GET /healthz', () => {
	it( 'is 200 when the database answers and the secret is loaded', async () => {
		await table.setSecret( SECRET );
		sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
		const { response, body } = await get( '/healthz' );
		expect( response.status ).toBe( 200 );
		expect( response.headers.get( 'content-type' ) ).toBe(
			'application/json; charset=utf-8'
		);
		expect( response.headers.get( 'cache-control' ) ).toBe( 'no-store' );
		expect( body ).toEqual( {
			status: 'ok',
			version: expect.stringMatching( /^\d+\.\d+\.\d+/ ),
			uptimeSeconds: expect.any( Number ),
			db: { ok: true, latencyMs: expect.any( Number ) },
			secret: { loaded: true },
			presence: {
				live: 0,
				online: 0,
				chatting: 0,
				offline: 0,
				overCap: 0,
				cap: 500,
				tracking: true,
			},
			writes: { buffered: 0, written: 0, dropped: 0, lastError: null },
			// This test's table prefix has no chat tables: the tail says so.
			chat: {
				agentsAnswering: 0,
				agentsOnline: false,
				tailError: expect.stringContaining( "doesn't exist" ),
			},
		} );
	} );

	it( 'is 503 with a clear message when the database is unreachable', async () => {
		const config = sidecarConfig( db, PREFIX );
		const socketPath = `/tmp/livedesk-no-such-${ process.pid }.sock`;
		config.db = {
			...config.db,
			target: { kind: 'socket', socketPath },
			password: 'pw-should-not-leak',
		};
		// The sidecar must start anyway and keep retrying.
		sidecar = await startSidecar( config );
		const { response, body } = await get( '/healthz' );
		expect( response.status ).toBe( 503 );
		const report = body as HealthReport;
		expect( report.status ).toBe( 'error' );
		expect( report.db ).toEqual( {
			ok: false,
			error: `cannot connect to MariaDB/MySQL at ${ socketPath }: ENOENT (no socket file at that path)`,
		} );
		expect( report.secret.loaded ).toBe( false );
		expect( JSON.stringify( body ) ).not.toContain( 'pw-should-not-leak' );
	} );

	it( 'is 503 and says why when the secret option is missing', async () => {
		await table.deleteSecret();
		sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
		const { response, body } = await get( '/healthz' );
		expect( response.status ).toBe( 503 );
		expect( body ).toMatchObject( {
			status: 'error',
			db: { ok: true },
			secret: {
				loaded: false,
				error: `option livedesk_secret not found in ${ PREFIX }options; is the LiveDesk plugin active?`,
			},
		} );
	} );

	it( 'never shows the secret', async () => {
		await table.setSecret( SECRET );
		sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
		const { body } = await get( '/healthz' );
		expect( JSON.stringify( body ) ).not.toContain( SECRET );
	} );

	it( 'tells a proxied (public) caller only the status', async () => {
		const config = sidecarConfig( db, PREFIX );
		config.db = {
			...config.db,
			target: {
				kind: 'socket',
				socketPath: `/tmp/livedesk-no-such-${ process.pid }.sock`,
			},
		};
		sidecar = await startSidecar( config );
		const { response, body } = await get( '/healthz', {
			headers: { 'X-Forwarded-For': '203.0.113.9' },
		} );
		expect( response.status ).toBe( 503 );
		// No socket path, database name, user or version for the internet.
		expect( body ).toEqual( { status: 'error' } );
	} );
} );

describe( 'other routes', () => {
	beforeEach( async () => {
		sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
	} );

	it( 'answers unknown paths with a JSON 404', async () => {
		const { response, body } = await get( '/wp-admin' );
		expect( response.status ).toBe( 404 );
		expect( body ).toEqual( {
			error: 'not_found',
			message: 'no route for /wp-admin',
		} );
	} );

	it( 'answers other methods on /healthz with 405', async () => {
		const { response, body } = await get( '/healthz', { method: 'POST' } );
		expect( response.status ).toBe( 405 );
		expect( response.headers.get( 'allow' ) ).toBe( 'GET, HEAD' );
		expect( body ).toMatchObject( { error: 'method_not_allowed' } );
	} );
} );
