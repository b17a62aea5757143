/**
 * The delivery promise under faults (issue 6): no ack before the commit, a
 * sidecar killed with SIGKILL mid-conversation, MariaDB restarted
 * mid-conversation. Clients are outboxes that behave as docs/chat.md says;
 * each fault test prints one line with what was sent, stored and received,
 * and the lost and duplicated counts.
 */

/**
 * External dependencies
 */
import { randomBytes } from 'node:crypto';

/**
 * Internal dependencies
 */
import type { ChatSendResult, VisitorIdentity } from '../../src/protocol';
import { signVisitorId } from '../src/auth/visitor-identity';
import { startSidecar } from '../src/server';
import type { SidecarHandle } from '../src/server';
import {
	AgentOutbox,
	VisitorOutbox,
	agentToken,
	chatVisitor,
	clientId,
	until,
	visitorSend,
} from './helpers/chat';
import { ChatTables } from './helpers/chat-tables';
import {
	buildSidecar,
	exitCode,
	spawnSidecar,
	waitForLog,
} from './helpers/child';
import type { SidecarProcess } from './helpers/child';
import { closeClients } from './helpers/client';
import { OptionsTable, sidecarConfig, testDbFromEnv } from './helpers/db';
import type { TestDb } from './helpers/db';
import {
	freePort,
	retrying,
	startDatabase,
	stopDatabase,
} from './helpers/faults';

const PREFIX = 'sctest_chatfault_';
const SECRET = '8c'.repeat( 32 );
const AGENT = 11;
const VISITOR_MESSAGES = 10;
const AGENT_MESSAGES = 30;
/** Fault tests wait for a restart (the sidecar loads its geo data for seconds). */
const FAULT_TIMEOUT_MS = 60_000;

let db: TestDb;
let options: OptionsTable;
let tables: ChatTables;
const outboxes: Array< { close: () => void } > = [];
const processes: SidecarProcess[] = [];

function newVisitor(): VisitorIdentity {
	const id = randomBytes( 16 ).toString( 'hex' );
	return { id, sig: signVisitorId( id, SECRET ) };
}

function track< T extends { close: () => void } >( outbox: T ): T {
	outboxes.push( outbox );
	return outbox;
}

