/**
 * Live chat end to end, in two kinds of browser context: visitors on the
 * public site with the real launcher and chat panel (a Shadow DOM widget),
 * and an administrator on wp-admin → LiveDesk → Live Chat and → Visitors.
 * Everything is asserted through what users see: roles, names and text.
 *
 * Each visitor has its own context (its own visitor id) and a public
 * address in X-Forwarded-For, so the per-IP limits of the public chat routes
 * are not shared with other runs. Every conversation a test starts is
 * archived by that test (and, should it fail, by afterAll), so the file can
 * run again on a kept stack; texts carry a per-run id.
 */

/**
 * External dependencies
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Internal dependencies
 */
import type { Conversation } from '../../src/protocol';
import { launchBrowser, logIn, screenshot } from './support/browser';
import {
	OPEN_LIST,
	agentsAnswering,
	armSendClock,
	caughtMail,
	chatWidget,
	openLiveChat,
	sentAt,
	storedVisitorId,
	watchForText,
} from './support/chat';
import type { ChatWidget, LiveChatScreen } from './support/chat';
import { stackEnv } from './support/env';
import { rest } from './support/rest';
import { eventually, openVisitorsScreen } from './support/visitors-screen';
import type { VisitorsScreen } from './support/visitors-screen';

const env = stackEnv();

/** Makes this run's pages and messages unique on a stack kept between runs. */
const RUN = Math.random().toString( 36 ).slice( 2, 8 );
const XSS_NAME = '"><svg onload=alert(1)>';
const SETTINGS = '/livedesk/v1/settings';
const CONVERSATIONS = '/livedesk/v1/conversations';

/** What chat needs on for these tests (the defaults); restored afterwards. */
const CHAT_SETTINGS: Record< string, unknown > = {
	chat_enabled: true,
	chat_email_capture: 'optional',
	chat_require_verified: false,
};

let browser: Browser;
let admin: BrowserContext;
/** A page of the site (no LiveDesk screen, so not an agent) for REST calls. */
let restPage: Page;
let chatPage: Page;
let visitorsPage: Page;
let chat: LiveChatScreen;
let visitors: VisitorsScreen;
let savedSettings: Record< string, unknown > = {};
/** Uncaught errors and dialogs on every page this file opens. */
const pageErrors: string[] = [];
const dialogs: string[] = [];
/** The WordPress pages this file creates, and the conversations it starts. */
const createdPages: number[] = [];
const conversations = new Set< string >();
const visitorContexts: BrowserContext[] = [];
/** What the delivery tests measured, for the note. */
const latency: Record< string, number > = {};

interface CreatedPage {
	id: number;
	link: string;
}

/**
 * Records a page's uncaught errors and dialogs (dismissing them).
 *
 * @param page A page.
 * @param who  Whose page (for the report).
 */
function watch( page: Page, who: string ): Page {
	page.on( 'pageerror', ( error ) =>
		pageErrors.push( `${ who }: ${ error.message }` )
	);
	page.on( 'dialog', ( dialog ) => {
		dialogs.push( `${ who }: ${ dialog.type() } ${ dialog.message() }` );
		void dialog.dismiss().catch( () => undefined );
	} );
	return page;
}

/**
 * Publishes a WordPress page as the admin; visitors' rows show its title.
 *
 * @param title Its title.
 */
async function publishPage( title: string ): Promise< CreatedPage > {
	const page = await rest< CreatedPage >( restPage, 'POST', '/wp/v2/pages', {
		title,
		content:
			'<!-- wp:paragraph --><p>Orchids for every window sill.</p><!-- /wp:paragraph -->',
		status: 'publish',
	} );
	createdPages.push( page.id );
	return page;
}

/**
 * A visitor's browser: its own context, from a public address in the UK.
 *
 * @param who Whose page (for the report).
 */
async function visitorPage( who: string ): Promise< Page > {
	const context = await browser.newContext( {
		baseURL: env.siteUrl,
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		extraHTTPHeaders: {
			'X-Forwarded-For': `81.2.69.${ 1 + Math.floor( Math.random() * 250 ) }`,
		},
	} );
	context.setDefaultTimeout( 10_000 );
	visitorContexts.push( context );
	return watch( await context.newPage(), who );
}

/**
 * "Visitor N" of a Visitors row.
 *
 * @param text The row's text.
 */
