/**
 * The chat events of a chat connection on `/visitor` (docs/chat.md). The
 * conversation is always the one of this connection's verified visitor id or
 * verified identity (its open keys), never one a payload names. Answers to
 * `chat:send` are `chat:ack` events, sent only once the message is committed;
 * when the database fails the answer says `storage_unavailable` and that a
 * retry may work.
 */

/**
 * Internal dependencies
 */
import {
	CHAT_RATE_MESSAGES,
	CHAT_RATE_WINDOW_MS,
	EVENTS,
	checkChatCustomData,
	checkChatProfile,
	checkChatRead,
	checkChatSend,
	checkChatSyncRequest,
	checkChatTyping,
	checkSignedIdentity,
} from '../../../src/protocol';
import type {
	ChatCustomData,
	ChatFailure,
	ChatProfile,
	ChatSend,
	ChatSendResult,
	ConversationVisitorSnapshot,
	IdentifyResult,
} from '../../../src/protocol';
import { verifyIdentity } from '../chat/identity';
import type { VerifiedIdentity } from '../chat/identity';
import {
	identityOpenKey,
	identityRoom,
	openKeysFor,
	visitorOpenKey,
	visitorRoom,
} from '../chat/keys';
import { toChatMessage, toVisitorConversation } from '../chat/payloads';
import { failure, mergeCustomData } from '../chat/service';
import type { ChatViews } from '../chat/views';
import type { ChatService, SendOk } from '../chat/service';
import type { ConversationRecord } from '../db/conversation-record';
import type { Enrichment } from '../enrich';
import type { Logger } from '../log';
import type { SiteSettings } from '../settings/site-settings';
import { CHAT_CONNECTIONS_ROOM, openConversationOf } from './chat-hub';
import type { ChatHub } from './chat-hub';
import { KeyedBuckets, TokenBucket } from './rate-limit';
import type { VisitorSocket } from './types';

/**
 * Typing starts a connection may pass on at once, and per second: the
 * widget sends one per burst of keys and one after each message it sends,
 * and a dropped start is not repeated until the visitor types on.
 */
const TYPING_BURST = 6;
const TYPINGS_PER_SECOND = 2;

/** Other chat events a connection may send in a burst, and per second. */
const EVENT_BURST = 20;
const EVENTS_PER_SECOND = 2;

/** `chat:send` attempts (retries included) per connection: a burst, and per second. */
const SEND_BURST = 30;
const SENDS_PER_SECOND = 5;

/** Collaborators of {@link VisitorChat}. */
export interface VisitorChatDeps {
	hub: ChatHub;
	service: ChatService;
	views: ChatViews;
	settings: () => SiteSettings | null;
	/** What a new conversation records about the visitor (flushes presence first). */
	snapshot: (
		visitorId: string,
		enrichment: Enrichment
	) => Promise< ConversationVisitorSnapshot >;
	describeError: ( error: unknown ) => string;
	log: Logger;
	now: () => number;
}

/** Per-connection chat state. */
interface ChatState {
	enrichment: Enrichment;
	/** Pre-chat answers and custom data given before a conversation exists. */
	profile: ChatProfile;
	data: ChatCustomData;
	typing: TokenBucket;
	/** Sends, first tries and resends (resends are free of the visitor's message limit). */
	sends: TokenBucket;
	events: TokenBucket;
	/**
	 * Events that change something run one after the other, in arrival
	 * order: `chat:data` then `chat:send` starts the conversation with the
	 * data, and two `chat:data` never overwrite each other out of order.
	 */
	queue: Promise< void >;
}

function clientIdOf( input: unknown ): string {
	const id =
		typeof input === 'object' && input !== null
			? ( input as Record< string, unknown > ).client_id
			: undefined;
	return typeof id === 'string' ? id.slice( 0, 64 ) : '';
}

/** Chat on `/visitor`: the handlers of each chat connection. */
export class VisitorChat {
	private readonly deps: VisitorChatDeps;
	/** Messages per visitor (all their connections): 10 per 10 s. */
	private readonly sends: KeyedBuckets;
	/** Chat connections per visitor. */
	private readonly open = new Map< string, number >();
	/**
	 * Client ids each visitor was charged for lately: resending the same
	 * message (after a timeout or an error ack) is not a new message.
	 */
	private readonly charged = new Map< string, string[] >();

