/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { AgentConnectionEvents } from '../../../live/agent-connection';
import type { ConnectionState } from '../../../live/types';
import { store } from '..';
import { startPresence } from '../start';
import type { PresenceSource } from '../start';
import { COUNTS, snapshot, update, visitor } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

type Listener = ( payload: never ) => void;

/** A connection the test drives by hand. */
class FakeSource implements PresenceSource {
	opened = 0;
	closed = 0;
	state: ConnectionState = { status: 'connecting', reason: null };
	private readonly listeners = new Map< string, Set< Listener > >();

	open() {
		this.opened++;
	}

	close() {
		this.closed++;
		this.send( 'status', {
			status: 'offline',
			reason: {
				source: 'client',
				code: 'closed',
				message: 'closed by the client',
				httpStatus: null,
				retrying: false,
			},
		} );
	}

	getState() {
		return this.state;
	}

	on< K extends keyof AgentConnectionEvents >(
		event: K,
		listener: ( payload: AgentConnectionEvents[ K ] ) => void
	) {
		const set = this.listeners.get( event ) ?? new Set();
		this.listeners.set( event, set );
		set.add( listener as Listener );
		return () => {
			set.delete( listener as Listener );
		};
	}

	send< K extends keyof AgentConnectionEvents >(
		event: K,
		payload: AgentConnectionEvents[ K ]
	) {
		this.listeners
			.get( event )
			?.forEach( ( listener ) =>
				( listener as ( value: typeof payload ) => void )( payload )
			);
	}

	listenerCount() {
		let total = 0;
		this.listeners.forEach( ( set ) => ( total += set.size ) );
		return total;
	}
}

function setUp( state?: ConnectionState ) {
	jest.useFakeTimers( { now: 1_000_000 } );
	const registry = createRegistry();
	registry.register( store );
	const source = new FakeSource();
	if ( state ) {
		source.state = state;
	}
	const changes = jest.fn();
	registry.subscribe( changes, store );
	const stop = startPresence( {
		connection: source,
		registry,
		batchMs: 100,
	} );
	return {
		registry,
		source,
		changes,
		stop,
		select: registry.select( store ),
	};
}

afterEach( () => {
	jest.useRealTimers();
} );

describe( 'startPresence', () => {
	it( 'opens the connection and mirrors its status', () => {
		const { source, select } = setUp();
		expect( source.opened ).toBe( 1 );
		expect( select.getConnection().status ).toBe( 'connecting' );

		source.send( 'status', { status: 'live', reason: null } );
		expect( select.getConnection() ).toEqual( {
			status: 'live',
			reason: null,
		} );
	} );

	it( 'starts from the status the connection already has', () => {
		const { select } = setUp( { status: 'live', reason: null } );
		expect( select.getConnection().status ).toBe( 'live' );
	} );

	it( 'stores a snapshot at once, with the offset from the receipt time', () => {
		const { source, select } = setUp();
		source.send(
			'snapshot',
			snapshot( [ visitor( 'a', 1 ), visitor( 'b', 2 ) ], 1_002_500 )
		);
		expect( select.getVisitors().map( ( v ) => v.id ) ).toEqual( [
			'b',
			'a',
		] );
		expect( select.getCounts() ).toEqual( COUNTS );
		expect( select.getServerOffset() ).toBe( 2500 );
	} );

	it( 'merges a burst of updates into one store change', () => {
		const { source, select, changes } = setUp();
		source.send( 'snapshot', snapshot( [ visitor( 'a', 1 ) ] ) );
		changes.mockClear();

		for ( let i = 0; i < 50; i++ ) {
			source.send(
				'update',
				update(
					[ visitor( `v${ i }`, 100 + i ) ],
					i % 2 ? [ 'a' ] : []
				)
			);
		}
		expect( changes ).not.toHaveBeenCalled();
		expect( select.getVisitors() ).toHaveLength( 1 );

		jest.advanceTimersByTime( 100 );
		expect( changes ).toHaveBeenCalledTimes( 1 );
		expect( select.getVisitors() ).toHaveLength( 50 );
		expect( select.getVisitor( 'a' ) ).toBeNull();
		expect( select.getVisitors()[ 0 ]?.id ).toBe( 'v49' );
	} );

	it( 'stores an update at once when the last dispatch is long enough ago', () => {
		const { source, select } = setUp();
		source.send( 'snapshot', snapshot( [] ) );
		jest.advanceTimersByTime( 150 );
		source.send( 'update', update( [ visitor( 'a', 1 ) ] ) );
		expect( select.getVisitor( 'a' ) ).not.toBeNull();
	} );

	it( 'stores waiting data before a status change', () => {
		const { source, select, registry } = setUp();
		source.send( 'snapshot', snapshot( [] ) );
		source.send( 'update', update( [ visitor( 'late', 1 ) ] ) );
		const seen: Array< [ string, boolean ] > = [];
		registry.subscribe( () => {
			seen.push( [
				select.getConnection().status,
				select.getVisitor( 'late' ) !== null,
			] );
		}, store );

		source.send( 'status', {
			status: 'reconnecting',
			reason: {
				source: 'network',
				code: 'connection_lost',
				message: 'transport close',
				httpStatus: null,
				retrying: true,
			},
		} );
		expect( seen ).toEqual( [
			[ 'connecting', true ],
			[ 'reconnecting', true ],
		] );
	} );

	it( 'stops: closes the connection, drops waiting data, stops listening', () => {
		const { source, select, stop } = setUp();
		source.send( 'snapshot', snapshot( [] ) );
		source.send( 'update', update( [ visitor( 'pending', 1 ) ] ) );

		stop();
		stop(); // a second call does nothing
		expect( source.closed ).toBe( 1 );
		expect( source.listenerCount() ).toBe( 0 );
		expect( select.getConnection() ).toMatchObject( {
			status: 'offline',
			reason: { code: 'closed' },
		} );
		jest.advanceTimersByTime( 1000 );
		expect( select.getVisitor( 'pending' ) ).toBeNull();
	} );
} );