function nameIn( text: string | null ): string {
	const name = /Visitor \d+/.exec( text ?? '' )?.[ 0 ];
	if ( ! name ) {
		throw new Error( `no visitor name in row "${ text }"` );
	}
	return name;
}

/**
 * The public id of the conversation open on the Live Chat screen (the
 * screen keeps it in its address).
 *
 * @param page The Live Chat screen.
 */
function selectedConversation( page: Page ): string {
	const id = new URL( page.url() ).searchParams.get( 'conversation' );
	if ( ! id ) {
		throw new Error( `no conversation in ${ page.url() }` );
	}
	conversations.add( id );
	return id;
}

/**
 * Archives a conversation over REST (what a test leaves behind).
 *
 * @param id Public id.
 */
async function archive( id: string ): Promise< void > {
	const current = await rest< Conversation >(
		restPage,
		'GET',
		`${ CONVERSATIONS }/${ id }`
	);
	if ( current.status === 'open' ) {
		await rest( restPage, 'POST', `${ CONVERSATIONS }/${ id }/archive` );
	}
}

/**
 * Opens the chat panel with the launcher (once: a second click closes it).
 *
 * @param widget The visitor's widget.
 */
async function openChat( widget: ChatWidget ): Promise< void > {
	if (
		( await widget.launcher.getAttribute( 'aria-expanded' ) ) !== 'true'
	) {
		await widget.launcher.click();
	}
	await widget.panel.waitFor();
}

/**
 * Starts a conversation from the open panel's pre-chat form.
 *
 * @param widget The visitor's widget, its panel open.
 * @param body   The first message.
 * @param name   What to type into "Your name (optional)".
 */
async function startChat(
	widget: ChatWidget,
	body: string,
	name = ''
): Promise< void > {
	await widget.startChat.waitFor();
	if ( name ) {
		await widget.name.fill( name );
	}
	await widget.message.fill( body );
	await widget.startChat.click();
	await widget.log.getByText( body ).waitFor();
}

/**
 * Runs a test step, saving screenshots of the pages when it fails.
 *
 * @param name  What the step is (the screenshots' name).
 * @param pages The pages worth a screenshot.
 * @param run   The step.
 */
async function step(
	name: string,
	pages: Array< Page | undefined >,
	run: () => Promise< void >
) {
	try {
		await run();
	} catch ( error ) {
		for ( const [ index, page ] of pages.entries() ) {
			if ( page && ! page.isClosed() ) {
				await screenshot(
					page,
					env.artifacts,
					`chat-${ name }-${ index }`
				).catch( () => undefined );
			}
		}
		throw error;
	}
}

beforeAll( async () => {
	browser = await launchBrowser();
	admin = await logIn( browser, env.siteUrl, env.admin );
	restPage = watch( await admin.newPage(), 'admin REST page' );
	await restPage.goto( '/wp-json/' );

	const settings = await rest< Record< string, unknown > >(
		restPage,
		'GET',
		SETTINGS
	);
	const changes = Object.fromEntries(
		Object.entries( CHAT_SETTINGS ).filter(
			( [ key, value ] ) => settings[ key ] !== value
		)
	);
	savedSettings = Object.fromEntries(
		Object.keys( changes ).map( ( key ) => [ key, settings[ key ] ] )
	);
	if ( Object.keys( changes ).length > 0 ) {
		await rest( restPage, 'POST', SETTINGS, changes );
	}

	chatPage = watch( await admin.newPage(), 'Live Chat' );
	visitorsPage = watch( await admin.newPage(), 'Visitors' );
	[ chat, visitors ] = await Promise.all( [
		openLiveChat( chatPage ),
		openVisitorsScreen( visitorsPage ),
	] );
} );

afterAll( async () => {
	if ( restPage && ! restPage.isClosed() ) {
		// Whatever happened: no conversation of this run stays open, the
		// settings are as they were, the pages go.
		const leftOpen = await rest< Conversation[] >(
			restPage,
			'GET',
			`${ CONVERSATIONS }?status=open&per_page=100&search=${ RUN }`
		).catch( () => [] as Conversation[] );
		for ( const id of [
			...conversations,
			...leftOpen.map( ( c ) => c.id ),
		] ) {
			await archive( id ).catch( () => undefined );
		}
		if ( Object.keys( savedSettings ).length > 0 ) {
			await rest( restPage, 'POST', SETTINGS, savedSettings ).catch(
				() => undefined
			);
		}
		for ( const id of createdPages ) {
			await rest(
				restPage,
				'DELETE',
				`/wp/v2/pages/${ id }?force=true`
			).catch( () => undefined );
		}
	}
	if ( Object.keys( latency ).length > 0 ) {
		console.log(
			`chat e2e latencies (ms): ${ JSON.stringify( latency ) }`
		);
	}
	await browser?.close();
} );

