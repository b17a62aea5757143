/**
 * Live chat through the real sidecar and a real MariaDB (migration 3's
 * tables): delivery, who may reach what, identities, archive and presence,
 * and the tail that pushes what WordPress wrote.
 */

/**
 * Internal dependencies
 */
import { ARCHIVED_MESSAGE_BODY } from '../../src/protocol';
import type {
	AgentTypingNotice,
	ChatMessage,
	ChatSendOk,
	ChatSendResult,
	Conversation,
	ConversationResult,
	IdentifyResult,
	PresenceSnapshot,
	PresenceUpdate,
	ReadReceipt,
	VisitorChatStatus,
	VisitorTypingNotice,
} from '../../src/protocol';
import { signIdentity, signPlaygroundToken } from '../src/chat/identity';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import {
	agentCall,
	agentToken,
	chatAgent,
	chatVisitor,
	clientId,
	nextMatching,
	record,
	until,
	visitorSend,
	visitorSync,
} from './helpers/chat';
import type { ChatVisitor } from './helpers/chat';
import { ChatTables } from './helpers/chat-tables';
import {
	closeClients,
	connect,
	connectVisitor,
	nextEvent,
	outcome,
} from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';

const PREFIX = 'sctest_chat_';
const SECRET = '6a'.repeat( 32 );
const IDENTITY_SECRET = '7b'.repeat( 32 );
const AGENT = 7;
const VIEWER = 8;

let options: OptionsTable;
let tables: ChatTables;
let sidecar: SidecarHandle;

const chatToken = () => agentToken( SECRET, AGENT );
const viewToken = () => agentToken( SECRET, VIEWER, [ 'livedesk_view' ] );

function page( path: string ) {
	return {
		path,
		title: `Title ${ path }`,
		referrer: '',
		language: 'fr-FR',
		timezone: 'Europe/Paris',
		visible: true,
	};
}

function identity(
	fields: { id: string; name?: string; email?: string; expires?: number },
	secret = IDENTITY_SECRET
) {
	const signed = {
		expires: Math.floor( Date.now() / 1000 ) + 3600,
		...fields,
	};
	return { ...signed, signature: signIdentity( signed, secret ) };
}

async function setOption( name: string, value: string ) {
	await options.set( name, value );
	// settingsRefreshMs is 200 in tests: two reads.
	await new Promise( ( resolve ) => setTimeout( resolve, 500 ) );
}

function sent( result: ChatSendResult ): ChatSendOk {
	if ( ! result.ok ) {
		throw new Error( `send refused: ${ result.code } ${ result.message }` );
	}
	return result;
}

async function say( visitor: ChatVisitor, body: string, extra = {} ) {
	return sent(
		await visitorSend( visitor.socket, {
			client_id: clientId(),
			body,
			...extra,
		} )
	);
}

function rows( sql: string, values: unknown[] = [] ) {
	return tables.query( sql, values );
}

async function conversationRow( publicId: string ) {
	const [ row ] = await rows(
		'SELECT * FROM {conversations} WHERE public_id = ?',
		[ publicId ]
	);
	return row;
}

beforeAll( async () => {
	const db = testDbFromEnv();
	options = await OptionsTable.create( db, PREFIX );
	tables = await ChatTables.create( db, PREFIX );
	await options.setSecret( SECRET );
	await options.set( 'home', 'http://site.test' );
	await options.set( 'livedesk_identity_secret', IDENTITY_SECRET );
	await tables.addUser( AGENT, 'Ada Agent' );
	await tables.addUser( VIEWER, 'Vic Viewer' );
	sidecar = await startSidecar(
		sidecarConfig( db, PREFIX, { offlineTailMs: 1000 } )
	);
} );

afterEach( () => {
	closeClients();
} );

afterAll( async () => {
	await sidecar?.close();
	await tables?.dispose();
	await options?.dispose();
} );

