/**
 * Internal dependencies
 */
import type {
	ChatErrorCode,
	ChatSendResult,
	VisitorChatStatus,
	VisitorChatSync,
	VisitorConversation,
} from '../../protocol';
import { isChatMessage } from './messages';
import type { RestAnswer } from './rest';

const CODES: readonly string[] = [
	'invalid_payload',
	'forbidden',
	'not_found',
	'archived',
	'chat_disabled',
	'identity_required',
	'rate_limited',
	'storage_unavailable',
] satisfies ChatErrorCode[];

type Fields = Record< string, unknown >;

function fields( value: unknown ): Fields {
	return typeof value === 'object' && value !== null
		? ( value as Fields )
		: {};
}

/**
 * A REST answer to `POST chat/messages` (or `chat/offline`) as the `chat:ack`
 * the socket would have sent: the stored message (the body may be the
 * message, or hold it as `message`), or a refusal. The WP_Error's code names
 * the refusal (a `livedesk_` or `rest_` prefix is dropped); without a known
 * code the status decides. No answer, 5xx and 429 are worth retrying.
 *
 * @param answer   The REST answer.
 * @param clientId The message's client id.
 */
export function restAck(
	answer: RestAnswer,
	clientId: string
): ChatSendResult {
	const body = fields( answer.data );
	const { status } = answer;
	if ( status === 200 || status === 201 ) {
		const message = isChatMessage( body.message ) ? body.message : body;
		if ( isChatMessage( message ) ) {
			return { ok: true, client_id: clientId, message };
		}
	}
	const raw = String( body.code ?? '' ).replace( /^(livedesk|rest)_/, '' );
	let code: ChatErrorCode = 'invalid_payload';
	if ( CODES.includes( raw ) ) {
		code = raw as ChatErrorCode;
	} else if ( status === 429 ) {
		code = 'rate_limited';
	} else if ( status === 401 || status === 403 ) {
		code = 'forbidden';
	} else if ( status === 0 || status >= 500 || status < 400 ) {
		code = 'storage_unavailable';
	}
	const retryable =
		fields( body.data ).retryable === true ||
		status === 0 ||
		status >= 500 ||
		status === 429 ||
		code === 'storage_unavailable' ||
		code === 'rate_limited';
	return {
		ok: false,
		client_id: clientId,
		code,
		message: String( body.message ?? '' ),
		retryable,
	};
}

function conversationOf( value: unknown ): VisitorConversation | null {
	const c = fields( value );
	return typeof c.id === 'string' && typeof c.status === 'string'
		? ( c as unknown as VisitorConversation )
		: null;
}

/**
 * A `GET chat/messages` answer as the socket's `chat:history` (and, when it
 * says whether agents are online, `chat:status`); null for a failed request.
 *
 * @param answer The REST answer.
 */
export function restSync(
	answer: RestAnswer
): { history: VisitorChatSync; status: VisitorChatStatus | null } | null {
	if ( answer.status !== 200 ) {
		return null;
	}
	const body = fields( answer.data );
	const conversation = conversationOf( body.conversation );
	return {
		history: {
			conversation,
			messages: Array.isArray( body.messages ) ? body.messages : [],
			more: body.more === true,
		},
		status:
			typeof body.agents_online === 'boolean'
				? { agents_online: body.agents_online, conversation }
				: null,
	};
}

/**
 * The conversation a successful `POST chat/messages` answer carries (the
 * plugin sends it beside the message), or null.
 *
 * @param answer The REST answer.
 */
export function ackConversation(
	answer: RestAnswer
): VisitorConversation | null {
	return answer.status === 200 || answer.status === 201
		? conversationOf( fields( answer.data ).conversation )
		: null;
}
