/**
 * Internal dependencies
 */
import { buildSnapshot } from '../snapshot';
import type { SnapshotParts } from '../snapshot';

const NOW = Date.UTC( 2026, 4, 1, 10, 0, 0 );

function parts( more: Partial< SnapshotParts > = {} ): SnapshotParts {
	return {
		ip: '192.0.2.0',
		geo: {
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			timezone: 'Europe/Paris',
		},
		device: { browser: 'Firefox', os: 'Linux', device: 'desktop' },
		language: 'fr-FR',
		browserTimezone: '',
		storedPages: [],
		currentPage: null,
		now: NOW,
		...more,
	};
}

function stored( n: number ) {
	return Array.from( { length: n }, ( _, i ) => ( {
		path: `/p${ i }`,
		title: `P${ i }`,
		viewed_at: new Date( NOW - i * 60_000 ).toISOString(),
	} ) );
}

describe( 'buildSnapshot', () => {
	it( 'records the connection, the browser and when', () => {
		expect( buildSnapshot( parts() ) ).toEqual( {
			ip: '192.0.2.0',
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			timezone: 'Europe/Paris',
			browser: 'Firefox',
			os: 'Linux',
			device: 'desktop',
			language: 'fr-FR',
			pages: [],
			last_seen: '2026-05-01T10:00:00.000Z',
		} );
	} );

	it( 'prefers the browser’s time zone to the location’s', () => {
		expect(
			buildSnapshot( parts( { browserTimezone: 'America/Montreal' } ) )
				.timezone
		).toBe( 'America/Montreal' );
	} );

	it( 'keeps the last 10 pages, newest first, with the current one in front when not stored yet', () => {
		const snapshot = buildSnapshot(
			parts( {
				storedPages: stored( 10 ),
				currentPage: { path: '/now', title: 'Now', since: NOW + 5000 },
			} )
		);
		expect( snapshot.pages ).toHaveLength( 10 );
		expect( snapshot.pages[ 0 ] ).toEqual( {
			path: '/now',
			title: 'Now',
			viewed_at: '2026-05-01T10:00:05.000Z',
		} );
		expect( snapshot.pages[ 9 ]?.path ).toBe( '/p8' );
	} );

	it( 'does not repeat the current page once it is stored (to the second)', () => {
		const snapshot = buildSnapshot(
			parts( {
				storedPages: stored( 3 ),
				currentPage: { path: '/p0', title: 'P0', since: NOW + 400 },
			} )
		);
		expect( snapshot.pages.map( ( p ) => p.path ) ).toEqual( [
			'/p0',
			'/p1',
			'/p2',
		] );
	} );
} );