describe( 'delivery', () => {
	it( 'stores a message sent three times once, with the same ack each time', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const message = { client_id: clientId(), body: 'Hello there' };
		// All three at once, as a client retrying over a flaky network might.
		const acks = await Promise.all( [
			visitorSend( visitor.socket, message ),
			visitorSend( visitor.socket, message ),
			visitorSend( visitor.socket, message ),
		] );
		const again = await visitorSend( visitor.socket, message );
		expect( acks[ 0 ] ).toMatchObject( {
			ok: true,
			client_id: message.client_id,
			message: {
				author: 'visitor',
				body: 'Hello there',
				agent_id: null,
			},
		} );
		for ( const ack of [ ...acks, again ] ) {
			expect( ack ).toEqual( acks[ 0 ] );
		}
		const stored = await rows(
			'SELECT COUNT(*) AS n FROM {messages} WHERE client_id = ?',
			[ message.client_id ]
		);
		expect( stored[ 0 ]?.n ).toBe( 1 );
	} );

	it( 'pushes a visitor message to every agent and the visitor’s other connections, and the reply back', async () => {
		const first = await chatVisitor( sidecar.port );
		const second = await chatVisitor( sidecar.port, {
			id: first.session.id,
			sig: first.session.sig,
		} );
		const answering = await chatAgent( sidecar.port, chatToken() );
		const viewing = await chatAgent( sidecar.port, viewToken() );

		const started = Date.now();
		const ack = await say( first, 'Do you ship to Lyon?' );
		await until(
			() =>
				answering.messages.some( ( m ) => m.id === ack.message.id ) &&
				viewing.messages.some( ( m ) => m.id === ack.message.id ) &&
				second.messages.some( ( m ) => m.id === ack.message.id ),
			1000,
			'the message everywhere within 1 s'
		);
		expect( Date.now() - started ).toBeLessThan( 1000 );
		// The sender has the ack; no echo on its own connection.
		expect( first.messages ).toEqual( [] );
		await until( () =>
			answering.conversations.some(
				( c ) =>
					c.id === ack.message.conversation_id && c.unread_count === 1
			)
		);
		const conversation = answering.conversations
			.filter( ( c ) => c.id === ack.message.conversation_id )
			.pop() as Conversation;
		expect( conversation ).toMatchObject( {
			status: 'open',
			source: 'widget',
			visitor_id: first.session.id,
			verified: false,
			unread_count: 1,
			last_message: { id: ack.message.id, author: 'visitor' },
		} );

		const reply = await agentCall< ChatSendResult >(
			answering.socket,
			'chat:send',
			{
				conversation_id: conversation.id,
				client_id: clientId(),
				body: 'Yes, in two days.',
			}
		);
		expect( reply ).toMatchObject( {
			ok: true,
			message: {
				author: 'agent',
				agent_id: AGENT,
				agent_name: 'Ada Agent',
			},
		} );
		const replyId = sent( reply ).message.id;
		await until(
			() =>
				[ first, second ].every( ( v ) =>
					v.messages.some( ( m ) => m.id === replyId )
				),
			1000,
			'the reply on both visitor connections'
		);
		// Towards visitors an agent has a name, never a user id.
		expect(
			first.messages.find( ( m ) => m.id === replyId )
		).toMatchObject( {
			agent_id: null,
			agent_name: 'Ada Agent',
			author: 'agent',
		} );
		// Pushed once per connection.
		expect(
			answering.messages.filter( ( m ) => m.id === ack.message.id )
		).toHaveLength( 1 );
	} );

	it( 'starts one conversation when two first messages race', async () => {
		const first = await chatVisitor( sidecar.port );
		const others = await Promise.all(
			[ 1, 2, 3, 4 ].map( () =>
				chatVisitor( sidecar.port, {
					id: first.session.id,
					sig: first.session.sig,
				} )
			)
		);
		const acks = await Promise.all(
			[ first, ...others ].map( ( v, n ) => say( v, `first ${ n }` ) )
		);
		const ids = new Set( acks.map( ( a ) => a.message.conversation_id ) );
		expect( ids.size ).toBe( 1 );
		const open = await rows(
			'SELECT COUNT(*) AS n FROM {conversations} WHERE visitor_key = ?',
			[ first.session.id ]
		);
		expect( open[ 0 ]?.n ).toBe( 1 );
	} );

	it( 'answers a catch-up in pages after an id', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const acks = [];
		for ( const n of [ 1, 2, 3 ] ) {
			acks.push( await say( visitor, `line ${ n }` ) );
		}
		const all = await visitorSync( visitor.socket, 0 );
		expect( all.messages.map( ( m ) => m.body ) ).toEqual( [
			'line 1',
			'line 2',
			'line 3',
		] );
		expect( all.more ).toBe( false );
		expect( all.conversation ).toMatchObject( { status: 'open' } );
		const after = await visitorSync(
			visitor.socket,
			acks[ 0 ]?.message.id
		);
		expect( after.messages.map( ( m ) => m.body ) ).toEqual( [
			'line 2',
			'line 3',
		] );

		const agent = await chatAgent( sidecar.port, viewToken() );
		const sync = await agentCall< {
			messages: ChatMessage[];
			conversations: Conversation[];
		} >( agent.socket, 'chat:sync', {
			after_id: acks[ 0 ]?.message.id,
		} );
		expect( sync.messages.map( ( m ) => m.body ) ).toEqual(
			expect.arrayContaining( [ 'line 2', 'line 3' ] )
		);
		expect( sync.conversations.map( ( c ) => c.id ) ).toContain(
			acks[ 0 ]?.message.conversation_id
		);
	} );
} );

