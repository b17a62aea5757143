/**
 * Internal dependencies
 */
import type { ChatProfile } from '../../../protocol';
import { readBody, readProfile, refusalText } from '../forms';
import type { Verdict } from '../forms';
import { newClientId } from '../outbox';
import { requestJson, restRoute } from '../rest';
import type { RestAnswer } from '../rest';
import type { StringKey } from '../strings';
import type { ChatState } from '../types';
import type { PanelParts } from './panel';

/** While the visitor types, `chat:typing { typing: true }` is repeated this often. */
export const TYPING_REPEAT_MS = 3000;

/** The visitor stopped typing after this long without a keystroke. */
export const TYPING_IDLE_MS = 3000;

/** Options of {@link bindForms}. */
export interface FormsOptions {
	parts: PanelParts;
	/** Aborted when the panel is destroyed. */
	signal: AbortSignal;
	state: ChatState;
	fetch: typeof fetch;
	restUrl: string;
	/** Headers of the visitor's REST requests. */
	headers: () => Record< string, string >;
	/** The next message starts a conversation. */
	isFirst: () => boolean;
	/** Queues a message (with the pre-chat answers when it is the first). */
	add: ( body: string, profile?: ChatProfile ) => void;
	/** Says typing started or stopped; false when it could not be sent. */
	typing: ( typing: boolean ) => boolean;
	close: () => void;
	render: () => void;
	/** The offline form was stored (its message joined the visitor's conversation). */
	offlineSent: () => void;
}

/** The bound forms. */
export interface Forms {
	/** Moves focus to the first thing to fill in. */
	focus: () => void;
	/** Shows an error under the composer. */
	error: ( key: StringKey ) => void;
	stop: () => void;
}

/**
 * The string key for a refused offline form: an invalid e-mail (the plugin's
 * own code or WordPress's invalid-parameter error naming `email`), else the
 * refusal's code.
 *
 * @param answer The REST answer.
 */
export function offlineRefusal( answer: RestAnswer ) {
	const body = ( answer.data ?? {} ) as {
		code?: unknown;
		data?: { params?: Record< string, unknown > };
	};
	if ( body.data?.params?.email !== undefined ) {
		return refusalText( 'email' );
	}
	const code = String( body.code ?? '' ).replace( /^livedesk_/, '' );
	return refusalText( answer.status === 429 ? 'rate_limited' : code );
}

/**
 * Wires the composer (Enter sends, Shift+Enter is a new line, typing
 * notices), the pre-chat fields, Escape and the close button, and the
 * offline form (`POST chat/offline`).
 *
 * @param options See {@link FormsOptions}.
 */
