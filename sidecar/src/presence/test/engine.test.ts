/**
 * External dependencies
 */
import { isDeepStrictEqual } from 'node:util';

/**
 * Internal dependencies
 */
import type {
	PageView,
	PresenceDevice,
	PresenceGeo,
	PresenceUpdate,
	PresenceVisitor,
} from '../../../../src/protocol';
import type { TabConnection } from '../engine';
import { PresenceEngine } from '../engine';

const START = 1_700_000_000_000;
const MINUTE = 60_000;
const TAIL = 30 * MINUTE;

const GEO: PresenceGeo = {
	country: 'FR',
	region: 'IDF',
	city: 'Paris',
	lat: 48.86,
	lng: 2.35,
	timezone: 'Europe/Paris',
	approximate: false,
};
const DEVICE: PresenceDevice = {
	browser: 'Firefox',
	os: 'Linux',
	device: 'desktop',
};

function vid( n: number ): string {
	return n.toString( 16 ).padStart( 32, '0' );
}

function view( path: string, more: Partial< PageView > = {} ): PageView {
	return {
		path,
		title: `Title of ${ path }`,
		referrer: '',
		language: 'en-GB',
		timezone: 'Europe/London',
		visible: true,
		...more,
	};
}

function tab(
	visitor: number,
	tabId: string,
	more: Partial< TabConnection > = {}
): TabConnection {
	return {
		visitorId: vid( visitor ),
		tabId,
		returning: false,
		page: view( '/' ),
		geo: GEO,
		device: DEVICE,
		...more,
	};
}

/**
 * An engine on a fake clock.
 * @param cap
 * @param offlineTailMs
 */
function setup( cap = 500, offlineTailMs?: number ) {
	let time = START;
	const engine = new PresenceEngine( {
		cap,
		now: () => time,
		...( offlineTailMs === undefined ? {} : { offlineTailMs } ),
	} );
	return {
		engine,
		advance( ms: number ) {
			time += ms;
		},
		setTime( t: number ) {
			time = t;
		},
		now: () => time,
	};
}

function listedIds( engine: PresenceEngine ): string[] {
	return engine.snapshot().visitors.map( ( v ) => v.id );
}

function take( engine: PresenceEngine ): PresenceUpdate {
	const update = engine.takeChanges();
	if ( ! update ) {
		throw new Error( 'expected an update' );
	}
	return update;
}

describe( 'PresenceEngine statuses', () => {
	it( 'is online while connected, chatting with a conversation, offline when gone', () => {
		const { engine, advance } = setup();
		expect( engine.connectTab( tab( 1, 't1' ) ) ).toEqual( {
			newVisit: true,
		} );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'online' );
		expect( engine.counts() ).toMatchObject( {
			live: 1,
			online: 1,
			chatting: 0,
			offline: 0,
		} );

		engine.setChatting( vid( 1 ), true );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'chatting' );
		expect( engine.counts() ).toMatchObject( {
			live: 1,
			online: 0,
			chatting: 1,
		} );

		advance( 5000 );
		engine.disconnectTab( vid( 1 ), 't1' );
		const gone = engine.get( vid( 1 ) );
		// A conversation without a connection is not "chatting".
		expect( gone?.status ).toBe( 'offline' );
		expect( gone?.leftAt ).toBe( START + 5000 );
		expect( gone?.tabs ).toEqual( [] );
		expect( engine.counts() ).toMatchObject( {
			live: 1,
			online: 0,
			chatting: 0,
			offline: 1,
		} );

		engine.connectTab( tab( 1, 't2' ) );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'chatting' );
		engine.setChatting( vid( 1 ), false );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'online' );
		expect( engine.counts() ).toMatchObject( {
			live: 1,
			online: 1,
			chatting: 0,
			offline: 0,
		} );
	} );

	it( 'ignores chat flags and names of unknown visitors', () => {
		const { engine } = setup();
		engine.setChatting( vid( 9 ), true );
		engine.setName( vid( 9 ), 'Ann' );
		expect( engine.get( vid( 9 ) ) ).toBeUndefined();
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'keeps the name given in a chat', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 't1' ) );
		expect( engine.get( vid( 1 ) )?.name ).toBeNull();
		engine.setName( vid( 1 ), 'Ann' );
		expect( engine.get( vid( 1 ) )?.name ).toBe( 'Ann' );
	} );
} );

