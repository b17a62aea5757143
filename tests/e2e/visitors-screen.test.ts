/**
 * The Visitors screen end to end: visitors browse the public site in their
 * own browser contexts with the real tracker, while an administrator (and
 * later a LiveDesk Agent) watch them on wp-admin → LiveDesk → Visitors.
 *
 * Locations come from the sidecar's geoip-lite lookup of X-Forwarded-For:
 * each visitor context sends the header with every request, the WebSocket
 * upgrade included, and nginx appends its own hop; the sidecar believes it
 * because that hop (127.0.0.1) is a trusted proxy by default. A visitor row
 * with a country flag, and a pin named after the city, prove it got through.
 *
 * The tests run in order and share the visitors they create.
 */

/**
 * External dependencies
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/**
 * Internal dependencies
 */
import {
	launchBrowser,
	logIn,
	screenshot,
	watchedPage,
} from './support/browser';
import { stackEnv } from './support/env';
import { rest, restRequest } from './support/rest';
import {
	VISITORS_SCREEN,
	describedValue,
	eventually,
	loadedAt,
	openVisitorsScreen,
	visitorsScreen,
	watchForVisitor,
} from './support/visitors-screen';
import type { VisitorsScreen } from './support/visitors-screen';

const env = stackEnv();

/** Makes this run's pages and titles unique on a stack kept between runs. */
const RUN = Math.random().toString( 36 ).slice( 2, 8 );
const LANDING_TITLE = `Orchid landing ${ RUN }`;
const PRICING_TITLE = `Orchid pricing ${ RUN }`;
const XSS_TITLE = '<img src=x onerror=alert(1)>';

// Public addresses geoip-lite 1.4 places in a city (checked with its lookup()).
const ST_ALBANS = { ip: '81.2.69.142', place: 'St Albans, United Kingdom' };
const POULSBO = { ip: '216.160.83.56', place: 'Poulsbo, United States' };
const PLYMOUTH = { ip: '2.125.160.216', place: 'Plymouth, United Kingdom' };

/** A search result the first visitor "came from"; its query is never shown. */
const REFERRER = 'https://search.example/results?q=orchids';

const SETTINGS = '/livedesk/v1/settings';

let browser: Browser;
let admin: BrowserContext;
let adminPage: Page;
/** A LiveDesk Agent, logged in (used by the last tests). */
let agent: BrowserContext;
let screen: VisitorsScreen;
/** Uncaught errors and dialogs on the admin's Visitors screen. */
const adminErrors: string[] = [];
const adminDialogs: string[] = [];
/** The WordPress pages this file creates (and deletes afterwards). */
const created: number[] = [];

/** The first visitor: St Albans, lands on the landing page, follows a link. */
let alice: BrowserContext;
let alicePage: Page;
let aliceName = '';
/** The second visitor: Poulsbo, on a page whose title is markup. */
let bob: BrowserContext;
let bobPage: Page;

interface CreatedPage {
	id: number;
	link: string;
}

/**
 * Publishes a WordPress page as the admin.
 *
 * @param title   Its title.
 * @param content Its block content.
 */
async function publishPage(
	title: string,
	content: string
): Promise< CreatedPage > {
	const page = await rest< CreatedPage >( adminPage, 'POST', '/wp/v2/pages', {
		title,
		content,
		status: 'publish',
	} );
	created.push( page.id );
	return page;
}

/**
 * A visitor's browser: its own context with a public client address.
 *
 * @param ip       What X-Forwarded-For says.
 * @param locale   Browser language.
 * @param timezone Browser time zone.
 */
async function visitorContext(
	ip: string,
	locale: string,
	timezone: string
): Promise< BrowserContext > {
	const context = await browser.newContext( {
		baseURL: env.siteUrl,
		locale,
		timezoneId: timezone,
		extraHTTPHeaders: { 'X-Forwarded-For': ip },
	} );
	context.setDefaultTimeout( 10_000 );
	return context;
}

/**
 * "Visitor N" of a row.
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
 * The drawer's "Last pages viewed" list.
 *
 * @param drawer The details drawer.
 */
function lastPages( drawer: Locator ): Locator {
	return drawer
		.getByRole( 'heading', { name: 'Last pages viewed' } )
		.locator( 'xpath=following-sibling::*[1]' );
}

/**
 * Runs a test step, saving a screenshot of the admin's screen when it fails.
 *
 * @param name What the step is (the screenshot's name).
 * @param run  The step.
 */
