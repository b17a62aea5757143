/**
 * Internal dependencies
 */
import { filterVisitors, normaliseText } from '../filter';
import { makeVisitor } from './fixtures';

const zurich = makeVisitor( {
	id: '1'.repeat( 32 ),
	number: 1,
	geo: { country: 'CH', city: 'Zürich', region: 'Zurich' },
	page: { title: 'Pricing', path: '/pricing' },
} );
const berlin = makeVisitor( {
	id: '2'.repeat( 32 ),
	number: 2,
	name: 'Ana Souza',
	geo: { country: 'DE', city: 'Berlin', region: 'Berlin' },
	page: { title: 'Café menu', path: '/menu' },
} );
const unknown = makeVisitor( {
	id: '3'.repeat( 32 ),
	number: 3,
	geo: { country: '', city: '', region: '' },
	page: { title: '', path: '/warenkorb' },
} );
const visitors = [ zurich, berlin, unknown ] as const;

describe( 'normaliseText', () => {
	it( 'lower-cases and strips accents', () => {
		expect( normaliseText( '  ZÜRICH Café São ' ) ).toBe(
			'zurich cafe sao'
		);
	} );
} );

describe( 'filterVisitors', () => {
	it( 'returns the same array for an empty or blank query', () => {
		expect( filterVisitors( visitors, '', 'en' ) ).toBe( visitors );
		expect( filterVisitors( visitors, '   ', 'en' ) ).toBe( visitors );
	} );

	it( 'matches the city, ignoring case and accents both ways', () => {
		expect( filterVisitors( visitors, 'zurich', 'en' ) ).toEqual( [
			zurich,
		] );
		expect( filterVisitors( visitors, 'ZÜRI', 'en' ) ).toEqual( [
			zurich,
		] );
		expect( filterVisitors( visitors, 'berl', 'en' ) ).toEqual( [
			berlin,
		] );
	} );

	it( 'matches the country code', () => {
		expect( filterVisitors( visitors, 'de', 'en' ) ).toEqual( [ berlin ] );
		expect( filterVisitors( visitors, 'CH', 'en' ) ).toEqual( [ zurich ] );
	} );

	it( 'matches the country name in English and in the user locale', () => {
		expect( filterVisitors( visitors, 'germany', 'en' ) ).toEqual( [
			berlin,
		] );
		expect( filterVisitors( visitors, 'switzerland', 'fr' ) ).toEqual( [
			zurich,
		] );
		expect( filterVisitors( visitors, 'allemagne', 'fr' ) ).toEqual( [
			berlin,
		] );
		expect( filterVisitors( visitors, 'allemagne', 'en' ) ).toEqual( [] );
	} );

	it( 'matches the page title (accent-insensitive), or the path when untitled', () => {
		expect( filterVisitors( visitors, 'pric', 'en' ) ).toEqual( [
			zurich,
		] );
		expect( filterVisitors( visitors, 'cafe', 'en' ) ).toEqual( [
			berlin,
		] );
		expect( filterVisitors( visitors, 'warenkorb', 'en' ) ).toEqual( [
			unknown,
		] );
	} );

	it( 'matches the name, or "Visitor N" when there is none', () => {
		expect( filterVisitors( visitors, 'souza', 'en' ) ).toEqual( [
			berlin,
		] );
		expect( filterVisitors( visitors, 'visitor 3', 'en' ) ).toEqual( [
			unknown,
		] );
	} );

	it( 'keeps the original order and returns nothing for no match', () => {
		expect(
			filterVisitors( visitors, 'e', 'en' ).map( ( v ) => v.number )
		).toEqual( [ 1, 2, 3 ] );
		expect( filterVisitors( visitors, 'tokyo', 'en' ) ).toEqual( [] );
	} );

	it( 'sees a changed entry (entries are replaced whole)', () => {
		const moved = { ...zurich, page: { ...zurich.page, title: 'Cart' } };
		expect( filterVisitors( [ moved ], 'pricing', 'en' ) ).toEqual( [] );
		expect( filterVisitors( [ moved ], 'cart', 'en' ) ).toEqual( [
			moved,
		] );
	} );
} );