describe( 'PresenceEngine tabs', () => {
	it( 'keeps several tabs of one visitor in one entry, each with its page', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a', { page: view( '/pricing' ) } ) );
		advance( 1000 );
		expect(
			engine.connectTab( tab( 1, 'b', { page: view( '/blog' ) } ) )
		).toEqual( { newVisit: false } );
		advance( 1000 );
		engine.connectTab( tab( 1, 'c', { page: null } ) );

		const entry = engine.get( vid( 1 ) );
		expect( engine.snapshot().visitors ).toHaveLength( 1 );
		expect( engine.counts().live ).toBe( 1 );
		expect( entry?.tabs ).toEqual( [
			{
				id: 'a',
				path: '/pricing',
				title: 'Title of /pricing',
				visible: true,
				since: START,
			},
			{
				id: 'b',
				path: '/blog',
				title: 'Title of /blog',
				visible: true,
				since: START + 1000,
			},
			// No page yet: empty path and title.
			{
				id: 'c',
				path: '',
				title: '',
				visible: true,
				since: START + 2000,
			},
		] );
		// The entry's page is the most recently viewed one.
		expect( entry?.page ).toEqual( {
			path: '/blog',
			title: 'Title of /blog',
			since: START + 1000,
		} );

		advance( 1000 );
		engine.pageView( vid( 1 ), 'a', view( '/checkout' ) );
		expect( engine.get( vid( 1 ) )?.page ).toEqual( {
			path: '/checkout',
			title: 'Title of /checkout',
			since: START + 3000,
		} );
		expect( engine.get( vid( 1 ) )?.tabs[ 1 ]?.path ).toBe( '/blog' );
	} );

	it( 'stays online while a tab is open and goes offline with the last', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a', { page: view( '/one' ) } ) );
		advance( 1000 );
		engine.connectTab( tab( 1, 'b', { page: view( '/two' ) } ) );

		advance( 1000 );
		engine.disconnectTab( vid( 1 ), 'b' );
		let entry = engine.get( vid( 1 ) );
		expect( entry?.status ).toBe( 'online' );
		expect( entry?.leftAt ).toBeNull();
		expect( entry?.tabs.map( ( t ) => t.id ) ).toEqual( [ 'a' ] );
		// The closed tab's page is no longer where the visitor is.
		expect( entry?.page ).toEqual( {
			path: '/one',
			title: 'Title of /one',
			since: START,
		} );

		advance( 1000 );
		engine.disconnectTab( vid( 1 ), 'a' );
		entry = engine.get( vid( 1 ) );
		expect( entry?.status ).toBe( 'offline' );
		expect( entry?.leftAt ).toBe( START + 3000 );
		expect( entry?.tabs ).toEqual( [] );
		// Offline entries show the last page seen.
		expect( entry?.page.path ).toBe( '/one' );
	} );

	it( 'ignores unknown tabs and visitors', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.takeChanges();
		expect( engine.pageView( vid( 1 ), 'zzz', view( '/x' ) ) ).toBe(
			false
		);
		expect( engine.pageView( vid( 2 ), 'a', view( '/x' ) ) ).toBe( false );
		expect( engine.setVisibility( vid( 1 ), 'zzz', false ) ).toBe( false );
		expect( engine.setVisibility( vid( 2 ), 'a', false ) ).toBe( false );
		engine.disconnectTab( vid( 1 ), 'zzz' );
		engine.disconnectTab( vid( 2 ), 'a' );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'online' );
		expect( engine.get( vid( 1 ) )?.page.path ).toBe( '/' );
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'tracks visibility per tab', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab(
			tab( 1, 'b', { page: view( '/bg', { visible: false } ) } )
		);
		expect(
			engine.get( vid( 1 ) )?.tabs.map( ( t ) => t.visible )
		).toEqual( [ true, false ] );
		engine.takeChanges();

		expect( engine.setVisibility( vid( 1 ), 'a', false ) ).toBe( true );
		expect(
			engine.get( vid( 1 ) )?.tabs.map( ( t ) => t.visible )
		).toEqual( [ false, false ] );
		expect( take( engine ).upserts[ 0 ]?.tabs[ 0 ]?.visible ).toBe( false );

		// Unchanged visibility is not a change.
		expect( engine.setVisibility( vid( 1 ), 'a', false ) ).toBe( true );
		expect( engine.takeChanges() ).toBeNull();
	} );
} );

describe( 'PresenceEngine page details', () => {
	it( 'records when the current page was viewed (time on page)', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a', { page: view( '/a' ) } ) );
		advance( 42_000 );
		let snap = engine.snapshot();
		let entry = snap.visitors[ 0 ];
		expect( entry?.page.since ).toBe( START );
		expect( snap.serverTime - ( entry?.page.since ?? 0 ) ).toBe( 42_000 );

		engine.pageView( vid( 1 ), 'a', view( '/b' ) );
		advance( 3000 );
		snap = engine.snapshot();
		entry = snap.visitors[ 0 ];
		expect( entry?.page.since ).toBe( START + 42_000 );
		expect( entry?.tabs[ 0 ]?.since ).toBe( START + 42_000 );
		expect( snap.serverTime - ( entry?.page.since ?? 0 ) ).toBe( 3000 );
		// Visibility changes do not restart the time on page.
		engine.setVisibility( vid( 1 ), 'a', false );
		expect( engine.get( vid( 1 ) )?.page.since ).toBe( START + 42_000 );
		// connectedAt stays the start of the visit.
		expect( entry?.connectedAt ).toBe( START );
	} );

	it( 'keeps the first referrer and the latest language and time zone', () => {
		const { engine } = setup();
		engine.connectTab(
			tab( 1, 'a', {
				page: view( '/', {
					referrer: '',
					language: 'fr-FR',
					timezone: 'Europe/Paris',
				} ),
			} )
		);
		expect( engine.get( vid( 1 ) )?.referrer ).toBe( '' );

		engine.pageView(
			vid( 1 ),
			'a',
			view( '/a', {
				referrer: 'https://search.example/',
				language: 'de-DE',
				timezone: 'Europe/Berlin',
			} )
		);
		engine.pageView(
			vid( 1 ),
			'a',
			view( '/b', {
				referrer: 'https://other.example/',
				language: '',
				timezone: '',
			} )
		);
		const entry = engine.get( vid( 1 ) );
		expect( entry?.referrer ).toBe( 'https://search.example/' );
		// An empty value means "unknown" and keeps what was known.
		expect( entry?.language ).toBe( 'de-DE' );
		expect( entry?.timezone ).toBe( 'Europe/Berlin' );

		engine.pageView(
			vid( 1 ),
			'a',
			view( '/c', { language: 'it-IT', timezone: 'Europe/Rome' } )
		);
		expect( engine.get( vid( 1 ) ) ).toMatchObject( {
			language: 'it-IT',
			timezone: 'Europe/Rome',
			referrer: 'https://search.example/',
		} );
	} );

	it( 'shows geo and device of the latest connection, copied', () => {
		const { engine } = setup();
		const geo = { ...GEO };
		engine.connectTab( tab( 1, 'a', { geo } ) );
		geo.city = 'Changed by caller';
		expect( engine.get( vid( 1 ) )?.geo ).toEqual( GEO );

		const lyon = { ...GEO, city: 'Lyon' };
		const phone = { browser: 'Safari', os: 'iOS', device: 'mobile' };
		engine.connectTab( tab( 1, 'b', { geo: lyon, device: phone } ) );
		expect( engine.get( vid( 1 ) ) ).toMatchObject( {
			geo: lyon,
			device: phone,
		} );
	} );
} );

