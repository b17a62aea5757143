/**
 * Live presence end to end inside the sidecar: real socket.io clients as
 * visitors and an agent, the real sidecar, a real MariaDB with the plugin's
 * migrated tables.
 */

/**
 * Internal dependencies
 */
import { TABS_MAX } from '../../src/protocol';
import type {
	HealthReport,
	PresenceSnapshot,
	PresenceUpdate,
	PresenceVisitor,
	SessionError,
	VisitorSession,
} from '../../src/protocol';
import { signAgentToken } from '../src/auth/agent-token';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import {
	closeClients,
	connect,
	connectVisitor,
	nextEvent,
	outcome,
	waitFor,
} from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';
import { PresenceTables } from './helpers/presence-tables';

const PREFIX = 'sctest_presence_';
const SECRET = '3c'.repeat( 32 );
const TAIL_MS = 1000;

let table: OptionsTable;
let tables: PresenceTables;
let sidecar: SidecarHandle;

function page( path: string, title = 'A page' ) {
	return {
		path,
		title,
		referrer: '',
		language: 'en-GB',
		timezone: 'Europe/London',
		visible: true,
	};
}

function agentToken() {
	const now = Math.floor( Date.now() / 1000 );
	return signAgentToken(
		{ sub: 1, caps: [ 'livedesk_view' ], iat: now, exp: now + 300 },
		SECRET
	);
}

/** An agent socket recording everything it receives. */
async function agent() {
	const socket = connect( sidecar.port, '/agent', { token: agentToken() } );
	const snapshot = nextEvent< PresenceSnapshot >(
		socket,
		'presence:snapshot'
	);
	const updates: PresenceUpdate[] = [];
	socket.on( 'presence:update', ( update: PresenceUpdate ) =>
		updates.push( update )
	);
	return { socket, snapshot: await snapshot, updates };
}

/**
 * A visitor tab that is connected and has its session.
 * @param auth
 * @param headers
 */
async function visitor(
	auth: Record< string, unknown > = { page: page( '/' ) },
	headers: Record< string, string > = {}
) {
	const socket = connectVisitor( sidecar.port, auth, headers );
	const session = await nextEvent< VisitorSession >(
		socket,
		'session:ready'
	);
	return { socket, session };
}

/**
 * Latest state of each visitor as an agent saw it.
 * @param snapshot
 * @param updates
 */
function view( snapshot: PresenceSnapshot, updates: PresenceUpdate[] ) {
	const visitors = new Map< string, PresenceVisitor >(
		snapshot.visitors.map( ( v ) => [ v.id, v ] )
	);
	for ( const update of updates ) {
		update.upserts.forEach( ( v ) => visitors.set( v.id, v ) );
		update.removals.forEach( ( id ) => visitors.delete( id ) );
	}
	return visitors;
}

function rows( sql: string, values: unknown[] = [] ) {
	return tables.select( sql, values );
}

async function setOption( name: string, value: string ) {
	await table.set( name, value );
	// settingsRefreshMs is 200 in tests; wait for two reads.
	await new Promise( ( resolve ) => setTimeout( resolve, 500 ) );
}

beforeAll( async () => {
	const db = testDbFromEnv();
	table = await OptionsTable.create( db, PREFIX );
	tables = await PresenceTables.create( db, PREFIX );
	await table.setSecret( SECRET );
	await table.set( 'home', 'http://site.test' );
	await table.set( 'siteurl', 'http://site.test/wp' );
	sidecar = await startSidecar(
		sidecarConfig( db, PREFIX, { offlineTailMs: TAIL_MS } )
	);
} );

const cleanups: Array< () => Promise< void > > = [];
function onCleanup( cleanup: () => Promise< void > ) {
	cleanups.push( cleanup );
}

// Each test starts with nobody on the site: every tab closed and swept.
afterEach( async () => {
	closeClients();
	for ( const cleanup of cleanups.splice( 0 ) ) {
		await cleanup();
	}
	await waitFor( async () => {
		const watcher = connect( sidecar.port, '/agent', {
			token: agentToken(),
		} );
		const { counts } = await nextEvent< PresenceSnapshot >(
			watcher,
			'presence:snapshot'
		);
		watcher.close();
		return counts.live === 0;
	}, TAIL_MS + 5000 );
} );

