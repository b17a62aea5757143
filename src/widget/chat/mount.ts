/**
 * Internal dependencies
 */
import type { SignedIdentity } from '../../protocol';
import { fetchChatSettings, readChatSettings } from './config';
import { refusalText } from './forms';
import { buildItems, formatTime } from './items';
import { choosePhase } from './phase';
import { createChatSession } from './session';
import { isShadowRoot, typingText } from './support';
import type { ChatHandle, ChatOptions, ChatState } from './types';
import { bindForms } from './view/bind';
import { createMessageList } from './view/message-list';
import {
	applyTheme,
	createPanel,
	labelPanel,
	prefillOffline,
	showPhase,
} from './view/panel';
import { PANEL_CSS } from './view/style';

/**
 * Mounts the visitor's chat panel in `host` (the launcher's shadow root, or
 * an element that gets a shadow root of its own) and connects it: see
 * docs/chat.md, "The widget". Everything a visitor or agent wrote is set as
 * text, never parsed as HTML.
 *
 * @param host    Where the panel goes.
 * @param options See {@link ChatOptions}.
 */
export function mountChat(
	host: ShadowRoot | HTMLElement,
	options: ChatOptions
): ChatHandle {
	const win = options.win ?? window;
	const doc = win.document;
	const fetchImpl: typeof fetch =
		options.fetch ?? ( ( input, init ) => win.fetch( input, init ) );
	const root = isShadowRoot( host )
		? host
		: ( host.shadowRoot ?? host.attachShadow( { mode: 'open' } ) );
	const hostElement = root.host as HTMLElement;
	const listening = new AbortController();
	const state: ChatState = {
		settings: readChatSettings( null, options ),
		conversation: null,
		agentsOnline: null,
		identified: false,
		profile: null,
		offlineSent: false,
		ended: false,
	};
	let open = false;
	let prefilled: SignedIdentity | null = null;

	const style = doc.createElement( 'style' );
	style.textContent =
		( isShadowRoot( host ) ? '' : ':host{display:block}' ) + PANEL_CSS;
	const parts = createPanel( doc );
	parts.panel.classList.toggle( 'inline', !! options.inline );
	parts.close.hidden = !! options.inline;
	root.append( style, parts.panel );

	const toBottom = () => {
		parts.scroller.scrollTop = parts.scroller.scrollHeight;
	};

	const applySettings = () => {
		const { settings } = state;
		applyTheme( hostElement, settings.color, settings.position );
		labelPanel(
			parts,
			settings.strings,
			settings.greeting,
			settings.emailCapture === 'required'
		);
	};

	function render() {
		const { strings } = state.settings;
		const { agentsOnline } = state;
		parts.status.hidden = agentsOnline === null;
		parts.status.textContent = agentsOnline
			? strings.status_online
			: strings.status_offline;
		parts.status.classList.toggle( 'on', !! agentsOnline );
		showPhase(
			parts,
			choosePhase( {
				...chat.phaseInput(),
				ended: state.ended,
				offlineSent: state.offlineSent,
				requireVerified: state.settings.requireVerified,
				emailCapture: state.settings.emailCapture,
			} ),
			strings
		);
		// Focus in a part the new phase hid (the composer, when the offline
		// form replaces it) moves to what is there now.
		if ( root.activeElement?.closest( '[hidden]' ) ) {
			forms.focus();
		}
		// A known visitor need not type their name and e-mail into the
		// offline form: filled in once per identity, where still empty.
		const known = chat.identity();
		if ( known && known !== prefilled ) {
			prefilled = known;
			prefillOffline( parts, known );
		}
		parts.typing.textContent = typingText( chat.agentTyping(), strings );
		const { scrollHeight, scrollTop, clientHeight } = parts.scroller;
		list.render(
			buildItems( { ...chat.items(), strings, time: formatTime } )
		);
		// Follow new messages unless the visitor scrolled up to read.
		if ( scrollHeight - scrollTop - clientHeight < 80 ) {
			toBottom();
		}
		chat.seen();
	}

	const chat = createChatSession( {
		options,
		win,
		fetch: fetchImpl,
		state,
		showing: () => open && doc.visibilityState !== 'hidden',
		onChange: () => render(),
		onRefused: ( failure ) => forms.error( refusalText( failure.code ) ),
	} );
	// Retry on a refused message queues its text again.
	const list = createMessageList( doc, parts.log, chat.retry );

	// Focus moves into the panel when the visitor opens it, not when it
	// comes back open on the next page (that would pull focus from the page).
	const setOpen = ( next: boolean, focus = true ) => {
		if ( options.inline || open === next ) {
			return;
		}
		open = next;
		parts.panel.hidden = ! open;
		hostElement.toggleAttribute( 'data-open', open );
		options.onOpenChange?.( open );
		if ( open ) {
			toBottom();
			if ( focus ) {
				forms.focus();
			}
		}
		chat.seen();
	};

	const forms = bindForms( {
		parts,
		signal: listening.signal,
		state,
		fetch: fetchImpl,
		restUrl: options.restUrl,
		headers: chat.headers,
		isFirst: () => chat.phaseInput().idle,
		add( body, profile ) {
			chat.add( body, profile );
			toBottom();
		},
		typing: chat.typing,
		close: () => setOpen( false ),
		render,
		// The offline message joined the visitor's conversation: show it.
		offlineSent: chat.sync,
	} );

	applySettings();
	render();
	void fetchChatSettings( fetchImpl, options.restUrl, options ).then(
		( settings ) => {
			state.settings = settings;
			applySettings();
			render();
		}
	);
	doc.addEventListener( 'visibilitychange', chat.seen, {
		signal: listening.signal,
	} );
	if ( options.inline ) {
		open = true;
		parts.panel.hidden = false;
	} else if ( options.open !== false ) {
		setOpen( true, ! options.restored );
	}

	return {
		open: () => setOpen( true ),
		close: () => setOpen( false ),
		isOpen: () => open,
		identify: chat.identify,
		setData: chat.setData,
		destroy() {
			chat.close();
			listening.abort();
			forms.stop();
			style.remove();
			parts.panel.remove();
			hostElement.removeAttribute( 'data-open' );
		},
	};
}