describe( 'PresenceEngine returning flag', () => {
	it( 'is decided by the first connection of a visit, not by later tabs or pages of it', () => {
		const { engine, advance } = setup();
		// A first visit: the first page gets an identity, the next page (or
		// tab) presents it seconds later — still the same, new visitor.
		engine.connectTab( tab( 1, 'a', { returning: false } ) );
		expect( engine.get( vid( 1 ) )?.returning ).toBe( false );
		engine.connectTab( tab( 1, 'b', { returning: true } ) );
		expect( engine.get( vid( 1 ) )?.returning ).toBe( false );
		// Leaving every tab and coming back within the offline tail is the same visit.
		engine.disconnectTab( vid( 1 ), 'a' );
		engine.disconnectTab( vid( 1 ), 'b' );
		engine.connectTab( tab( 1, 'c', { returning: true } ) );
		expect( engine.get( vid( 1 ) )?.returning ).toBe( false );

		// A new visit starts from its own connection.
		engine.disconnectTab( vid( 1 ), 'c' );
		advance( TAIL );
		engine.sweep();
		expect(
			engine.connectTab( tab( 1, 'd', { returning: true } ) )
		).toEqual( { newVisit: true } );
		expect( engine.get( vid( 1 ) )?.returning ).toBe( true );
		engine.connectTab( tab( 1, 'e', { returning: false } ) );
		expect( engine.get( vid( 1 ) )?.returning ).toBe( true );
	} );
} );

describe( 'PresenceEngine offline tail', () => {
	it( 'keeps an offline visitor for 30 minutes, then sweep removes it', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		expect( engine.nextSweepAt() ).toBeNull();
		advance( 10_000 );
		engine.disconnectTab( vid( 1 ), 'a' );
		const leftAt = START + 10_000;
		expect( engine.nextSweepAt() ).toBe( leftAt + TAIL );

		advance( TAIL - 1000 ); // 29:59 after leaving
		engine.sweep();
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'offline' );
		expect( listedIds( engine ) ).toEqual( [ vid( 1 ) ] );
		expect( engine.counts() ).toMatchObject( { live: 1, offline: 1 } );

		advance( 1000 ); // 30:00
		engine.sweep();
		expect( engine.get( vid( 1 ) ) ).toBeUndefined();
		expect( listedIds( engine ) ).toEqual( [] );
		expect( engine.counts() ).toMatchObject( { live: 0, offline: 0 } );
		expect( engine.nextSweepAt() ).toBeNull();
	} );

	it( 'sweeps in leaving order and reports the next expiry', () => {
		const { engine, advance } = setup( 500, 1000 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.connectTab( tab( 3, 'a' ) );
		engine.disconnectTab( vid( 2 ), 'a' );
		advance( 300 );
		engine.disconnectTab( vid( 1 ), 'a' );
		advance( 300 );
		engine.disconnectTab( vid( 3 ), 'a' );
		expect( engine.nextSweepAt() ).toBe( START + 1000 );

		advance( 400 ); // START + 1000
		engine.sweep();
		expect( engine.get( vid( 2 ) ) ).toBeUndefined();
		expect( engine.get( vid( 1 ) ) ).toBeDefined();
		expect( engine.nextSweepAt() ).toBe( START + 1300 );

		advance( 1000 ); // START + 2000: both others due
		engine.sweep();
		expect( engine.counts().live ).toBe( 0 );
		expect( engine.nextSweepAt() ).toBeNull();
	} );

	it( 'gives a visitor who returns within the tail the same entry back', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		advance( 5000 );
		engine.disconnectTab( vid( 1 ), 'a' );
		advance( TAIL - 1 );
		engine.sweep();
		expect( engine.connectTab( tab( 1, 'b' ) ) ).toEqual( {
			newVisit: false,
		} );
		const entry = engine.get( vid( 1 ) );
		expect( entry ).toMatchObject( {
			number: 1,
			status: 'online',
			leftAt: null,
			connectedAt: START,
		} );
		expect( entry?.tabs.map( ( t ) => t.id ) ).toEqual( [ 'b' ] );
		expect( engine.counts() ).toMatchObject( { online: 2, offline: 0 } );
		// No longer waiting to be swept.
		expect( engine.nextSweepAt() ).toBeNull();
		advance( TAIL );
		engine.sweep();
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'online' );
	} );

	it( 'starts a new visit after the tail, with the lowest free number', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.disconnectTab( vid( 1 ), 'a' );
		advance( TAIL );
		engine.sweep();
		advance( 1000 );
		expect( engine.connectTab( tab( 1, 'b' ) ) ).toEqual( {
			newVisit: true,
		} );
		expect( engine.get( vid( 1 ) ) ).toMatchObject( {
			number: 1,
			connectedAt: START + TAIL + 1000,
		} );
	} );
} );

