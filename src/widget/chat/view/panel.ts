/**
 * Internal dependencies
 */
import { MESSAGE_MAX, EMAIL_MAX, VISITOR_NAME_MAX } from '../../../protocol';
import { textOn } from '../../launcher/colors';
import type { Phase } from '../phase';
import type { Strings } from '../strings';
import { el, field } from './dom';

/** A labelled input with its label's text and hint. */
export interface Field< T extends HTMLInputElement | HTMLTextAreaElement > {
	label: HTMLLabelElement;
	text: HTMLSpanElement;
	hint: HTMLSpanElement;
	control: T;
}

/** The panel's elements. */
export interface PanelParts {
	panel: HTMLElement;
	title: HTMLElement;
	status: HTMLElement;
	close: HTMLButtonElement;
	scroller: HTMLElement;
	greeting: HTMLElement;
	log: HTMLElement;
	typing: HTMLElement;
	/** The composer; its `pre` part is the pre-chat form (name, e-mail). */
	composer: HTMLFormElement;
	pre: HTMLElement;
	name: Field< HTMLInputElement >;
	email: Field< HTMLInputElement >;
	message: HTMLTextAreaElement;
	send: HTMLButtonElement;
	composerError: HTMLElement;
	/** A sentence instead of the composer (a verified identity is required). */
	note: HTMLElement;
	/** After a conversation ended: the "Start a new chat" button's box. */
	ended: HTMLElement;
	restart: HTMLButtonElement;
	offline: HTMLFormElement;
	offlineIntro: HTMLElement;
	offlineFields: HTMLElement;
	offlineName: Field< HTMLInputElement >;
	offlineEmail: Field< HTMLInputElement >;
	offlineBody: Field< HTMLTextAreaElement >;
	offlineSubmit: HTMLButtonElement;
	offlineError: HTMLElement;
	thanks: HTMLElement;
}

const CLOSE_ICON =
	'<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/></svg>';

function input(
	doc: Document,
	type: string,
	name: string,
	max: number
): Field< HTMLInputElement > {
	const control = el( doc, 'input', '', {
		type,
		name,
		autocomplete: name,
		maxlength: String( max ),
	} );
	return { ...field( doc, control ), control };
}

/**
 * Builds the panel (hidden): a non-modal dialog named like its heading, with
 * the greeting, the message log (`role="log"`, polite), the typing line, the
 * composer (with the pre-chat fields) and the offline form.
 *
 * @param doc The document.
 */
export function createPanel( doc: Document ): PanelParts {
	// Named with aria-label rather than aria-labelledby: an id reference
	// inside a shadow root is not resolved by every tool.
	const panel = el( doc, 'div', 'p', { role: 'dialog' } );
	panel.hidden = true;
	const header = el( doc, 'div', 'h' );
	const heading = el( doc, 'div' );
	const title = el( doc, 'h2', 't' );
	const status = el( doc, 'p', 'st' );
	const close = el( doc, 'button', 'x', { type: 'button' } );
	// Fixed markup of our own: no configured or visitor text.
	close.innerHTML = CLOSE_ICON;
	heading.append( title, status );
	header.append( heading, close );

	const scroller = el( doc, 'div', 'sc' );
	const greeting = el( doc, 'p', 'g' );
	const log = el( doc, 'div', 'm', {
		role: 'log',
		'aria-live': 'polite',
		'aria-relevant': 'additions',
	} );
	scroller.append( greeting, log );
	const typing = el( doc, 'div', 'ty', { role: 'status' } );

	const composer = el( doc, 'form', 'f' );
	composer.noValidate = true;
	const pre = el( doc, 'div', 'pre' );
	const name = input( doc, 'text', 'name', VISITOR_NAME_MAX );
	const email = input( doc, 'email', 'email', EMAIL_MAX );
	pre.append( name.label, email.label );
	const row = el( doc, 'div', 'row' );
	const message = el( doc, 'textarea', '', {
		rows: '1',
		maxlength: String( MESSAGE_MAX ),
	} );
	const send = el( doc, 'button', 'btn', { type: 'submit' } );
	row.append( message, send );
	const composerError = el( doc, 'p', 'err', { role: 'alert' } );
	composer.append( pre, row, composerError );
	const note = el( doc, 'p', 'note' );
	note.hidden = true;
	const ended = el( doc, 'div', 'end' );
	ended.hidden = true;
	const restart = el( doc, 'button', 'btn', { type: 'button' } );
	ended.append( restart );

	const offline = el( doc, 'form', 'o' );
	offline.noValidate = true;
	offline.hidden = true;
	const offlineIntro = el( doc, 'p', 'intro' );
	const offlineFields = el( doc, 'div' );
	const offlineName = input( doc, 'text', 'name', VISITOR_NAME_MAX );
	const offlineEmail = input( doc, 'email', 'email', EMAIL_MAX );
	const body = el( doc, 'textarea', '', {
		rows: '4',
		maxlength: String( MESSAGE_MAX ),
	} );
	const offlineBody = { ...field( doc, body ), control: body };
	const offlineSubmit = el( doc, 'button', 'btn', { type: 'submit' } );
	const offlineError = el( doc, 'p', 'err', { role: 'alert' } );
	offlineFields.append(
		offlineName.label,
		offlineEmail.label,
		offlineBody.label,
		offlineSubmit,
		offlineError
	);
	const thanks = el( doc, 'p', 'note', { role: 'status' } );
	thanks.hidden = true;
	offline.append( offlineIntro, offlineFields, thanks );

	panel.append( header, scroller, typing, composer, note, ended, offline );
	return {
		panel,
		title,
		status,
		close,
		scroller,
		greeting,
		log,
		typing,
		composer,
		pre,
		name,
		email,
		message,
		send,
		composerError,
		note,
		ended,
		restart,
		offline,
		offlineIntro,
		offlineFields,
		offlineName,
		offlineEmail,
		offlineBody,
		offlineSubmit,
		offlineError,
		thanks,
	};
}