describe( 'who reaches what', () => {
	it( 'lets a visitor read and write only their own conversation', async () => {
		const alice = await chatVisitor( sidecar.port );
		const bob = await chatVisitor( sidecar.port );
		const aliceSays = await say( alice, 'secret order 1234' );
		const aliceConversation = aliceSays.message.conversation_id;

		// Bob names Alice's conversation and id: payload claims are ignored.
		const bobSays = await say( bob, 'hi', {
			conversation_id: aliceConversation,
			visitor_id: alice.session.id,
		} );
		expect( bobSays.message.conversation_id ).not.toBe( aliceConversation );
		const bobHistory = await visitorSync( bob.socket, 0 );
		expect( bobHistory.messages.map( ( m ) => m.body ) ).toEqual( [
			'hi',
		] );

		// Bob presenting Alice's id with a forged signature is a new visitor.
		const forged = await chatVisitor( sidecar.port, {
			id: alice.session.id,
			sig: 'A'.repeat( 43 ),
		} );
		expect( forged.session.id ).not.toBe( alice.session.id );
		expect( forged.status.conversation ).toBeNull();
		expect( ( await visitorSync( forged.socket, 0 ) ).messages ).toEqual(
			[]
		);
		// Reading up to Alice's message id marks nothing of hers.
		forged.socket.emit( 'chat:read', { up_to_id: aliceSays.message.id } );
		bob.socket.emit( 'chat:read', { up_to_id: aliceSays.message.id } );

		// An agent's reply to Alice reaches Alice only.
		const agent = await chatAgent( sidecar.port, chatToken() );
		const reply = sent(
			await agentCall< ChatSendResult >( agent.socket, 'chat:send', {
				conversation_id: aliceConversation,
				client_id: clientId(),
				body: 'for Alice only',
			} )
		);
		await until( () =>
			alice.messages.some( ( m ) => m.id === reply.message.id )
		);
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
		for ( const other of [ bob, forged ] ) {
			expect(
				other.messages.filter(
					( m ) => m.conversation_id === aliceConversation
				)
			).toEqual( [] );
		}
		const [ aliceRow ] = await rows(
			'SELECT read_at FROM {messages} WHERE id = ?',
			[ aliceSays.message.id ]
		);
		expect( aliceRow?.read_at ).toBeNull();
	} );

	it( 'refuses sending, archiving, assigning and typing to an agent without livedesk_chat', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const { message } = await say( visitor, 'anyone?' );
		const typing = record< VisitorTypingNotice >(
			visitor.socket,
			'chat:typing'
		);
		const viewer = await chatAgent( sidecar.port, viewToken() );
		const ref = { conversation_id: message.conversation_id };

		await expect(
			agentCall( viewer.socket, 'chat:send', {
				...ref,
				client_id: clientId(),
				body: 'I should not',
			} )
		).resolves.toMatchObject( { ok: false, code: 'forbidden' } );
		await expect(
			agentCall< ConversationResult >(
				viewer.socket,
				'chat:archive',
				ref
			)
		).resolves.toMatchObject( { ok: false, code: 'forbidden' } );
		await expect(
			agentCall( viewer.socket, 'chat:assign', {
				...ref,
				assignee: 'me',
			} )
		).resolves.toMatchObject( { ok: false, code: 'forbidden' } );
		viewer.socket.emit( 'chat:typing', { ...ref, typing: true } );

		// Reading is theirs to do.
		viewer.socket.emit( 'chat:read', { ...ref, up_to_id: message.id } );
		await until( () =>
			viewer.conversations.some(
				( c ) => c.id === ref.conversation_id && c.unread_count === 0
			)
		);
		const conversation = await conversationRow( ref.conversation_id );
		expect( conversation ).toMatchObject( {
			status: 'open',
			assigned_agent_id: null,
		} );
		const count = await rows(
			"SELECT COUNT(*) AS n FROM {messages} WHERE conversation_id = ? AND author <> 'visitor'",
			[ conversation?.id ]
		);
		expect( count[ 0 ]?.n ).toBe( 0 );
		expect( typing ).toEqual( [] );
	} );
} );