describe( 'PresenceEngine visitor numbers', () => {
	it( 'hands out the lowest free number and reuses freed ones', () => {
		const { engine, advance } = setup();
		for ( const n of [ 1, 2, 3 ] ) {
			engine.connectTab( tab( n, 'a' ) );
		}
		expect(
			[ 1, 2, 3 ].map( ( n ) => engine.get( vid( n ) )?.number )
		).toEqual( [ 1, 2, 3 ] );

		engine.release( vid( 2 ) );
		engine.connectTab( tab( 4, 'a' ) );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 2 );
		engine.connectTab( tab( 5, 'a' ) );
		expect( engine.get( vid( 5 ) )?.number ).toBe( 4 );

		// Offline entries keep their number until the tail ends.
		engine.disconnectTab( vid( 1 ), 'a' );
		engine.connectTab( tab( 6, 'a' ) );
		expect( engine.get( vid( 6 ) )?.number ).toBe( 5 );
		advance( TAIL );
		engine.sweep();
		engine.connectTab( tab( 7, 'a' ) );
		expect( engine.get( vid( 7 ) )?.number ).toBe( 1 );
		// Numbers of the others never moved.
		expect( engine.get( vid( 3 ) )?.number ).toBe( 3 );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 2 );
	} );
} );

describe( 'PresenceEngine cap', () => {
	it( 'counts visitors past the cap without listing them', () => {
		const { engine, advance } = setup( 2 );
		engine.connectTab( tab( 1, 'a' ) );
		advance( 1 );
		engine.connectTab( tab( 2, 'a' ) );
		advance( 1 );
		engine.connectTab( tab( 3, 'a' ) );
		expect( engine.counts() ).toEqual( {
			live: 3,
			online: 3,
			chatting: 0,
			offline: 0,
			overCap: 1,
			cap: 2,
			tracking: true,
		} );
		expect( listedIds( engine ) ).toEqual( [ vid( 2 ), vid( 1 ) ] );
		expect( engine.get( vid( 3 ) ) ).toMatchObject( {
			number: 0,
			status: 'online',
		} );
		const update = take( engine );
		expect( update.upserts.map( ( v ) => v.id ).sort() ).toEqual( [
			vid( 1 ),
			vid( 2 ),
		] );
		// Over-cap activity never reaches agents as entries.
		engine.pageView( vid( 3 ), 'a', view( '/hidden' ) );
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'lists the longest-waiting visitor when a listed one leaves', () => {
		const { engine, advance } = setup( 2 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		advance( 1 );
		engine.connectTab( tab( 3, 'a' ) );
		advance( 1 );
		engine.connectTab( tab( 4, 'a' ) );
		engine.takeChanges();

		engine.disconnectTab( vid( 1 ), 'a' );
		const update = take( engine );
		expect(
			update.upserts.map( ( v ) => [ v.id, v.number, v.status ] )
		).toEqual(
			expect.arrayContaining( [
				[ vid( 1 ), 1, 'offline' ],
				[ vid( 3 ), 3, 'online' ],
			] )
		);
		expect( update.upserts ).toHaveLength( 2 );
		expect( update.counts ).toMatchObject( {
			live: 4,
			online: 3,
			offline: 1,
			overCap: 1,
		} );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 0 );

		// Removing an offline listed entry frees no room under the cap.
		advance( TAIL );
		engine.sweep();
		expect( engine.get( vid( 4 ) )?.number ).toBe( 0 );
		// Releasing a connected one does.
		engine.release( vid( 2 ) );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 1 );
		expect( engine.counts() ).toMatchObject( { overCap: 0, live: 2 } );
	} );

	it( 'applies the status and tail rules to over-cap visitors too', () => {
		const { engine, advance } = setup( 1 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.setChatting( vid( 2 ), true );
		expect( engine.counts() ).toMatchObject( {
			online: 1,
			chatting: 1,
			overCap: 1,
		} );
		engine.disconnectTab( vid( 2 ), 'a' );
		expect( engine.counts() ).toMatchObject( {
			live: 2,
			online: 1,
			chatting: 0,
			offline: 1,
			overCap: 1,
		} );

		// Room opens while it is offline: offline visitors are not promoted.
		engine.disconnectTab( vid( 1 ), 'a' );
		expect( engine.get( vid( 2 ) )?.number ).toBe( 0 );

		// Back within the tail, with room: listed.
		advance( MINUTE );
		expect( engine.connectTab( tab( 2, 'b' ) ) ).toEqual( {
			newVisit: false,
		} );
		expect( engine.get( vid( 2 ) ) ).toMatchObject( {
			number: 2,
			status: 'chatting',
			connectedAt: START,
		} );
		expect( engine.counts().overCap ).toBe( 0 );
	} );

	it( 'sweeps over-cap visitors after the tail', () => {
		const { engine, advance } = setup( 1 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.disconnectTab( vid( 2 ), 'a' );
		expect( engine.nextSweepAt() ).toBe( START + TAIL );
		engine.takeChanges();
		advance( TAIL );
		engine.sweep();
		expect( engine.get( vid( 2 ) ) ).toBeUndefined();
		const update = take( engine );
		expect( update.upserts ).toEqual( [] );
		expect( update.removals ).toEqual( [] );
		expect( update.counts ).toMatchObject( { live: 1, overCap: 0 } );
	} );

	it( 'lists waiting visitors in order when the cap is raised', () => {
		const { engine, advance } = setup( 1 );
		for ( const n of [ 1, 2, 3, 4 ] ) {
			engine.connectTab( tab( n, 'a' ) );
			advance( 1 );
		}
		engine.takeChanges();
		engine.setCap( 3 );
		expect(
			[ 1, 2, 3, 4 ].map( ( n ) => engine.get( vid( n ) )?.number )
		).toEqual( [ 1, 2, 3, 0 ] );
		const update = take( engine );
		expect( update.upserts.map( ( v ) => v.id ) ).toEqual( [
			vid( 2 ),
			vid( 3 ),
		] );
		expect( update.counts ).toMatchObject( { cap: 3, overCap: 1 } );
	} );

	it( 'never unlists anyone when the cap is lowered', () => {
		const { engine } = setup( 3 );
		for ( const n of [ 1, 2, 3 ] ) {
			engine.connectTab( tab( n, 'a' ) );
		}
		engine.takeChanges();
		engine.setCap( 1 );
		expect( listedIds( engine ) ).toHaveLength( 3 );
		const update = take( engine );
		expect( update ).toMatchObject( {
			upserts: [],
			removals: [],
			counts: { cap: 1, overCap: 0 },
		} );

		engine.connectTab( tab( 4, 'a' ) );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 0 );
		// Two listed ones leave: still one connected listed = the cap.
		engine.disconnectTab( vid( 1 ), 'a' );
		engine.disconnectTab( vid( 2 ), 'a' );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 0 );
		engine.disconnectTab( vid( 3 ), 'a' );
		expect( engine.get( vid( 4 ) )?.number ).toBe( 4 );
	} );

	it( 'lists nobody with a cap of 0 and rejects an invalid cap', () => {
		const { engine } = setup( 0 );
		engine.connectTab( tab( 1, 'a' ) );
		expect( listedIds( engine ) ).toEqual( [] );
		expect( engine.counts() ).toMatchObject( { live: 1, overCap: 1 } );
		expect( () => engine.setCap( -1 ) ).toThrow( RangeError );
		expect( () => engine.setCap( 1.5 ) ).toThrow( RangeError );
		expect(
			() => new PresenceEngine( { cap: Number.NaN, now: () => 0 } )
		).toThrow( RangeError );
		expect(
			() =>
				new PresenceEngine( {
					cap: 1,
					offlineTailMs: -1,
					now: () => 0,
				} )
		).toThrow( RangeError );
	} );
} );

