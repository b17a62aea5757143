/**
 * `{prefix}livedesk_conversations` (migration 3, docs/chat.md). A visitor (or
 * verified identity) has at most one open conversation: `open_key` is
 * `v:<visitor id>` or `i:<identity id>` while it is open and NULL once
 * archived, under a UNIQUE key, so two "first messages" at once cannot start
 * two conversations. Every change moves `updated_at`, which the tail reads.
 */

/**
 * External dependencies
 */
import { randomBytes } from 'node:crypto';

/**
 * Internal dependencies
 */
import type {
	ChatCustomData,
	ChatProfile,
	ConversationStatus,
} from '../../../src/protocol';
import { clip } from '../persist/sql';
import type { SqlValue } from '../persist/sql';
import { idList, isDuplicateKey, select, toDbTime, write } from './chat-sql';
import type { Queryable } from './chat-sql';
import {
	COLUMNS,
	SIZES,
	SNAPSHOT_FIELDS,
	pagesJson,
	toRecord,
} from './conversation-record';
import { identityOpenKey } from '../chat/keys';
import type { VerifiedIdentity } from '../chat/identity';
import type {
	ConversationRecord,
	NewConversation,
} from './conversation-record';
import { tableName } from './table-name';

export type {
	ConversationRecord,
	NewConversation,
} from './conversation-record';

/** A verified identity as stored: id, and name / e-mail ('' when not given). */
export type StoredIdentity = Pick< VerifiedIdentity, 'id' | 'name' | 'email' >;

/**
 * Every change moves `updated_at` forward by at least 1 ms, so two changes
 * never share one: the tail tells changes apart by it.
 */
const TOUCH =
	'updated_at = GREATEST(updated_at + INTERVAL 1000 MICROSECOND, ?)';

/** Times a new conversation is tried before giving up (a public id collision, a race). */
const CREATE_ATTEMPTS = 3;

/** SQL of `{prefix}livedesk_conversations`. */
export class ConversationsRepository {
	/** Fully qualified table name. */
	readonly table: string;

	constructor( tablePrefix: string ) {
		this.table = tableName( tablePrefix, 'livedesk_conversations' );
	}