describe( 'assign', () => {
	it( 'assigns a conversation to the agent and back to nobody', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const { message } = await say( visitor, 'who will help me?' );
		const ref = { conversation_id: message.conversation_id };
		const agent = await chatAgent( sidecar.port, chatToken() );
		const watcher = await chatAgent( sidecar.port, viewToken() );
		await expect(
			agentCall( agent.socket, 'chat:assign', { ...ref, assignee: 'me' } )
		).resolves.toMatchObject( {
			ok: true,
			conversation: {
				assigned_agent_id: AGENT,
				assigned_agent_name: 'Ada Agent',
			},
		} );
		await until( () =>
			watcher.conversations.some(
				( c ) =>
					c.id === ref.conversation_id &&
					c.assigned_agent_id === AGENT
			)
		);
		await expect(
			agentCall( agent.socket, 'chat:assign', { ...ref, assignee: null } )
		).resolves.toMatchObject( {
			ok: true,
			conversation: { assigned_agent_id: null, assigned_agent_name: '' },
		} );
		await expect(
			agentCall( agent.socket, 'chat:assign', {
				conversation_id: 'f'.repeat( 32 ),
				assignee: 'me',
			} )
		).resolves.toMatchObject( { ok: false, code: 'not_found' } );
	} );
} );

describe( 'identity', () => {
	it( 'never verifies a forged, foreign or expired identity', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const tries: Array< [ unknown, IdentifyResult ] > = [
			[
				{ ...identity( { id: 'c-1' } ), name: 'Someone else' },
				{ verified: false, reason: 'bad_signature' },
			],
			[
				identity( { id: 'c-1' }, 'ff'.repeat( 32 ) ),
				{ verified: false, reason: 'bad_signature' },
			],
			[
				identity( { id: 'c-1', expires: 1_700_000_000 } ),
				{ verified: false, reason: 'expired' },
			],
			[
				{ id: 'c-1', signature: 'nope' },
				{ verified: false, reason: 'invalid' },
			],
		];
		for ( const [ payload, expected ] of tries ) {
			const answer = nextEvent< IdentifyResult >(
				visitor.socket,
				'chat:identity'
			);
			visitor.socket.emit( 'chat:identify', payload );
			await expect( answer ).resolves.toEqual( expected );
		}
		const { message } = await say( visitor, 'who am I?' );
		expect(
			await conversationRow( message.conversation_id )
		).toMatchObject( {
			verified: 0,
			identity_id: '',
			open_key: `v:${ visitor.session.id }`,
		} );

		// In the handshake too.
		const forged = connectVisitor( sidecar.port, {
			chat: true,
			identity: identity( { id: 'c-2' }, 'ee'.repeat( 32 ) ),
		} );
		await expect(
			nextEvent< IdentifyResult >( forged, 'chat:identity' )
		).resolves.toEqual( { verified: false, reason: 'bad_signature' } );
	} );

	it( 'verifies a signed identity and links the person’s devices', async () => {
		const person = identity( {
			id: 'customer-42',
			name: 'Ada',
			email: 'ada@example.com',
		} );
		const laptop = await chatVisitor( sidecar.port, { identity: person } );
		const { message } = await say( laptop, 'from my laptop' );
		expect(
			await conversationRow( message.conversation_id )
		).toMatchObject( {
			verified: 1,
			identity_id: 'customer-42',
			name: 'Ada',
			email: 'ada@example.com',
			open_key: 'i:customer-42',
		} );
		// Another browser, identified later: the same conversation.
		const phone = await chatVisitor( sidecar.port );
		const answer = nextEvent< IdentifyResult >(
			phone.socket,
			'chat:identity'
		);
		const status = nextMatching< VisitorChatStatus >(
			phone.socket,
			'chat:status',
			( st ) => st.conversation !== null
		);
		phone.socket.emit( 'chat:identify', person );
		await expect( answer ).resolves.toEqual( { verified: true } );
		await expect( status ).resolves.toMatchObject( {
			conversation: { id: message.conversation_id, verified: true },
		} );
		const fromPhone = await say( phone, 'and now from my phone' );
		expect( fromPhone.message.conversation_id ).toBe(
			message.conversation_id
		);
		await until( () =>
			laptop.messages.some( ( m ) => m.id === fromPhone.message.id )
		);
	} );

	it( 'refuses unverified chats when a verified identity is required', async () => {
		await setOption( 'livedesk_chat_require_verified', '1' );
		try {
			const visitor = await chatVisitor( sidecar.port );
			await expect(
				visitorSend( visitor.socket, {
					client_id: clientId(),
					body: 'let me in',
				} )
			).resolves.toMatchObject( {
				ok: false,
				code: 'identity_required',
				retryable: false,
			} );
			const none = await rows(
				'SELECT COUNT(*) AS n FROM {conversations} WHERE visitor_key = ?',
				[ visitor.session.id ]
			);
			expect( none[ 0 ]?.n ).toBe( 0 );

			const known = await chatVisitor( sidecar.port, {
				identity: identity( { id: 'vip-1' } ),
			} );
			await say( known, 'verified, so welcome' );
		} finally {
			await setOption( 'livedesk_chat_require_verified', '0' );
		}
	} );
} );