async function step( name: string, run: () => Promise< void > ) {
	// Each step starts from the whole list, no drawer open.
	const open = screen.page.getByRole( 'dialog' );
	if ( ( await open.count() ) > 0 ) {
		await open.getByRole( 'button', { name: 'Close' } ).click();
	}
	if ( ( await screen.filter.count() ) > 0 ) {
		await screen.filter.fill( '' );
	}
	try {
		await run();
	} catch ( error ) {
		await screenshot(
			screen.page,
			env.artifacts,
			`visitors-${ name }`
		).catch( () => undefined );
		throw error;
	}
}

beforeAll( async () => {
	browser = await launchBrowser();
	// Both log in at once: wp-login.php and the dashboard are the slow part.
	[ admin, agent ] = await Promise.all( [
		logIn( browser, env.siteUrl, env.admin ),
		logIn( browser, env.siteUrl, env.agent ),
	] );
	adminPage = await admin.newPage();
	adminPage.on( 'pageerror', ( error ) => adminErrors.push( error.message ) );
	adminPage.on( 'dialog', ( dialog ) => {
		adminDialogs.push( `${ dialog.type() }: ${ dialog.message() }` );
		void dialog.dismiss();
	} );
	screen = await openVisitorsScreen( adminPage );
} );

afterAll( async () => {
	if ( adminPage ) {
		// Whatever happened, tracking stays on and the pages go.
		await rest( adminPage, 'POST', SETTINGS, { tracking: true } ).catch(
			() => undefined
		);
		for ( const id of created ) {
			await rest(
				adminPage,
				'DELETE',
				`/wp/v2/pages/${ id }?force=true`
			).catch( () => undefined );
		}
	}
	await browser?.close();
} );