describe( 'a chat between a visitor and an agent on Live Chat', () => {
	let title: string;
	let alice: Page;
	let widget: ChatWidget;
	let aliceId: string;
	let conversation: string;

	beforeAll( async () => {
		title = `Orchid care ${ RUN }`;
		const landing = await publishPage( title );
		alice = await visitorPage( 'visitor A' );
		await alice.goto( landing.link );
		// The page loaded and its tracker connected: the Visitors screen lists it.
		await visitors.row( title ).waitFor();
		aliceId = await storedVisitorId( alice );
		widget = chatWidget( alice );
	} );

	it( 'delivers the visitor’s message to the agent within 1 s, and the reply back', async () => {
		await step( 'messages', [ alice, chatPage ], async () => {
			expect( aliceId ).toMatch( /^[0-9a-f]{32}$/ );
			await openChat( widget );
			expect(
				await widget.launcher.getAttribute( 'aria-expanded' )
			).toBe( 'true' );
			// The admin's screens are connected: the widget says so.
			await widget.panel
				.getByText( 'We’re online', { exact: true } )
				.or( widget.panel.getByText( "We're online", { exact: true } ) )
				.waitFor();

			// The first message starts the conversation: it shows in the list.
			const first = `Hello, do you sell orchids? ${ RUN }`;
			const listed = await watchForText( chatPage, first, OPEN_LIST );
			await widget.message.fill( first );
			await armSendClock( alice );
			await widget.startChat.click();
			latency.firstMessageToList =
				( await listed.shown ) - ( await sentAt( alice ) );
			await widget.log.getByText( first ).waitFor();

			const item = chat.item( first );
			await item.waitFor();
			expect( await item.textContent() ).toContain( 'Widget' );
			await item.click();
			await chat.log.getByText( first ).waitFor();
			conversation = selectedConversation( chatPage );
			const label = ( await chat.paneTitle.textContent() ) ?? '';
			expect( label ).toMatch( /^Visitor \d+$/ );
			// The conversation is this visitor's (the tracker's id).
			const stored = await rest< Conversation >(
				restPage,
				'GET',
				`${ CONVERSATIONS }/${ conversation }`
			);
			expect( stored.visitor_id ).toBe( aliceId );
			expect( stored.source ).toBe( 'widget' );
			await chat.visitorPanel.waitFor();
			await chat.visitorPanel
				.getByRole( 'button', { name: 'Assign to me', exact: true } )
				.waitFor();

			// With the conversation open, a message is measured into the log.
			const second = `Is the white one in stock? ${ RUN }`;
			const seen = await watchForText( chatPage, second );
			await widget.message.fill( second );
			await armSendClock( alice );
			await widget.message.press( 'Enter' );
			latency.visitorToAgent =
				( await seen.shown ) - ( await sentAt( alice ) );
			await chat.log.getByText( second ).waitFor();
			// The visitor's own message is marked delivered, then seen.
			await widget.log
				.getByText( second )
				.locator( '..' )
				.getByText( /Delivered|Seen/ )
				.waitFor();

			// The agent replies; the visitor sees it.
			const reply = `Yes, the white one ships tomorrow. ${ RUN }`;
			const got = await watchForText( alice, reply );
			await chat.reply.fill( reply );
			await armSendClock( chatPage );
			await chat.reply.press( 'Enter' );
			latency.agentToVisitor =
				( await got.shown ) - ( await sentAt( chatPage ) );
			await widget.log.getByText( reply ).waitFor();
			expect( await chat.reply.inputValue() ).toBe( '' );
			await chat.log.getByText( reply ).waitFor();

			console.log(
				`chat latency: visitor → agent ${ latency.visitorToAgent } ms (first message → Live Chat list ${ latency.firstMessageToList } ms); agent → visitor ${ latency.agentToVisitor } ms`
			);
			expect( latency.visitorToAgent ).toBeLessThanOrEqual( 1000 );
			expect( latency.firstMessageToList ).toBeLessThanOrEqual( 1000 );
			expect( latency.agentToVisitor ).toBeLessThanOrEqual( 1000 );
		} );
	} );

	it( 'shows the visitor typing also right after they sent a message', async () => {
		await step( 'typing-after-send', [ alice, chatPage ], async () => {
			// A visitor sends a message and at once types the start of the
			// next one, then pauses: for the widget they are typing (it
			// says "stopped" only after TYPING_IDLE_MS, 3 s, without a key).
			const body = `Do you ship abroad? ${ RUN }`;
			await widget.message.fill( body );
			await widget.message.press( 'Enter' );
			await chat.log.getByText( body ).waitFor();
			const startedAt = Date.now();
			const shown = chat.typing
				.waitFor( { timeout: 2500 } )
				.then( () => Date.now() );
			await widget.message.pressSequentially( 'And to Norway', {
				delay: 30,
			} );
			try {
				latency.visitorTypingAfterSend = ( await shown ) - startedAt;
				expect( await chat.typing.textContent() ).toMatch(
					/^Visitor \d+ is typing…$/
				);
			} finally {
				// Stopped typing (the box cleared): nothing left for the next test.
				await widget.message.fill( '' );
			}
		} );
	} );

	it( 'shows typing both ways', async () => {
		await step( 'typing', [ alice, chatPage ], async () => {
			const label = ( await chat.paneTitle.textContent() ) ?? '';
			// The visitor types: the pane and the list say so.
			const startedAt = Date.now();
			const shown = chat.typing
				.waitFor( { timeout: 5000 } )
				.then( () => Date.now() );
			await widget.message.pressSequentially( 'Do you ship', {
				delay: 30,
			} );
			latency.visitorTypingShown = ( await shown ) - startedAt;
			expect( await chat.typing.textContent() ).toBe(
				`${ label } is typing…`
			);
			await chat.item( 'typing…' ).waitFor();
			// …and stops (clears the box): the indicator goes at once.
			await widget.message.fill( '' );
			await chat.typing.waitFor( { state: 'detached', timeout: 3000 } );
			expect( await chat.item( 'typing…' ).count() ).toBe( 0 );

			// The agent types in "Reply": the widget shows who is typing.
			const agentStartedAt = Date.now();
			const agentShown = widget.typing
				.waitFor( { timeout: 5000 } )
				.then( () => Date.now() );
			await chat.reply.pressSequentially( 'Let me check', {
				delay: 30,
			} );
			latency.agentTypingShown = ( await agentShown ) - agentStartedAt;
			expect( await widget.typing.textContent() ).toMatch(
				/^\S.* is typing…$/
			);
			await chat.reply.fill( '' );
			await widget.typing.waitFor( { state: 'detached', timeout: 3000 } );
		} );
	} );

	it( 'archives: the visitor leaves the Visitors list at once and the widget says the chat ended', async () => {
		await step( 'archive', [ alice, chatPage, visitorsPage ], async () => {
			const row = visitors.row( title );
			await row.getByText( 'Chatting', { exact: true } ).waitFor();
			const label = ( await chat.paneTitle.textContent() ) ?? '';
			expect( nameIn( await row.textContent() ) ).toBe( label );

			await chat.archive.click();
			await chat.archiveDialog.waitFor();
			expect( await chat.archiveDialog.textContent() ).toContain( label );
			const confirm = chat.archiveDialog.getByRole( 'button', {
				name: 'Archive',
				exact: true,
			} );
			await confirm.waitFor();
			// Measured from the agent's click (in the page), not from when
			// the test asked for it (the dialog settles first).
			await armSendClock( chatPage );
			await confirm.click();
			await row.waitFor( { state: 'detached', timeout: 5000 } );
			latency.archiveToVisitorsList =
				Date.now() - ( await sentAt( chatPage ) );
			expect( latency.archiveToVisitorsList ).toBeLessThanOrEqual( 2000 );
			expect(
				await visitorsPage
					.locator( `[data-visitor-id="${ aliceId }"]` )
					.count()
			).toBe( 0 );

			// The widget: the conversation ended, a new one can start.
			await widget.restart.waitFor();
			// The widget's own line ("Conversation ended"), or the stored
			// system note when it arrived before the status change.
			const ended = widget.log.getByText(
				/^Conversation (ended|archived)$/
			);
			await ended.waitFor();
			// The agent's pane: archived, replies closed.
			await chatPage.getByText( /Replies are closed\./ ).waitFor();
			expect( await chat.reply.count() ).toBe( 0 );
			const stored = await rest< Conversation >(
				restPage,
				'GET',
				`${ CONVERSATIONS }/${ conversation }`
			);
			expect( stored.status ).toBe( 'archived' );
			// Still on the page, the visitor is not listed again until their next page view.
			await chatPage.waitForTimeout( 500 );
			expect( await visitors.row( title ).count() ).toBe( 0 );

			// A system note has no author line (message-list.ts hides it).
			expect(
				await ended
					.locator( '..' )
					.getByText( 'Support', { exact: true } )
					.isVisible()
			).toBe( false );
		} );
	} );
} );