describe( 'profile and custom data', () => {
	it( 'keeps the pre-chat answers and the site’s data as text', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const hostile = '"><svg onload=alert(1)>';
		visitor.socket.emit( 'chat:data', { plan: 'pro', note: '<b>x</b>' } );
		const { message } = await say( visitor, 'hello', {
			profile: { name: hostile, email: 'eve@example.com' },
		} );
		const agent = await chatAgent( sidecar.port, viewToken() );
		visitor.socket.emit( 'chat:data', { plan: 'enterprise' } );
		await until( () =>
			agent.conversations.some(
				( c ) =>
					c.id === message.conversation_id &&
					c.custom_data.plan === 'enterprise'
			)
		);
		const latest = agent.conversations
			.filter( ( c ) => c.id === message.conversation_id )
			.pop();
		expect( latest ).toMatchObject( {
			name: hostile,
			email: 'eve@example.com',
			custom_data: { plan: 'enterprise', note: '<b>x</b>' },
		} );

		// The widget repeats both on every page: the same values change
		// nothing (no write, so no updated_at bump for the tails to push).
		const stamp = async () =>
			(
				await rows(
					'SELECT updated_at FROM {conversations} WHERE public_id = ?',
					[ message.conversation_id ]
				)
			)[ 0 ]?.updated_at;
		const before = await stamp();
		visitor.socket.emit( 'chat:data', { plan: 'enterprise' } );
		visitor.socket.emit( 'chat:profile', { email: 'eve@example.com' } );
		await new Promise( ( resolve ) => setTimeout( resolve, 300 ) );
		expect( await stamp() ).toEqual( before );

		const refused = nextEvent( visitor.socket, 'session:error' );
		visitor.socket.emit( 'chat:profile', { email: 'not an address' } );
		await expect( refused ).resolves.toMatchObject( {
			code: 'invalid_payload',
		} );
	} );
} );