describe( 'the Visitors screen with visitors on the site', () => {
	it( 'lists and plots a visitor within 2 s of their page loading', async () => {
		await step( 'appears', async () => {
			const pricing = await publishPage(
				PRICING_TITLE,
				'<!-- wp:paragraph --><p>Plans and prices.</p><!-- /wp:paragraph -->'
			);
			const landing = await publishPage(
				LANDING_TITLE,
				`<!-- wp:paragraph --><p><a href="${ pricing.link }">See our prices</a></p><!-- /wp:paragraph -->`
			);

			const watch = await watchForVisitor(
				adminPage,
				LANDING_TITLE,
				ST_ALBANS.place
			);
			alice = await visitorContext(
				ST_ALBANS.ip,
				'en-GB',
				'Europe/London'
			);
			alicePage = await alice.newPage();
			await alicePage.goto( landing.link, { referer: REFERRER } );
			const loaded = await loadedAt( alicePage );
			const shown = await watch.shown;
			const rowMs = shown.row - loaded;
			const pinMs = shown.pin - loaded;
			// A functional bound (issue 5): "appears within 2 s of landing".
			expect( rowMs ).toBeLessThanOrEqual( 2000 );
			expect( pinMs ).toBeLessThanOrEqual( 2000 );

			const row = screen.row( LANDING_TITLE );
			await row.waitFor();
			expect( await row.count() ).toBe( 1 );
			aliceName = nameIn( await row.textContent() );
			// Status in words, the flag named, the page's title; a first visit.
			await row.getByText( 'Online', { exact: true } ).waitFor();
			await row.getByRole( 'img', { name: 'United Kingdom' } ).waitFor();
			expect( await row.getByText( 'Returning visitor' ).count() ).toBe(
				0
			);
			expect( await screen.pin( ST_ALBANS.place ).count() ).toBe( 1 );
		} );
	} );

	it( 'follows the visitor to another page: the row shows its title', async () => {
		await step( 'navigates', async () => {
			await Promise.all( [
				alicePage.waitForURL( /orchid-pricing/ ),
				alicePage
					.getByRole( 'link', { name: 'See our prices' } )
					.click(),
			] );
			const row = screen.row( PRICING_TITLE );
			await row.waitFor();
			expect( nameIn( await row.textContent() ) ).toBe( aliceName );
			await row.getByText( 'Online', { exact: true } ).waitFor();
			expect( await screen.row( LANDING_TITLE ).count() ).toBe( 0 );
		} );
	} );

	it( 'opens the details drawer from the row and from the pin', async () => {
		await step( 'drawer', async () => {
			await screen.row( PRICING_TITLE ).click();
			const drawer = screen.drawer( aliceName );
			await drawer.waitFor();
			const field = ( label: string ) => describedValue( drawer, label );
			const text = async ( label: string ) =>
				( ( await field( label ).textContent() ) ?? '' ).trim();

			expect( await text( 'Status' ) ).toMatch( /^Online\b/ );
			expect( await text( 'Connected at' ) ).toMatch(
				/\d{1,2}:\d{2}:\d{2}/
			);
			expect( await text( 'Current page' ) ).toContain( PRICING_TITLE );
			expect( await text( 'Current page' ) ).toContain(
				`/orchid-pricing-${ RUN }/`
			);
			expect( await text( 'Open tabs' ) ).toContain( PRICING_TITLE );
			// The query of the referrer never reaches the screen.
			expect( await text( 'Referrer' ) ).toMatch(
				/^https:\/\/search\.example\//
			);
			expect( await text( 'Referrer' ) ).not.toContain( 'orchids' );
			expect( await text( 'Browser language' ) ).toBe(
				'British English (en-GB)'
			);
			expect( await text( 'Time zone' ) ).toBe( 'Europe/London' );
			// The visitor's wall clock (hours and minutes), in their zone.
			const local = await text( 'Visitor’s local time' );
			expect( local ).toMatch( /\d{2}:\d{2}:\d{2}/ );
			const london = new Intl.DateTimeFormat( 'en-US', {
				timeZone: 'Europe/London',
				hour: '2-digit',
				minute: '2-digit',
			} );
			expect( [
				london.format( Date.now() ),
				london.format( Date.now() - 5000 ),
			] ).toContain( local.replace( /:\d{2}(?=\D*$)/, '' ) );
			expect( await text( 'Country' ) ).toBe( '🇬🇧 United Kingdom' );
			expect( await text( 'Region' ) ).toBe( 'ENG' );
			expect( await text( 'City' ) ).toBe( 'St Albans' );
			expect( await text( 'Browser' ) ).toMatch( /Chrom/ );
			expect( await text( 'Operating system' ) ).toMatch( /Linux/ );
			expect( await text( 'Device' ) ).toBe( 'Desktop' );

			// Time on the page ticks while the drawer is open.
			const before = await text( 'Time on this page' );
			expect( before ).toMatch( /^\d+:\d{2}$/ );
			await eventually(
				() => text( 'Time on this page' ),
				( now ) => now !== before,
				'time on this page',
				3000
			);

			// The stored history: one visit, both pages newest first, with titles.
			await eventually(
				() => text( 'Visits' ),
				( visits ) => visits === '1',
				'visits'
			);
			const pages = lastPages( drawer ).getByRole( 'listitem' );
			await eventually(
				() => pages.allTextContents(),
				( items ) => items.length === 2,
				'last pages viewed'
			);
			const items = await pages.allTextContents();
			expect( items[ 0 ] ).toContain( PRICING_TITLE );
			expect( items[ 1 ] ).toContain( LANDING_TITLE );
			expect( items[ 1 ] ).toContain( `/orchid-landing-${ RUN }/` );

			await drawer.getByRole( 'button', { name: 'Close' } ).click();
			await drawer.waitFor( { state: 'detached' } );

			// The pin opens the same visitor.
			await screen.pin( ST_ALBANS.place ).click();
			await drawer.waitFor();
			expect( await text( 'City' ) ).toBe( 'St Albans' );
			expect( await text( 'Current page' ) ).toContain( PRICING_TITLE );
			expect(
				await screen
					.pin( ST_ALBANS.place )
					.getAttribute( 'aria-pressed' )
			).toBe( 'true' );
			await drawer.getByRole( 'button', { name: 'Close' } ).click();
			await drawer.waitFor( { state: 'detached' } );
		} );
	} );

	it( 'is operable from the keyboard: Tab to the list, arrows, Enter, Escape', async () => {
		await step( 'keyboard', async () => {
			const { page, list, filter } = screen;
			// Narrow the list to this run's visitor, then go back to the list.
			await filter.focus();
			await page.keyboard.type( RUN );
			await screen.row( PRICING_TITLE ).waitFor();
			await page.keyboard.press( 'Shift+Tab' );
			expect(
				await list.evaluate(
					( el ) => el === el.ownerDocument.activeElement
				)
			).toBe( true );
			await page.keyboard.press( 'End' );
			await page.keyboard.press( 'ArrowUp' );
			await page.keyboard.press( 'ArrowDown' );
			const active = await list.getAttribute( 'aria-activedescendant' );
			expect( active ).toBeTruthy();
			expect(
				await page.locator( `[id="${ active }"]` ).textContent()
			).toContain( PRICING_TITLE );

			await page.keyboard.press( 'Enter' );
			const drawer = screen.drawer( aliceName );
			await drawer.waitFor();
			expect(
				await drawer.evaluate( ( el ) =>
					el.contains( el.ownerDocument.activeElement )
				)
			).toBe( true );
			await page.keyboard.press( 'Escape' );
			await drawer.waitFor( { state: 'detached' } );
			// Focus is back where it was.
			expect(
				await list.evaluate(
					( el ) => el === el.ownerDocument.activeElement
				)
			).toBe( true );

			await screen.page
				.getByRole( 'button', { name: 'Clear filter' } )
				.click();
			expect( await filter.inputValue() ).toBe( '' );
		} );
	} );

	it( 'shows a page title made of markup as text, and runs nothing', async () => {
		await step( 'markup-title', async () => {
			bob = await visitorContext(
				POULSBO.ip,
				'en-US',
				'America/Los_Angeles'
			);
			bobPage = await bob.newPage();
			await bobPage.goto( '/sample-page/' );
			await screen.pin( POULSBO.place ).waitFor();
			await bobPage.evaluate( ( title ) => {
				document.title = title;
				window.history.pushState( {}, '', '/sample-page/markup/' );
			}, XSS_TITLE );

			const row = screen.row( XSS_TITLE );
			await row.waitFor();
			const bobName = nameIn( await row.textContent() );
			await row.getByRole( 'img', { name: 'United States' } ).waitFor();
			await row.click();
			const drawer = screen.drawer( bobName );
			await drawer.waitFor();
			expect(
				await describedValue( drawer, 'Current page' ).textContent()
			).toContain( XSS_TITLE );
			expect(
				await describedValue( drawer, 'Open tabs' ).textContent()
			).toContain( XSS_TITLE );
			// The stored history holds it too, and shows it as text.
			await lastPages( drawer )
				.getByRole( 'listitem' )
				.filter( { hasText: XSS_TITLE } )
				.waitFor();
			expect( await describedValue( drawer, 'City' ).textContent() ).toBe(
				'Poulsbo'
			);
			await drawer.getByRole( 'button', { name: 'Close' } ).click();

			expect( await adminPage.locator( 'img[src="x"]' ).count() ).toBe(
				0
			);
			expect( adminDialogs ).toEqual( [] );
			expect( adminErrors ).toEqual( [] );
		} );
	} );

	it( 'filters by city and by page title as you type, and clearing restores the list', async () => {
		await step( 'filter', async () => {
			const { list, filter } = screen;
			const options = list.getByRole( 'option' );
			const total = await options.count();
			expect( total ).toBeGreaterThanOrEqual( 2 );
			const summary = screen.page.getByText( /visitors? shown\.$/ );

			await filter.fill( 'st albans' );
			await screen.row( XSS_TITLE ).waitFor( { state: 'detached' } );
			await screen.row( PRICING_TITLE ).waitFor();
			await summary.waitFor();
			// The map follows the filter.
			await screen.pin( POULSBO.place ).waitFor( { state: 'detached' } );
			expect( await screen.pin( ST_ALBANS.place ).count() ).toBe( 1 );

			await filter.fill( 'Poulsbo' );
			await screen.row( PRICING_TITLE ).waitFor( { state: 'detached' } );
			await screen.row( XSS_TITLE ).waitFor();

			await filter.fill( PRICING_TITLE.toUpperCase() );
			await screen.row( PRICING_TITLE ).waitFor();
			expect( await options.count() ).toBe( 1 );
			expect( await summary.textContent() ).toMatch(
				new RegExp( `^1 of ${ total } visitors shown\\.$` )
			);

			await filter.fill( 'onerror' );
			await screen.row( XSS_TITLE ).waitFor();
			expect( await screen.row( PRICING_TITLE ).count() ).toBe( 0 );

			await filter.fill( '' );
			await screen.row( PRICING_TITLE ).waitFor();
			expect( await options.count() ).toBe( total );
			expect( await screen.pin( POULSBO.place ).count() ).toBe( 1 );
			expect( await summary.count() ).toBe( 0 );
		} );
	} );

	it( 'turns a visitor offline as soon as they close the page', async () => {
		await step( 'offline', async () => {
			const row = screen.row( PRICING_TITLE );
			await row.getByText( 'Online', { exact: true } ).waitFor();
			await alicePage.close();
			await row.getByText( 'Offline', { exact: true } ).waitFor( {
				timeout: 5000,
			} );
			// Still listed (the 30-minute tail), with when they left.
			await row.click();
			const drawer = screen.drawer( aliceName );
			await drawer.waitFor();
			expect(
				await describedValue( drawer, 'Status' ).textContent()
			).toMatch( /^Offline\b/ );
			expect(
				await describedValue( drawer, 'Left at' ).textContent()
			).toMatch( /\d{1,2}:\d{2}:\d{2}/ );
			await screen.page.keyboard.press( 'Escape' );
			await drawer.waitFor( { state: 'detached' } );
			await alice.close();
		} );
	} );
} );

