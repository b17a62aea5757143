/**
 * Live chat as a user finds it: the visitor's widget on the public site (a
 * Shadow DOM panel behind the "Chat with us" launcher) and the agents' Live
 * Chat screen in wp-admin, by role, label and text; plus the clocks the chat
 * tests measure delivery with, and the stack's mail log.
 */

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The Live Chat screen's URL, relative to the site. */
export const LIVE_CHAT_SCREEN = '/wp-admin/admin.php?page=livedesk';

/** The visitor's chat: the launcher and the panel it opens. */
export interface ChatWidget {
	page: Page;
	launcher: Locator;
	panel: Locator;
	log: Locator;
	message: Locator;
	/** "Send" (or "Start chat" before the first message). */
	send: Locator;
	startChat: Locator;
	name: Locator;
	/** The pre-chat e-mail field ("Your e-mail (optional)"). */
	email: Locator;
	/** The typing line ("… is typing…"). */
	typing: Locator;
	restart: Locator;
	offline: {
		name: Locator;
		email: Locator;
		message: Locator;
		submit: Locator;
	};
}

/**
 * Locators for the chat widget of a public page.
 *
 * @param page A page of the public site.
 */
export function chatWidget( page: Page ): ChatWidget {
	const panel = page.getByRole( 'dialog', { name: 'Chat', exact: true } );
	return {
		page,
		launcher: page.getByRole( 'button', {
			name: 'Chat with us',
			exact: true,
		} ),
		panel,
		log: panel.getByRole( 'log', { name: 'Messages', exact: true } ),
		message: panel.getByRole( 'textbox', { name: 'Message', exact: true } ),
		send: panel.getByRole( 'button', { name: 'Send', exact: true } ),
		startChat: panel.getByRole( 'button', {
			name: 'Start chat',
			exact: true,
		} ),
		name: panel.getByRole( 'textbox', {
			name: 'Your name (optional)',
			exact: true,
		} ),
		email: panel.getByRole( 'textbox', {
			name: 'Your e-mail (optional)',
			exact: true,
		} ),
		typing: panel.getByRole( 'status' ).filter( { hasText: /typing…/ } ),
		restart: panel.getByRole( 'button', {
			name: 'Start a new chat',
			exact: true,
		} ),
		offline: {
			name: panel.getByRole( 'textbox', {
				name: 'Your name (optional)',
				exact: true,
			} ),
			email: panel.getByRole( 'textbox', {
				name: 'Your e-mail',
				exact: true,
			} ),
			message: panel.getByRole( 'textbox', {
				name: 'Message',
				exact: true,
			} ),
			submit: panel.getByRole( 'button', {
				name: 'Send message',
				exact: true,
			} ),
		},
	};
}

/** The parts of the Live Chat screen a test talks to. */
export interface LiveChatScreen {
	page: Page;
	openTab: Locator;
	archivedTab: Locator;
	search: Locator;
	/** The list of the open tab ("Open"). */
	openList: Locator;
	/** A conversation in the list, by any text it shows (name, excerpt). */
	item: ( text: string | RegExp ) => Locator;
	/** The open conversation: a region named by its heading. */
	pane: Locator;
	paneTitle: Locator;
	log: Locator;
	reply: Locator;
	send: Locator;
	/** The pane's typing line ("Visitor 3 is typing…"). */
	typing: Locator;
	/** The visitor panel (a complementary region, "About this visitor"). */
	visitorPanel: Locator;
	archive: Locator;
	archiveDialog: Locator;
}

/**
 * Locators for the Live Chat screen open in `page`.
 *
 * @param page A page showing the Live Chat screen.
 */