describe( 'archive and presence', () => {
	async function presence() {
		const watcher = connect( sidecar.port, '/agent', {
			token: viewToken(),
		} );
		const snapshot = await nextEvent< PresenceSnapshot >(
			watcher,
			'presence:snapshot'
		);
		watcher.close();
		return snapshot;
	}

	it( 'shows a connected visitor with an open conversation as chatting, and archive frees the entry at once', async () => {
		const tab = connectVisitor( sidecar.port, {
			page: page( '/pricing' ),
		} );
		const session = await nextEvent< { id: string; sig: string } >(
			tab,
			'session:ready'
		);
		const chat = await chatVisitor( sidecar.port, {
			id: session.id,
			sig: session.sig,
		} );
		const before = await presence();
		const listed = before.visitors.find( ( v ) => v.id === session.id );
		expect( listed ).toMatchObject( { status: 'online' } );
		// The chat connection is not a tab.
		expect( listed?.tabs ).toHaveLength( 1 );

		const { message } = await say( chat, 'about pricing' );
		const agent = await chatAgent( sidecar.port, chatToken() );
		const updates = record< PresenceUpdate >(
			agent.socket,
			'presence:update'
		);
		const during = await presence();
		expect(
			during.visitors.find( ( v ) => v.id === session.id )
		).toMatchObject( { status: 'chatting', number: listed?.number } );
		expect(
			( await conversationRow( message.conversation_id ) )?.pages
		).toContain( '/pricing' );

		const status = nextMatching< VisitorChatStatus >(
			chat.socket,
			'chat:status',
			( st ) => st.conversation?.status === 'archived'
		);
		const archived = await agentCall< ConversationResult >(
			agent.socket,
			'chat:archive',
			{ conversation_id: message.conversation_id }
		);
		expect( archived ).toMatchObject( {
			ok: true,
			conversation: { status: 'archived' },
		} );
		await expect( status ).resolves.toMatchObject( {
			conversation: { id: message.conversation_id, status: 'archived' },
		} );
		await until(
			() => updates.some( ( u ) => u.removals.includes( session.id ) ),
			1000,
			'the removal'
		);
		await until( () =>
			chat.messages.some(
				( m ) =>
					m.author === 'system' && m.body === ARCHIVED_MESSAGE_BODY
			)
		);
		expect(
			( await presence() ).visitors.find( ( v ) => v.id === session.id )
		).toBeUndefined();
		// Archiving again changes nothing.
		await expect(
			agentCall( agent.socket, 'chat:archive', {
				conversation_id: message.conversation_id,
			} )
		).resolves.toMatchObject( { ok: true } );

		// Still on the site: the next page view lists them again, online.
		tab.emit( 'page:view', page( '/checkout' ) );
		await until(
			() =>
				updates.some( ( u ) =>
					u.upserts.some(
						( v ) => v.id === session.id && v.status === 'online'
					)
				),
			2000,
			'the visitor back'
		);
		// Their next message starts a new conversation.
		const next = await say( chat, 'one more question' );
		expect( next.message.conversation_id ).not.toBe(
			message.conversation_id
		);
	} );

	it( 'accepts chat connections with tracking off and never lists chat or playground connections', async () => {
		await setOption( 'livedesk_tracking', '0' );
		try {
			const tab = connectVisitor( sidecar.port, { page: page( '/' ) } );
			await expect( outcome( tab ) ).resolves.toMatchObject( {
				connected: false,
				code: 'tracking_off',
			} );
			const visitor = await chatVisitor( sidecar.port );
			await say( visitor, 'tracking is off, chat is not' );
		} finally {
			await setOption( 'livedesk_tracking', '1' );
		}
		const admin = await chatVisitor( sidecar.port );
		const playground = await chatVisitor( sidecar.port, {
			id: admin.session.id,
			sig: admin.session.sig,
			playground: signPlaygroundToken( admin.session.id, SECRET ),
		} );
		const { message } = await say( playground, 'testing replies' );
		expect(
			await conversationRow( message.conversation_id )
		).toMatchObject( { source: 'playground' } );
		expect(
			( await presence() ).visitors.map( ( v ) => v.id )
		).not.toContain( admin.session.id );
	} );
} );

