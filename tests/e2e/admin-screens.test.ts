/**
 * External dependencies
 */
import type { Browser, BrowserContext } from 'playwright-core';

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

const env = stackEnv();

const SCREENS = [
	{ slug: 'livedesk', menu: 'Live Chat', heading: 'Live Chat' },
	{ slug: 'livedesk-visitors', menu: 'Visitors', heading: 'Visitors' },
	{ slug: 'livedesk-analytics', menu: 'Analytics', heading: 'Analytics' },
	{ slug: 'livedesk-settings', menu: 'Settings', heading: 'Settings' },
] as const;

const UNINSTALL_TOGGLE = /Delete all LiveDesk data/;

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
} );

afterAll( async () => {
	await browser?.close();
} );

describe( 'as an administrator', () => {
	let context: BrowserContext;

	beforeAll( async () => {
		context = await logIn( browser, env.siteUrl, env.admin );
	} );

	afterAll( async () => {
		await context?.close();
	} );

	it( 'shows the LiveDesk menu with its four screens', async () => {
		const { page } = await watchedPage( context );
		await page.goto( '/wp-admin/' );
		const menu = page.locator( '#toplevel_page_livedesk' );
		await menu.getByRole( 'link', { name: 'LiveDesk' } ).first().waitFor();
		for ( const screen of SCREENS ) {
			await expect(
				menu
					.getByRole( 'link', { name: screen.menu, exact: true } )
					.count()
			).resolves.toBe( 1 );
		}
		await page.close();
	} );

	it.each( SCREENS )(
		'opens $menu from the menu and shows its heading',
		async ( screen ) => {
			const { page, errors } = await watchedPage( context );
			// From the dashboard: the top-level item opens LiveDesk, whose
			// submenu is then expanded in the sidebar.
			await page.goto( '/wp-admin/' );
			const menu = page.locator( '#toplevel_page_livedesk' );
			await menu
				.getByRole( 'link', { name: 'LiveDesk' } )
				.first()
				.click();
			await page.waitForURL( /page=livedesk$/ );
			await menu
				.getByRole( 'link', { name: screen.menu, exact: true } )
				.click();
			await page.waitForURL( new RegExp( `page=${ screen.slug }$` ) );
			const heading = page.getByRole( 'heading', {
				level: 1,
				name: screen.heading,
			} );
			try {
				await heading.waitFor( { timeout: 10000 } );
			} catch ( error ) {
				await screenshot(
					page,
					env.artifacts,
					`admin-${ screen.slug }`
				);
				throw error;
			}
			expect( errors ).toEqual( [] );
			await page.close();
		}
	);

	it( 'changes a setting and keeps it after a reload', async () => {
		const { page, errors } = await watchedPage( context );
		await page.goto( '/wp-admin/admin.php?page=livedesk-settings' );
		const toggle = page.getByRole( 'checkbox', { name: UNINSTALL_TOGGLE } );
		await toggle.waitFor();
		expect( await toggle.isEnabled() ).toBe( true );
		const before = await toggle.isChecked();
		const saved = page.waitForResponse(
			( response ) =>
				/livedesk(\/|%2F)v1(\/|%2F)settings/.test( response.url() ) &&
				response.request().method() !== 'GET'
		);
		await toggle.click();
		expect( ( await saved ).status() ).toBe( 200 );

		await page.reload();
		const after = page.getByRole( 'checkbox', { name: UNINSTALL_TOGGLE } );
		await after.waitFor();
		expect( await after.isChecked() ).toBe( ! before );

		// Put it back so the site is left as it was found.
		const restored = page.waitForResponse(
			( response ) =>
				/livedesk(\/|%2F)v1(\/|%2F)settings/.test( response.url() ) &&
				response.request().method() !== 'GET'
		);
		await after.click();
		expect( ( await restored ).status() ).toBe( 200 );
		expect( errors ).toEqual( [] );
		await page.close();
	} );
} );

describe( 'as a LiveDesk Agent', () => {
	let context: BrowserContext;

	beforeAll( async () => {
		context = await logIn( browser, env.siteUrl, env.agent );
	} );

	afterAll( async () => {
		await context?.close();
	} );

	it.each( [ SCREENS[ 0 ], SCREENS[ 1 ], SCREENS[ 2 ] ] )(
		'opens $menu',
		async ( screen ) => {
			const { page, errors } = await watchedPage( context );
			await page.goto( `/wp-admin/admin.php?page=${ screen.slug }` );
			await page
				.getByRole( 'heading', { level: 1, name: screen.heading } )
				.waitFor( { timeout: 10000 } );
			expect( errors ).toEqual( [] );
			await page.close();
		}
	);

	it( 'sees Settings but cannot change them', async () => {
		const { page } = await watchedPage( context );
		await page.goto( '/wp-admin/admin.php?page=livedesk-settings' );
		await page
			.getByRole( 'heading', { level: 1, name: 'Settings' } )
			.waitFor();
		const toggle = page.getByRole( 'checkbox', { name: UNINSTALL_TOGGLE } );
		await toggle.waitFor();
		expect( await toggle.isDisabled() ).toBe( true );
		await page
			.locator( '#livedesk-admin-root' )
			.getByText( /only administrators/i )
			.waitFor();
		await page.close();
	} );
} );

describe( 'as a subscriber', () => {
	it( 'has no LiveDesk menu and is refused the screens', async () => {
		const context = await logIn( browser, env.siteUrl, env.subscriber );
		const page = await context.newPage();
		await page.goto( '/wp-admin/profile.php' );
		expect( await page.locator( '#toplevel_page_livedesk' ).count() ).toBe(
			0
		);
		await page.goto( '/wp-admin/admin.php?page=livedesk-visitors' );
		await page
			.getByText( 'Sorry, you are not allowed to access this page.' )
			.waitFor();
		await context.close();
	} );
} );
