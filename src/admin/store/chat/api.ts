/**
 * The chat routes of the REST API (docs/chat.md "REST"); every answer goes
 * through the normalisers before it reaches the store.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ChatMessage,
	Conversation,
	VisitorIdentity,
} from '../../../protocol';
import { getBootConfig } from '../../boot';
import { UnexpectedResponseError } from '../settings/api';
import { isRecord, toChatMessage, toConversation } from './normalize';
import { LIST_PAGE_SIZE } from './query';
import type { ConversationQuery } from './types';

export { toChatMessage, toConversation } from './normalize';

/** Messages asked for per request when loading a conversation's history. */
export const MESSAGES_PAGE_SIZE = 200;

/**
 * The error for an answer that is not what was asked for.
 *
 * @param what The expected answer, for developers (the error's `cause`).
 */
export function unexpected( what: string ): UnexpectedResponseError {
	return new UnexpectedResponseError(
		__(
			'The server answered, but not with what LiveDesk expected.',
			'livedesk'
		),
		{ cause: what }
	);
}

function conversationOrThrow( value: unknown ): Conversation {
	// Some answers wrap it: `{ conversation: … }` (as the socket acks do).
	const conversation =
		toConversation( value ) ??
		( isRecord( value ) ? toConversation( value.conversation ) : null );
	if ( ! conversation ) {
		throw unexpected( 'conversation' );
	}
	return conversation;
}

function messageOrThrow( value: unknown ): ChatMessage {
	const message =
		toChatMessage( value ) ??
		( isRecord( value ) ? toChatMessage( value.message ) : null );
	if ( ! message ) {
		throw unexpected( 'message' );
	}
	return message;
}

/** The REST namespace's path, e.g. `/livedesk/v1`. */
export function base(): string {
	return `/${ getBootConfig().restNamespace }`;
}

function conversationPath( id: string, rest = '' ): string {
	return `${ base() }/conversations/${ encodeURIComponent( id ) }${ rest }`;
}

/** One page of a listing. */
export interface ConversationPageResult {
	conversations: Conversation[];
	hasMore: boolean;
}

/**
 * `GET conversations`: one page of a tab, optionally searched.
 *
 * @param query   Tab and search.
 * @param page    1-based page.
 * @param perPage Conversations per page.
 */
export async function fetchConversations(
	query: ConversationQuery,
	page: number,
	perPage = LIST_PAGE_SIZE
): Promise< ConversationPageResult > {
	const params = new URLSearchParams( {
		status: query.status,
		page: String( page ),
		per_page: String( perPage ),
	} );
	if ( query.search !== '' ) {
		params.set( 'search', query.search );
	}
	const answer: unknown = await apiFetch( {
		path: `${ base() }/conversations?${ params.toString() }`,
	} );
	if ( ! Array.isArray( answer ) ) {
		throw unexpected( 'conversations' );
	}
	const conversations = answer
		.map( toConversation )
		.filter( ( item ): item is Conversation => item !== null );
	return { conversations, hasMore: answer.length >= perPage };
}

/**
 * `GET conversations/{id}`.
 *
 * @param id Public id.
 */
export async function fetchConversation( id: string ): Promise< Conversation > {
	return conversationOrThrow(
		await apiFetch( { path: conversationPath( id ) } )
	);
}

/** Messages of a conversation after an id. */
export interface MessagesPage {
	messages: ChatMessage[];
	/** Whether more follow (ask again after the last id). */
	more: boolean;
}

/**
 * `GET conversations/{id}/messages?after_id=&limit=`.
 *
 * @param id      Public id.
 * @param afterId Only messages after this id.
 * @param limit   At most this many.
 */
export async function fetchMessages(
	id: string,
	afterId: number,
	limit = MESSAGES_PAGE_SIZE
): Promise< MessagesPage > {
	const params = new URLSearchParams( {
		after_id: String( afterId ),
		limit: String( limit ),
	} );
	const answer: unknown = await apiFetch( {
		path: conversationPath( id, `/messages?${ params.toString() }` ),
	} );
	// A bare list, or `{ messages, more }`.
	let list: unknown[] | null = null;
	if ( Array.isArray( answer ) ) {
		list = answer;
	} else if ( isRecord( answer ) && Array.isArray( answer.messages ) ) {
		list = answer.messages;
	}
	if ( ! list ) {
		throw unexpected( 'messages' );
	}
	const messages = list
		.map( toChatMessage )
		.filter( ( message ): message is ChatMessage => message !== null );
	const more =
		isRecord( answer ) && typeof answer.more === 'boolean'
			? answer.more
			: list.length >= limit;
	return { messages, more };
}

/**
 * `POST conversations/{id}/messages`: stores the message once per `client_id`
 * (a retry answers 200 with the stored message).
 *
 * @param id                Public id.
 * @param message           Body and client id.
 * @param message.body
 * @param message.client_id
 */
export async function postMessage(
	id: string,
	message: { body: string; client_id: string }
): Promise< ChatMessage > {
	return messageOrThrow(
		await apiFetch( {
			path: conversationPath( id, '/messages' ),
			method: 'POST',
			data: message,
		} )
	);
}

/**
 * `POST conversations/{id}/archive`.
 *
 * @param id Public id.
 */
export async function postArchive( id: string ): Promise< Conversation > {
	return conversationOrThrow(
		await apiFetch( {
			path: conversationPath( id, '/archive' ),
			method: 'POST',
		} )
	);
}

/**
 * `POST conversations/{id}/assign`.
 *
 * @param id       Public id.
 * @param assignee `me`, or null to hand it back.
 */
export async function postAssign(
	id: string,
	assignee: 'me' | null
): Promise< Conversation > {
	return conversationOrThrow(
		await apiFetch( {
			path: conversationPath( id, '/assign' ),
			method: 'POST',
			data: { assignee },
		} )
	);
}

/**
 * `POST conversations/{id}/read`: the agent read up to a message. Resolves to
 * the conversation as it is now, when the server sends it.
 *
 * @param id     Public id.
 * @param upToId Highest message id read.
 */
export async function postRead(
	id: string,
	upToId: number
): Promise< Conversation | null > {
	return toConversation(
		await apiFetch( {
			path: conversationPath( id, '/read' ),
			method: 'POST',
			data: { up_to_id: upToId },
		} )
	);
}

/** A playground visitor for an admin's test chat. */
export interface PlaygroundGrant {
	visitor: VisitorIdentity;
	/** WordPress's signature over the visitor id (the handshake's `playground`). */
	playground: string;
}

/** `POST playground`: a fresh visitor identity and its playground token. */
export async function postPlayground(): Promise< PlaygroundGrant > {
	const answer: unknown = await apiFetch( {
		path: `${ base() }/playground`,
		method: 'POST',
	} );
	if (
		isRecord( answer ) &&
		isRecord( answer.visitor ) &&
		typeof answer.visitor.id === 'string' &&
		typeof answer.visitor.sig === 'string' &&
		typeof answer.playground === 'string'
	) {
		return {
			visitor: { id: answer.visitor.id, sig: answer.visitor.sig },
			playground: answer.playground,
		};
	}
	throw unexpected( 'playground' );
}