	constructor( deps: VisitorChatDeps ) {
		this.deps = deps;
		this.sends = new KeyedBuckets(
			CHAT_RATE_MESSAGES,
			( CHAT_RATE_MESSAGES * 1000 ) / CHAT_RATE_WINDOW_MS,
			deps.now
		);
	}

	/**
	 * How many chat connections a visitor has here.
	 *
	 * @param visitorId The visitor.
	 */
	connections( visitorId: string ): number {
		return this.open.get( visitorId ) ?? 0;
	}

	/**
	 * Verifies a handshake's identity (the caller keeps the outcome on the
	 * socket and tells the client once connected).
	 *
	 * @param identity From `auth.identity`, shape-checked.
	 */
	checkIdentity(
		identity: Parameters< typeof verifyIdentity >[ 0 ]
	): ReturnType< typeof verifyIdentity > {
		return verifyIdentity(
			identity,
			this.deps.settings()?.identitySecret ?? null,
			Math.floor( this.deps.now() / 1000 )
		);
	}

	/**
	 * Takes over an accepted chat connection.
	 *
	 * @param socket     The connection (`socket.data.chat` is true).
	 * @param enrichment Its IP, location and browser.
	 */
	setup( socket: VisitorSocket, enrichment: Enrichment ): void {
		const { visitorId } = socket.data;
		const { now } = this.deps;
		const state: ChatState = {
			enrichment,
			profile: {},
			data: Object.create( null ) as ChatCustomData,
			typing: new TokenBucket( TYPING_BURST, TYPINGS_PER_SECOND, now ),
			sends: new TokenBucket( SEND_BURST, SENDS_PER_SECOND, now ),
			events: new TokenBucket( EVENT_BURST, EVENTS_PER_SECOND, now ),
			queue: Promise.resolve(),
		};
		const inOrder = ( work: () => Promise< void > ): Promise< void > => {
			const run = state.queue.then( work );
			state.queue = run.catch( () => undefined );
			return run;
		};
		this.open.set( visitorId, this.connections( visitorId ) + 1 );
		this.setKeys( socket );
		void socket.join( [ CHAT_CONNECTIONS_ROOM, visitorRoom( visitorId ) ] );
		const identity = this.identityOf( socket );
		if ( identity ) {
			void socket.join( identityRoom( identity.id ) );
		}
		if ( socket.data.identityCheck ) {
			socket.emit( EVENTS.chatIdentity, socket.data.identityCheck );
		}
		this.on( socket, EVENTS.chatSend, ( input ) =>
			inOrder( () => this.send( socket, state, input ) )
		);
		this.on( socket, EVENTS.chatSync, ( input ) =>
			this.allowed( state ) ? this.sync( socket, input ) : undefined
		);
		this.on( socket, EVENTS.chatTyping, ( input ) =>
			this.typing( socket, state, input )
		);
		this.on( socket, EVENTS.chatRead, ( input ) =>
			this.allowed( state )
				? inOrder( () => this.read( socket, input ) )
				: undefined
		);
		this.on( socket, EVENTS.chatProfile, ( input ) =>
			this.allowed( state )
				? inOrder( () => this.profile( socket, state, input ) )
				: undefined
		);
		this.on( socket, EVENTS.chatData, ( input ) =>
			this.allowed( state )
				? inOrder( () => this.data( socket, state, input ) )
				: undefined
		);
		this.on( socket, EVENTS.chatIdentify, ( input ) =>
			this.allowed( state )
				? inOrder( () => this.identify( socket, input ) )
				: undefined
		);
		socket.on( 'disconnect', () => this.left( socket ) );
		void this.greet( socket );
	}

	// Every handler: errors are logged, never thrown into socket.io.
	private on(
		socket: VisitorSocket,
		event: string,
		handler: ( input: unknown ) => Promise< void > | void
	): void {
		(
			socket as unknown as {
				on: (
					name: string,
					listener: ( input: unknown ) => void
				) => void;
			}
		 ).on( event, ( input: unknown ) => {
			Promise.resolve( handler( input ) ).catch( ( error: unknown ) =>
				this.storageFailed( event, error )
			);
		} );
	}