describe( 'a chat started before the page has loaded', () => {
	it( 'is linked to the visitor’s Visitors entry (one visitor id for the tracker and the chat)', async () => {
		const title = `Orchid pots ${ RUN }`;
		const landing = await publishPage( title );
		const bob = await visitorPage( 'visitor B' );
		await step(
			'early-click',
			[ bob, chatPage, visitorsPage ],
			async () => {
				// Hold the page's load event until the launcher was clicked: one
				// image that answers only when told to (the tracker starts after load).
				let release = () => undefined as void;
				const stalled = new Promise< void >( ( resolve ) => {
					release = resolve;
				} );
				await bob.route(
					'**/livedesk-e2e-stall.gif',
					async ( route ) => {
						await stalled;
						await route
							.fulfill( { status: 204, body: '' } )
							.catch( () => undefined );
					}
				);
				await bob.addInitScript( () => {
					document.addEventListener( 'DOMContentLoaded', () => {
						const img = document.createElement( 'img' );
						img.alt = '';
						img.hidden = true;
						img.src = '/livedesk-e2e-stall.gif';
						document.body.append( img );
					} );
				} );
				await bob.goto( landing.link, { waitUntil: 'commit' } );
				const widget = chatWidget( bob );
				await widget.launcher.click();
				const readyState = await bob.evaluate(
					() => document.readyState
				);
				expect( readyState ).not.toBe( 'complete' );
				release();

				const body = `Which pot fits a phalaenopsis? ${ RUN }`;
				await startChat( widget, body );
				const item = chat.item( body );
				await item.waitFor();
				await item.click();
				await chat.log.getByText( body ).waitFor();
				const id = selectedConversation( chatPage );

				// One entry on the Visitors screen, chatting, under the same name.
				const row = visitors.row( title );
				await row.getByText( 'Chatting', { exact: true } ).waitFor();
				expect( await row.count() ).toBe( 1 );
				const rowName = nameIn( await row.textContent() );
				await eventually(
					async () => ( await chat.paneTitle.textContent() ) ?? '',
					( label ) => label === rowName,
					'the Live Chat header'
				);
				expect( await chat.item( body ).textContent() ).toContain(
					rowName
				);
				const visitorId = await storedVisitorId( bob );
				const stored = await rest< Conversation >(
					restPage,
					'GET',
					`${ CONVERSATIONS }/${ id }`
				);
				expect( stored.visitor_id ).toBe( visitorId );

				await archive( id );
				await row.waitFor( { state: 'detached' } );
			}
		);
	} );
} );

