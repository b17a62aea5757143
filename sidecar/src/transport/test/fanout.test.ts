/**
 * Internal dependencies
 */
import type { PresenceUpdate } from '../../../../src/protocol';
import { emptyGeo } from '../../enrich/geo';
import { PresenceEngine } from '../../presence/engine';
import { PresenceFanout } from '../fanout';

const GEO = emptyGeo();
const DEVICE = { browser: '', os: '', device: '' };
const PAGE = {
	path: '/',
	title: 'Home',
	referrer: '',
	language: 'en',
	timezone: 'UTC',
	visible: true,
};

describe( 'PresenceFanout', () => {
	let now = 1_000_000;
	let engine: PresenceEngine;
	let sent: PresenceUpdate[];
	let fanout: PresenceFanout;

	beforeEach( () => {
		jest.useFakeTimers();
		now = 1_000_000;
		engine = new PresenceEngine( {
			cap: 10,
			offlineTailMs: 5000,
			now: () => now,
		} );
		sent = [];
		fanout = new PresenceFanout( {
			engine,
			send: ( update ) => sent.push( update ),
			tickMs: 50,
			sweepMs: 1000,
			now: () => now,
		} );
	} );

	afterEach( () => {
		fanout.stop();
		jest.useRealTimers();
	} );

	function connect( id: string ) {
		engine.connectTab( {
			visitorId: id.repeat( 32 ),
			tabId: `tab-${ id }`,
			returning: false,
			page: PAGE,
			geo: GEO,
			device: DEVICE,
		} );
		fanout.changed();
	}

	it( 'coalesces a burst into one update per tick', () => {
		connect( 'a' );
		connect( 'b' );
		connect( 'c' );
		expect( sent ).toHaveLength( 0 );
		jest.advanceTimersByTime( 50 );
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ]?.upserts.map( ( v ) => v.number ).sort() ).toEqual( [
			1, 2, 3,
		] );
		expect( sent[ 0 ]?.counts.online ).toBe( 3 );
	} );

	it( 'sends nothing when nothing changed', () => {
		fanout.changed();
		jest.advanceTimersByTime( 100 );
		expect( sent ).toHaveLength( 0 );
	} );

	it( 'sweeps offline visitors when their tail ends and reports the removal', () => {
		connect( 'a' );
		jest.advanceTimersByTime( 50 );
		engine.disconnectTab( 'a'.repeat( 32 ), 'tab-a' );
		fanout.changed();
		jest.advanceTimersByTime( 50 );
		expect( sent[ 1 ]?.upserts[ 0 ]?.status ).toBe( 'offline' );
		now += 5000;
		jest.advanceTimersByTime( 1000 + 50 );
		expect( sent[ 2 ]?.removals ).toEqual( [ 'a'.repeat( 32 ) ] );
		expect( sent[ 2 ]?.counts.live ).toBe( 0 );
	} );

	it( 'tells an agent about the removal of a visitor it got in a snapshot taken within the same tick', () => {
		connect( 'a' );
		const snapshot = fanout.snapshot();
		expect( snapshot.visitors.map( ( v ) => v.id ) ).toEqual( [
			'a'.repeat( 32 ),
		] );
		engine.clear(); // e.g. tracking turned off before the tick ended
		fanout.changed();
		jest.advanceTimersByTime( 50 );
		expect( sent.at( -1 )?.removals ).toEqual( [ 'a'.repeat( 32 ) ] );
	} );
} );