afterAll( async () => {
	await sidecar?.close();
	await tables?.dispose();
	await table?.dispose();
} );

describe( '/visitor handshake', () => {
	it.each( [
		[ 'no Origin header', { origin: '' } ],
		[ 'a foreign origin', { origin: 'https://evil.example' } ],
		[ 'a look-alike origin', { origin: 'http://site.test.evil.example' } ],
	] )( 'refuses %s', async ( _name, headers ) => {
		const socket = connectVisitor( sidecar.port, {}, headers );
		await expect( outcome( socket ) ).resolves.toMatchObject( {
			connected: false,
			code: 'origin_not_allowed',
		} );
	} );

	it( 'accepts the site URL origin too', async () => {
		const { session } = await visitor(
			{ page: page( '/' ) },
			{ origin: 'http://site.test' }
		);
		expect( session.returning ).toBe( false );
	} );

	it( 'issues an identity, recognises it later, and never adopts a forged one', async () => {
		const first = await visitor();
		expect( first.session.id ).toMatch( /^[0-9a-f]{32}$/ );
		expect( first.session.returning ).toBe( false );

		const again = await visitor( {
			id: first.session.id,
			sig: first.session.sig,
			page: page( '/' ),
		} );
		expect( again.session ).toEqual( {
			...first.session,
			returning: true,
		} );

		const forged = await visitor( {
			id: first.session.id,
			sig: 'x'.repeat( 43 ),
			page: page( '/' ),
		} );
		expect( forged.session.id ).not.toBe( first.session.id );
		expect( forged.session.returning ).toBe( false );
	} );

	it( 'refuses a malformed first page with a clear code', async () => {
		const socket = connectVisitor( sidecar.port, { page: { path: 42 } } );
		await expect( outcome( socket ) ).resolves.toMatchObject( {
			connected: false,
			code: 'invalid_payload',
			message: expect.stringMatching( /path must be a string/ ),
		} );
	} );
} );

