/**
 * Internal dependencies
 */
import {
	CUSTOM_DATA_MAX_KEYS,
	MESSAGE_MAX,
	checkAgentAssign,
	checkAgentChatSend,
	checkAgentRead,
	checkAgentTyping,
	checkChatCustomData,
	checkChatProfile,
	checkChatRead,
	checkChatSend,
	checkChatSyncRequest,
	checkChatTyping,
	checkSignedIdentity,
	checkVisitorAuth,
	identitySignedText,
} from '..';

const CONVERSATION = 'a'.repeat( 32 );
const IDENTITY = {
	id: 'customer-42',
	name: 'Ada',
	email: 'ada@example.com',
	expires: 1798761600,
	signature: 'AB'.repeat( 32 ),
};

describe( 'checkChatSend', () => {
	it( 'accepts a message and keeps the body exactly as sent', () => {
		expect(
			checkChatSend( {
				client_id: 'abcDEF12_-',
				body: '  <b>hi</b>\n\tthere ',
				extra: 'dropped',
			} )
		).toEqual( {
			ok: true,
			value: { client_id: 'abcDEF12_-', body: '  <b>hi</b>\n\tthere ' },
		} );
	} );

	it( 'keeps a valid profile, trimmed, and drops empty fields', () => {
		expect(
			checkChatSend( {
				client_id: 'abcdefgh',
				body: 'hi',
				profile: { name: ' Ada ', email: '' },
			} )
		).toEqual( {
			ok: true,
			value: {
				client_id: 'abcdefgh',
				body: 'hi',
				profile: { name: 'Ada' },
			},
		} );
	} );

	it.each( [
		[ 'not an object', 'hi' ],
		[ 'a short client id', { client_id: 'abc', body: 'hi' } ],
		[ 'a client id with dots', { client_id: 'abc.defgh', body: 'hi' } ],
		[ 'a long client id', { client_id: 'a'.repeat( 65 ), body: 'hi' } ],
		[ 'a numeric body', { client_id: 'abcdefgh', body: 42 } ],
		[ 'an empty body', { client_id: 'abcdefgh', body: '' } ],
		[ 'a blank body', { client_id: 'abcdefgh', body: ' \n\t ' } ],
		[
			'a body over MESSAGE_MAX',
			{ client_id: 'abcdefgh', body: 'x'.repeat( MESSAGE_MAX + 1 ) },
		],
		[ 'a NUL in the body', { client_id: 'abcdefgh', body: 'a\u0000b' } ],
		[
			'an escape in the body',
			{ client_id: 'abcdefgh', body: '\u001b[2J' },
		],
		[
			'a bad profile e-mail',
			{ client_id: 'abcdefgh', body: 'hi', profile: { email: 'nope' } },
		],
	] )( 'refuses %s', ( _name, input ) => {
		expect( checkChatSend( input ) ).toMatchObject( { ok: false } );
	} );

	it( 'accepts a body of exactly MESSAGE_MAX', () => {
		expect(
			checkChatSend( {
				client_id: 'abcdefgh',
				body: 'x'.repeat( MESSAGE_MAX ),
			} ).ok
		).toBe( true );
	} );
} );

describe( 'agent payloads', () => {
	it( 'checkAgentChatSend needs a conversation id and drops a profile', () => {
		expect(
			checkAgentChatSend( {
				conversation_id: CONVERSATION,
				client_id: 'abcdefgh',
				body: 'hello',
				profile: { name: 'x' },
			} )
		).toEqual( {
			ok: true,
			value: {
				conversation_id: CONVERSATION,
				client_id: 'abcdefgh',
				body: 'hello',
			},
		} );
		expect(
			checkAgentChatSend( {
				conversation_id: 'A'.repeat( 32 ),
				client_id: 'abcdefgh',
				body: 'hello',
			} ).ok
		).toBe( false );
	} );

	it( 'checkAgentAssign takes me or null only', () => {
		expect(
			checkAgentAssign( {
				conversation_id: CONVERSATION,
				assignee: 'me',
			} )
		).toEqual( {
			ok: true,
			value: { conversation_id: CONVERSATION, assignee: 'me' },
		} );
		expect(
			checkAgentAssign( {
				conversation_id: CONVERSATION,
				assignee: null,
			} ).ok
		).toBe( true );
		expect(
			checkAgentAssign( { conversation_id: CONVERSATION, assignee: 7 } )
				.ok
		).toBe( false );
	} );

	it( 'checkAgentTyping and checkAgentRead combine the ref and the payload', () => {
		expect(
			checkAgentTyping( { conversation_id: CONVERSATION, typing: true } )
		).toEqual( {
			ok: true,
			value: { conversation_id: CONVERSATION, typing: true },
		} );
		expect(
			checkAgentRead( { conversation_id: CONVERSATION, up_to_id: 9 } )
		).toEqual( {
			ok: true,
			value: { conversation_id: CONVERSATION, up_to_id: 9 },
		} );
		expect( checkAgentRead( { up_to_id: 9 } ).ok ).toBe( false );
	} );
} );

