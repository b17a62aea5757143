/**
 * External dependencies
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Internal dependencies
 */
import type { Login } from './env';

/** Debian's Chromium; playwright-core never downloads a browser here. */
const CHROMIUM = process.env.LIVEDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise< Browser > {
	return chromium.launch( {
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run',
		],
	} );
}

/** A page that records uncaught errors, so a test can assert there were none. */
export interface WatchedPage {
	page: Page;
	errors: string[];
}

/**
 * Opens a page in a context and collects its uncaught errors.
 * @param context
 */
export async function watchedPage(
	context: BrowserContext
): Promise< WatchedPage > {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on( 'pageerror', ( error ) => errors.push( error.message ) );
	return { page, errors };
}

/**
 * Logs in through wp-login.php and returns once wp-admin has loaded.
 * @param browser
 * @param siteUrl
 * @param login
 */
export async function logIn(
	browser: Browser,
	siteUrl: string,
	login: Login
): Promise< BrowserContext > {
	const context = await browser.newContext( { baseURL: siteUrl } );
	// Fail in seconds, not in the default 30: pages here are local.
	context.setDefaultTimeout( 10000 );
	const page = await context.newPage();
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( login.user );
	await page.getByLabel( 'Password', { exact: true } ).fill( login.password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\/?/ ),
		page.getByRole( 'button', { name: 'Log In' } ).click(),
	] );
	await page.close();
	return context;
}

/**
 * Saves a screenshot of a page under the artifacts folder (for failures).
 * @param page
 * @param dir
 * @param name
 */
export async function screenshot(
	page: Page,
	dir: string,
	name: string
): Promise< void > {
	mkdirSync( dir, { recursive: true } );
	await page.screenshot( {
		path: join( dir, `${ name.replace( /[^a-z0-9-]+/gi, '-' ) }.png` ),
		fullPage: true,
	} );
}
