/*
 * @jest-environment jsdom
 *
 * The init script in a DOM, with a stand-in WebSocket and `wp.data`. (A
 * plain block comment: jest reads the pragma, JSDoc lint does not.)
 */

/**
 * Internal dependencies
 */
import {
	instrumentPage,
	MARKS,
	RECORD_GLOBAL,
	SETTLE_GLOBAL,
} from '../instrument';
import type { PageRecord } from '../instrument';

/** Stands in for the browser's WebSocket: socket.io-client sets onmessage. */
class FakeSocket {
	private handler: ( ( event: { data: unknown } ) => unknown ) | null = null;

	get onmessage() {
		return this.handler;
	}

	set onmessage( handler ) {
		this.handler = handler;
	}

	receive( data: unknown ): unknown {
		return this.handler?.call( this, { data } );
	}
}

type Globals = Record< string, unknown >;
const globals = window as unknown as Globals;

const visitor = ( id: string, lat: number | null ) =>
	JSON.stringify( {
		id,
		connectedAt: 1,
		geo: { lat, lng: lat === null ? null : 10 },
	} );

function wpData( visitors: () => unknown[] ) {
	const listeners: Array< () => void > = [];
	const store = {
		getVisitors: visitors,
		getCounts: () => null,
		getServerOffset: () => 0,
	};
	return {
		listeners,
		data: {
			select: () => store,
			subscribe: jest.fn( ( listener: () => void ) =>
				listeners.push( listener )
			),
		},
	};
}

let stamps: string[];

beforeEach( () => {
	document.body.innerHTML = '';
	globals.WebSocket = FakeSocket;
	globals.CanvasRenderingContext2D = class {
		clearRect() {}
	};
	// jsdom has no MessageChannel: a task later, as in a browser.
	globals.MessageChannel = class {
		port1: { onmessage: ( () => void ) | null } = { onmessage: null };
		port2 = {
			postMessage: () => setTimeout( () => this.port1.onmessage?.(), 0 ),
		};
	};
	stamps = [];
	// jest's console has no timeStamp (browsers do).
	( console as unknown as Globals ).timeStamp = ( label: string ) =>
		stamps.push( label );
	delete globals.wp;
} );

afterEach( () => {
	delete ( console as unknown as Globals ).timeStamp;
} );

function start( expected: number ) {
	instrumentPage( { expected } );
	const socket = new ( globals.WebSocket as typeof FakeSocket )();
	const seen: unknown[] = [];
	socket.onmessage = ( event ) => seen.push( event.data );
	return { socket, seen, record: globals[ RECORD_GLOBAL ] as PageRecord };
}

describe( 'instrumentPage', () => {
	it( 'times presence updates around socket.io’s handler and counts their upserts', () => {
		const { socket, seen, record } = start( 2 );
		const update = `42/agent,["presence:update",{"upserts":[${ visitor(
			'a',
			1
		) },${ visitor( 'b', 2 ) }],"removals":[]}]`;
		socket.receive( update );
		expect( seen ).toEqual( [ update ] );
		// Counted only when the record is read back.
		expect( record.updates.upserts ).toEqual( [] );
		expect( ( globals[ SETTLE_GLOBAL ] as () => PageRecord )() ).toBe(
			record
		);
		expect( record.updates.upserts ).toEqual( [ 2 ] );
		expect( record.updates.chars ).toEqual( [ update.length ] );
		expect( stamps ).toEqual( [
			`${ MARKS.update }@${ record.updates.at[ 0 ] }`,
		] );
	} );

	it( 'lets every other message through untouched and unrecorded', () => {
		const { socket, seen, record } = start( 2 );
		socket.receive( '2' );
		socket.receive( '42/agent,["chat:message",{}]' );
		expect( seen ).toEqual( [ '2', '42/agent,["chat:message",{}]' ] );
		expect( record.updates.at ).toEqual( [] );
		expect( stamps ).toEqual( [] );
	} );

	it( 'marks a store update only when what the screen shows changed', () => {
		let visitors: unknown[] = [];
		const wp = wpData( () => visitors );
		globals.wp = { data: wp.data };
		const { socket, record } = start( 2 );
		socket.receive( '42/agent,["presence:update",{"upserts":[]}]' );
		expect( wp.data.subscribe ).toHaveBeenCalledWith(
			expect.any( Function ),
			'livedesk/presence'
		);
		const listener = wp.listeners[ 0 ] as () => void;
		listener();
		listener(); // nothing changed
		visitors = [ {} ];
		listener();
		expect( record.dispatches.visitors ).toEqual( [ 0, 1 ] );
		expect(
			stamps.filter( ( s ) => s.startsWith( MARKS.dispatch ) )
		).toHaveLength( 2 );
	} );

	it( 'records the first frame after the snapshot in which list and map show everyone', async () => {
		const visitors = [
			{ geo: { lat: 1, lng: 2 } },
			{ geo: { lat: 3, lng: 4 } },
		];
		globals.wp = { data: wpData( () => visitors ).data };
		const { socket, record } = start( 2 );
		socket.receive( '42/agent,["presence:snapshot",{"visitors":[]}]' );
		expect( record.snapshot?.chars ).toBeGreaterThan( 0 );
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		expect( record.rendered ).toBeNull(); // nothing on screen yet

		document.body.innerHTML = `
			<div class="livedesk-visitor-row" aria-setsize="2"></div>
			<svg><g class="livedesk-visitor-map__pin"><text>2</text></g></svg>`;
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		expect( record.rendered ).toMatchObject( {
			listed: 2,
			placeable: 2,
			plotted: 2,
			layer: 'svg',
		} );
		expect( stamps.some( ( s ) => s.startsWith( MARKS.rendered ) ) ).toBe(
			true
		);
	} );

	it( 'waits for a canvas draw after the snapshot when the map is a canvas', async () => {
		globals.wp = { data: wpData( () => [] ).data };
		const { socket, record } = start( 3 );
		socket.receive( '42/agent,["presence:snapshot",{"visitors":[]}]' );
		document.body.innerHTML = `
			<div class="livedesk-visitor-row" aria-setsize="3"></div>
			<canvas class="livedesk-visitor-map__canvas"></canvas>`;
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		expect( record.rendered ).toBeNull(); // not drawn yet

		const Context = globals.CanvasRenderingContext2D as new () => {
			clearRect: () => void;
		};
		new Context().clearRect();
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		expect( record.canvasDraws ).toHaveLength( 1 );
		expect( record.rendered ).toMatchObject( {
			listed: 3,
			plotted: null,
			layer: 'canvas',
		} );
	} );
} );