	private allowed( state: ChatState ): boolean {
		return state.events.take();
	}

	private storageFailed( event: string, error: unknown ): void {
		this.deps.log.warn(
			{ event, error: this.deps.describeError( error ) },
			'chat event failed: storage unavailable'
		);
	}

	private identityOf( socket: VisitorSocket ): VerifiedIdentity | null {
		const { identity } = socket.data;
		// An identity counts until it expires, also on a long connection.
		return identity && identity.expires * 1000 > this.deps.now()
			? identity
			: null;
	}

	private setKeys( socket: VisitorSocket ): void {
		socket.data.chatKeys = openKeysFor(
			socket.data.visitorId,
			this.identityOf( socket )?.id ?? null
		);
	}

	// After session:ready: the status, and the visitor's conversation noted
	// as seen (and as theirs, when reached through their identity). Never
	// rejects: the database being down only means no conversation is known.
	private async greet( socket: VisitorSocket ): Promise< void > {
		const { hub, service } = this.deps;
		let conversation: ConversationRecord | null = null;
		try {
			conversation = await service.findOpen( socket.data.chatKeys );
			if ( conversation ) {
				this.reached( socket, conversation );
				await service.touchLastSeen( conversation.rowId );
			}
		} catch ( error ) {
			this.storageFailed( 'connect', error );
		}
		socket.emit( EVENTS.chatStatus, {
			agents_online: hub.agentsOnline(),
			conversation: toVisitorConversation( conversation ),
		} );
	}

	private reached(
		socket: VisitorSocket,
		conversation: ConversationRecord
	): void {
		const open = openConversationOf( conversation );
		if ( open ) {
			this.deps.hub.attach( socket.data.visitorId, open );
		}
	}

	private refuse(
		socket: VisitorSocket,
		clientId: string,
		refusal: ChatFailure
	): void {
		const result: ChatSendResult = { ...refusal, client_id: clientId };
		socket.emit( EVENTS.chatAck, result );
	}

	private async send(
		socket: VisitorSocket,
		state: ChatState,
		input: unknown
	): Promise< void > {
		const checked = checkChatSend( input );
		if ( ! checked.ok ) {
			this.refuse(
				socket,
				clientIdOf( input ),
				failure( 'invalid_payload', checked.reason )
			);
			return;
		}
		const message = checked.value;
		const refusal = state.sends.take()
			? this.sendRefusal( socket, message.client_id )
			: failure(
					'rate_limited',
					'too many sends on this connection; send it again later',
					true
				);
		if ( refusal ) {
			this.refuse( socket, message.client_id, refusal );
			return;
		}
		let outcome;
		try {
			outcome = await this.deps.service.sendVisitor( {
				visitorId: socket.data.visitorId,
				identity: this.identityOf( socket ),
				keys: socket.data.chatKeys,
				clientId: message.client_id,
				body: message.body,
				start: () => this.start( socket, state, message ),
			} );
		} catch ( error ) {
			this.storageFailed( EVENTS.chatSend, error );
			this.refuse(
				socket,
				message.client_id,
				failure(
					'storage_unavailable',
					'the message could not be stored; send it again',
					true
				)
			);
			return;
		}
		if ( ! outcome.ok ) {
			this.refuse( socket, message.client_id, outcome );
			return;
		}
		// Known here before the sender hears of it: typing and presence
		// that follow the ack find the conversation.
		if ( outcome.conversation ) {
			this.reached( socket, outcome.conversation );
		}
		// Committed: now, and only now, the sender hears so.
		socket.emit( EVENTS.chatAck, {
			ok: true,
			client_id: message.client_id,
			message: toChatMessage( outcome.message, '', 'visitor' ),
		} );
		if ( outcome.stored ) {
			await this.announce( socket, outcome );
		}
	}