describe( 'PresenceEngine changes', () => {
	it( 'returns null when nothing changed', () => {
		const { engine } = setup();
		expect( engine.takeChanges() ).toBeNull();
		engine.connectTab( tab( 1, 'a' ) );
		expect( engine.takeChanges() ).not.toBeNull();
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'coalesces many changes of an entry into one upsert', () => {
		const { engine, advance, now } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.takeChanges();
		for ( let i = 0; i < 20; i++ ) {
			advance( 100 );
			engine.pageView( vid( 1 ), 'a', view( `/p${ i }` ) );
		}
		engine.setName( vid( 1 ), 'Ann' );
		const update = take( engine );
		expect( update.upserts ).toHaveLength( 1 );
		expect( update.upserts[ 0 ] ).toMatchObject( {
			id: vid( 1 ),
			name: 'Ann',
			page: { path: '/p19', since: now() },
		} );
		expect( update.removals ).toEqual( [] );
		expect( update.serverTime ).toBe( now() );
		expect( update.counts ).toEqual( engine.counts() );
	} );

	it( 'sends whole, fresh entries', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a', { page: view( '/a' ) } ) );
		const update = take( engine );
		const sent = update.upserts[ 0 ];
		expect( sent ).toEqual( engine.get( vid( 1 ) ) );
		if ( ! sent ) {
			throw new Error( 'no upsert' );
		}
		sent.page.path = '/tampered';
		sent.tabs.length = 0;
		sent.geo.city = 'Nowhere';
		sent.device.browser = 'None';
		const again = engine.get( vid( 1 ) );
		expect( again?.page.path ).toBe( '/a' );
		expect( again?.tabs ).toHaveLength( 1 );
		expect( again?.geo.city ).toBe( 'Paris' );
		expect( again?.device.browser ).toBe( 'Firefox' );
	} );

	it( 'reports removals of entries agents were told about', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.takeChanges();
		engine.release( vid( 1 ) );
		engine.disconnectTab( vid( 2 ), 'a' );
		advance( TAIL );
		engine.sweep();
		const update = take( engine );
		expect( update.upserts ).toEqual( [] );
		expect( update.removals.sort() ).toEqual( [ vid( 1 ), vid( 2 ) ] );
		expect( update.counts.live ).toBe( 0 );
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'says nothing of an entry created and removed between two calls', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.pageView( vid( 1 ), 'a', view( '/x' ) );
		engine.release( vid( 1 ) );
		expect( engine.takeChanges() ).toBeNull();
	} );

	it( 'replaces an entry removed and re-created in one tick with an upsert', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.takeChanges();
		advance( 1000 );
		engine.release( vid( 1 ) );
		engine.connectTab( tab( 1, 'b' ) );
		let update = take( engine );
		expect( update.removals ).toEqual( [] );
		expect(
			update.upserts.map( ( v ) => [ v.id, v.connectedAt ] )
		).toEqual( [ [ vid( 1 ), START + 1000 ] ] );

		// And if the new one goes too before the next tick, agents hear of it.
		engine.release( vid( 1 ) );
		engine.connectTab( tab( 1, 'c' ) );
		engine.release( vid( 1 ) );
		update = take( engine );
		expect( update.removals ).toEqual( [ vid( 1 ) ] );
		expect( update.upserts ).toEqual( [] );
	} );

	it( 'sends counts-only updates', () => {
		const { engine } = setup( 1 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.takeChanges();
		engine.connectTab( tab( 2, 'a' ) );
		expect( engine.takeChanges() ).toMatchObject( {
			upserts: [],
			removals: [],
			counts: { live: 2, overCap: 1 },
		} );
		engine.setCap( 1 );
		expect( engine.takeChanges() ).toBeNull();
		engine.setCap( 0 );
		expect( engine.takeChanges() ).toMatchObject( {
			upserts: [],
			counts: { cap: 0 },
		} );
	} );

	it( 'does not consume changes when a snapshot is taken', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.snapshot();
		expect( take( engine ).upserts ).toHaveLength( 1 );
	} );
} );

