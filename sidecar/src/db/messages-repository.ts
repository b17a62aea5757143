/**
 * `{prefix}livedesk_messages` (migration 3, docs/chat.md): one row per
 * message, unique per (conversation, client id), ids in storage order. Reads
 * join the conversation only for its public id, which is what leaves the
 * server.
 */

/**
 * Internal dependencies
 */
import type { MessageAuthor } from '../../../src/protocol';
import { clip } from '../persist/sql';
import type { SqlValue } from '../persist/sql';
import { fromDbTime, idList, select, toDbTime, write } from './chat-sql';
import type { Queryable, Row } from './chat-sql';
import { tableName } from './table-name';

/** Longest client message id (the column is varchar(64)). */
const CLIENT_ID_SIZE = 64;

/** A stored message as the sidecar handles it; times are ISO strings. */
export interface MessageRecord {
	id: number;
	/** Row id of the conversation. */
	conversationRowId: number;
	/** Public id of the conversation. */
	conversationId: string;
	clientId: string;
	author: MessageAuthor;
	agentId: number | null;
	body: string;
	createdAt: string;
	readAt: string | null;
}

/** A message to store. */
export interface NewMessage {
	conversationRowId: number;
	clientId: string;
	author: MessageAuthor;
	agentId: number | null;
	body: string;
	/** Unix milliseconds. */
	time: number;
}

const AUTHORS: readonly MessageAuthor[] = [ 'visitor', 'agent', 'system' ];

const COLUMNS =
	'm.id, m.conversation_id, m.client_id, m.author, m.agent_id, m.body, m.created_at, m.read_at, c.public_id';

function positiveInteger( value: unknown ): number | null {
	const number = typeof value === 'string' ? Number( value ) : value;
	return typeof number === 'number' &&
		Number.isSafeInteger( number ) &&
		number > 0
		? number
		: null;
}

function toRecord( row: Row ): MessageRecord {
	const author = AUTHORS.includes( row.author as MessageAuthor )
		? ( row.author as MessageAuthor )
		: 'system';
	return {
		id: Number( row.id ),
		conversationRowId: Number( row.conversation_id ),
		conversationId: String( row.public_id ),
		clientId: String( row.client_id ),
		author,
		agentId: positiveInteger( row.agent_id ),
		body: String( row.body ?? '' ),
		createdAt: fromDbTime( row.created_at ) ?? new Date( 0 ).toISOString(),
		readAt: fromDbTime( row.read_at ),
	};
}

function limitOf( limit: number ): number {
	if ( ! Number.isSafeInteger( limit ) || limit < 1 || limit > 10_000 ) {
		throw new RangeError( `limit must be 1..10000, got ${ limit }` );
	}
	return limit;
}

/** SQL of `{prefix}livedesk_messages`. */
export class MessagesRepository {
	/** Fully qualified table name. */
	readonly table: string;
	private readonly conversations: string;
	private readonly from: string;

	constructor( tablePrefix: string ) {
		this.table = tableName( tablePrefix, 'livedesk_messages' );
		this.conversations = tableName( tablePrefix, 'livedesk_conversations' );
		this.from = `\`${ this.table }\` m JOIN \`${ this.conversations }\` c ON c.id = m.conversation_id`;
	}

