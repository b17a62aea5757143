/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { parseVisitorHistory } from '../api';

jest.mock( '@wordpress/api-fetch' );

const mockApiFetch = apiFetch as unknown as jest.Mock;
const ID = 'b'.repeat( 32 );
const RESPONSE = {
	id: ID,
	first_seen: '2026-11-01T10:00:00Z',
	last_seen: '2026-11-21T10:00:00Z',
	visit_count: 3,
	country: 'FR',
	city: 'Lyon',
	pages: [
		{ path: '/b', title: 'B', viewed_at: '2026-11-21T10:00:00Z' },
		{ path: '/a', title: '', viewed_at: '2026-11-21T09:59:00Z' },
	],
};

function setup() {
	const registry = createRegistry();
	registry.register( store );
	return registry;
}

describe( 'livedesk/visitor-history store', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'loads a history on first select and caches it per id', async () => {
		mockApiFetch.mockResolvedValue( RESPONSE );
		const registry = setup();
		expect( registry.select( store ).getHistory( ID ) ).toEqual( {
			status: 'idle',
		} );
		const entry = await registry.resolveSelect( store ).getHistory( ID );
		expect( entry ).toEqual( {
			status: 'loaded',
			history: {
				id: ID,
				first_seen: RESPONSE.first_seen,
				last_seen: RESPONSE.last_seen,
				visit_count: 3,
				pages: RESPONSE.pages,
			},
		} );
		await registry.resolveSelect( store ).getHistory( ID );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: `/livedesk/v1/visitors/${ ID }`,
		} );
	} );

	it( 'records a REST error', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'livedesk_visitor_not_found',
			message: 'No visitor with this id is stored.',
			data: { status: 404 },
		} );
		const registry = setup();
		const entry = await registry.resolveSelect( store ).getHistory( ID );
		expect( entry ).toEqual( {
			status: 'error',
			error: {
				code: 'livedesk_visitor_not_found',
				message: 'No visitor with this id is stored.',
				status: 404,
				details: [],
			},
		} );
	} );

	it( 'reloads on loadHistory (e.g. retry after an error)', async () => {
		mockApiFetch
			.mockRejectedValueOnce( new Error( 'offline' ) )
			.mockResolvedValueOnce( RESPONSE );
		const registry = setup();
		await registry.resolveSelect( store ).getHistory( ID );
		expect( registry.select( store ).getHistory( ID ).status ).toBe(
			'error'
		);
		await registry.dispatch( store ).loadHistory( ID );
		expect( registry.select( store ).getHistory( ID ).status ).toBe(
			'loaded'
		);
	} );

	it( 'refuses a malformed id without a request', async () => {
		const registry = setup();
		const entry = await registry
			.resolveSelect( store )
			.getHistory( '../settings' );
		expect( entry.status ).toBe( 'error' );
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );
} );

describe( 'parseVisitorHistory', () => {
	it( 'rejects what is not a visitor and drops malformed pages', () => {
		expect( () => parseVisitorHistory( { id: ID } ) ).toThrow();
		expect(
			parseVisitorHistory( {
				...RESPONSE,
				pages: [ RESPONSE.pages[ 0 ], { path: 1 }, null ],
			} ).pages
		).toEqual( [ RESPONSE.pages[ 0 ] ] );
	} );
} );
