/**
 * Internal dependencies
 */
import { PresenceBuffer, mergeVisitorRows } from '../buffer';
import { key, pageView, visitor } from './fakes';

const T0 = Date.UTC( 2025, 0, 1, 12, 0, 0 );

describe( 'mergeVisitorRows', () => {
	it( 'adds visits and takes the later sighting’s time and details', () => {
		const older = visitor( 1, {
			time: T0,
			visitsDelta: 1,
			ip: '192.0.2.0',
		} );
		const newer = visitor( 1, {
			time: T0 + 1,
			visitsDelta: 1,
			ip: '198.51.100.0',
		} );
		expect( mergeVisitorRows( older, newer ) ).toEqual( {
			...newer,
			visitsDelta: 2,
		} );
	} );

	it( 'keeps the details of the later time when sightings arrive out of order', () => {
		const late = visitor( 1, { time: T0 + 5, language: 'en-GB' } );
		const early = visitor( 1, { time: T0, language: 'fr-FR' } );
		expect( mergeVisitorRows( late, early ) ).toMatchObject( {
			time: T0 + 5,
			language: 'en-GB',
		} );
	} );

	it.each( [
		[ 'the newest new visit with one', 'a', 1, 'b', 1, 'b' ],
		[ 'an older visit when the newest came direct', 'a', 1, '', 1, 'a' ],
		[ 'a new visit, never a mere sighting', 'a', 0, 'b', 1, 'b' ],
		[ 'none when only a sighting has one', 'a', 0, '', 1, '' ],
		[ 'a new visit’s over a later sighting’s', 'a', 1, 'b', 0, 'a' ],
		[
			'the newest when no visit starts (first insert only)',
			'a',
			0,
			'b',
			0,
			'b',
		],
	] )(
		'keeps as referrer %s',
		(
			_,
			olderReferrer,
			olderVisits,
			newerReferrer,
			newerVisits,
			expected
		) => {
			const merged = mergeVisitorRows(
				visitor( 1, {
					time: T0,
					referrer: olderReferrer,
					visitsDelta: olderVisits,
				} ),
				visitor( 1, {
					time: T0 + 1,
					referrer: newerReferrer,
					visitsDelta: newerVisits,
				} )
			);
			expect( merged.referrer ).toBe( expected );
		}
	);
} );

describe( 'PresenceBuffer', () => {
	it( 'counts a coalesced visitor once and keeps its first position', () => {
		const buffer = new PresenceBuffer();
		buffer.addVisitor( visitor( 1 ) );
		buffer.addVisitor( visitor( 2 ) );
		buffer.addVisitor( visitor( 1, { visitsDelta: 1 } ) );
		buffer.addPageView( pageView( 1, '/' ) );
		expect( buffer.size ).toBe( 3 );
		const batch = buffer.take();
		expect( batch.visitors.map( ( row ) => row.visitorKey ) ).toEqual( [
			key( 1 ),
			key( 2 ),
		] );
		expect( batch.visitors[ 0 ]?.visitsDelta ).toBe( 1 );
		expect( buffer.size ).toBe( 0 );
	} );

	it( 'drops the oldest page views first, then the longest-buffered visitors', () => {
		const buffer = new PresenceBuffer();
		buffer.addVisitor( visitor( 1 ) );
		buffer.addVisitor( visitor( 2 ) );
		for ( let i = 0; i < 5; i++ ) {
			buffer.addPageView( pageView( 1, `/${ i }` ) );
		}
		expect( buffer.dropOldest( 2 ) ).toBe( 2 );
		expect( buffer.dropOldest( 1 ) ).toBe( 1 );
		expect( buffer.size ).toBe( 4 );
		expect( buffer.dropOldest( 3 ) ).toBe( 3 );
		const batch = buffer.take();
		expect( batch.pageViews ).toEqual( [] );
		expect( batch.visitors.map( ( row ) => row.visitorKey ) ).toEqual( [
			key( 2 ),
		] );
		expect( buffer.dropOldest( 10 ) ).toBe( 0 );
	} );

	it( 'puts unwritten rows back in front, merging sightings that arrived since', () => {
		const buffer = new PresenceBuffer();
		buffer.addVisitor( visitor( 1, { time: T0, visitsDelta: 1 } ) );
		buffer.addPageView( pageView( 1, '/old' ) );
		const batch = buffer.take();
		buffer.addVisitor( visitor( 2, { time: T0 + 1 } ) );
		buffer.addVisitor( visitor( 1, { time: T0 + 2, visitsDelta: 1 } ) );
		buffer.addPageView( pageView( 1, '/new-1' ) );
		buffer.addPageView( pageView( 1, '/new-2' ) );
		buffer.dropOldest( 1 );
		buffer.putBack( batch );
		const again = buffer.take();
		expect( again.visitors ).toEqual( [
			visitor( 1, { time: T0 + 2, visitsDelta: 2 } ),
			visitor( 2, { time: T0 + 1 } ),
		] );
		expect( again.pageViews.map( ( row ) => row.path ) ).toEqual( [
			'/old',
			'/new-2',
		] );
	} );
} );