describe( 'the Visitors screen for a LiveDesk Agent', () => {
	let agentPage: Page;
	let agentErrors: string[];

	beforeAll( async () => {
		( { page: agentPage, errors: agentErrors } =
			await watchedPage( agent ) );
	} );

	it( 'sees the live visitors, but the REST API refuses a tracking change', async () => {
		const agentScreen = await openVisitorsScreen( agentPage );
		await agentScreen.row( XSS_TITLE ).waitFor();
		await agentScreen.pin( POULSBO.place ).waitFor();

		// Settings → Visitors is read-only for agents (settings-visitors.test.ts);
		// the route itself refuses them too.
		const refused = await restRequest< { code: string } >(
			agentPage,
			'POST',
			SETTINGS,
			{ tracking: false }
		);
		expect( refused.status ).toBe( 403 );
		expect( refused.body.code ).toBe( 'rest_forbidden' );
		const settings = await rest< { tracking: boolean } >(
			adminPage,
			'GET',
			SETTINGS
		);
		expect( settings.tracking ).toBe( true );
	} );

	it( 'with tracking off, both screens say why the map is empty; only the admin gets the link', async () => {
		await step( 'tracking-off', async () => {
			await rest( adminPage, 'POST', SETTINGS, { tracking: false } );
			try {
				await adminPage.goto( VISITORS_SCREEN );
				const off = adminPage.getByRole( 'heading', {
					name: 'Tracking is off',
				} );
				await off.waitFor();
				await adminPage
					.getByText(
						/LiveDesk is not following visitors on this site/
					)
					.waitFor();
				expect( await screen.map.count() ).toBe( 0 );
				expect( await screen.list.count() ).toBe( 0 );

				await agentPage.reload();
				const agentScreen = visitorsScreen( agentPage );
				await agentPage
					.getByRole( 'heading', { name: 'Tracking is off' } )
					.waitFor();
				await agentPage
					.getByText(
						'An administrator can turn it on in LiveDesk Settings.'
					)
					.waitFor();
				expect(
					await agentPage
						.getByRole( 'link', { name: /Turn tracking on/ } )
						.count()
				).toBe( 0 );
				expect( await agentScreen.map.count() ).toBe( 0 );

				// The admin's link leads to the switch.
				await adminPage
					.getByRole( 'link', {
						name: 'Turn tracking on in Settings',
					} )
					.click();
				await adminPage.waitForURL( /page=livedesk-settings/ );
				const toggle = adminPage.getByRole( 'checkbox', {
					name: 'Track visitors',
				} );
				await toggle.waitFor();
				expect( await toggle.isChecked() ).toBe( false );
			} finally {
				await rest( adminPage, 'POST', SETTINGS, { tracking: true } );
			}

			// Back on, the map comes back and new visitors appear on it (the
			// sidecar re-reads the switch within seconds; a tab it refused
			// meanwhile stops for good, so each try is a fresh page load).
			screen = await openVisitorsScreen( adminPage );
			const carol = await visitorContext(
				PLYMOUTH.ip,
				'en-GB',
				'Europe/London'
			);
			try {
				const page = await carol.newPage();
				await eventually(
					async () => {
						await page.goto( '/sample-page/' );
						return screen
							.pin( PLYMOUTH.place )
							.waitFor( { timeout: 2500 } )
							.then(
								() => true,
								() => false
							);
					},
					( shown ) => shown,
					'a visitor after tracking was turned back on',
					10_000
				);
				await screen.row( 'Sample Page' ).waitFor();
			} finally {
				await carol.close();
			}
			await bob?.close();
			expect( agentErrors ).toEqual( [] );
			expect( adminErrors ).toEqual( [] );
			expect( adminDialogs ).toEqual( [] );
		} );
	} );
} );
