/**
 * Internal dependencies
 */
import { IDENTITY_KEY, createIdentityStore } from '../identity';

const ID = '0123456789abcdef0123456789abcdef';
const SIG = 'A'.repeat( 42 ) + '_';

afterEach( () => {
	jest.restoreAllMocks();
	window.localStorage.clear();
} );

describe( 'createIdentityStore', () => {
	it( 'keeps a saved identity in localStorage, without extra fields', () => {
		const store = createIdentityStore( window );
		expect( store.load() ).toBeUndefined();
		store.save( { id: ID, sig: SIG, returning: false } );
		expect(
			JSON.parse( window.localStorage.getItem( IDENTITY_KEY ) ?? '' )
		).toEqual( { id: ID, sig: SIG } );
		// A later page load reads it back.
		expect( createIdentityStore( window ).load() ).toEqual( {
			id: ID,
			sig: SIG,
		} );
	} );

	it.each( [
		[ 'not an object', 'x' ],
		[ 'a short id', { id: 'abc', sig: SIG } ],
		[ 'an upper-case id', { id: ID.toUpperCase(), sig: SIG } ],
		[ 'a padded signature', { id: ID, sig: SIG.slice( 1 ) + '=' } ],
		[ 'no signature', { id: ID } ],
		[ 'null', null ],
	] )( 'ignores %s', ( _name, value ) => {
		const store = createIdentityStore( window );
		store.save( value );
		expect( store.load() ).toBeUndefined();
		expect( window.localStorage.getItem( IDENTITY_KEY ) ).toBeNull();
	} );

	it( 'ignores garbage found in storage', () => {
		window.localStorage.setItem( IDENTITY_KEY, '{not json' );
		expect( createIdentityStore( window ).load() ).toBeUndefined();
		window.localStorage.setItem(
			IDENTITY_KEY,
			JSON.stringify( { id: 'evil', sig: SIG } )
		);
		expect( createIdentityStore( window ).load() ).toBeUndefined();
	} );

	it( 'falls back to memory when storage throws', () => {
		jest.spyOn( Storage.prototype, 'getItem' ).mockImplementation( () => {
			throw new DOMException( 'blocked', 'SecurityError' );
		} );
		jest.spyOn( Storage.prototype, 'setItem' ).mockImplementation( () => {
			throw new DOMException( 'full', 'QuotaExceededError' );
		} );
		const store = createIdentityStore( window );
		expect( store.load() ).toBeUndefined();
		store.save( { id: ID, sig: SIG } );
		expect( store.load() ).toEqual( { id: ID, sig: SIG } );
	} );

	it( 'falls back to memory when localStorage itself cannot be reached', () => {
		const blocked = Object.create( window, {
			localStorage: {
				get() {
					throw new DOMException( 'blocked', 'SecurityError' );
				},
			},
		} ) as Window;
		const store = createIdentityStore( blocked );
		store.save( { id: ID, sig: SIG } );
		expect( store.load() ).toEqual( { id: ID, sig: SIG } );
	} );
} );
