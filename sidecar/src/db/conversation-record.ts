/**
 * A `{prefix}livedesk_conversations` row as the sidecar handles it, and how a
 * stored row becomes one: JSON columns parsed defensively (the row may have
 * been written by another version), times as ISO strings.
 */

/**
 * Internal dependencies
 */
import type {
	ChatCustomData,
	ConversationPage,
	ConversationSource,
	ConversationStatus,
	ConversationVisitorSnapshot,
} from '../../../src/protocol';
import { fromDbTime } from './chat-sql';
import type { Row } from './chat-sql';

/** A conversation row as the sidecar handles it; times are ISO strings. */
export interface ConversationRecord {
	rowId: number;
	/** Public id (32 hex). */
	id: string;
	openKey: string | null;
	visitorKey: string;
	status: ConversationStatus;
	source: ConversationSource;
	name: string;
	email: string;
	identityId: string;
	verified: boolean;
	customData: ChatCustomData;
	assignedAgentId: number | null;
	visitor: ConversationVisitorSnapshot;
	createdAt: string;
	updatedAt: string;
	/** `updated_at` exactly as stored, for the tail's comparisons. */
	updatedAtRaw: string;
	lastMessageAt: string | null;
	archivedAt: string | null;
}

/** What a new conversation starts with. */
export interface NewConversation {
	openKey: string;
	visitorKey: string;
	source: ConversationSource;
	name: string;
	email: string;
	identityId: string;
	verified: boolean;
	customData: ChatCustomData;
	visitor: ConversationVisitorSnapshot;
	/** Unix milliseconds. */
	time: number;
}

/** Column sizes of migration 3, in characters. */
export const SIZES = {
	name: 100,
	email: 254,
	identity_id: 191,
	ip: 45,
	country: 2,
	region: 80,
	city: 120,
	timezone: 64,
	browser: 64,
	os: 64,
	device: 32,
	language: 35,
} as const;

export const SNAPSHOT_FIELDS = [
	'ip',
	'country',
	'region',
	'city',
	'timezone',
	'browser',
	'os',
	'device',
	'language',
] as const;

export const COLUMNS = [
	'id',
	'public_id',
	'open_key',
	'visitor_key',
	'status',
	'source',
	'name',
	'email',
	'identity_id',
	'verified',
	'custom_data',
	'assigned_agent_id',
	...SNAPSHOT_FIELDS,
	'pages',
	'last_seen',
	'created_at',
	'updated_at',
	'last_message_at',
	'archived_at',
].join( ', ' );

const SOURCES: readonly ConversationSource[] = [
	'widget',
	'api',
	'playground',
];

function parseJson( text: unknown ): unknown {
	if ( typeof text !== 'string' || text === '' ) {
		return null;
	}
	try {
		return JSON.parse( text );
	} catch {
		return null;
	}
}

function customDataOf( text: unknown ): ChatCustomData {
	const data: ChatCustomData = Object.create( null ) as ChatCustomData;
	const parsed = parseJson( text );
	if ( typeof parsed === 'object' && parsed !== null ) {
		for ( const [ key, value ] of Object.entries( parsed ) ) {
			if ( typeof value === 'string' ) {
				data[ key ] = value;
			}
		}
	}
	return data;
}

function pagesOf( text: unknown ): ConversationPage[] {
	const parsed = parseJson( text );
	if ( ! Array.isArray( parsed ) ) {
		return [];
	}
	return parsed
		.filter(
			( page ): page is ConversationPage =>
				typeof page === 'object' &&
				page !== null &&
				typeof page.path === 'string' &&
				typeof page.title === 'string' &&
				typeof page.viewed_at === 'string'
		)
		.map( ( page ) => ( {
			path: page.path,
			title: page.title,
			viewed_at: page.viewed_at,
		} ) )
		.slice( 0, 10 );
}

function str( value: unknown ): string {
	return typeof value === 'string' ? value : '';
}

/**
 * A stored row as a record.
 *
 * @param row The row, read with DATETIMEs as strings.
 */
export function toRecord( row: Row ): ConversationRecord {
	const visitor: ConversationVisitorSnapshot = {
		ip: '',
		country: '',
		region: '',
		city: '',
		timezone: '',
		browser: '',
		os: '',
		device: '',
		language: '',
		pages: pagesOf( row.pages ),
		last_seen: fromDbTime( row.last_seen ),
	};
	for ( const field of SNAPSHOT_FIELDS ) {
		visitor[ field ] = str( row[ field ] );
	}
	const agent = Number( row.assigned_agent_id );
	return {
		rowId: Number( row.id ),
		id: str( row.public_id ),
		openKey: typeof row.open_key === 'string' ? row.open_key : null,
		visitorKey: str( row.visitor_key ),
		status: row.status === 'archived' ? 'archived' : 'open',
		source: SOURCES.includes( row.source as ConversationSource )
			? ( row.source as ConversationSource )
			: 'widget',
		name: str( row.name ),
		email: str( row.email ),
		identityId: str( row.identity_id ),
		verified: Number( row.verified ) === 1,
		customData: customDataOf( row.custom_data ),
		assignedAgentId:
			row.assigned_agent_id !== null && agent > 0 ? agent : null,
		visitor,
		createdAt: fromDbTime( row.created_at ) ?? '',
		updatedAt: fromDbTime( row.updated_at ) ?? '',
		updatedAtRaw: str( row.updated_at ),
		lastMessageAt: fromDbTime( row.last_message_at ),
		archivedAt: fromDbTime( row.archived_at ),
	};
}

/**
 * The JSON stored in `pages`: at most 10, newest first.
 *
 * @param pages The snapshot's pages.
 */
export function pagesJson( pages: readonly ConversationPage[] ): string {
	return JSON.stringify( pages.slice( 0, 10 ) );
}