describe( 'PresenceEngine snapshot', () => {
	it( 'lists visitors by connectedAt, most recent first, with counts', () => {
		const { engine, advance, now } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		advance( 10 );
		engine.connectTab( tab( 2, 'a' ) );
		engine.connectTab( tab( 3, 'a' ) );
		advance( 10 );
		engine.connectTab( tab( 4, 'a' ) );
		engine.disconnectTab( vid( 2 ), 'a' );
		// Reconnecting does not move a visitor: connectedAt is the visit's.
		engine.connectTab( tab( 1, 'b' ) );
		const snap = engine.snapshot();
		expect( snap.visitors.map( ( v ) => v.id ) ).toEqual( [
			vid( 4 ),
			vid( 3 ),
			vid( 2 ),
			vid( 1 ),
		] );
		expect( snap.counts ).toEqual( engine.counts() );
		expect( snap.counts ).toMatchObject( {
			live: 4,
			online: 3,
			offline: 1,
		} );
		expect( snap.serverTime ).toBe( now() );
	} );
} );

describe( 'PresenceEngine tracking', () => {
	it( 'says in the totals whether tracking is on, and tells agents when it changes', () => {
		const engine = new PresenceEngine( { cap: 10, now: () => 0 } );
		expect( engine.counts().tracking ).toBe( true );
		engine.takeChanges();
		engine.setTracking( false );
		expect( engine.takeChanges()?.counts.tracking ).toBe( false );
		expect( engine.takeChanges() ).toBeNull();
		engine.setTracking( true );
		expect( engine.snapshot().counts.tracking ).toBe( true );
	} );
} );

