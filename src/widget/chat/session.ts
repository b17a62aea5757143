/**
 * Internal dependencies
 */
import { EVENTS } from '../../protocol';
import type {
	ChatCustomData,
	ChatFailure,
	ChatProfile,
	ChatSendResult,
	SignedIdentity,
	VisitorAuth,
	VisitorChatStatus,
	VisitorChatSync,
	VisitorConversation,
	VisitorTypingNotice,
} from '../../protocol';
import { OPEN_FLAG, writeFlag } from '../launcher/flags';
import { createDelivery } from './delivery';
import { createIdentities } from './identities';
import type { ItemsInput } from './items';
import { createMessageStore } from './messages';
import type { OutboxItem } from './outbox';
import type { PhaseInput } from './phase';
import { createReceipts } from './receipts';
import { visitorHeaders } from './rest';
import { cleanCustomData, cleanIdentity, fetchWpIdentity } from './site-api';
import { chatStorage, loggedIn } from './support';
import { createTransport } from './transport';
import type { ChatOptions, ChatState } from './types';
import { createVisitorIdRequest } from './visitor-id';

/** How long an agent's typing shows without news (a lost "stopped" must not stick). */
export const TYPING_SHOWN_MS = 8000;

/** Options of {@link createChatSession}. */
export interface SessionOptions {
	options: ChatOptions;
	win: Window;
	fetch: typeof fetch;
	/** Shared with the view: what the panel shows depends on it. */
	state: ChatState;
	/** Whether the visitor can see the panel now. */
	showing: () => boolean;
	/** Something the panel shows changed. */
	onChange: () => void;
	/** The server refused a message for good. */
	onRefused: ( failure: ChatFailure ) => void;
}

/** The visitor's chat without its view: messages, delivery, transport, identity. */
export interface ChatSession {
	/** What the message list is made of (strings and time format aside). */
	items: () => Omit< ItemsInput, 'strings' | 'time' >;
	/** What the panel's phase depends on (settings aside). */
	phaseInput: () => Omit<
		PhaseInput,
		'requireVerified' | 'emailCapture' | 'offlineSent' | 'ended'
	>;
	/** The agents' typing notice, or null. */
	agentTyping: () => VisitorTypingNotice | null;
	/** The identity the visitor presents (site's or plugin's), or null. */
	identity: () => SignedIdentity | null;
	/** Headers of the visitor's own REST requests. */
	headers: () => Record< string, string >;
	/** Queues a message (with the pre-chat answers when it starts the conversation). */
	add: ( body: string, profile?: ChatProfile ) => void;
	/** Queues a refused message again (by its list key), as a new message. */
	retry: ( key: string ) => void;
	/** Says whether the visitor is typing; false when it could not be sent. */
	typing: ( typing: boolean ) => boolean;
	/** The visitor sees the panel (again): read receipts and the unread count. */
	seen: () => void;
	/** Asks for what is new (e.g. after the offline form joined the conversation). */
	sync: () => void;
	identify: ( value: unknown ) => void;
	setData: ( value: unknown ) => void;
	close: () => void;
}

/**
 * Starts the visitor's chat: its own `/visitor` connection (or the REST
 * fallback), the outbox and its delivery, the message store, read receipts,
 * the typing notice, and the identities (the site's `LiveDesk.identify()`,
 * the plugin's for a logged-in user).
 *
 * @param session See {@link SessionOptions}.
 */
