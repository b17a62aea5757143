/**
 * The chat events of an agent's connection on `/agent` (docs/chat.md).
 * Sending, archiving, assigning and typing need `livedesk_chat` in the
 * token's claims (checked on every event: a refreshed token may drop it);
 * `livedesk_view` alone receives everything and may mark messages read.
 * Answers are socket.io acks, sent only after the database committed.
 */

/**
 * Internal dependencies
 */
import {
	EVENTS,
	checkAgentAssign,
	checkAgentChatSend,
	checkAgentConversationRef,
	checkAgentRead,
	checkAgentTyping,
	checkChatSyncRequest,
} from '../../../src/protocol';
import type {
	ChatFailure,
	ChatSendResult,
	ConversationResult,
} from '../../../src/protocol';
import type { AgentNames } from '../chat/agent-names';
import { failure } from '../chat/service';
import type { ChatViews } from '../chat/views';
import type { ChatService, ConversationOutcome } from '../chat/service';
import type { Logger } from '../log';
import type { ChatHub } from './chat-hub';
import { TokenBucket } from './rate-limit';
import type { AgentSocket } from './types';

/** Collaborators of the agents' chat events. */
export interface AgentChatDeps {
	hub: ChatHub;
	service: ChatService;
	views: ChatViews;
	names: AgentNames;
	describeError: ( error: unknown ) => string;
	log: Logger;
	now: () => number;
}

type Ack< T > = ( result: T ) => void;

const STORAGE_DOWN = 'the database is unavailable; try again';

function ackOf< T >( ack: unknown ): Ack< T > {
	return typeof ack === 'function' ? ( ack as Ack< T > ) : () => undefined;
}

function clientIdOf( input: unknown ): string {
	const id =
		typeof input === 'object' && input !== null
			? ( input as Record< string, unknown > ).client_id
			: undefined;
	return typeof id === 'string' ? id.slice( 0, 64 ) : '';
}

/** The chat events of one agent connection. */
class AgentChat {
	private readonly socket: AgentSocket;
	private readonly deps: AgentChatDeps;
	private readonly typingBucket: TokenBucket;
	/** Counted among the agents who may answer. */
	private answering = false;

	constructor( socket: AgentSocket, deps: AgentChatDeps ) {
		this.socket = socket;
		this.deps = deps;
		this.typingBucket = new TokenBucket( 4, 2, deps.now );
	}

	install(): void {
		const { socket } = this;
		this.recount();
		socket.on( 'disconnect', () => {
			if ( this.answering ) {
				this.answering = false;
				this.deps.hub.answeringAgents( -1 );
			}
		} );
		this.on( EVENTS.chatSend, ( input, ack ) => this.send( input, ack ) );
		this.on( EVENTS.chatSync, ( input, ack ) => this.sync( input, ack ) );
		this.on( EVENTS.chatTyping, ( input ) => this.typing( input ) );
		this.on( EVENTS.chatRead, ( input ) => this.read( input ) );
		this.on( EVENTS.chatArchive, ( input, ack ) =>
			this.change( input, ack, 'archive' )
		);
		this.on( EVENTS.chatAssign, ( input, ack ) =>
			this.change( input, ack, 'assign' )
		);
	}

	/** After a token refresh: the capability may have come or gone. */
	recount(): void {
		const answering = this.mayChat();
		if ( answering !== this.answering ) {
			this.answering = answering;
			this.deps.hub.answeringAgents( answering ? 1 : -1 );
		}
	}

	private mayChat(): boolean {
		return this.socket.data.caps.includes( 'livedesk_chat' );
	}

	private on(
		event: string,
		handler: ( input: unknown, ack: unknown ) => Promise< void > | void
	): void {
		(
			this.socket as unknown as {
				on: (
					name: string,
					listener: ( input: unknown, ack: unknown ) => void
				) => void;
			}
		 ).on( event, ( input, ack ) => {
			Promise.resolve( handler( input, ack ) ).catch(
				( error: unknown ) => this.failed( event, error )
			);
		} );
	}

	private failed( event: string, error: unknown ): void {
		this.deps.log.warn(
			{ event, error: this.deps.describeError( error ) },
			'agent chat event failed: storage unavailable'
		);
	}

	private forbidden(): ChatFailure {
		return failure(
			'forbidden',
			'this needs the livedesk_chat capability'
		);
	}

