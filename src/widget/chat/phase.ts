/**
 * Internal dependencies
 */
import type { EmailCapture } from './config';

/**
 * What the panel offers below the messages: the composer (`chat`), the
 * composer with the pre-chat fields (`prechat`), the offline form
 * (`offline`) and its thanks (`thanks`), a "Start a new chat" button after a
 * conversation ended (`ended`), or a sentence saying a verified identity is
 * needed (`blocked`).
 */
export type Phase =
	'chat' | 'prechat' | 'offline' | 'thanks' | 'ended' | 'blocked';

/** What the phase depends on. */
export interface PhaseInput {
	/** No open conversation and nothing in the outbox: the next message starts one. */
	idle: boolean;
	/** Null until the server said. */
	agentsOnline: boolean | null;
	/** A conversation ended here and the visitor has not started a new one. */
	ended: boolean;
	offlineSent: boolean;
	/** Messages can reach the server (false: REST only, and no visitor identity to send with). */
	canChat: boolean;
	requireVerified: boolean;
	/** A signed identity is presented or was accepted. */
	identified: boolean;
	emailCapture: EmailCapture;
	/** The pre-chat form was answered. */
	profileGiven: boolean;
}

/**
 * The panel's phase. The offline form shows only while nothing is going on:
 * a visitor with an open conversation keeps chatting (agents read it later).
 * After the offline form, its thanks stay until an agent comes online.
 *
 * @param input See {@link PhaseInput}.
 */
export function choosePhase( input: PhaseInput ): Phase {
	// The thanks stay until an agent is there to chat with.
	if ( input.offlineSent && input.agentsOnline !== true ) {
		return 'thanks';
	}
	if ( input.idle && input.ended ) {
		return 'ended';
	}
	if ( input.idle && ( input.agentsOnline === false || ! input.canChat ) ) {
		return 'offline';
	}
	if ( input.requireVerified && ! input.identified ) {
		return 'blocked';
	}
	return input.idle &&
		input.emailCapture !== 'off' &&
		! input.profileGiven &&
		! input.identified
		? 'prechat'
		: 'chat';
}
