/**
 * Internal dependencies
 */
import {
	fetchHistoryStart,
	forgetHistory,
	receiveHistory,
	receiveHistoryError,
} from '../actions';
import reducer, { byId } from '../reducer';
import { getHistory } from '../selectors';
import type { VisitorHistory } from '../types';

const ID = 'a'.repeat( 32 );
const HISTORY: VisitorHistory = {
	id: ID,
	first_seen: '2026-11-01T10:00:00Z',
	last_seen: '2026-11-21T10:00:00Z',
	visit_count: 4,
	pages: [ { path: '/', title: 'Home', viewed_at: '2026-11-21T10:00:00Z' } ],
};
const ERROR = {
	code: 'livedesk_visitor_not_found',
	message: 'No visitor with this id is stored.',
	status: 404,
	details: [],
};

describe( 'visitor history reducer', () => {
	it( 'goes from loading to loaded, per id', () => {
		let state = byId( undefined, fetchHistoryStart( ID ) );
		expect( state ).toEqual( { [ ID ]: { status: 'loading' } } );
		state = byId( state, receiveHistory( ID, HISTORY ) );
		expect( state ).toEqual( {
			[ ID ]: { status: 'loaded', history: HISTORY },
		} );
	} );

	it( 'keeps a loaded history while it reloads', () => {
		const loaded = byId( undefined, receiveHistory( ID, HISTORY ) );
		expect( byId( loaded, fetchHistoryStart( ID ) ) ).toBe( loaded );
	} );

	it( 'records an error, and forgets an entry', () => {
		const failed = byId( undefined, receiveHistoryError( ID, ERROR ) );
		expect( failed[ ID ] ).toEqual( { status: 'error', error: ERROR } );
		expect( byId( failed, forgetHistory( ID ) ) ).toEqual( {} );
		expect( byId( {}, forgetHistory( ID ) ) ).toEqual( {} );
	} );

	it( 'selects idle for an id never requested', () => {
		const state = reducer( undefined, { type: 'UNKNOWN' } as never );
		expect( getHistory( state, ID ) ).toEqual( { status: 'idle' } );
		const loaded = reducer( state, receiveHistory( ID, HISTORY ) );
		expect( getHistory( loaded, ID ) ).toEqual( {
			status: 'loaded',
			history: HISTORY,
		} );
	} );
} );