describe( 'small payloads', () => {
	it.each( [
		[ { after_id: 0 }, true ],
		[ { after_id: 12 }, true ],
		[ { after_id: -1 }, false ],
		[ { after_id: 1.5 }, false ],
		[ { after_id: '3' }, false ],
		[ {}, false ],
	] )( 'checkChatSyncRequest(%p) ok=%p', ( input, ok ) => {
		expect( checkChatSyncRequest( input ).ok ).toBe( ok );
	} );

	it( 'checkChatRead needs a positive id', () => {
		expect( checkChatRead( { up_to_id: 1 } ).ok ).toBe( true );
		expect( checkChatRead( { up_to_id: 0 } ).ok ).toBe( false );
	} );

	it( 'checkChatTyping needs a boolean', () => {
		expect( checkChatTyping( { typing: false } ) ).toEqual( {
			ok: true,
			value: { typing: false },
		} );
		expect( checkChatTyping( { typing: 'yes' } ).ok ).toBe( false );
	} );

	it.each( [
		[ { name: 'x'.repeat( 101 ) } ],
		[ { name: 'a\nb' } ],
		[ { email: 'a@b' } ],
		[ { email: 'a b@c.de' } ],
		[ { email: '"><svg>@x.de' } ],
		[ { name: 7 } ],
	] )( 'checkChatProfile refuses %p', ( input ) => {
		expect( checkChatProfile( input ).ok ).toBe( false );
	} );

	it( 'checkChatProfile keeps hostile-looking names as text', () => {
		expect(
			checkChatProfile( { name: '"><svg onload=alert(1)>' } )
		).toEqual( {
			ok: true,
			value: { name: '"><svg onload=alert(1)>' },
		} );
	} );
} );

describe( 'checkChatCustomData', () => {
	it( 'accepts string values into an object without a prototype', () => {
		const checked = checkChatCustomData(
			JSON.parse( '{"plan":"pro","__proto__":"x"}' )
		);
		expect( checked.ok ).toBe( true );
		const value = checked.ok ? checked.value : {};
		expect( Object.getPrototypeOf( value ) ).toBeNull();
		expect( { ...value } ).toEqual( {
			plan: 'pro',
			[ '__proto__' ]: 'x',
		} );
	} );

	it.each( [
		[
			'too many keys',
			Object.fromEntries(
				Array.from( { length: CUSTOM_DATA_MAX_KEYS + 1 }, ( _, i ) => [
					`k${ i }`,
					'v',
				] )
			),
		],
		[ 'a number value', { orders: 3 } ],
		[ 'an empty key', { '': 'v' } ],
		[ 'a long key', { [ 'k'.repeat( 65 ) ]: 'v' } ],
		[ 'a long value', { k: 'v'.repeat( 501 ) } ],
		[ 'an array', [ 'a' ] ],
	] )( 'refuses %s', ( _name, input ) => {
		expect( checkChatCustomData( input ).ok ).toBe( false );
	} );
} );

describe( 'checkSignedIdentity', () => {
	it( 'accepts an identity and lower-cases the signature', () => {
		expect( checkSignedIdentity( IDENTITY ) ).toEqual( {
			ok: true,
			value: { ...IDENTITY, signature: 'ab'.repeat( 32 ) },
		} );
	} );

	it.each( [
		[ 'no id', { ...IDENTITY, id: '' } ],
		[ 'a long id', { ...IDENTITY, id: 'i'.repeat( 192 ) } ],
		[ 'a string expiry', { ...IDENTITY, expires: '1798761600' } ],
		[ 'a short signature', { ...IDENTITY, signature: 'ab' } ],
		[ 'a name with a newline', { ...IDENTITY, name: 'a\nb' } ],
	] )( 'refuses %s', ( _name, input ) => {
		expect( checkSignedIdentity( input ).ok ).toBe( false );
	} );

	it( 'signs id, email, name and expiry on separate lines', () => {
		expect( identitySignedText( { id: 'wp:3', expires: 10 } ) ).toBe(
			'livedesk-identity.v1\nwp:3\n\n\n10'
		);
		expect( identitySignedText( IDENTITY ) ).toBe(
			'livedesk-identity.v1\ncustomer-42\nada@example.com\nAda\n1798761600'
		);
	} );
} );

describe( 'checkVisitorAuth chat fields', () => {
	it( 'keeps chat, a well-formed identity and a playground token', () => {
		expect(
			checkVisitorAuth( {
				chat: true,
				identity: IDENTITY,
				playground: 'p'.repeat( 43 ),
			} )
		).toEqual( {
			ok: true,
			value: {
				chat: true,
				identity: { ...IDENTITY, signature: 'ab'.repeat( 32 ) },
				playground: 'p'.repeat( 43 ),
			},
		} );
	} );

	it( 'treats malformed chat fields as absent', () => {
		expect(
			checkVisitorAuth( {
				chat: 'yes',
				identity: { id: 'x' },
				playground: 'short',
			} )
		).toEqual( { ok: true, value: {} } );
	} );
} );