export function liveChatScreen( page: Page ): LiveChatScreen {
	const openList = page.getByRole( 'list', { name: 'Open', exact: true } );
	const log = page.getByRole( 'log', { name: 'Messages', exact: true } );
	// A region named after the conversation (its heading), holding the log.
	const pane = page.getByRole( 'region' ).filter( { has: log } );
	const visitorPanel = page.getByRole( 'complementary', {
		name: 'About this visitor',
		exact: true,
	} );
	return {
		page,
		openTab: page.getByRole( 'tab', { name: /^Open/ } ),
		archivedTab: page.getByRole( 'tab', { name: 'Archived', exact: true } ),
		search: page.getByRole( 'searchbox', { name: 'Search conversations' } ),
		openList,
		item: ( text ) =>
			openList.getByRole( 'button' ).filter( { hasText: text } ),
		pane,
		paneTitle: pane.getByRole( 'heading', { level: 2 } ),
		log,
		reply: page.getByRole( 'textbox', { name: 'Reply', exact: true } ),
		send: page.getByRole( 'button', { name: 'Send', exact: true } ),
		typing: pane
			.getByRole( 'status' )
			.filter( { hasText: / is typing…$/ } ),
		visitorPanel,
		archive: visitorPanel.getByRole( 'button', {
			name: 'Archive',
			exact: true,
		} ),
		archiveDialog: page.getByRole( 'dialog', {
			name: 'Archive this conversation?',
			exact: true,
		} ),
	};
}

/**
 * Opens the Live Chat screen (optionally on a conversation) and waits for
 * its conversation list to have loaded.
 *
 * @param page         A logged-in page.
 * @param conversation A conversation's public id to open.
 */
export async function openLiveChat(
	page: Page,
	conversation?: string
): Promise< LiveChatScreen > {
	await page.goto(
		conversation
			? `${ LIVE_CHAT_SCREEN }&conversation=${ conversation }`
			: LIVE_CHAT_SCREEN
	);
	const screen = liveChatScreen( page );
	await screen.search.waitFor();
	await page
		.getByText( 'Loading conversations…' )
		.waitFor( { state: 'detached' } );
	return screen;
}

/**
 * Starts recording, in `page`, when the user next presses Enter or clicks
 * (capture phase on the window, so events from the widget's shadow root
 * count too). `sentAt` reads it (Unix ms, this machine's clock).
 *
 * @param page The page the user acts in.
 */
export async function armSendClock( page: Page ): Promise< void > {
	await page.evaluate( () => {
		const w = window as unknown as { __ldSentAt?: number };
		delete w.__ldSentAt;
		const mark = () => {
			w.__ldSentAt ??= Date.now();
		};
		window.addEventListener(
			'keydown',
			( event ) => {
				if ( event.key === 'Enter' ) {
					mark();
				}
			},
			{ capture: true, once: false }
		);
		window.addEventListener( 'click', mark, { capture: true } );
	} );
}

/**
 * When the armed action happened (see armSendClock).
 *
 * @param page The page.
 */
export async function sentAt( page: Page ): Promise< number > {
	const at = await page.evaluate(
		() => ( window as unknown as { __ldSentAt?: number } ).__ldSentAt
	);
	if ( typeof at !== 'number' ) {
		throw new Error( 'the send clock never saw Enter or a click' );
	}
	return at;
}

/** Where watchForText looks by default: the "Messages" logs. */
export const MESSAGES_LOG = '[role="log"][aria-label="Messages"]';

/** The Live Chat screen's list of open conversations. */
export const OPEN_LIST = 'ul[aria-label="Open"]';

/**
 * Starts watching `page` for `text` in the elements `where` selects — in
 * the document or in the chat widget's shadow root — and returns a promise
 * of the moment it first appeared (Unix ms; a MutationObserver, so no
 * polling delay is counted).
 *
 * @param page      The page to watch.
 * @param text      The awaited text.
 * @param where     CSS selector of the elements to look in.
 * @param timeoutMs Give up after this long.
 */
