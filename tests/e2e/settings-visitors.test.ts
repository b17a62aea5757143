/**
 * External dependencies
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';

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

const SETTINGS_SCREEN = '/wp-admin/admin.php?page=livedesk-settings';
const TRACKING = 'Track visitors';
const PROXIES = 'Trusted proxies';
const DEFAULT_PROXIES = '127.0.0.1\n::1';

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
} );

afterAll( async () => {
	await browser?.close();
} );

/**
 * Waits for the next settings write the page sends.
 *
 * @param page The settings screen.
 */
function nextSave( page: Page ): Promise< Response > {
	return page.waitForResponse(
		( response ) =>
			/livedesk(\/|%2F)v1(\/|%2F)settings/.test( response.url() ) &&
			response.request().method() !== 'GET'
	);
}

/**
 * Opens the settings screen and returns its Visitors section once loaded.
 *
 * @param page A logged-in page.
 */
async function openVisitorsSection( page: Page ) {
	await page.goto( SETTINGS_SCREEN );
	const section = page.locator( '.livedesk-visitors-settings' );
	await section.getByRole( 'checkbox', { name: TRACKING } ).waitFor();
	return section;
}

describe( 'Settings → Visitors as an administrator', () => {
	let context: BrowserContext;

	beforeAll( async () => {
		context = await logIn( browser, env.siteUrl, env.admin );
	} );

	afterAll( async () => {
		// Whatever happened above, leave tracking on and the proxies at their defaults.
		const page = await context.newPage();
		const section = await openVisitorsSection( page );
		const toggle = section.getByRole( 'checkbox', { name: TRACKING } );
		if ( ! ( await toggle.isChecked() ) ) {
			const saved = nextSave( page );
			await toggle.click();
			await saved;
		}
		const proxies = section.getByRole( 'textbox', { name: PROXIES } );
		if ( ( await proxies.inputValue() ) !== DEFAULT_PROXIES ) {
			await proxies.fill( DEFAULT_PROXIES );
			const saved = nextSave( page );
			await section
				.getByRole( 'button', { name: 'Save trusted proxies' } )
				.click();
			await saved;
		}
		await context?.close();
	} );

	it( 'turns tracking off and on, and each change survives a reload', async () => {
		const { page, errors } = await watchedPage( context );
		try {
			let section = await openVisitorsSection( page );
			let toggle = section.getByRole( 'checkbox', { name: TRACKING } );
			expect( await toggle.isChecked() ).toBe( true );
			expect( await toggle.isEnabled() ).toBe( true );

			let saved = nextSave( page );
			await toggle.click();
			expect( ( await saved ).status() ).toBe( 200 );
			await section.getByText( 'Settings saved.' ).waitFor();

			await page.reload();
			section = page.locator( '.livedesk-visitors-settings' );
			toggle = section.getByRole( 'checkbox', { name: TRACKING } );
			await toggle.waitFor();
			expect( await toggle.isChecked() ).toBe( false );

			saved = nextSave( page );
			await toggle.click();
			expect( ( await saved ).status() ).toBe( 200 );

			section = await openVisitorsSection( page );
			expect(
				await section
					.getByRole( 'checkbox', { name: TRACKING } )
					.isChecked()
			).toBe( true );
			expect( errors ).toEqual( [] );
		} catch ( error ) {
			await screenshot(
				page,
				env.artifacts,
				'settings-visitors-tracking'
			);
			throw error;
		} finally {
			await page.close();
		}
	} );

	it( 'refuses a bad trusted proxy and names it', async () => {
		const { page, errors } = await watchedPage( context );
		try {
			const section = await openVisitorsSection( page );
			const proxies = section.getByRole( 'textbox', { name: PROXIES } );
			expect( await proxies.inputValue() ).toBe( DEFAULT_PROXIES );

			await proxies.fill( '10.0.0.0/8\nnot-a-proxy' );
			const saved = nextSave( page );
			await section
				.getByRole( 'button', { name: 'Save trusted proxies' } )
				.click();
			expect( ( await saved ).status() ).toBe( 400 );

			await section
				.getByText( /"not-a-proxy" is not an IP address or CIDR range/ )
				.waitFor();
			// The edit stays so it can be corrected; nothing was stored.
			expect( await proxies.inputValue() ).toBe(
				'10.0.0.0/8\nnot-a-proxy'
			);
			const reloaded = await openVisitorsSection( page );
			expect(
				await reloaded
					.getByRole( 'textbox', { name: PROXIES } )
					.inputValue()
			).toBe( DEFAULT_PROXIES );
			expect( errors ).toEqual( [] );
		} catch ( error ) {
			await screenshot( page, env.artifacts, 'settings-visitors-proxy' );
			throw error;
		} finally {
			await page.close();
		}
	} );
} );

describe( 'Settings → Visitors as a LiveDesk Agent', () => {
	it( 'shows every control read-only and says why', async () => {
		const context = await logIn( browser, env.siteUrl, env.agent );
		const { page, errors } = await watchedPage( context );
		try {
			const section = await openVisitorsSection( page );
			// The screen's read-only notice, directly above the section, says why.
			await page
				.locator( '#livedesk-admin-root' )
				.getByText( /only administrators/i )
				.waitFor();
			for ( const name of [ TRACKING, 'Wait for consent' ] ) {
				expect(
					await section.getByRole( 'checkbox', { name } ).isDisabled()
				).toBe( true );
			}
			expect(
				await section
					.getByRole( 'combobox', { name: 'Visitor IP addresses' } )
					.isDisabled()
			).toBe( true );
			for ( const name of [ 'Visitor cap', PROXIES ] ) {
				expect(
					await section
						.getByLabel( name, { exact: true } )
						.getAttribute( 'readonly' )
				).not.toBeNull();
			}
			for ( const name of [
				'Save visitor cap',
				'Save trusted proxies',
			] ) {
				expect(
					await section
						.getByRole( 'button', { name } )
						.getAttribute( 'aria-disabled' )
				).toBe( 'true' );
			}
			expect( errors ).toEqual( [] );
		} catch ( error ) {
			await screenshot( page, env.artifacts, 'settings-visitors-agent' );
			throw error;
		} finally {
			await page.close();
			await context.close();
		}
	} );
} );