describe( 'a visitor name made of markup', () => {
	it( 'is shown as text on Live Chat and on the Visitors screen, and runs nothing', async () => {
		const title = `Orchid soil ${ RUN }`;
		const landing = await publishPage( title );
		const carol = await visitorPage( 'visitor C' );
		await step( 'markup-name', [ chatPage, visitorsPage ], async () => {
			await carol.goto( landing.link );
			await visitors.row( title ).waitFor();
			const widget = chatWidget( carol );
			const body = `Which soil do you recommend? ${ RUN }`;
			await openChat( widget );
			await startChat( widget, body, XSS_NAME );

			// The Live Chat list, the pane's header and the visitor panel.
			const item = chat.item( body );
			await item.waitFor();
			expect( await item.textContent() ).toContain( XSS_NAME );
			await item.click();
			await chat.log.getByText( body ).waitFor();
			const id = selectedConversation( chatPage );
			await eventually(
				async () => ( await chat.paneTitle.textContent() ) ?? '',
				( label ) => label === XSS_NAME,
				'the pane header'
			);
			await chat.pane
				.getByRole( 'heading', { name: XSS_NAME, exact: true } )
				.waitFor();
			expect(
				await chat.visitorPanel
					.getByText( XSS_NAME, { exact: true } )
					.count()
			).toBeGreaterThanOrEqual( 2 ); // the label and the Name field
			// The visitor's own messages are named after them in the log.
			expect( await chat.log.textContent() ).toContain( XSS_NAME );

			// The Visitors list row and the drawer.
			const row = visitors.row( XSS_NAME );
			await row.waitFor();
			expect( await row.textContent() ).toContain( title );
			await row.getByText( 'Chatting', { exact: true } ).waitFor();
			await row.click();
			const drawer = visitors.drawer( XSS_NAME );
			await drawer.waitFor();
			expect( await drawer.textContent() ).toContain( XSS_NAME );

			for ( const page of [ chatPage, visitorsPage, carol ] ) {
				expect( await page.locator( 'svg[onload]' ).count() ).toBe( 0 );
			}
			expect( dialogs ).toEqual( [] );
			expect( pageErrors ).toEqual( [] );

			await drawer.getByRole( 'button', { name: 'Close' } ).click();
			await drawer.waitFor( { state: 'detached' } );
			await archive( id );
			await row.waitFor( { state: 'detached' } );
		} );
	} );
} );