export async function watchForText(
	page: Page,
	text: string,
	where: string = MESSAGES_LOG,
	timeoutMs = 10_000
): Promise< { shown: Promise< number > } > {
	const key = `__ldSeen_${ Math.random().toString( 36 ).slice( 2 ) }`;
	await page.evaluate(
		( [ wanted, name, selector ] ) => {
			const w = window as unknown as Record< string, number | undefined >;
			const roots = (): ParentNode[] => {
				const shadow =
					document.getElementById( 'livedesk-chat' )?.shadowRoot;
				return shadow ? [ document, shadow ] : [ document ];
			};
			const seen = () =>
				roots().some( ( root ) =>
					[ ...root.querySelectorAll( selector ) ].some( ( found ) =>
						found.textContent?.includes( wanted )
					)
				);
			const observers: MutationObserver[] = [];
			const observed = new Set< Node >();
			const check = () => {
				if ( w[ name ] !== undefined ) {
					return;
				}
				if ( seen() ) {
					w[ name ] = Date.now();
					observers.forEach( ( o ) => o.disconnect() );
					return;
				}
				// The widget's shadow root may appear later: watch it too.
				roots().forEach( ( root ) => {
					const node = root === document ? document.body : root;
					if ( ! observed.has( node as Node ) ) {
						observed.add( node as Node );
						const observer = new MutationObserver( check );
						observer.observe( node as Node, {
							subtree: true,
							childList: true,
							characterData: true,
						} );
						observers.push( observer );
					}
				} );
			};
			check();
		},
		[ text, key, where ] as const
	);
	const shown = page
		.waitForFunction(
			( name ) =>
				( window as unknown as Record< string, number | undefined > )[
					name
				] ?? null,
			key,
			{ timeout: timeoutMs, polling: 100 }
		)
		.then( ( handle ) => handle.jsonValue() as Promise< number > );
	// Handled here so an early failure is not reported as unhandled; the
	// caller awaits the same promise and sees the error.
	shown.catch( () => undefined );
	return { shown };
}

/**
 * The visitor id the page's tracker and chat share (localStorage), or ''.
 *
 * @param page A page of the public site.
 */
export function storedVisitorId( page: Page ): Promise< string > {
	return page.evaluate( () => {
		try {
			const stored = JSON.parse(
				localStorage.getItem( 'livedesk_visitor' ) || 'null'
			) as { id?: unknown } | null;
			return typeof stored?.id === 'string' ? stored.id : '';
		} catch {
			return '';
		}
	} );
}

/** One e-mail the stack's mail catcher wrote (bin/lib/mu-plugins/livedesk-local-mail.php). */
export interface CaughtMail {
	time: string;
	to: string | string[];
	subject: string;
	message: string;
	headers: unknown;
}

/**
 * Where the stack's mail catcher writes: PHP-FPM passes no environment to
 * WordPress, so it is `<stack dir>/logs/mail.log` (the mu-plugin's default:
 * the folder above ABSPATH); LIVEDESK_STACK_DIR comes from the env file
 * bin/test sources.
 */
export function mailLogPath(): string {
	const dir = process.env.LIVEDESK_STACK_DIR;
	if ( ! dir ) {
		throw new Error(
			'LIVEDESK_STACK_DIR is not set: run the e2e suite through bin/test (it sources the stack env file).'
		);
	}
	return join( dir, 'logs', 'mail.log' );
}

/** Every mail caught so far, oldest first. */
export function caughtMail(): CaughtMail[] {
	const path = mailLogPath();
	if ( ! existsSync( path ) ) {
		return [];
	}
	return readFileSync( path, 'utf8' )
		.split( '\n' )
		.filter( ( line ) => line.trim() !== '' )
		.map( ( line ) => JSON.parse( line ) as CaughtMail );
}

/**
 * How many agents who may answer the sidecar counts, when its /healthz says
 * (null when this build does not report it). The widget's "online" follows
 * the same count (ChatHub.agentsOnline).
 *
 * @param sidecarUrl The sidecar's direct URL.
 */
export async function agentsAnswering(
	sidecarUrl: string
): Promise< number | null > {
	try {
		const response = await fetch( new URL( '/healthz', sidecarUrl ) );
		const body = ( await response.json() ) as {
			chat?: { agentsAnswering?: unknown };
		};
		const count = body.chat?.agentsAnswering;
		return typeof count === 'number' ? count : null;
	} catch {
		return null;
	}
}
