/**
 * Internal dependencies
 */
import { CANVAS_THRESHOLD } from '../constants';
import {
	chooseLayer,
	groupKey,
	groupVisitors,
	plottedCount,
} from '../grouping';
import { BERLIN, FRANCE, visitor } from './fixtures';

describe( 'chooseLayer', () => {
	it( 'uses SVG up to the threshold and canvas above it', () => {
		expect( CANVAS_THRESHOLD ).toBe( 2000 );
		expect( chooseLayer( 0 ) ).toBe( 'svg' );
		expect( chooseLayer( CANVAS_THRESHOLD ) ).toBe( 'svg' );
		expect( chooseLayer( CANVAS_THRESHOLD + 1 ) ).toBe( 'canvas' );
		expect( chooseLayer( 10_000 ) ).toBe( 'canvas' );
	} );
} );

describe( 'groupKey', () => {
	it( 'keys by country, region and city, or country alone', () => {
		expect( groupKey( visitor( 'a' ) ) ).toBe( 'FR|IDF|Paris' );
		expect( groupKey( visitor( 'b', FRANCE ) ) ).toBe( 'FR' );
	} );

	it( 'is null without usable coordinates', () => {
		expect( groupKey( visitor( 'a', { lat: null } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lng: null } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lat: Number.NaN } ) ) ).toBeNull();
		expect( groupKey( visitor( 'a', { lng: 200 } ) ) ).toBeNull();
	} );
} );

describe( 'groupVisitors', () => {
	it( 'puts visitors of the same city into one group with a count', () => {
		const groups = groupVisitors( [
			visitor( 'a', {}, 'online', 1 ),
			visitor( 'b', BERLIN ),
			visitor( 'c', {}, 'online', 3 ),
			visitor( 'd', {}, 'online', 2 ),
		] );
		expect( groups ).toHaveLength( 2 );
		const paris = groups.find( ( group ) => group.city === 'Paris' );
		expect( paris ).toMatchObject( {
			key: 'FR|IDF|Paris',
			count: 3,
			ids: [ 'c', 'd', 'a' ],
			primaryId: 'c',
			approximate: false,
			lat: 48.86,
			lng: 2.35,
		} );
		expect( plottedCount( groups ) ).toBe( 4 );
	} );

	it( 'keeps country-level visitors in their own, approximate group', () => {
		const groups = groupVisitors( [
			visitor( 'a' ),
			visitor( 'b', FRANCE ),
			visitor( 'c', FRANCE ),
		] );
		const france = groups.find( ( group ) => group.key === 'FR' );
		expect( france ).toMatchObject( { count: 2, approximate: true } );
		expect(
			groups.find( ( group ) => group.key === 'FR|IDF|Paris' )
		).toMatchObject( { count: 1, approximate: false } );
	} );

	it( 'skips visitors without coordinates', () => {
		const groups = groupVisitors( [
			visitor( 'a', { lat: null, lng: null, city: '', country: '' } ),
			visitor( 'b', { lat: null, lng: null } ),
			visitor( 'c', BERLIN ),
		] );
		expect( groups.map( ( group ) => group.ids ) ).toEqual( [ [ 'c' ] ] );
		expect( plottedCount( groups ) ).toBe( 1 );
	} );

	it( 'takes the most active status and selects a visitor with it', () => {
		const [ group ] = groupVisitors( [
			visitor( 'off', {}, 'offline', 50 ),
			visitor( 'chat-old', {}, 'chatting', 10 ),
			visitor( 'on', {}, 'online', 40 ),
			visitor( 'chat-new', {}, 'chatting', 20 ),
		] );
		expect( group?.status ).toBe( 'chatting' );
		expect( group?.primaryId ).toBe( 'chat-new' );

		const [ onlineGroup ] = groupVisitors( [
			visitor( 'off', {}, 'offline', 50 ),
			visitor( 'on', {}, 'online', 40 ),
		] );
		expect( onlineGroup?.status ).toBe( 'online' );
		expect( onlineGroup?.primaryId ).toBe( 'on' );

		const [ offlineGroup ] = groupVisitors( [
			visitor( 'off', {}, 'offline' ),
		] );
		expect( offlineGroup?.status ).toBe( 'offline' );
	} );

	it( 'orders groups so the most active are drawn last (on top)', () => {
		const groups = groupVisitors( [
			visitor( 'a', {}, 'chatting' ),
			visitor( 'b', BERLIN, 'offline' ),
			visitor( 'c', FRANCE, 'online' ),
		] );
		expect( groups.map( ( group ) => group.status ) ).toEqual( [
			'offline',
			'online',
			'chatting',
		] );
	} );
} );