describe( 'PresenceEngine release and clear', () => {
	it( 'release removes a visitor at once and frees its number', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.setChatting( vid( 1 ), true );
		engine.release( vid( 1 ) );
		expect( engine.get( vid( 1 ) ) ).toBeUndefined();
		expect( engine.counts() ).toMatchObject( {
			live: 1,
			chatting: 0,
			online: 1,
		} );
		engine.disconnectTab( vid( 1 ), 'a' );
		expect( engine.counts().offline ).toBe( 0 );
		// Gone for good: its last tab closed while it was released.
		expect( engine.pageView( vid( 1 ), 'a', view( '/x' ) ) ).toBe( false );
		engine.release( vid( 99 ) );
		engine.connectTab( tab( 3, 'a' ) );
		expect( engine.get( vid( 3 ) )?.number ).toBe( 1 );
	} );

	it( 'brings a released visitor who is still on the site back as a new entry on the next page view', () => {
		const { engine, advance } = setup();
		engine.connectTab( tab( 1, 'a', { returning: true } ) );
		engine.connectTab( tab( 1, 'b', { page: view( '/b' ) } ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.setChatting( vid( 1 ), true );
		engine.takeChanges();
		advance( 1000 );
		engine.release( vid( 1 ) );
		expect( take( engine ).removals ).toEqual( [ vid( 1 ) ] );
		// Someone else takes the freed number meanwhile.
		engine.connectTab( tab( 3, 'a' ) );
		expect( engine.get( vid( 3 ) )?.number ).toBe( 1 );
		// Hiding a tab is not a page view: still gone.
		expect( engine.setVisibility( vid( 1 ), 'b', false ) ).toBe( false );
		expect( engine.get( vid( 1 ) ) ).toBeUndefined();

		advance( 1000 );
		expect( engine.pageView( vid( 1 ), 'a', view( '/next' ) ) ).toBe(
			true
		);
		const back = engine.get( vid( 1 ) );
		expect( back ).toMatchObject( {
			number: 3,
			status: 'online',
			returning: true,
			connectedAt: START + 2000,
			leftAt: null,
			page: { path: '/next', since: START + 2000 },
		} );
		expect(
			back?.tabs.map( ( t ) => [ t.id, t.path, t.visible ] )
		).toEqual( [
			[ 'a', '/next', true ],
			[ 'b', '/b', false ],
		] );
		expect( take( engine ).upserts.map( ( v ) => v.id ) ).toEqual(
			expect.arrayContaining( [ vid( 1 ) ] )
		);
		expect( engine.counts() ).toMatchObject( {
			live: 3,
			online: 3,
			chatting: 0,
		} );
		// Its tabs are its own again: closing both makes it offline.
		engine.disconnectTab( vid( 1 ), 'a' );
		engine.disconnectTab( vid( 1 ), 'b' );
		expect( engine.get( vid( 1 ) )?.status ).toBe( 'offline' );
	} );

	it( 'gives a released visitor’s open tabs to the entry a new tab starts', () => {
		const { engine } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 1, 'b' ) );
		engine.release( vid( 1 ) );
		engine.disconnectTab( vid( 1 ), 'a' );
		expect( engine.connectTab( tab( 1, 'c' ) ) ).toEqual( {
			newVisit: true,
		} );
		expect( engine.get( vid( 1 ) )?.tabs.map( ( t ) => t.id ) ).toEqual( [
			'b',
			'c',
		] );
		// A closed tab does not come back.
		expect( engine.pageView( vid( 1 ), 'a', view( '/x' ) ) ).toBe( false );
	} );

	it( 'clear removes everything and tells agents', () => {
		const { engine } = setup( 2 );
		engine.connectTab( tab( 1, 'a' ) );
		engine.connectTab( tab( 2, 'a' ) );
		engine.disconnectTab( vid( 2 ), 'a' );
		engine.takeChanges();
		// Listed after the last update: agents never heard of it.
		engine.connectTab( tab( 3, 'a' ) );
		expect( engine.get( vid( 3 ) )?.number ).toBe( 3 );
		engine.connectTab( tab( 4, 'a' ) );
		expect( engine.counts().overCap ).toBe( 1 );

		engine.clear();
		expect( engine.counts() ).toEqual( {
			live: 0,
			online: 0,
			chatting: 0,
			offline: 0,
			overCap: 0,
			cap: 2,
			tracking: true,
		} );
		expect( engine.snapshot().visitors ).toEqual( [] );
		expect( engine.nextSweepAt() ).toBeNull();
		const update = take( engine );
		expect( update.removals.sort() ).toEqual( [ vid( 1 ), vid( 2 ) ] );
		expect( update.upserts ).toEqual( [] );

		// Numbers start over; old tabs are unknown.
		expect( engine.pageView( vid( 1 ), 'a', view( '/x' ) ) ).toBe( false );
		expect( engine.connectTab( tab( 5, 'a' ) ) ).toEqual( {
			newVisit: true,
		} );
		expect( engine.get( vid( 5 ) )?.number ).toBe( 1 );
	} );
} );

describe( 'PresenceEngine clock', () => {
	it( 'never lets time run backwards', () => {
		const { engine, setTime } = setup();
		engine.connectTab( tab( 1, 'a' ) );
		setTime( START - 60_000 );
		engine.disconnectTab( vid( 1 ), 'a' );
		expect( engine.get( vid( 1 ) )?.leftAt ).toBe( START );
		expect( engine.nextSweepAt() ).toBe( START + TAIL );
	} );
} );

describe( 'PresenceEngine at scale', () => {
	it( 'handles 10,000 visitors, 10,000 page views and one update', () => {
		const { engine, advance } = setup( 500 );
		const n = 10_000;
		for ( let i = 1; i <= n; i++ ) {
			engine.connectTab( tab( i, `t${ i }` ) );
		}
		engine.takeChanges();
		for ( let i = 1; i <= n; i++ ) {
			advance( 1 );
			engine.pageView( vid( i ), `t${ i }`, view( `/p${ i }` ) );
		}
		const update = take( engine );
		expect( update.upserts ).toHaveLength( 500 );
		expect( update.counts ).toEqual( {
			live: n,
			online: n,
			chatting: 0,
			offline: 0,
			overCap: n - 500,
			cap: 500,
			tracking: true,
		} );

		// Half leave: the listed ones who left make room for the waiting.
		for ( let i = 1; i <= n; i += 2 ) {
			engine.disconnectTab( vid( i ), `t${ i }` );
		}
		// Every room that opened went to a waiting visitor still connected.
		const mid = engine.snapshot().visitors;
		expect(
			mid.filter( ( v ) => v.status === 'online' ).map( ( v ) => v.id )
		).toHaveLength( 500 );
		expect( engine.counts() ).toMatchObject( {
			online: n / 2,
			offline: n / 2,
			overCap: n - mid.length,
		} );
		advance( TAIL );
		engine.sweep();
		expect( engine.counts() ).toMatchObject( {
			live: n / 2,
			offline: 0,
			overCap: n / 2 - 500,
		} );
		const snap = engine.snapshot();
		expect( snap.visitors ).toHaveLength( 500 );
		const numbers = snap.visitors
			.map( ( v ) => v.number )
			.sort( ( a, b ) => a - b );
		expect( numbers[ 0 ] ).toBeGreaterThanOrEqual( 1 );
		expect( new Set( numbers ).size ).toBe( 500 );
	} );
} );