describe( 'presence for agents', () => {
	it( 'snapshots the visitors, pushes page views, and follows them offline and out', async () => {
		const a = await visitor( { page: page( '/one' ) } );
		const b = await visitor( { page: page( '/two' ) } );
		const c = await visitor( { page: page( '/three' ) } );
		const watcher = await agent();
		const listed = watcher.snapshot.visitors.map( ( v ) => v.id ).sort();
		expect( listed ).toEqual(
			[ a.session.id, b.session.id, c.session.id ].sort()
		);
		expect(
			watcher.snapshot.visitors.map( ( v ) => v.number ).sort()
		).toEqual( [ 1, 2, 3 ] );
		expect( watcher.snapshot.counts ).toMatchObject( {
			live: 3,
			online: 3,
			offline: 0,
			overCap: 0,
			cap: 500,
		} );

		a.socket.emit( 'page:view', page( '/pricing', 'Pricing' ) );
		await waitFor(
			async () =>
				view( watcher.snapshot, watcher.updates ).get( a.session.id )
					?.page.path === '/pricing'
		);
		expect(
			view( watcher.snapshot, watcher.updates ).get( a.session.id )?.page
				.title
		).toBe( 'Pricing' );

		a.socket.emit( 'page:visibility', { visible: false } );
		await waitFor(
			async () =>
				view( watcher.snapshot, watcher.updates ).get( a.session.id )
					?.tabs[ 0 ]?.visible === false
		);

		b.socket.close();
		await waitFor(
			async () =>
				view( watcher.snapshot, watcher.updates ).get( b.session.id )
					?.status === 'offline'
		);
		expect( watcher.updates.at( -1 )?.counts ).toMatchObject( {
			online: 2,
			offline: 1,
			live: 3,
		} );
		await waitFor(
			async () =>
				! view( watcher.snapshot, watcher.updates ).has( b.session.id ),
			TAIL_MS + 3000
		);
		expect( watcher.updates.at( -1 )?.counts.live ).toBe( 2 );
	} );

	it( 'reports the counts and the writer on /healthz for local callers', async () => {
		await visitor();
		const response = await fetch(
			`http://127.0.0.1:${ sidecar.port }/healthz`
		);
		const report = ( await response.json() ) as HealthReport;
		expect( report.presence ).toMatchObject( { online: 1, live: 1 } );
		expect( report.writes ).toMatchObject( {
			dropped: 0,
			lastError: null,
		} );
	} );

	it( 'lists several tabs of one browser as one visitor', async () => {
		const first = await visitor( { page: page( '/a' ) } );
		const auth = { id: first.session.id, sig: first.session.sig };
		await visitor( { ...auth, page: page( '/b' ) } );
		const watcher = await agent();
		const entry = watcher.snapshot.visitors.find(
			( v ) => v.id === first.session.id
		);
		expect( entry?.tabs.map( ( t ) => t.path ).sort() ).toEqual( [
			'/a',
			'/b',
		] );
		expect( watcher.snapshot.counts.online ).toBe( 1 );
	} );

	it( 'keeps query strings out of every agent payload and every stored row', async () => {
		const seen: unknown[] = [];
		const watcher = await agent();
		watcher.socket.onAny( ( _event, payload ) => seen.push( payload ) );
		const tab = await visitor( {
			page: {
				...page( '/landing/?token=SECRET1#frag' ),
				referrer: 'https://ref.example/path?SECRET2=1',
			},
		} );
		tab.socket.emit( 'page:view', page( '/next?SECRET3=1#SECRET4' ) );
		await waitFor( async () => {
			const found = await rows(
				'SELECT path FROM {page_views} WHERE visitor_key = ?',
				[ tab.session.id ]
			);
			return found.length === 2;
		} );
		const stored = JSON.stringify( [
			await rows( 'SELECT * FROM {page_views}' ),
			await rows( 'SELECT * FROM {visitors}' ),
		] );
		const sent =
			JSON.stringify( seen ) + JSON.stringify( watcher.snapshot );
		for ( const secret of [ 'SECRET1', 'SECRET2', 'SECRET3', 'SECRET4' ] ) {
			expect( stored ).not.toContain( secret );
			expect( sent ).not.toContain( secret );
		}
		expect( stored ).toContain( '/landing/' );
		expect( stored ).toContain( 'https://ref.example/path' );
	} );

	it( 'counts visitors over the cap without listing them', async () => {
		await setOption( 'livedesk_visitor_cap', '2' );
		onCleanup( () => setOption( 'livedesk_visitor_cap', '500' ) );
		await visitor();
		await visitor();
		const third = await visitor();
		const watcher = await agent();
		expect( watcher.snapshot.visitors ).toHaveLength( 2 );
		expect(
			watcher.snapshot.visitors.some( ( v ) => v.id === third.session.id )
		).toBe( false );
		expect( watcher.snapshot.counts ).toMatchObject( {
			overCap: 1,
			online: 3,
			cap: 2,
		} );
	} );

	it( 'locates a visitor behind a trusted proxy and stores the anonymised IP', async () => {
		const tab = await visitor(
			{ page: page( '/' ) },
			{ 'x-forwarded-for': '8.8.8.8' }
		);
		const watcher = await agent();
		const entry = watcher.snapshot.visitors.find(
			( v ) => v.id === tab.session.id
		);
		expect( entry?.geo.country ).toBe( 'US' );
		await waitFor( async () => {
			const found = await rows(
				'SELECT ip FROM {visitors} WHERE visitor_key = ?',
				[ tab.session.id ]
			);
			return found[ 0 ]?.ip === '8.8.8.0';
		} );
	} );
} );