export function createChatSession( session: SessionOptions ): ChatSession {
	const { options, win, state, onChange } = session;
	const { identity, outbox } = chatStorage( win, options.visitor );
	const store = createMessageStore();
	const ended: ItemsInput[ 'ended' ][ number ][] = [];
	let refused: OutboxItem[] = [];
	let agentTyping: VisitorTypingNotice | null = null;
	let typingTimer: ReturnType< typeof setTimeout > | undefined;
	let customData: ChatCustomData = {};
	// A logged-in WordPress user is identified by the plugin before the
	// first message goes.
	let identityPending =
		!! options.ajaxUrl && ! options.visitor && loggedIn( win.document );

	const identities = createIdentities( ( signed ) =>
		transport.emit( EVENTS.chatIdentify, signed )
	);
	const receipts = createReceipts( {
		store,
		showing: session.showing,
		sendRead: ( upTo ) =>
			transport.emit( EVENTS.chatRead, { up_to_id: upTo } ),
		onUnread: options.onUnread,
	} );
	const headers = () =>
		visitorHeaders(
			identity.load(),
			identities.active(),
			options.playground
		);
	const remember = ( on: boolean ) => {
		// A test chat in wp-admin must not make the site's launcher reopen.
		if ( ! options.visitor ) {
			writeFlag( win, 'localStorage', OPEN_FLAG, on );
		}
	};

	const setConversation = ( next: VisitorConversation | null ) => {
		const current = state.conversation;
		const live = next?.status === 'open' ? next : null;
		if ( current && current.id !== live?.id ) {
			// The conversation we had ended (archived, here or while away).
			const last = store.list()[ store.list().length - 1 ];
			if ( last?.author !== 'system' ) {
				ended.push( {
					key: 'ended:' + current.id,
					after: store.lastId(),
				} );
			}
			state.ended = ! live;
		}
		state.conversation = live;
		state.identified = state.identified || !! live?.verified;
		if ( live && ( live.name || live.email ) ) {
			state.profile = state.profile ?? {};
		}
		remember( !! live );
	};

	const received = ( messages: readonly unknown[] ) => {
		const added = store.merge( messages );
		added.forEach( ( m ) => {
			delivery.stored( m );
			if ( m.author === 'agent' ) {
				agentTyping = null;
			}
		} );
		if ( added.length ) {
			transport.poke();
			receipts.markRead();
		}
	};

	const typingNotice = ( notice: Record< string, unknown > ) => {
		clearTimeout( typingTimer );
		agentTyping =
			notice.typing === true
				? ( notice as unknown as VisitorTypingNotice )
				: null;
		typingTimer = setTimeout( () => {
			agentTyping = null;
			onChange();
		}, TYPING_SHOWN_MS );
	};

	const onEvent = ( name: string, data: unknown ) => {
		const d = ( data ?? {} ) as Record< string, unknown >;
		switch ( name ) {
			case EVENTS.sessionReady:
				identity.save( data );
				break;
			case EVENTS.chatStatus:
				state.agentsOnline = d.agents_online === true;
				setConversation(
					( d as unknown as VisitorChatStatus ).conversation ?? null
				);
				break;
			case EVENTS.chatHistory: {
				const sync = d as unknown as VisitorChatSync;
				setConversation( sync.conversation ?? null );
				received( Array.isArray( sync.messages ) ? sync.messages : [] );
				if ( sync.more === true ) {
					transport.sync();
				}
				break;
			}
			case EVENTS.chatMessage:
				received( [ data ] );
				break;
			case EVENTS.chatAck:
				if ( typeof d.client_id === 'string' ) {
					delivery.ack( d as unknown as ChatSendResult );
				}
				break;
			case EVENTS.chatTyping:
				typingNotice( d );
				break;
			case EVENTS.chatRead:
				if ( d.by === 'agent' && typeof d.up_to_id === 'number' ) {
					receipts.agentsRead( d.up_to_id );
				}
				break;
			case EVENTS.chatIdentity:
				state.identified = state.identified || d.verified === true;
				break;
			default:
				return;
		}
		onChange();
	};

	// Over REST the plugin needs a signed visitor id: a first-time visitor
	// who never reached the sidecar gets one from the plugin.
	const visitorId = createVisitorIdRequest( {
		fetch: session.fetch,
		restUrl: options.restUrl,
		store: identity,
		wanted: () => transport.mode() === 'rest',
		onAnswer( stored ) {
			if ( stored ) {
				transport.sync();
				delivery.pump();
			}
			onChange();
		},
		random: options.random,
	} );
	const restReady = () => transport.mode() !== 'rest' || !! identity.load();

	const delivery = createDelivery( {
		outbox,
		send: ( item ) =>
			! identityPending &&
			restReady() &&
			transport.send( {
				client_id: item.client_id,
				body: item.body,
				...( item.profile ? { profile: item.profile } : {} ),
			} ),
		onStored( message ) {
			store.merge( [ message ] );
			// The message started or joined a conversation; its details
			// follow in chat:status.
			if ( ! state.conversation && message.conversation_id ) {
				setConversation( {
					id: message.conversation_id,
					status: 'open',
					name: '',
					email: '',
					verified: false,
				} );
			}
		},
		onRefused( item, failure ) {
			refused = [ ...refused, item ];
			session.onRefused( failure );
		},
		onChange,
		random: options.random,
	} );

	const auth = (): VisitorAuth => {
		const visitor = identity.load();
		if ( ! visitor ) {
			identity.claim();
		}
		const signed = identities.forHandshake();
		return {
			...( visitor ? { id: visitor.id, sig: visitor.sig } : {} ),
			chat: true,
			...( signed ? { identity: signed } : {} ),
			...( options.playground ? { playground: options.playground } : {} ),
		};
	};

	const transport = createTransport( {
		sidecarUrl: options.sidecarUrl,
		restUrl: options.restUrl,
		win,
		fetch: session.fetch,
		WebSocket: options.WebSocket,
		random: options.random,
		auth,
		headers,
		lastId: () => store.lastId(),
		canPoll: () => !! identity.load(),
		waiting: identity.waiting,
		onEvent,
		onReady() {
			if ( ! restReady() ) {
				visitorId.ensure();
			}
			transport.sync();
			identities.present();
			if ( Object.keys( customData ).length ) {
				transport.emit( EVENTS.chatData, customData );
			}
			receipts.markRead();
			delivery.pump();
			onChange();
		},
		onDown: () => delivery.interrupted(),
		onMode: onChange,
	} );

	if ( identityPending && options.ajaxUrl ) {
		void fetchWpIdentity(
			session.fetch,
			options.ajaxUrl,
			options.restUrl
		).then( ( signed ) => {
			identityPending = false;
			identities.setWordPress( signed );
			onChange();
			delivery.pump();
		} );
	}

	const add = ( body: string, profile?: ChatProfile ) => {
		state.ended = false;
		outbox.add( body, profile );
		transport.poke();
		onChange();
		delivery.pump();
	};

	return {
		items: () => ( {
			messages: store.list(),
			outbox: outbox.items(),
			refused,
			ended,
			seenUpTo: receipts.seenUpTo(),
			outboxState: delivery.state,
		} ),
		phaseInput: () => ( {
			idle: ! state.conversation && ! outbox.items().length,
			agentsOnline: state.agentsOnline,
			// Over REST the plugin needs the signed visitor id: the offline
			// form only when the plugin could not give one either.
			canChat: restReady() || ! visitorId.failed(),
			identified: state.identified || !! identities.active(),
			profileGiven: state.profile !== null,
		} ),
		agentTyping: () => agentTyping,
		identity: identities.active,
		headers,
		add,
		retry( key ) {
			const item = refused.find( ( r ) => 'm:' + r.client_id === key );
			if ( item ) {
				refused = refused.filter( ( r ) => r !== item );
				add( item.body );
			}
		},
		typing: ( typing ) => transport.emit( EVENTS.chatTyping, { typing } ),
		seen() {
			receipts.markRead();
			receipts.countUnread();
		},
		sync: () => transport.sync(),
		identify( value ) {
			const signed = cleanIdentity( value );
			if ( signed ) {
				identities.setSite( signed );
				onChange();
			}
		},
		setData( value ) {
			customData = cleanCustomData( {
				...customData,
				...cleanCustomData( value ),
			} );
			transport.emit( EVENTS.chatData, customData );
		},
		close() {
			transport.close();
			visitorId.stop();
			identity.release();
			delivery.stop();
			clearTimeout( typingTimer );
		},
	};
}
