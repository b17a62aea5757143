/**
 * The Visitors screen in headless Chromium, as the benchmark drives it:
 * logged in as the administrator, instrumented before the page's scripts
 * run (instrument.ts), traced per phase through the Chrome DevTools
 * Protocol (Playwright's `browser.startTracing`).
 */

/**
 * External dependencies
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/**
 * Internal dependencies
 */
import { launchBrowser, logIn } from '../../tests/e2e/support/browser';
import type { Login } from '../../tests/e2e/support/env';
import {
	instrumentPage,
	MARK_PREFIX,
	MARKS,
	RECORD_GLOBAL,
	SETTLE_GLOBAL,
} from './instrument';
import type { PageRecord } from './instrument';
import type { CpuProfile } from './profile';
import { mainThreadTasks, parseTrace, TRACE_CATEGORIES } from './trace';
import type { MainTask, TraceEvent } from './trace';

/** The Visitors screen, relative to the site. */
export const SCREEN_PATH = '/wp-admin/admin.php?page=livedesk-visitors';

/** The window the screen is measured (and photographed) in. */
export const VIEWPORT = { width: 1440, height: 900 };

/** A traced stretch of the page's life. */
export interface Traced {
	/** The page's main-thread tasks, in order (empty when none were found). */
	tasks: MainTask[];
	/** First and last timestamp of the trace, µs. */
	from: number;
	to: number;
}

function span( events: readonly TraceEvent[] ): { from: number; to: number } {
	let from = Infinity;
	let to = -Infinity;
	for ( const event of events ) {
		if ( event.ph !== 'M' && event.ts > 0 ) {
			from = Math.min( from, event.ts );
			to = Math.max( to, event.ts + ( event.dur ?? 0 ) );
		}
	}
	return from <= to ? { from, to } : { from: 0, to: 0 };
}

/** What the open screen shows (see ScreenSession.describe). */
export interface ScreenDescription {
	countries: number;
	pins: number | null;
	build: string;
}

/** The browser, the administrator's page on the Visitors screen, its errors. */
export class ScreenSession {
	readonly errors: string[] = [];

	private constructor(
		private readonly browser: Browser,
		readonly page: Page
	) {
		page.on( 'pageerror', ( error ) => this.errors.push( error.message ) );
	}

	/**
	 * Starts Chromium, logs in and prepares (but does not open) the page.
	 *
	 * @param siteUrl  The site.
	 * @param login    The administrator.
	 * @param expected Visitors the screen must list for a full render; null
	 *                 to leave the page uninstrumented (the screenshot).
	 */
	static async start(
		siteUrl: string,
		login: Login,
		expected: number | null
	): Promise< ScreenSession > {
		const browser = await launchBrowser();
		try {
			const context = await logIn( browser, siteUrl, login );
			const page = await context.newPage();
			await page.setViewportSize( VIEWPORT );
			if ( expected !== null ) {
				await page.addInitScript( instrumentPage, { expected } );
			}
			return new ScreenSession( browser, page );
		} catch ( error ) {
			await browser.close();
			throw error;
		}
	}

	/**
	 * What the open screen shows: how many countries its visitors come from,
	 * how many pins the map draws (SVG layer; null on the canvas), and the
	 * `ver` of the admin-visitors.js build it runs.
	 */
	describe(): Promise< ScreenDescription > {
		return this.page.evaluate( () => {
			type Select = ( store: string ) => Record< string, () => unknown >;
			const { wp } = window as unknown as {
				wp: { data: { select: Select } };
			};
			const visitors = wp.data
				.select( 'livedesk/presence' )
				.getVisitors?.() as Array< { geo: { country: string } } >;
			const canvas = document.querySelector(
				'.livedesk-visitor-map__canvas'
			);
			const script = document.querySelector< HTMLScriptElement >(
				'script[src*="admin-visitors.js"]'
			);
			return {
				build: script
					? ( new URL( script.src ).searchParams.get( 'ver' ) ?? '' )
					: '',
				countries: new Set(
					visitors.map( ( v ) => v.geo.country ).filter( Boolean )
				).size,
				pins: canvas
					? null
					: document.querySelectorAll( '.livedesk-visitor-map__pin' )
							.length,
			};
		} );
	}

	/** Chromium's version, e.g. `156.0.8078.79`. */
	version(): string {
		return this.browser.version();
	}

	/**
	 * Opens the screen (or reloads it) and waits until the init script has
	 * seen the full first render.
	 *
	 * @param timeoutMs How long to wait for it.
	 */
	async load( timeoutMs: number ): Promise< PageRecord > {
		const url = this.page.url();
		if ( url.includes( 'page=livedesk-visitors' ) ) {
			await this.page.reload();
		} else {
			await this.page.goto( SCREEN_PATH );
		}
		await this.page.waitForFunction(
			( name ) =>
				( window as unknown as Record< string, PageRecord > )[ name ]
					?.rendered,
			RECORD_GLOBAL,
			{ timeout: timeoutMs, polling: 100 }
		);
		return this.record();
	}

	/** What the init script has recorded so far (upserts counted now). */
	record(): Promise< PageRecord > {
		return this.page.evaluate(
			( name ) =>
				( window as unknown as Record< string, () => PageRecord > )[
					name
				]?.() as PageRecord,
			SETTLE_GLOBAL
		);
	}

	/**
	 * Runs `work` while Chromium traces, and returns the page's main thread.
	 *
	 * @param work   What to trace.
	 * @param saveAs Where to keep the trace (for DevTools' Performance panel), or null.
	 */
	async traced< T >(
		work: () => Promise< T >,
		saveAs: string | null = null
	): Promise< { result: T; trace: Traced } > {
		await this.browser.startTracing( this.page, {
			categories: TRACE_CATEGORIES,
		} );
		let result: T;
		try {
			// A mark from the page, so a phase without messages still shows
			// which thread is the page's main thread.
			await this.page.evaluate( ( label ) => {
				console.timeStamp( label );
			}, MARKS.phase );
			result = await work();
		} catch ( error ) {
			await this.browser.stopTracing().catch( () => undefined );
			throw error;
		}
		const buffer = await this.browser.stopTracing();
		if ( saveAs !== null ) {
			writeFileSync( saveAs, buffer );
		}
		const events = parseTrace( buffer.toString( 'utf8' ) );
		return {
			result,
			trace: {
				tasks: mainThreadTasks( events, MARK_PREFIX ) ?? [],
				...span( events ),
			},
		};
	}

	/**
	 * Runs `work` while V8 samples the page's CPU every 100 µs.
	 *
	 * @param work What to profile.
	 */
	async profiled< T >(
		work: () => Promise< T >
	): Promise< { result: T; profile: CpuProfile } > {
		const session = await this.page.context().newCDPSession( this.page );
		try {
			await session.send( 'Profiler.enable' );
			await session.send( 'Profiler.setSamplingInterval', {
				interval: 100,
			} );
			await session.send( 'Profiler.start' );
			const result = await work();
			const { profile } = await session.send( 'Profiler.stop' );
			return { result, profile: profile as CpuProfile };
		} finally {
			await session.detach().catch( () => undefined );
		}
	}

	/** Closes Chromium. */
	close(): Promise< void > {
		return this.browser.close();
	}
}