	private async send( input: unknown, rawAck: unknown ): Promise< void > {
		const ack = ackOf< ChatSendResult >( rawAck );
		const checked = checkAgentChatSend( input );
		if ( ! checked.ok ) {
			ack( {
				...failure( 'invalid_payload', checked.reason ),
				client_id: clientIdOf( input ),
			} );
			return;
		}
		const message = checked.value;
		if ( ! this.mayChat() ) {
			ack( { ...this.forbidden(), client_id: message.client_id } );
			return;
		}
		const { service, views, hub } = this.deps;
		let outcome;
		try {
			outcome = await service.sendAgent( {
				agentId: this.socket.data.userId,
				conversationId: message.conversation_id,
				clientId: message.client_id,
				body: message.body,
			} );
		} catch ( error ) {
			this.failed( EVENTS.chatSend, error );
			ack( {
				...failure( 'storage_unavailable', STORAGE_DOWN, true ),
				client_id: message.client_id,
			} );
			return;
		}
		if ( ! outcome.ok ) {
			ack( { ...outcome, client_id: message.client_id } );
			return;
		}
		ack( {
			ok: true,
			client_id: message.client_id,
			message: await views.messagePayload( outcome.message, 'agent' ),
		} );
		if ( outcome.stored ) {
			const fresh = await service.reload(
				outcome.message.conversationRowId
			);
			if ( fresh ) {
				await hub.conversationsChanged( [ fresh ] );
			}
			await hub.messagesStored( [ outcome.message ], fresh );
		}
	}

	private async sync( input: unknown, rawAck: unknown ): Promise< void > {
		const ack = ackOf< unknown >( rawAck );
		const checked = checkChatSyncRequest( input );
		if ( ! checked.ok ) {
			ack( failure( 'invalid_payload', checked.reason ) );
			return;
		}
		try {
			ack( await this.deps.views.historyAll( checked.value.after_id ) );
		} catch ( error ) {
			this.failed( EVENTS.chatSync, error );
			ack( failure( 'storage_unavailable', STORAGE_DOWN, true ) );
		}
	}

	private async typing( input: unknown ): Promise< void > {
		const checked = checkAgentTyping( input );
		if ( ! checked.ok || ! this.mayChat() || ! this.typingBucket.take() ) {
			return;
		}
		const { service, hub, names } = this.deps;
		const conversation = await service.byId(
			checked.value.conversation_id
		);
		if ( ! conversation ) {
			return;
		}
		const { userId } = this.socket.data;
		hub.agentTyping(
			conversation,
			{ id: userId, name: await names.name( userId ) },
			checked.value.typing,
			this.socket.id
		);
	}

	private async read( input: unknown ): Promise< void > {
		const checked = checkAgentRead( input );
		if ( ! checked.ok ) {
			return;
		}
		const { service, hub } = this.deps;
		const outcome = await service.readByAgent(
			checked.value.conversation_id,
			checked.value.up_to_id
		);
		if ( outcome.ok && outcome.changed ) {
			hub.readReceipt(
				outcome.conversation,
				'agent',
				checked.value.up_to_id
			);
			await hub.conversationsChanged( [ outcome.conversation ] );
		}
	}

	private async change(
		input: unknown,
		rawAck: unknown,
		what: 'archive' | 'assign'
	): Promise< void > {
		const ack = ackOf< ConversationResult >( rawAck );
		const checked =
			what === 'assign'
				? checkAgentAssign( input )
				: checkAgentConversationRef( input );
		if ( ! checked.ok ) {
			ack( failure( 'invalid_payload', checked.reason ) );
			return;
		}
		if ( ! this.mayChat() ) {
			ack( this.forbidden() );
			return;
		}
		const { service, views, hub } = this.deps;
		const id = checked.value.conversation_id;
		let outcome: ConversationOutcome;
		try {
			if ( what === 'archive' ) {
				outcome = await service.archive( id );
			} else {
				const assignee =
					'assignee' in checked.value ? checked.value.assignee : null;
				outcome = await service.assign(
					id,
					assignee === 'me' ? this.socket.data.userId : null
				);
			}
		} catch ( error ) {
			this.failed( `chat:${ what }`, error );
			ack( failure( 'storage_unavailable', STORAGE_DOWN, true ) );
			return;
		}
		if ( ! outcome.ok ) {
			ack( outcome );
			return;
		}
		ack( {
			ok: true,
			conversation: await views.conversationPayload(
				outcome.conversation
			),
		} );
		if ( outcome.message ) {
			await hub.messagesStored(
				[ outcome.message ],
				outcome.conversation
			);
		}
		if ( outcome.changed ) {
			await hub.conversationsChanged( [ outcome.conversation ] );
		}
	}
}

/**
 * Installs the chat events on an agent connection.
 *
 * @param socket The authenticated agent socket.
 * @param deps   Collaborators.
 * @return Call after a token refresh (capabilities may have changed).
 */
export function setupAgentChat(
	socket: AgentSocket,
	deps: AgentChatDeps
): () => void {
	const chat = new AgentChat( socket, deps );
	chat.install();
	return () => chat.recount();
}
