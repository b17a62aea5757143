/**
 * Wires the live connection to the `livedesk/chat` store: pushes go into the
 * store, every (re)connect catches up with `chat:sync`, the outbox is sent,
 * and stale typing notices expire.
 */

/**
 * WordPress dependencies
 */
import {
	dispatch as defaultDispatch,
	select as defaultSelect,
	subscribe as defaultSubscribe,
} from '@wordpress/data';
import type { DataRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	AgentTypingNotice,
	ChatMessage,
	Conversation,
} from '../../../protocol';
import { defaultTimers } from '../../live/timers';
import type { Timers } from '../../live/timers';
import type { AgentConnectionLease } from '../../live/shared';
import { toChatMessage, toConversation } from './normalize';
import { setChatChannel } from './channel';
import { OutboxRunner, OUTBOX_ACK_TIMEOUT_MS, restSend } from './outbox';
import type { OutboxItem } from './types';
import { store } from './index';

/** A typing notice without a "stopped" is dropped after this long. */
export const TYPING_TTL_MS = 6000;

/** Most catch-up pages asked for in a row after one reconnect. */
export const SYNC_MAX_PAGES = 50;

/** Something an agent may want to hear about (a sound, a desktop notification). */
export type ChatNotice =
	| { kind: 'conversation'; conversation: Conversation }
	| {
			kind: 'message';
			message: ChatMessage;
			conversation: Conversation | null;
	  };

/** What startChat needs of the connection: a lease on the page's `/agent` connection. */
export type ChatSource = Pick<
	AgentConnectionLease,
	| 'open'
	| 'close'
	| 'getState'
	| 'isLive'
	| 'on'
	| 'sendMessage'
	| 'syncChat'
	| 'archiveConversation'
	| 'assignConversation'
	| 'sendTyping'
	| 'sendRead'
>;

/** Options of startChat. */
export interface StartChatOptions {
	connection: ChatSource;
	/** Registry holding the store; default: the default registry. */
	registry?: Pick< DataRegistry, 'dispatch' | 'select' | 'subscribe' >;
	/** The current user's id: their own typing notices are not shown. */
	userId?: number | null;
	/** Hears new conversations and visitor messages pushed live. */
	onNotice?: ( notice: ChatNotice ) => void;
	timers?: Timers;
	now?: () => number;
	/** Where to keep unsent messages across a reload; default sessionStorage. */
	storage?: Storage | null;
}

function sessionStore(): Storage | null {
	try {
		return typeof window === 'undefined' ? null : window.sessionStorage;
	} catch {
		return null; // blocked by the browser's privacy settings
	}
}

/**
 * Feeds the chat store from the live connection until the returned function
 * is called. Opens the connection (a lease: other users keep it open).
 *
 * @param options The connection and collaborators.
 * @return Stops feeding, sending and listening, and closes the lease.
 */