describe( 'with no agent online', () => {
	it( 'offers the offline form, stores the message as a conversation and e-mails the team', async () => {
		// The only agent connections are the admin's two screens.
		await chatPage.close();
		await visitorsPage.close();
		const counted = await agentsAnswering( env.sidecarUrl );
		if ( counted !== null ) {
			await eventually(
				() => agentsAnswering( env.sidecarUrl ),
				( count ) => count === 0,
				'agents the sidecar counts'
			);
		}

		const dave = await visitorPage( 'visitor D' );
		await step( 'offline', [ dave ], async () => {
			await dave.goto( '/sample-page/' );
			const widget = chatWidget( dave );
			await openChat( widget );
			await widget.panel
				.getByText( 'We’ll reply by e-mail', { exact: true } )
				.or(
					widget.panel.getByText( "We'll reply by e-mail", {
						exact: true,
					} )
				)
				.waitFor();
			await widget.offline.submit.waitFor();
			expect( await widget.message.count() ).toBe( 1 ); // the form's field only
			expect( await widget.startChat.count() ).toBe( 0 );

			const name = `Olive Offline ${ RUN }`;
			const email = `olive.${ RUN }@example.com`;
			const body = `Please call me about a bulk order. ${ RUN }`;
			const mailBefore = caughtMail().length;
			await widget.offline.name.fill( name );
			await widget.offline.email.fill( email );
			await widget.offline.message.fill( body );
			await widget.offline.submit.click();
			await widget.panel
				.getByRole( 'status' )
				.filter( { hasText: /^Thank you! We.ll reply by e-mail/ } )
				.waitFor();

			// Stored as a conversation, visible to an admin.
			const [ stored ] = await eventually(
				() =>
					rest< Conversation[] >(
						restPage,
						'GET',
						`${ CONVERSATIONS }?status=open&search=${ encodeURIComponent(
							body
						) }`
					),
				( list ) => list.length === 1,
				'the offline conversation'
			);
			if ( ! stored ) {
				throw new Error( 'no offline conversation' );
			}
			conversations.add( stored.id );
			expect( stored.name ).toBe( name );
			expect( stored.email ).toBe( email );
			expect( stored.source ).toBe( 'widget' );
			expect( stored.last_message?.body ).toBe( body );
			expect( stored.visitor_id ).toBe( await storedVisitorId( dave ) );

			// wp_mail was called once, to the team, with the message.
			const mail = caughtMail()
				.slice( mailBefore )
				.filter( ( m ) => m.message.includes( body ) );
			expect( mail ).toHaveLength( 1 );
			const settings = await rest< { chat_offline_email?: string } >(
				restPage,
				'GET',
				SETTINGS
			);
			const site = await rest< { email: string } >(
				restPage,
				'GET',
				'/wp/v2/settings'
			);
			expect( mail[ 0 ]?.to ).toBe(
				settings.chat_offline_email || site.email
			);
			expect( mail[ 0 ]?.message ).toContain( name );
			expect( mail[ 0 ]?.message ).toContain( email );

			// An agent opening Live Chat finds it.
			const later = watch( await admin.newPage(), 'Live Chat (later)' );
			chatPage = later;
			const screen = await openLiveChat( later, stored.id );
			await screen.log.getByText( body ).waitFor();
			expect( await screen.paneTitle.textContent() ).toBe( name );
			await archive( stored.id );
			expect( pageErrors ).toEqual( [] );
		} );
	} );
} );
