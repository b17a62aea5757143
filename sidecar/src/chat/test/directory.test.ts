/**
 * Internal dependencies
 */
import { ChatDirectory } from '../directory';
import type { OpenConversation } from '../directory';

function conversation(
	id: string,
	openKey: string,
	visitorKey: string
): OpenConversation {
	return {
		rowId: id.charCodeAt( 0 ),
		id,
		openKey,
		visitorKey,
		name: '',
		email: '',
		verified: false,
	};
}

describe( 'ChatDirectory', () => {
	it( 'finds a conversation by the first key that has one', () => {
		const directory = new ChatDirectory();
		directory.open( conversation( 'a', 'v:1', '1' ) );
		directory.open( conversation( 'b', 'i:ada', '2' ) );
		expect( directory.find( [ 'i:ada', 'v:1' ] )?.id ).toBe( 'b' );
		expect( directory.find( [ 'i:bob', 'v:1' ] )?.id ).toBe( 'a' );
		expect( directory.find( [ 'v:3' ] ) ).toBeUndefined();
	} );

	it( 'says who starts and stops chatting', () => {
		const directory = new ChatDirectory();
		expect( directory.open( conversation( 'a', 'i:ada', '1' ) ) ).toEqual( {
			chatting: [ '1' ],
			released: [],
		} );
		// The same person on another device.
		expect( directory.attach( '2', 'a' ) ).toEqual( [ '2' ] );
		expect( directory.attach( '2', 'a' ) ).toEqual( [] );
		expect( directory.attach( '3', 'missing' ) ).toEqual( [] );
		expect( directory.isChatting( '2' ) ).toBe( true );
		expect( directory.close( 'a' ).sort() ).toEqual( [ '1', '2' ] );
		expect( directory.isChatting( '1' ) ).toBe( false );
		expect( directory.find( [ 'i:ada' ] ) ).toBeUndefined();
		expect( directory.close( 'a' ) ).toEqual( [] );
	} );

	it( 'replaces a conversation that held the key (archived meanwhile)', () => {
		const directory = new ChatDirectory();
		directory.open( conversation( 'a', 'v:1', '1' ) );
		expect( directory.open( conversation( 'b', 'v:1', '1' ) ) ).toEqual( {
			chatting: [ '1' ],
			released: [ '1' ],
		} );
		expect( directory.get( 'a' ) ).toBeUndefined();
		expect( directory.find( [ 'v:1' ] )?.id ).toBe( 'b' );
		expect( directory.size ).toBe( 1 );
	} );

	it( 'follows a conversation whose key moved to its identity', () => {
		const directory = new ChatDirectory();
		directory.open( conversation( 'a', 'v:1', '1' ) );
		directory.open( conversation( 'a', 'i:ada', '1' ) );
		expect( directory.find( [ 'v:1' ] ) ).toBeUndefined();
		expect( directory.find( [ 'i:ada' ] )?.id ).toBe( 'a' );
		expect( directory.isChatting( '1' ) ).toBe( true );
	} );

	it( 'knows the name a visitor gave', () => {
		const directory = new ChatDirectory();
		directory.open( conversation( 'a', 'v:1', '1' ) );
		expect( directory.nameOf( '1' ) ).toBe( '' );
		directory.open( { ...conversation( 'a', 'v:1', '1' ), name: 'Ada' } );
		expect( directory.nameOf( '1' ) ).toBe( 'Ada' );
		expect( directory.nameOf( '2' ) ).toBe( '' );
	} );

	it( 'lists nobody as chatting in an API conversation', () => {
		const directory = new ChatDirectory();
		expect(
			directory.open( conversation( 'a', 'v:', '' ) ).chatting
		).toEqual( [] );
	} );
} );