	/**
	 * The message a conversation already holds under this client id.
	 *
	 * @param db                Pool or connection.
	 * @param conversationRowId Conversation row id.
	 * @param clientId          Client message id.
	 */
	async findByClientId(
		db: Queryable,
		conversationRowId: number,
		clientId: string
	): Promise< MessageRecord | null > {
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM ${ this.from } WHERE m.conversation_id = ? AND m.client_id = ?`,
			[ conversationRowId, clientId ]
		);
		return rows[ 0 ] ? toRecord( rows[ 0 ] ) : null;
	}

	/**
	 * A visitor's message with this client id in any conversation of the
	 * visitor (or of their verified identity): a retry that arrives after
	 * its conversation was archived is answered from here, not stored anew.
	 *
	 * @param db         Pool or connection.
	 * @param visitorKey The visitor id.
	 * @param identityId A verified identity id, or ''.
	 * @param clientId   Client message id.
	 */
	async findVisitorMessage(
		db: Queryable,
		visitorKey: string,
		identityId: string,
		clientId: string
	): Promise< MessageRecord | null > {
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.conversations }\` c
			JOIN \`${ this.table }\` m ON m.conversation_id = c.id AND m.client_id = ?
			WHERE c.visitor_key = ? AND m.author = 'visitor'
			UNION
			SELECT ${ COLUMNS } FROM \`${ this.conversations }\` c
			JOIN \`${ this.table }\` m ON m.conversation_id = c.id AND m.client_id = ?
			WHERE c.identity_id = ? AND c.identity_id <> '' AND c.verified = 1 AND m.author = 'visitor'
			LIMIT 1`,
			[ clientId, visitorKey, clientId, identityId ]
		);
		return rows[ 0 ] ? toRecord( rows[ 0 ] ) : null;
	}

	/**
	 * Inserts a message and returns its id. A duplicate (conversation,
	 * client id) throws ER_DUP_ENTRY; callers look first, inside the same
	 * transaction, with the conversation row locked.
	 *
	 * @param db      Connection in a transaction.
	 * @param message The message.
	 */
	async insert( db: Queryable, message: NewMessage ): Promise< number > {
		const result = await write(
			db,
			`INSERT INTO \`${ this.table }\` (conversation_id, client_id, author, agent_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			[
				message.conversationRowId,
				clip( message.clientId, CLIENT_ID_SIZE ),
				message.author,
				message.agentId,
				message.body,
				toDbTime( message.time ),
			]
		);
		return result.insertId;
	}

	/**
	 * Messages after an id, oldest first: of one conversation, or of all.
	 *
	 * @param db                Pool or connection.
	 * @param afterId           Exclusive lower bound.
	 * @param limit             Most rows.
	 * @param conversationRowId Only this conversation, when given.
	 */
	async after(
		db: Queryable,
		afterId: number,
		limit: number,
		conversationRowId?: number
	): Promise< MessageRecord[] > {
		const values: SqlValue[] = [ afterId ];
		let where = 'm.id > ?';
		if ( conversationRowId !== undefined ) {
			where = 'm.conversation_id = ? AND m.id > ?';
			values.unshift( conversationRowId );
		}
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM ${ this.from } WHERE ${ where } ORDER BY m.id LIMIT ${ limitOf(
				limit
			) }`,
			values
		);
		return rows.map( toRecord );
	}

	/**
	 * The tail's read: messages above an id, plus the listed ids below it that
	 * were not committed yet when it last looked.
	 *
	 * @param db      Pool.
	 * @param afterId Exclusive lower bound.
	 * @param gaps    Ids below it still awaited.
	 * @param limit   Most rows above `afterId`.
	 */
	async tail(
		db: Queryable,
		afterId: number,
		gaps: readonly number[],
		limit: number
	): Promise< MessageRecord[] > {
		const above = await this.after( db, afterId, limit );
		if ( gaps.length === 0 ) {
			return above;
		}
		const { marks, values } = idList( gaps );
		const late = await select(
			db,
			`SELECT ${ COLUMNS } FROM ${ this.from } WHERE m.id IN (${ marks })`,
			values
		);
		return [ ...late.map( toRecord ), ...above ].sort(
			( a, b ) => a.id - b.id
		);
	}

	/**
	 * The highest message id stored (0 for none).
	 *
	 * @param db Pool or connection.
	 */
	async maxId( db: Queryable ): Promise< number > {
		const rows = await select(
			db,
			`SELECT COALESCE(MAX(id), 0) AS id FROM \`${ this.table }\``
		);
		return Number( rows[ 0 ]?.id ?? 0 );
	}

	/**
	 * Marks the other side's messages up to an id as read, once.
	 *
	 * @param db                Pool or connection.
	 * @param conversationRowId Conversation row id.
	 * @param upToId            Inclusive upper bound.
	 * @param authors           Whose messages the reader read.
	 * @param time              Unix milliseconds.
	 * @return How many messages became read.
	 */
	async markRead(
		db: Queryable,
		conversationRowId: number,
		upToId: number,
		authors: readonly MessageAuthor[],
		time: number
	): Promise< number > {
		const marks = authors.map( () => '?' ).join( ', ' );
		const result = await write(
			db,
			`UPDATE \`${ this.table }\` SET read_at = ? WHERE conversation_id = ? AND id <= ? AND read_at IS NULL AND author IN (${ marks })`,
			[ toDbTime( time ), conversationRowId, upToId, ...authors ]
		);
		return result.affectedRows;
	}

	/**
	 * The newest message of each conversation.
	 *
	 * @param db                 Pool or connection.
	 * @param conversationRowIds Conversation row ids.
	 */
	async newest(
		db: Queryable,
		conversationRowIds: readonly number[]
	): Promise< Map< number, MessageRecord > > {
		const newest = new Map< number, MessageRecord >();
		if ( conversationRowIds.length === 0 ) {
			return newest;
		}
		const { marks, values } = idList( conversationRowIds );
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM ${ this.from }
			JOIN (SELECT conversation_id, MAX(id) AS id FROM \`${ this.table }\` WHERE conversation_id IN (${ marks }) GROUP BY conversation_id) newest
			ON newest.id = m.id`,
			values
		);
		for ( const record of rows.map( toRecord ) ) {
			newest.set( record.conversationRowId, record );
		}
		return newest;
	}

	/**
	 * Visitor messages no agent has read, per conversation.
	 *
	 * @param db                 Pool or connection.
	 * @param conversationRowIds Conversation row ids.
	 */
	async unreadCounts(
		db: Queryable,
		conversationRowIds: readonly number[]
	): Promise< Map< number, number > > {
		const counts = new Map< number, number >();
		if ( conversationRowIds.length === 0 ) {
			return counts;
		}
		const { marks, values } = idList( conversationRowIds );
		const rows = await select(
			db,
			`SELECT conversation_id, COUNT(*) AS unread FROM \`${ this.table }\`
			WHERE conversation_id IN (${ marks }) AND author = 'visitor' AND read_at IS NULL
			GROUP BY conversation_id`,
			values
		);
		for ( const row of rows ) {
			counts.set( Number( row.conversation_id ), Number( row.unread ) );
		}
		return counts;
	}
}