export function startChat( options: StartChatOptions ): () => void {
	const { connection, registry } = options;
	const actions = registry
		? registry.dispatch( store )
		: defaultDispatch( store );
	const selectors = registry
		? registry.select( store )
		: defaultSelect( store );
	const subscribe = ( listener: () => void ) =>
		registry
			? registry.subscribe( listener, store )
			: defaultSubscribe( listener, store );
	const timers = options.timers ?? defaultTimers;
	const now = options.now ?? Date.now;
	let stopped = false;
	let typingTimer: unknown = null;

	setChatChannel( connection );
	const runner = new OutboxRunner( {
		store: {
			getOutbox: () => selectors.getOutbox(),
			queueOutboxItem: actions.queueOutboxItem,
			sendingMessage: actions.sendingMessage,
			sendMessageFailed: actions.sendMessageFailed,
			receiveMessages: ( messages ) =>
				actions.receiveMessages( messages ),
			subscribe,
		},
		transport: {
			isLive: () => connection.isLive(),
			sendLive: ( item: OutboxItem ) =>
				connection.sendMessage(
					{
						conversation_id: item.conversation_id,
						client_id: item.client_id,
						body: item.body,
					},
					OUTBOX_ACK_TIMEOUT_MS
				),
			sendRest: restSend,
		},
		timers,
		storage:
			options.storage === undefined ? sessionStore() : options.storage,
	} );

	// One timer at a time; it runs while anyone is typing anywhere.
	const scheduleTypingExpiry = () => {
		if ( typingTimer !== null || stopped ) {
			return;
		}
		typingTimer = timers.set( () => {
			typingTimer = null;
			actions.expireTyping( now() - TYPING_TTL_MS );
			if ( selectors.hasTyping() ) {
				scheduleTypingExpiry();
			}
		}, TYPING_TTL_MS );
	};

	const refreshLists = () => {
		selectors
			.getLoadedQueries()
			.forEach( ( query ) => void actions.fetchList( query, 1 ) );
	};

	const catchUp = async () => {
		let after = selectors.getSyncCursor();
		if ( after === 0 ) {
			// Nothing known yet: what is listed is loaded fresh, pushes follow.
			refreshLists();
			return;
		}
		for ( let page = 0; page < SYNC_MAX_PAGES; page++ ) {
			const answer = await connection.syncChat( { after_id: after } );
			if ( stopped || answer === null ) {
				return; // the connection dropped again: the next connect retries
			}
			// A refusal (`ok: false`) or a malformed answer ends the catch-up.
			if (
				'ok' in answer ||
				! Array.isArray( answer.messages ) ||
				! Array.isArray( answer.conversations )
			) {
				break;
			}
			const conversations = ( answer.conversations as unknown[] )
				.map( toConversation )
				.filter( ( item ): item is Conversation => item !== null );
			const messages = ( answer.messages as unknown[] )
				.map( toChatMessage )
				.filter( ( item ): item is ChatMessage => item !== null );
			actions.receiveConversations( conversations, true );
			actions.receiveMessages( messages, true );
			const last = messages[ messages.length - 1 ];
			if ( ! answer.more || ! last || last.id <= after ) {
				break;
			}
			after = last.id;
		}
		// Assignments and other changes without a message are not in a catch-up.
		refreshLists();
	};

	const onMessage = ( pushed: ChatMessage ) => {
		const message = toChatMessage( pushed );
		if ( ! message ) {
			return;
		}
		const known = selectors.hasMessage(
			message.conversation_id,
			message.id
		);
		if ( ! selectors.getConversation( message.conversation_id ) ) {
			// Its conversation was not pushed (yet): ask once, so it is listed.
			void actions.loadConversation( message.conversation_id );
		}
		actions.receiveMessages( [ message ], true );
		if ( ! known && message.author === 'visitor' ) {
			options.onNotice?.( {
				kind: 'message',
				message,
				conversation: selectors.getConversation(
					message.conversation_id
				),
			} );
		}
	};

	const onConversation = ( pushed: Conversation ) => {
		const conversation = toConversation( pushed );
		if ( ! conversation ) {
			return;
		}
		const known = selectors.getConversation( conversation.id );
		actions.receiveConversations( [ conversation ], true );
		if ( ! known && conversation.status === 'open' ) {
			options.onNotice?.( { kind: 'conversation', conversation } );
		}
	};

	const onTyping = ( notice: AgentTypingNotice ) => {
		if (
			notice.author === 'agent' &&
			options.userId &&
			notice.agent_id === options.userId
		) {
			return; // this agent, in another tab
		}
		actions.receiveTyping( notice, now() );
		if ( notice.typing ) {
			scheduleTypingExpiry();
		}
	};

	actions.setChatConnection( connection.getState() );
	const stops = [
		connection.on( 'status', ( state ) => {
			actions.setChatConnection( state );
			runner.wake(); // switch transports at once
		} ),
		connection.on( 'connect', () => void catchUp() ),
		connection.on( 'chatMessage', onMessage ),
		connection.on( 'chatConversation', onConversation ),
		connection.on( 'chatTyping', onTyping ),
		connection.on( 'chatRead', ( receipt ) =>
			actions.receiveRead( receipt )
		),
	];
	runner.start();
	connection.open();

	return () => {
		if ( stopped ) {
			return;
		}
		stopped = true;
		stops.forEach( ( stop ) => stop() );
		runner.stop();
		if ( typingTimer !== null ) {
			timers.clear( typingTimer );
			typingTimer = null;
		}
		setChatChannel( null );
		connection.close();
	};
}