export function bindForms( options: FormsOptions ): Forms {
	const { parts, state, signal } = options;
	const on = < K extends keyof HTMLElementEventMap >(
		target: HTMLElement,
		type: K,
		listener: ( event: HTMLElementEventMap[ K ] ) => void
	) => target.addEventListener( type, listener, { signal } );
	let typingOn = false;
	let typingAt = 0;
	let idleTimer: ReturnType< typeof setTimeout > | undefined;
	let offlineId = '';
	let busy = false;

	const stopTyping = () => {
		clearTimeout( idleTimer );
		if ( typingOn ) {
			typingOn = false;
			options.typing( false );
		}
	};

	// A string, with the longest message length filled in (error_too_long).
	const say = ( key: StringKey ) =>
		state.settings.strings[ key ].replace(
			'%d',
			String( state.settings.messageMax )
		);

	const fail = (
		verdict: Verdict< unknown > & { ok: false },
		fields: Record< string, HTMLInputElement | HTMLTextAreaElement >,
		error: HTMLElement
	) => {
		error.textContent = say( verdict.error );
		const control = fields[ verdict.field ];
		control?.setAttribute( 'aria-invalid', 'true' );
		control?.focus();
	};

	const clearErrors = ( error: HTMLElement ) => {
		error.textContent = '';
		parts.panel
			.querySelectorAll( '[aria-invalid]' )
			.forEach( ( node ) => node.removeAttribute( 'aria-invalid' ) );
	};

	const submit = () => {
		const fields = {
			name: parts.name.control,
			email: parts.email.control,
			body: parts.message,
		};
		clearErrors( parts.composerError );
		const body = readBody( parts.message.value, state.settings.messageMax );
		if ( ! body ) {
			parts.message.focus();
			return;
		}
		if ( ! body.ok ) {
			fail( body, fields, parts.composerError );
			return;
		}
		if ( ! parts.pre.hidden ) {
			const profile = readProfile(
				parts.name.control.value,
				parts.email.control.value,
				state.settings.emailCapture === 'required'
			);
			if ( ! profile.ok ) {
				fail( profile, fields, parts.composerError );
				return;
			}
			state.profile = profile.value;
		}
		const profile = state.profile;
		parts.message.value = '';
		stopTyping();
		options.add(
			body.value,
			options.isFirst() && profile && Object.keys( profile ).length
				? profile
				: undefined
		);
		parts.message.focus();
	};

	const sendOffline = async () => {
		const fields = {
			name: parts.offlineName.control,
			email: parts.offlineEmail.control,
			body: parts.offlineBody.control,
		};
		clearErrors( parts.offlineError );
		const profile = readProfile(
			fields.name.value,
			fields.email.value,
			true
		);
		if ( ! profile.ok ) {
			fail( profile, fields, parts.offlineError );
			return;
		}
		const body = readBody(
			fields.body.value,
			state.settings.messageMax
		) ?? {
			ok: false as const,
			error: 'error_empty' as const,
			field: 'body' as const,
		};
		if ( ! body.ok ) {
			fail( body, fields, parts.offlineError );
			return;
		}
		// A retry after a failure is the same message: the same client id.
		offlineId = offlineId || newClientId();
		busy = parts.offlineSubmit.disabled = true;
		const answer = await requestJson(
			options.fetch,
			restRoute( options.restUrl, 'chat/offline' ),
			{
				method: 'POST',
				headers: options.headers(),
				body: {
					name: profile.value.name ?? '',
					email: profile.value.email ?? '',
					body: body.value,
					client_id: offlineId,
				},
			}
		);
		busy = parts.offlineSubmit.disabled = false;
		if ( answer.status === 200 || answer.status === 201 ) {
			state.offlineSent = true;
			offlineId = '';
			Object.values( fields ).forEach(
				( field ) => ( field.value = '' )
			);
			options.offlineSent();
			options.render();
		} else {
			parts.offlineError.textContent = say( offlineRefusal( answer ) );
		}
	};

	on( parts.composer, 'submit', ( event ) => {
		event.preventDefault();
		submit();
	} );
	on( parts.message, 'keydown', ( event ) => {
		if (
			event.key === 'Enter' &&
			! event.shiftKey &&
			! event.isComposing
		) {
			event.preventDefault();
			submit();
		}
	} );
	on( parts.message, 'input', () => {
		clearTimeout( idleTimer );
		if ( ! parts.message.value.trim() ) {
			stopTyping();
			return;
		}
		const now = Date.now();
		if (
			( ! typingOn || now - typingAt >= TYPING_REPEAT_MS ) &&
			options.typing( true )
		) {
			typingOn = true;
			typingAt = now;
		}
		idleTimer = setTimeout( stopTyping, TYPING_IDLE_MS );
	} );
	on( parts.offline, 'submit', ( event ) => {
		event.preventDefault();
		if ( ! busy ) {
			void sendOffline();
		}
	} );
	on( parts.panel, 'keydown', ( event ) => {
		if ( event.key === 'Escape' ) {
			event.stopPropagation();
			options.close();
		}
	} );
	on( parts.close, 'click', () => options.close() );
	on( parts.restart, 'click', () => {
		state.ended = false;
		options.render();
		focus();
	} );

	function focus() {
		let target: HTMLElement = parts.close;
		if ( ! parts.ended.hidden ) {
			target = parts.restart;
		} else if ( ! parts.offline.hidden && ! parts.offlineFields.hidden ) {
			target = parts.offlineName.control;
		} else if ( ! parts.composer.hidden ) {
			target = parts.pre.hidden ? parts.message : parts.name.control;
		}
		target.focus();
	}

	return {
		focus,
		error( key ) {
			parts.composerError.textContent = say( key );
		},
		stop() {
			clearTimeout( idleTimer );
		},
	};
}