describe( 'PresenceEngine under random traffic', () => {
	it( 'keeps counts, the cap and the agents’ view consistent', () => {
		const { engine, advance } = setup( 5, 10 * MINUTE );
		const agentView = new Map< string, PresenceVisitor >();
		const tabsOf = new Map< number, string[] >();
		// Tabs of released visitors, still connected.
		const detachedOf = new Map< number, string[] >();
		const problems: string[] = [];
		let seed = 12345;
		const rand = ( k: number ) => {
			seed = ( seed * 48271 ) % 2147483647;
			return seed % k;
		};
		let nextTab = 0;
		let updates = 0;

		for ( let step = 0; step < 4000; step++ ) {
			const check = ( label: string, ok: boolean ) => {
				if ( ! ok ) {
					problems.push( `step ${ step }: ${ label }` );
				}
			};
			const visitor = 1 + rand( 15 );
			const open = tabsOf.get( visitor ) ?? [];
			const held = detachedOf.get( visitor ) ?? [];
			const connected = [ ...open, ...held ];
			const op = rand( 100 );
			if ( op < 30 ) {
				const tabId = `t${ nextTab++ }`;
				const isNew = engine.get( vid( visitor ) ) === undefined;
				engine.connectTab(
					tab( visitor, tabId, { returning: rand( 2 ) === 0 } )
				);
				// A new entry takes over the released visitor's tabs.
				tabsOf.set( visitor, [
					...( isNew ? held : [] ),
					...open,
					tabId,
				] );
				if ( isNew ) {
					detachedOf.delete( visitor );
				}
			} else if ( op < 55 && connected.length > 0 ) {
				const tabId = connected[ rand( connected.length ) ] as string;
				engine.disconnectTab( vid( visitor ), tabId );
				tabsOf.set(
					visitor,
					open.filter( ( t ) => t !== tabId )
				);
				detachedOf.set(
					visitor,
					held.filter( ( t ) => t !== tabId )
				);
			} else if ( op < 75 && connected.length > 0 ) {
				const tabId = connected[ rand( connected.length ) ] as string;
				check(
					'page view of a connected tab accepted',
					engine.pageView(
						vid( visitor ),
						tabId,
						view( `/${ step }` )
					)
				);
				// A released visitor's tab brings it back.
				if ( held.includes( tabId ) ) {
					tabsOf.set( visitor, held );
					detachedOf.delete( visitor );
				}
			} else if ( op < 82 ) {
				engine.setChatting( vid( visitor ), rand( 2 ) === 0 );
			} else if ( op < 84 ) {
				if ( engine.get( vid( visitor ) ) && open.length > 0 ) {
					detachedOf.set( visitor, open );
				}
				engine.release( vid( visitor ) );
				tabsOf.delete( visitor );
			} else if ( op < 86 ) {
				engine.setCap( rand( 8 ) );
			} else if ( op < 87 ) {
				engine.clear();
				tabsOf.clear();
				detachedOf.clear();
			} else {
				advance( rand( 3 * MINUTE ) );
				engine.sweep();
			}

			// An agent applying every update sees exactly the snapshot.
			if ( step % 3 === 0 ) {
				const update = engine.takeChanges();
				updates += update ? 1 : 0;
				for ( const id of update?.removals ?? [] ) {
					check(
						`removal of a shown id ${ id }`,
						agentView.has( id )
					);
					agentView.delete( id );
				}
				for ( const v of update?.upserts ?? [] ) {
					agentView.set( v.id, v );
				}
				const snap = engine.snapshot();
				check(
					'agent view matches the snapshot',
					isDeepStrictEqual(
						new Map( snap.visitors.map( ( v ) => [ v.id, v ] ) ),
						agentView
					)
				);
			}

			// Counts agree with the entries themselves.
			const all: PresenceVisitor[] = [];
			for ( let n = 1; n <= 15; n++ ) {
				const v = engine.get( vid( n ) );
				check(
					`tabs of visitor ${ n }`,
					isDeepStrictEqual(
						v?.tabs.map( ( t ) => t.id ) ?? [],
						tabsOf.get( n ) ?? []
					)
				);
				if ( v ) {
					all.push( v );
				}
			}
			const counts = engine.counts();
			const count = ( s: string ) =>
				all.filter( ( v ) => v.status === s ).length;
			check( 'online', counts.online === count( 'online' ) );
			check( 'chatting', counts.chatting === count( 'chatting' ) );
			check( 'offline', counts.offline === count( 'offline' ) );
			check( 'live', counts.live === all.length );
			const listed = all.filter( ( v ) => v.number > 0 );
			check( 'overCap', counts.overCap === all.length - listed.length );
			check(
				'unique numbers',
				new Set( listed.map( ( v ) => v.number ) ).size ===
					listed.length
			);
			// Nobody connected waits while there is room under the cap.
			const connectedListed = listed.filter(
				( v ) => v.status !== 'offline'
			).length;
			const connectedWaiting = all.filter(
				( v ) => v.number === 0 && v.status !== 'offline'
			).length;
			check(
				'no one waits while there is room',
				connectedWaiting === 0 || connectedListed >= counts.cap
			);
		}
		expect( updates ).toBeGreaterThan( 500 );
		expect( problems ).toEqual( [] );
	} );
} );