	/**
	 * The open conversation under the first of `keys` that has one.
	 *
	 * @param db   Pool or connection.
	 * @param keys Open keys in order of preference (`i:…` before `v:…`).
	 */
	async findOpen(
		db: Queryable,
		keys: readonly string[]
	): Promise< ConversationRecord | null > {
		if ( keys.length === 0 ) {
			return null;
		}
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.table }\` WHERE open_key IN (${ keys
				.map( () => '?' )
				.join( ', ' ) })`,
			[ ...keys ]
		);
		const records = rows.map( toRecord );
		for ( const key of keys ) {
			const found = records.find( ( record ) => record.openKey === key );
			if ( found ) {
				return found;
			}
		}
		return null;
	}

	/**
	 * The open conversation under `init.openKey`, created when there is none.
	 * Two callers racing both try to insert; the unique `open_key` lets one
	 * win and the other reads the winner's row.
	 *
	 * @param db   Pool (each statement commits on its own).
	 * @param init The new conversation, if one is needed.
	 */
	async openOrGet(
		db: Queryable,
		init: NewConversation
	): Promise< { record: ConversationRecord; created: boolean } > {
		for ( let attempt = 1; ; attempt++ ) {
			const existing = await this.findOpen( db, [ init.openKey ] );
			if ( existing ) {
				return { record: existing, created: false };
			}
			const publicId = randomBytes( 16 ).toString( 'hex' );
			try {
				await this.insert( db, publicId, init );
			} catch ( error ) {
				// Lost the race (or, once in 2^64, the public id): read again.
				if ( isDuplicateKey( error ) && attempt < CREATE_ATTEMPTS ) {
					continue;
				}
				throw error;
			}
			const created = await this.byPublicId( db, publicId );
			if ( created ) {
				return { record: created, created: true };
			}
		}
	}

	private async insert(
		db: Queryable,
		publicId: string,
		init: NewConversation
	): Promise< void > {
		const time = toDbTime( init.time );
		const columns: Array< [ string, SqlValue ] > = [
			[ 'public_id', publicId ],
			[ 'open_key', init.openKey ],
			[ 'visitor_key', init.visitorKey ],
			[ 'status', 'open' ],
			[ 'source', init.source ],
			[ 'name', clip( init.name, SIZES.name ) ],
			[ 'email', clip( init.email, SIZES.email ) ],
			[ 'identity_id', clip( init.identityId, SIZES.identity_id ) ],
			[ 'verified', init.verified ? 1 : 0 ],
			[ 'custom_data', JSON.stringify( init.customData ) ],
			...SNAPSHOT_FIELDS.map( ( field ): [ string, SqlValue ] => [
				field,
				clip( init.visitor[ field ], SIZES[ field ] ),
			] ),
			[ 'pages', pagesJson( init.visitor.pages ) ],
			[ 'last_seen', time ],
			[ 'created_at', time ],
			[ 'updated_at', time ],
		];
		await write(
			db,
			`INSERT INTO \`${ this.table }\` (${ columns
				.map( ( [ name ] ) => name )
				.join( ', ' ) }) VALUES (${ columns
				.map( () => '?' )
				.join( ', ' ) })`,
			columns.map( ( [ , value ] ) => value )
		);
	}

	/**
	 * One conversation by public id.
	 *
	 * @param db       Pool or connection.
	 * @param publicId 32 hex characters.
	 */
	async byPublicId(
		db: Queryable,
		publicId: string
	): Promise< ConversationRecord | null > {
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.table }\` WHERE public_id = ?`,
			[ publicId ]
		);
		return rows[ 0 ] ? toRecord( rows[ 0 ] ) : null;
	}

	/**
	 * Conversations by row id (any order).
	 *
	 * @param db     Pool or connection.
	 * @param rowIds Row ids.
	 */
	async byRowIds(
		db: Queryable,
		rowIds: readonly number[]
	): Promise< ConversationRecord[] > {
		if ( rowIds.length === 0 ) {
			return [];
		}
		const { marks, values } = idList( rowIds );
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.table }\` WHERE id IN (${ marks })`,
			values
		);
		return rows.map( toRecord );
	}

	/**
	 * Locks a conversation row until the transaction ends and returns its
	 * status (null when it does not exist): messages and archiving take this
	 * lock, so a message never lands in a conversation archived meanwhile.
	 *
	 * @param db    Connection in a transaction.
	 * @param rowId Row id.
	 */
	async lockStatus(
		db: Queryable,
		rowId: number
	): Promise< ConversationStatus | null > {
		const rows = await select(
			db,
			`SELECT status FROM \`${ this.table }\` WHERE id = ? FOR UPDATE`,
			[ rowId ]
		);
		const status = rows[ 0 ]?.status;
		if ( status === undefined ) {
			return null;
		}
		return status === 'archived' ? 'archived' : 'open';
	}

	/**
	 * Records a new message: `last_message_at`, and `last_seen` when the
	 * visitor wrote it.
	 *
	 * @param db        Connection in a transaction.
	 * @param rowId     Row id.
	 * @param time      Unix milliseconds.
	 * @param byVisitor The visitor wrote it.
	 */
	async touchMessage(
		db: Queryable,
		rowId: number,
		time: number,
		byVisitor: boolean
	): Promise< void > {
		const at = toDbTime( time );
		await write(
			db,
			`UPDATE \`${ this.table }\` SET last_message_at = GREATEST(COALESCE(last_message_at, ?), ?), ${ TOUCH }${
				byVisitor ? ', last_seen = ?' : ''
			} WHERE id = ?`,
			byVisitor ? [ at, at, at, at, rowId ] : [ at, at, at, rowId ]
		);
	}

	/**
	 * Marks the conversation as changed (e.g. its unread count moved).
	 *
	 * @param db    Pool or connection.
	 * @param rowId Row id.
	 * @param time  Unix milliseconds.
	 */
	async touch( db: Queryable, rowId: number, time: number ): Promise< void > {
		const at = toDbTime( time );
		await write(
			db,
			`UPDATE \`${ this.table }\` SET ${ TOUCH } WHERE id = ?`,
			[ at, rowId ]
		);
	}

	/**
	 * The pre-chat form's name and e-mail (unverified conversations only: a
	 * verified identity's details are not the visitor's to change).
	 *
	 * @param db      Pool or connection.
	 * @param rowId   Row id.
	 * @param profile The given fields.
	 * @param time    Unix milliseconds.
	 * @return Whether the row changed.
	 */
	async setProfile(
		db: Queryable,
		rowId: number,
		profile: ChatProfile,
		time: number
	): Promise< boolean > {
		const sets: string[] = [];
		const values: SqlValue[] = [];
		if ( profile.name !== undefined ) {
			sets.push( 'name = ?' );
			values.push( clip( profile.name, SIZES.name ) );
		}
		if ( profile.email !== undefined ) {
			sets.push( 'email = ?' );
			values.push( clip( profile.email, SIZES.email ) );
		}
		if ( sets.length === 0 ) {
			return false;
		}
		const result = await write(
			db,
			`UPDATE \`${ this.table }\` SET ${ sets.join(
				', '
			) }, ${ TOUCH } WHERE id = ? AND verified = 0`,
			[ ...values, toDbTime( time ), rowId ]
		);
		return result.affectedRows > 0;
	}

	/**
	 * Replaces the custom data.
	 *
	 * @param db    Pool or connection.
	 * @param rowId Row id.
	 * @param data  Key → value strings (already bounded).
	 * @param time  Unix milliseconds.
	 */
	async setCustomData(
		db: Queryable,
		rowId: number,
		data: ChatCustomData,
		time: number
	): Promise< void > {
		await write(
			db,
			`UPDATE \`${ this.table }\` SET custom_data = ?, ${ TOUCH } WHERE id = ?`,
			[ JSON.stringify( data ), toDbTime( time ), rowId ]
		);
	}

	/**
	 * Records a verified identity on an open conversation, and moves its
	 * open key to the identity's when no other conversation of that identity
	 * is open (so the person's other devices find it).
	 *
	 * @param db       Pool or connection.
	 * @param rowId    Row id.
	 * @param identity Verified id, name and e-mail.
	 * @param time     Unix milliseconds.
	 */
	async setIdentity(
		db: Queryable,
		rowId: number,
		identity: StoredIdentity,
		time: number
	): Promise< void > {
		const at = toDbTime( time );
		const name = clip( identity.name, SIZES.name );
		const email = clip( identity.email, SIZES.email );
		const sql = `UPDATE \`${ this.table }\` SET identity_id = ?, verified = 1,
			name = IF(? <> '', ?, name), email = IF(? <> '', ?, email), ${ TOUCH }`;
		const values = [
			clip( identity.id, SIZES.identity_id ),
			name,
			name,
			email,
			email,
			at,
		];
		try {
			await write(
				db,
				`${ sql }, open_key = ? WHERE id = ? AND status = 'open'`,
				[ ...values, identityOpenKey( identity.id ), rowId ]
			);
		} catch ( error ) {
			if ( ! isDuplicateKey( error ) ) {
				throw error;
			}
			// The identity has another open conversation: keep this one's key.
			await write( db, `${ sql } WHERE id = ? AND status = 'open'`, [
				...values,
				rowId,
			] );
		}
	}

	/**
	 * Archives an open conversation: status, `archived_at`, and `open_key`
	 * cleared so the visitor's next message starts a new one.
	 *
	 * @param db    Connection in a transaction.
	 * @param rowId Row id.
	 * @param time  Unix milliseconds.
	 * @return Whether it was open (false: already archived or missing).
	 */
	async archive(
		db: Queryable,
		rowId: number,
		time: number
	): Promise< boolean > {
		const at = toDbTime( time );
		const result = await write(
			db,
			`UPDATE \`${ this.table }\` SET status = 'archived', open_key = NULL, archived_at = ?, ${ TOUCH } WHERE id = ? AND status = 'open'`,
			[ at, at, rowId ]
		);
		return result.affectedRows > 0;
	}

	/**
	 * Assigns the conversation to an agent, or to nobody.
	 *
	 * @param db      Pool or connection.
	 * @param rowId   Row id.
	 * @param agentId WordPress user id, or null.
	 * @param time    Unix milliseconds.
	 */
	async assign(
		db: Queryable,
		rowId: number,
		agentId: number | null,
		time: number
	): Promise< void > {
		await write(
			db,
			`UPDATE \`${ this.table }\` SET assigned_agent_id = ?, ${ TOUCH } WHERE id = ?`,
			[ agentId, toDbTime( time ), rowId ]
		);
	}

	/**
	 * When the visitor was last connected (chat connections come and go).
	 *
	 * @param db    Pool or connection.
	 * @param rowId Row id.
	 * @param time  Unix milliseconds.
	 */
	async touchLastSeen(
		db: Queryable,
		rowId: number,
		time: number
	): Promise< void > {
		await write(
			db,
			`UPDATE \`${ this.table }\` SET last_seen = ? WHERE id = ? AND status = 'open'`,
			[ toDbTime( time ), rowId ]
		);
	}

	/**
	 * Conversations changed at or after a stored `updated_at`, oldest change
	 * first (the tail).
	 *
	 * @param db    Pool.
	 * @param floor A stored `updated_at` string.
	 * @param limit Most rows.
	 */
	async changedSince(
		db: Queryable,
		floor: string,
		limit: number
	): Promise< ConversationRecord[] > {
		if ( ! Number.isSafeInteger( limit ) || limit < 1 ) {
			throw new RangeError( `limit must be positive, got ${ limit }` );
		}
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.table }\` WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ${ limit }`,
			[ floor ]
		);
		return rows.map( toRecord );
	}

	/**
	 * The newest `updated_at` stored, as stored ('' when empty).
	 *
	 * @param db Pool.
	 */
	async latestUpdate( db: Queryable ): Promise< string > {
		const rows = await select(
			db,
			`SELECT MAX(updated_at) AS updated_at FROM \`${ this.table }\``
		);
		const value: unknown = rows[ 0 ]?.updated_at;
		return typeof value === 'string' ? value : '';
	}

	/**
	 * Every open conversation (the chat directory at start).
	 *
	 * @param db Pool.
	 */
	async allOpen( db: Queryable ): Promise< ConversationRecord[] > {
		const rows = await select(
			db,
			`SELECT ${ COLUMNS } FROM \`${ this.table }\` WHERE status = 'open'`
		);
		return rows.map( toRecord );
	}
}