	private sendRefusal(
		socket: VisitorSocket,
		clientId: string
	): ChatFailure | null {
		const settings = this.deps.settings();
		if ( ! settings?.chatEnabled ) {
			return failure(
				'chat_disabled',
				'chat is turned off on this site'
			);
		}
		if (
			settings.chatRequireVerified &&
			! socket.data.playground &&
			! this.identityOf( socket )
		) {
			return failure(
				'identity_required',
				'this site needs a verified identity to chat (LiveDesk.identify)'
			);
		}
		if ( ! this.charge( socket.data.visitorId, clientId ) ) {
			return failure(
				'rate_limited',
				`at most ${ CHAT_RATE_MESSAGES } messages per ${
					CHAT_RATE_WINDOW_MS / 1000
				} s; send it again later`,
				true
			);
		}
		return null;
	}

	// Takes a token for a new message; a resend of a recent one is free.
	private charge( visitorId: string, clientId: string ): boolean {
		const recent = this.charged.get( visitorId ) ?? [];
		if ( recent.includes( clientId ) ) {
			return true;
		}
		if ( ! this.sends.take( visitorId ) ) {
			return false;
		}
		recent.push( clientId );
		this.charged.set( visitorId, recent.slice( -2 * CHAT_RATE_MESSAGES ) );
		return true;
	}

	// The conversation a first message starts, with the visitor's snapshot.
	private async start(
		socket: VisitorSocket,
		state: ChatState,
		message: ChatSend
	) {
		const { visitorId } = socket.data;
		const identity = this.identityOf( socket );
		const profile = { ...state.profile, ...message.profile };
		return {
			openKey: identity
				? identityOpenKey( identity.id )
				: visitorOpenKey( visitorId ),
			visitorKey: visitorId,
			source: socket.data.playground
				? ( 'playground' as const )
				: ( 'widget' as const ),
			name: identity?.name || profile.name || '',
			email: identity?.email || profile.email || '',
			identityId: identity?.id ?? '',
			verified: identity !== null,
			customData: state.data,
			visitor: await this.deps.snapshot( visitorId, state.enrichment ),
			time: this.deps.now(),
		};
	}

	// A new message: its conversation's new state, then the message itself,
	// to agents and to the visitor's other connections.
	private async announce(
		socket: VisitorSocket,
		outcome: SendOk
	): Promise< void > {
		const { hub, service } = this.deps;
		const fresh = await service.reload( outcome.message.conversationRowId );
		if ( fresh ) {
			this.reached( socket, fresh );
			await hub.conversationsChanged( [ fresh ] );
		}
		await hub.messagesStored( [ outcome.message ], fresh, socket.id );
	}

	private async sync(
		socket: VisitorSocket,
		input: unknown
	): Promise< void > {
		const checked = checkChatSyncRequest( input );
		if ( ! checked.ok ) {
			this.invalid( socket, EVENTS.chatSync, checked.reason );
			return;
		}
		const { service, views } = this.deps;
		const conversation = await service.findOpen( socket.data.chatKeys );
		if ( ! conversation ) {
			socket.emit( EVENTS.chatHistory, {
				conversation: null,
				messages: [],
				more: false,
			} );
			return;
		}
		this.reached( socket, conversation );
		const page = await views.history(
			conversation.rowId,
			checked.value.after_id
		);
		socket.emit( EVENTS.chatHistory, {
			conversation: toVisitorConversation( conversation ),
			messages: await views.messagePayloads( page.messages, 'visitor' ),
			more: page.more,
		} );
	}

	private typing(
		socket: VisitorSocket,
		state: ChatState,
		input: unknown
	): void {
		const checked = checkChatTyping( input );
		if ( ! checked.ok ) {
			this.invalid( socket, EVENTS.chatTyping, checked.reason );
			return;
		}
		// Starts: a few at once, then about one a second (the widget repeats
		// them while the visitor types, so a dropped one is superseded soon).
		// A stop is never superseded, so it is limited only as other events
		// are: a lost stop would leave "typing…" on the agent's screen.
		const passed = checked.value.typing
			? state.typing.take()
			: this.allowed( state );
		if ( passed && this.deps.settings()?.chatEnabled ) {
			this.deps.hub.visitorTyping(
				socket.data.chatKeys,
				checked.value.typing
			);
		}
	}