describe( 'settings applied live', () => {
	it( 'tracking off ends every visitor session, refuses new ones and stores nothing new', async () => {
		const tab = await visitor();
		const watcher = await agent();
		const ended = nextEvent< SessionError >( tab.socket, 'session:error' );
		const countBefore = await rows(
			'SELECT COUNT(*) AS n FROM {page_views}'
		);
		onCleanup( () => setOption( 'livedesk_tracking', '1' ) );
		await table.set( 'livedesk_tracking', '0' );
		await expect( ended ).resolves.toMatchObject( {
			code: 'tracking_off',
		} );
		await waitFor(
			async () => view( watcher.snapshot, watcher.updates ).size === 0
		);
		const refused = connectVisitor( sidecar.port, { page: page( '/' ) } );
		await expect( outcome( refused ) ).resolves.toMatchObject( {
			connected: false,
			code: 'tracking_off',
		} );
		await new Promise( ( resolve ) => setTimeout( resolve, 1500 ) );
		const countAfter = await rows(
			'SELECT COUNT(*) AS n FROM {page_views}'
		);
		expect( countAfter[ 0 ]?.n ).toBe( countBefore[ 0 ]?.n );
	} );
} );

describe( 'hostile input', () => {
	it( 'refuses malformed payloads with a clear error and keeps the connection', async () => {
		const tab = await visitor();
		for ( const bad of [
			null,
			'text',
			{ path: '/x' },
			{ ...page( '/x' ), title: 'x'.repeat( 301 ) },
			{ ...page( '/x' ), visible: 'yes' },
		] ) {
			const error = nextEvent< SessionError >(
				tab.socket,
				'session:error'
			);
			tab.socket.emit( 'page:view', bad );
			await expect( error ).resolves.toMatchObject( {
				code: 'invalid_payload',
			} );
		}
		expect( tab.socket.connected ).toBe( true );
	} );

	it( 'closes only the connection that sends an oversized packet', async () => {
		const big = await visitor();
		const other = await visitor();
		const closed = nextEvent( big.socket, 'disconnect' );
		big.socket.emit( 'page:view', {
			...page( '/x' ),
			title: 'x'.repeat( 64 * 1024 ),
		} );
		await closed;
		const watcher = await agent();
		expect(
			watcher.snapshot.visitors.find( ( v ) => v.id === other.session.id )
				?.status
		).toBe( 'online' );
	} );

	it( 'refuses more tabs per browser than the limit', async () => {
		const first = await visitor();
		const auth = {
			id: first.session.id,
			sig: first.session.sig,
			page: page( '/' ),
		};
		for ( let i = 1; i < TABS_MAX; i++ ) {
			await visitor( auth );
		}
		const extra = connectVisitor( sidecar.port, auth );
		await expect( outcome( extra ) ).resolves.toMatchObject( {
			connected: false,
			code: 'too_many_tabs',
		} );
	} );

	it( 'rate-limits a flood of events', async () => {
		const tab = await visitor();
		const errors: SessionError[] = [];
		tab.socket.on( 'session:error', ( e: SessionError ) =>
			errors.push( e )
		);
		for ( let i = 0; i < 60; i++ ) {
			tab.socket.emit( 'page:view', page( `/flood/${ i }` ) );
		}
		await waitFor( async () => errors.length > 0 );
		expect( errors[ 0 ]?.message ).toMatch( /too many events/ );
		expect( tab.socket.connected ).toBe( true );
	} );
} );

describe( 'agent session refresh', () => {
	it( 'accepts a newer token for the same user and refuses another user', async () => {
		const watcher = await agent();
		const now = Math.floor( Date.now() / 1000 );
		const fresh = signAgentToken(
			{ sub: 1, caps: [ 'livedesk_view' ], iat: now, exp: now + 900 },
			SECRET
		);
		await expect(
			watcher.socket.emitWithAck( 'session:refresh', fresh )
		).resolves.toEqual( { ok: true, exp: now + 900 } );
		const stranger = signAgentToken(
			{ sub: 2, caps: [ 'livedesk_view' ], iat: now, exp: now + 900 },
			SECRET
		);
		await expect(
			watcher.socket.emitWithAck( 'session:refresh', stranger )
		).resolves.toMatchObject( { ok: false } );
		await expect(
			watcher.socket.emitWithAck( 'session:refresh', 'garbage' )
		).resolves.toMatchObject( { ok: false, code: 'token_malformed' } );
	} );
} );