describe( 'settings and status', () => {
	it( 'says whether an agent who may answer is online', async () => {
		const visitor = await chatVisitor( sidecar.port );
		expect( visitor.status.agents_online ).toBe( false );
		await chatAgent( sidecar.port, viewToken() );
		const online = nextMatching< VisitorChatStatus >(
			visitor.socket,
			'chat:status',
			( st ) => st.agents_online
		);
		const agent = await chatAgent( sidecar.port, chatToken() );
		await expect( online ).resolves.toMatchObject( {
			agents_online: true,
		} );
		const offline = nextMatching< VisitorChatStatus >(
			visitor.socket,
			'chat:status',
			( st ) => ! st.agents_online
		);
		agent.socket.close();
		await expect( offline ).resolves.toMatchObject( {
			agents_online: false,
		} );
	} );

	it( 'refuses messages with chat turned off', async () => {
		await setOption( 'livedesk_chat_enabled', '0' );
		try {
			const visitor = await chatVisitor( sidecar.port );
			await expect(
				visitorSend( visitor.socket, {
					client_id: clientId(),
					body: 'hello?',
				} )
			).resolves.toMatchObject( {
				ok: false,
				code: 'chat_disabled',
			} );
		} finally {
			await setOption( 'livedesk_chat_enabled', '1' );
		}
	} );
} );

describe( 'typing and read receipts', () => {
	it( 'passes a start, a stop and a new start in quick succession (typing right after a send)', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const { message } = await say( visitor, 'first' );
		const agent = await chatAgent( sidecar.port, chatToken() );
		const notices = record< AgentTypingNotice >(
			agent.socket,
			'chat:typing'
		);

		// The widget: typing, then "stopped" as the message goes, then typing again.
		visitor.socket.emit( 'chat:typing', { typing: true } );
		visitor.socket.emit( 'chat:typing', { typing: false } );
		visitor.socket.emit( 'chat:typing', { typing: true } );
		await until(
			() =>
				notices.filter(
					( n ) => n.conversation_id === message.conversation_id
				).length >= 3,
			5000,
			'three typing notices'
		);
		expect(
			notices
				.filter(
					( n ) => n.conversation_id === message.conversation_id
				)
				.map( ( n ) => n.typing )
		).toEqual( [ true, false, true ] );
	} );

	it( 'passes typing both ways and records reads', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const { message } = await say( visitor, 'question' );
		const agent = await chatAgent( sidecar.port, chatToken() );
		const ref = { conversation_id: message.conversation_id };

		const fromVisitor = nextMatching< AgentTypingNotice >(
			agent.socket,
			'chat:typing',
			( notice ) => notice.conversation_id === ref.conversation_id
		);
		visitor.socket.emit( 'chat:typing', { typing: true } );
		await expect( fromVisitor ).resolves.toEqual( {
			...ref,
			author: 'visitor',
			agent_id: null,
			agent_name: '',
			typing: true,
		} );
		const fromAgent = nextEvent< VisitorTypingNotice >(
			visitor.socket,
			'chat:typing'
		);
		agent.socket.emit( 'chat:typing', { ...ref, typing: true } );
		await expect( fromAgent ).resolves.toEqual( {
			typing: true,
			agent_name: 'Ada Agent',
		} );

		const receipt = nextEvent< ReadReceipt >( visitor.socket, 'chat:read' );
		agent.socket.emit( 'chat:read', { ...ref, up_to_id: message.id } );
		await expect( receipt ).resolves.toMatchObject( {
			...ref,
			by: 'agent',
			up_to_id: message.id,
		} );
		const [ row ] = await rows(
			'SELECT read_at FROM {messages} WHERE id = ?',
			[ message.id ]
		);
		expect( row?.read_at ).not.toBeNull();

		const reply = sent(
			await agentCall< ChatSendResult >( agent.socket, 'chat:send', {
				...ref,
				client_id: clientId(),
				body: 'answer',
			} )
		);
		const seen = nextMatching< ReadReceipt >(
			agent.socket,
			'chat:read',
			( read ) => read.conversation_id === ref.conversation_id
		);
		visitor.socket.emit( 'chat:read', { up_to_id: reply.message.id } );
		await expect( seen ).resolves.toMatchObject( {
			...ref,
			by: 'visitor',
		} );
	} );
} );