	private async read(
		socket: VisitorSocket,
		input: unknown
	): Promise< void > {
		const checked = checkChatRead( input );
		if ( ! checked.ok ) {
			this.invalid( socket, EVENTS.chatRead, checked.reason );
			return;
		}
		const { service, hub } = this.deps;
		const conversation = await service.findOpen( socket.data.chatKeys );
		if ( ! conversation ) {
			return;
		}
		const upTo = checked.value.up_to_id;
		if ( ( await service.readByVisitor( conversation.rowId, upTo ) ) > 0 ) {
			hub.readReceipt( conversation, 'visitor', upTo );
		}
	}

	private async profile(
		socket: VisitorSocket,
		state: ChatState,
		input: unknown
	): Promise< void > {
		const checked = checkChatProfile( input );
		if ( ! checked.ok ) {
			this.invalid( socket, EVENTS.chatProfile, checked.reason );
			return;
		}
		state.profile = { ...state.profile, ...checked.value };
		const { service, hub } = this.deps;
		const conversation = await service.findOpen( socket.data.chatKeys );
		const fresh =
			conversation &&
			( await service.setProfile( conversation, checked.value ) );
		if ( fresh ) {
			await hub.conversationsChanged( [ fresh ] );
		}
	}

	private async data(
		socket: VisitorSocket,
		state: ChatState,
		input: unknown
	): Promise< void > {
		const checked = checkChatCustomData( input );
		if ( ! checked.ok ) {
			this.invalid( socket, EVENTS.chatData, checked.reason );
			return;
		}
		state.data = mergeCustomData( state.data, checked.value );
		const { service, hub } = this.deps;
		const conversation = await service.findOpen( socket.data.chatKeys );
		const fresh =
			conversation &&
			( await service.setCustomData( conversation, checked.value ) );
		if ( fresh ) {
			await hub.conversationsChanged( [ fresh ] );
		}
	}

	private async identify(
		socket: VisitorSocket,
		input: unknown
	): Promise< void > {
		const checked = checkSignedIdentity( input );
		const check = checked.ok
			? this.checkIdentity( checked.value )
			: ( { verified: false, reason: 'invalid' } as const );
		const result: IdentifyResult = check.verified
			? { verified: true }
			: { verified: false, reason: check.reason };
		if ( ! check.verified ) {
			// A failed attempt leaves a verified identity it had as it was.
			socket.emit( EVENTS.chatIdentity, result );
			return;
		}
		socket.data.identity = check.identity;
		this.setKeys( socket );
		await socket.join( identityRoom( check.identity.id ) );
		socket.emit( EVENTS.chatIdentity, result );
		const { service, hub } = this.deps;
		// The visitor's own open conversation now belongs to the identity.
		const own = await service.findOpen( [
			visitorOpenKey( socket.data.visitorId ),
		] );
		if (
			own &&
			( ! own.verified || own.identityId !== check.identity.id )
		) {
			const fresh = await service.setIdentity( own, check.identity );
			if ( fresh ) {
				await hub.conversationsChanged( [ fresh ] );
			}
		}
		const conversation = await service.findOpen( socket.data.chatKeys );
		if ( conversation ) {
			this.reached( socket, conversation );
		}
		socket.emit( EVENTS.chatStatus, {
			agents_online: hub.agentsOnline(),
			conversation: toVisitorConversation( conversation ),
		} );
	}

	private invalid( socket: VisitorSocket, event: string, reason: string ) {
		socket.emit( EVENTS.sessionError, {
			code: 'invalid_payload',
			message: `${ event } refused: ${ reason }`,
		} );
	}

	private async left( socket: VisitorSocket ): Promise< void > {
		const { visitorId } = socket.data;
		const count = this.connections( visitorId ) - 1;
		if ( count > 0 ) {
			this.open.set( visitorId, count );
		} else {
			this.open.delete( visitorId );
			this.charged.delete( visitorId );
		}
		const open = this.deps.hub.find( socket.data.chatKeys );
		if ( open ) {
			try {
				await this.deps.service.touchLastSeen( open.rowId );
			} catch ( error ) {
				this.storageFailed( 'disconnect', error );
			}
		}
	}
}