/**
 * Writes the (translated) strings into the panel's fixed texts and labels.
 *
 * @param parts    The panel.
 * @param strings  The strings.
 * @param greeting The site's greeting ('' for the built-in one).
 * @param required Whether the pre-chat e-mail is required.
 */
export function labelPanel(
	parts: PanelParts,
	strings: Strings,
	greeting: string,
	required: boolean
): void {
	parts.title.textContent = strings.panel_title;
	parts.panel.setAttribute( 'aria-label', strings.panel_title );
	parts.close.setAttribute( 'aria-label', strings.close );
	parts.greeting.textContent = greeting || strings.greeting;
	parts.log.setAttribute( 'aria-label', strings.messages_label );
	parts.name.text.textContent = strings.name_label;
	parts.name.hint.textContent = strings.optional;
	parts.email.text.textContent = strings.email_label;
	parts.email.hint.textContent = required ? '' : strings.optional;
	parts.email.control.required = required;
	parts.message.setAttribute( 'aria-label', strings.message_label );
	parts.message.placeholder = strings.message_placeholder;
	parts.offlineIntro.textContent = strings.offline_intro;
	parts.offlineName.text.textContent = strings.name_label;
	parts.offlineName.hint.textContent = strings.optional;
	parts.offlineEmail.text.textContent = strings.email_label;
	parts.offlineEmail.control.required = true;
	parts.offlineBody.text.textContent = strings.message_label;
	parts.offlineBody.control.required = true;
	parts.offlineSubmit.textContent = strings.offline_submit;
	parts.thanks.textContent = strings.offline_thanks;
	parts.note.textContent = strings.error_identity_required;
	parts.restart.textContent = strings.new_conversation;
}

/**
 * Shows the parts of a phase and hides the others.
 *
 * @param parts   The panel.
 * @param phase   The phase.
 * @param strings The strings (the send button says "Start chat" before the first message).
 */
export function showPhase(
	parts: PanelParts,
	phase: Phase,
	strings: Strings
): void {
	parts.composer.hidden = phase !== 'chat' && phase !== 'prechat';
	parts.pre.hidden = phase !== 'prechat';
	parts.send.textContent =
		phase === 'prechat' ? strings.start_chat : strings.send;
	parts.note.hidden = phase !== 'blocked';
	parts.ended.hidden = phase !== 'ended';
	parts.offline.hidden = phase !== 'offline' && phase !== 'thanks';
	parts.offlineFields.hidden = phase === 'thanks';
	parts.thanks.hidden = phase !== 'thanks';
}

/**
 * Fills the offline form's name and e-mail from a known identity, where the
 * visitor has not typed anything.
 *
 * @param parts       The panel.
 * @param known       The identity's name and e-mail.
 * @param known.name
 * @param known.email
 */
export function prefillOffline(
	parts: PanelParts,
	known: { name?: string; email?: string }
): void {
	const fill = ( control: HTMLInputElement, value = '' ) => {
		control.value = control.value || value;
	};
	fill( parts.offlineName.control, known.name );
	fill( parts.offlineEmail.control, known.email );
}

/**
 * Colours and places the launcher's host (the button and the panel read
 * `--ld-accent` / `--ld-on-accent` and `data-position`).
 *
 * @param host     The shadow root's host element.
 * @param color    Accent colour from safeColor().
 * @param position Corner.
 */
export function applyTheme(
	host: HTMLElement,
	color: string,
	position: 'left' | 'right'
): void {
	host.style.setProperty( '--ld-accent', color );
	host.style.setProperty( '--ld-on-accent', textOn( color ) );
	host.dataset.position = position;
}