const sleep = ( ms: number ) =>
	new Promise( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * What ended up where, for one conversation.
 * @param conversationId
 * @param visitor
 * @param agent
 * @param sent
 * @param sent.visitor
 * @param sent.agent
 */
async function tally(
	conversationId: string,
	visitor: VisitorOutbox,
	agent: AgentOutbox,
	sent: { visitor: string[]; agent: string[] }
) {
	const stored = await retrying( () =>
		tables.query(
			`SELECT m.id, m.client_id, m.author FROM {messages} m
			JOIN {conversations} c ON c.id = m.conversation_id
			WHERE c.public_id = ?`,
			[ conversationId ]
		)
	);
	const all = [ ...sent.visitor, ...sent.agent ];
	const anywhere = await retrying( () =>
		tables.query(
			`SELECT client_id, COUNT(*) AS n FROM {messages} WHERE client_id IN (${ all
				.map( () => '?' )
				.join( ', ' ) }) GROUP BY client_id`,
			all
		)
	);
	const storedIds = ( author: string ) =>
		new Set(
			stored
				.filter( ( row ) => row.author === author )
				.map( ( row ) => String( row.client_id ) )
		);
	const received = ( box: VisitorOutbox | AgentOutbox, author: string ) =>
		new Set(
			[ ...box.received.values() ]
				.filter( ( m ) => m.author === author )
				.map( ( m ) => m.client_id )
		);
	const byVisitor = storedIds( 'visitor' );
	const byAgent = storedIds( 'agent' );
	const lost = all.filter(
		( id ) => ! byVisitor.has( id ) && ! byAgent.has( id )
	).length;
	const duplicated =
		anywhere.reduce( ( sum, row ) => sum + Number( row.n ) - 1, 0 ) +
		( stored.length - new Set( stored.map( ( r ) => r.client_id ) ).size );
	return {
		visitorSent: sent.visitor.length,
		visitorStored: byVisitor.size,
		agentReceived: [ ...received( agent, 'visitor' ) ].filter( ( id ) =>
			byVisitor.has( id )
		).length,
		agentSent: sent.agent.length,
		agentStored: byAgent.size,
		visitorReceived: [ ...received( visitor, 'agent' ) ].filter( ( id ) =>
			byAgent.has( id )
		).length,
		lost,
		duplicated,
		pushedTwice: visitor.pushedTwice + agent.pushedTwice,
	};
}

function summary(
	fault: string,
	counts: Awaited< ReturnType< typeof tally > >
) {
	// The note quotes this line.

	console.log(
		`[delivery fault] ${ fault }: visitor sent ${ counts.visitorSent }, stored ${ counts.visitorStored }, agent received ${ counts.agentReceived }; ` +
			`agent sent ${ counts.agentSent }, stored ${ counts.agentStored }, visitor received ${ counts.visitorReceived }; ` +
			`lost ${ counts.lost }, duplicated ${ counts.duplicated } (pushed twice to one client: ${ counts.pushedTwice })`
	);
}

/**
 * A conversation between an outbox visitor and an outbox agent on `port`:
 * the agent sends AGENT_MESSAGES, one every 20 ms, the visitor one every
 * third of those (10 in all: its rate limit is 10 per 10 s); `during` runs a
 * third of the way.
 *
 * @param port   Sidecar port (the same after a restart).
 * @param during The fault, while messages are in flight.
 */
async function converse( port: number, during: () => Promise< void > ) {
	const visitor = track( new VisitorOutbox( port, newVisitor() ) );
	const sent = {
		visitor: [ visitor.enqueue( 'hello' ) ],
		agent: [] as string[],
	};
	await until( () => visitor.acked.size === 1, 5000, 'the first message' );
	const conversationId = [ ...visitor.acked.values() ][ 0 ]
		?.conversation_id as string;
	const agent = track(
		new AgentOutbox( port, agentToken( SECRET, AGENT ), conversationId )
	);
	await until( () => agent.socket.connected, 5000, 'the agent' );
	let fault: Promise< void > | undefined;
	for ( let n = 1; n <= AGENT_MESSAGES; n++ ) {
		// Spread over the whole run, so some are in flight at the fault.
		if ( n % 3 === 0 && sent.visitor.length < VISITOR_MESSAGES ) {
			sent.visitor.push( visitor.enqueue( `visitor ${ n }` ) );
		}
		sent.agent.push( agent.enqueue( `agent ${ n }` ) );
		if ( n === Math.floor( AGENT_MESSAGES / 3 ) ) {
			fault = during();
		}
		await sleep( 20 );
	}
	await fault;
	await until(
		() => visitor.pending === 0 && agent.pending === 0,
		20_000,
		'every message acknowledged'
	);
	// Both sides catch up once more (as after any reconnect), then settle.
	await visitor.catchUp();
	await agent.catchUp();
	await sleep( 500 );
	return { visitor, agent, sent, conversationId };
}

beforeAll( async () => {
	db = testDbFromEnv();
	options = await OptionsTable.create( db, PREFIX );
	tables = await ChatTables.create( db, PREFIX );
	await options.setSecret( SECRET );
	await options.set( 'home', 'http://site.test' );
	await tables.addUser( AGENT, 'Fay Fault' );
} );

afterEach( async () => {
	for ( const outbox of outboxes.splice( 0 ) ) {
		outbox.close();
	}
	closeClients();
	for ( const proc of processes.splice( 0 ) ) {
		if ( proc.child.exitCode === null && proc.child.signalCode === null ) {
			proc.child.kill( 'SIGKILL' );
		}
	}
} );

afterAll( async () => {
	await retrying( async () => {
		await tables?.dispose();
		await options?.dispose();
	} );
} );

describe( 'no ack before commit', () => {
	let sidecar: SidecarHandle;

	beforeAll( async () => {
		sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
	} );

	afterAll( async () => {
		await sidecar?.close();
	} );

	it( 'waits for a locked messages table and acks once the row is committed', async () => {
		const visitor = await chatVisitor( sidecar.port );
		const first = await visitorSend( visitor.socket, {
			client_id: clientId(),
			body: 'before the lock',
		} );
		expect( first.ok ).toBe( true );

		const locker = await tables.pool.getConnection();
		const message = { client_id: clientId(), body: 'during the lock' };
		let acked: ChatSendResult | undefined;
		let lockedAt = 0;
		try {
			await locker.query(
				`LOCK TABLES \`${ tables.name( 'livedesk_messages' ) }\` WRITE`
			);
			lockedAt = Date.now();
			void visitorSend( visitor.socket, message ).then( ( ack ) => {
				acked = ack;
			} );
			await sleep( 1200 );
			// Held up by the lock: no answer, and no row.
			expect( acked ).toBeUndefined();
			const [ held ] = await locker.query(
				`SELECT COUNT(*) AS n FROM \`${ tables.name(
					'livedesk_messages'
				) }\` WHERE client_id = ?`,
				[ message.client_id ]
			);
			expect( ( held as Array< { n: number } > )[ 0 ]?.n ).toBe( 0 );
		} finally {
			await locker.query( 'UNLOCK TABLES' );
			locker.release();
		}
		await until( () => acked !== undefined, 5000, 'the ack' );
		expect( acked ).toMatchObject( { ok: true } );
		const waited = Date.now() - lockedAt;
		const [ row ] = await tables.query(
			'SELECT COUNT(*) AS n FROM {messages} WHERE client_id = ?',
			[ message.client_id ]
		);
		expect( row?.n ).toBe( 1 );
		expect( waited ).toBeGreaterThanOrEqual( 1200 );
	} );
} );

describe( 'faults mid-conversation', () => {
	it(
		'loses and duplicates nothing when the sidecar is killed with SIGKILL',
		async () => {
			buildSidecar();
			const port = await freePort();
			const env = {
				LIVEDESK_DB_SOCKET: db.socketPath,
				LIVEDESK_DB_USER: db.user,
				LIVEDESK_DB_PASSWORD: db.password,
				LIVEDESK_DB_NAME: db.database,
				LIVEDESK_TABLE_PREFIX: PREFIX,
				LIVEDESK_PORT: String( port ),
				LIVEDESK_CHAT_TAIL_MS: '200',
			};
			const start = async () => {
				const proc = spawnSidecar( env );
				processes.push( proc );
				await waitForLog( proc, 'chat tail started' );
				return proc;
			};
			const first = await start();
			let downFor = 0;
			const { visitor, agent, sent, conversationId } = await converse(
				port,
				async () => {
					first.child.kill( 'SIGKILL' );
					await expect( exitCode( first, 5000 ) ).resolves.toBeNull();
					const killedAt = Date.now();
					await sleep( 300 );
					await start();
					downFor = Date.now() - killedAt;
				}
			);
			const counts = await tally( conversationId, visitor, agent, sent );
			summary(
				`sidecar kill -9 (down ${ downFor } ms, ${
					visitor.attempts + agent.attempts
				} sends for ${ sent.visitor.length + sent.agent.length } messages)`,
				counts
			);
			expect( counts ).toMatchObject( {
				visitorStored: sent.visitor.length,
				agentReceived: sent.visitor.length,
				agentStored: sent.agent.length,
				visitorReceived: sent.agent.length,
				lost: 0,
				duplicated: 0,
				pushedTwice: 0,
			} );
		},
		FAULT_TIMEOUT_MS
	);

	it(
		'refuses while MariaDB restarts, then stores each message once',
		async () => {
			const sidecar = await startSidecar( sidecarConfig( db, PREFIX ) );
			let downFor = 0;
			try {
				const { visitor, agent, sent, conversationId } = await converse(
					sidecar.port,
					async () => {
						const stoppedAt = Date.now();
						await stopDatabase();
						await sleep( 500 );
						await startDatabase();
						downFor = Date.now() - stoppedAt;
					}
				);
				const refusals = [ ...visitor.refusals, ...agent.refusals ];
				const counts = await tally(
					conversationId,
					visitor,
					agent,
					sent
				);
				summary(
					`MariaDB restart (down ${ downFor } ms, ${
						refusals.length
					} error acks)`,
					counts
				);
				expect( refusals.length ).toBeGreaterThan( 0 );
				expect(
					new Set(
						refusals.map( ( r ) => `${ r.code } ${ r.retryable }` )
					)
				).toEqual( new Set( [ 'storage_unavailable true' ] ) );
				expect( counts ).toMatchObject( {
					visitorStored: sent.visitor.length,
					agentReceived: sent.visitor.length,
					agentStored: sent.agent.length,
					visitorReceived: sent.agent.length,
					lost: 0,
					duplicated: 0,
					pushedTwice: 0,
				} );
			} finally {
				await sidecar.close();
			}
		},
		FAULT_TIMEOUT_MS
	);
} );