describe( 'the tail', () => {
	async function insertConversation( visitorId: string ) {
		const publicId = clientId()
			.replace( /[^a-f0-9]/g, '' )
			.padEnd( 32, 'a' )
			.slice( 0, 32 );
		const now = new Date().toISOString().slice( 0, 23 ).replace( 'T', ' ' );
		await rows(
			`INSERT INTO {conversations} (public_id, open_key, visitor_key, status, source, created_at, updated_at, last_message_at)
			VALUES (?, ?, ?, 'open', 'widget', ?, ?, ?)`,
			[ publicId, `v:${ visitorId }`, visitorId, now, now, now ]
		);
		const [ row ] = await rows(
			'SELECT id FROM {conversations} WHERE public_id = ?',
			[ publicId ]
		);
		return { rowId: row?.id as number, publicId };
	}

	function insertMessage(
		rowId: number,
		author: string,
		body: string,
		db: { query: ( sql: string, v: unknown[] ) => Promise< unknown > } = {
			query: ( sql, v ) => rows( sql, v ),
		}
	) {
		return db.query(
			`INSERT INTO {messages} (conversation_id, client_id, author, agent_id, body, created_at)
			VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`.replaceAll(
				'{messages}',
				`\`${ tables.name( 'livedesk_messages' ) }\``
			),
			[
				rowId,
				clientId(),
				author,
				author === 'agent' ? AGENT : null,
				body,
			]
		);
	}

	it( 'pushes what WordPress stored within about a second, once, even when committed out of order', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const agent = await chatAgent( sidecar.port, chatToken() );
		const { rowId, publicId } = await insertConversation(
			visitor.session.id
		);
		await insertMessage(
			rowId,
			'visitor',
			'sent through the REST fallback'
		);
		const started = Date.now();
		await until(
			() =>
				agent.messages.some(
					( m ) => m.body === 'sent through the REST fallback'
				) && agent.conversations.some( ( c ) => c.id === publicId ),
			1500,
			'the REST message at the agent'
		);
		expect( Date.now() - started ).toBeLessThan( 1500 );

		// A slow transaction takes an id, a later one commits first.
		const slow = await tables.pool.getConnection();
		try {
			await slow.beginTransaction();
			await insertMessage( rowId, 'agent', 'slow', {
				query: ( sql, v ) => slow.query( sql, v ),
			} );
			await insertMessage( rowId, 'agent', 'fast' );
			await until( () =>
				visitor.messages.some( ( m ) => m.body === 'fast' )
			);
			await new Promise( ( resolve ) => setTimeout( resolve, 400 ) );
			await slow.commit();
		} finally {
			slow.release();
		}
		await until(
			() => visitor.messages.some( ( m ) => m.body === 'slow' ),
			2000,
			'the late commit'
		);
		await new Promise( ( resolve ) => setTimeout( resolve, 500 ) );
		const bodies = visitor.messages.map( ( m ) => m.body );
		expect( bodies.filter( ( b ) => b === 'slow' ) ).toHaveLength( 1 );
		expect( bodies.filter( ( b ) => b === 'fast' ) ).toHaveLength( 1 );
		expect(
			agent.messages.filter( ( m ) => m.conversation_id === publicId )
		).toHaveLength( 3 );
		expect(
			visitor.messages.find( ( m ) => m.body === 'fast' )
		).toMatchObject( { agent_id: null, agent_name: 'Ada Agent' } );

		// Archived over REST: the visitor hears of it.
		const status = nextMatching< VisitorChatStatus >(
			visitor.socket,
			'chat:status',
			( st ) => st.conversation?.status === 'archived'
		);
		await rows(
			`UPDATE {conversations} SET status = 'archived', open_key = NULL, archived_at = UTC_TIMESTAMP(3), updated_at = UTC_TIMESTAMP(3) WHERE id = ?`,
			[ rowId ]
		);
		await expect( status ).resolves.toMatchObject( {
			conversation: { id: publicId, status: 'archived' },
		} );
	} );
} );
