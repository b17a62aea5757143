/**
 * The Visitors screen as a user finds its parts: by role, label and text.
 */

/**
 * External dependencies
 */
import type { Locator, Page } from 'playwright-core';

/** The screen's URL, relative to the site. */
export const VISITORS_SCREEN = '/wp-admin/admin.php?page=livedesk-visitors';

/**
 * A regular expression matching `text` literally.
 *
 * @param text Any text.
 */
export function literal( text: string ): string {
	return text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}

/**
 * The value (`<dd>`) a `<dt>` label names, in a description list: the drawer's
 * fields and the map's totals card are both labelled this way.
 *
 * @param scope Where to look (the drawer, the map).
 * @param label The label, exactly.
 */
export function describedValue(
	scope: Locator | Page,
	label: string
): Locator {
	return scope
		.locator( 'dt' )
		.filter( { hasText: new RegExp( `^${ literal( label ) }$` ) } )
		.locator( 'xpath=following-sibling::dd[1]' );
}

/** The parts of the Visitors screen a test talks to. */
export interface VisitorsScreen {
	page: Page;
	list: Locator;
	map: Locator;
	filter: Locator;
	/** The row (listbox option) showing `text` (a page title, a name). */
	row: ( text: string ) => Locator;
	/** The map pin of a place, e.g. "St Albans, United Kingdom". */
	pin: ( place: string ) => Locator;
	/** The details drawer of "Visitor N". */
	drawer: ( name: string ) => Locator;
}

/**
 * Locators for the Visitors screen open in `page`.
 *
 * @param page A page showing the Visitors screen.
 */
export function visitorsScreen( page: Page ): VisitorsScreen {
	const list = page.getByRole( 'listbox', { name: 'Visitors' } );
	return {
		page,
		list,
		map: page.getByRole( 'group', { name: 'World map of live visitors' } ),
		filter: page.getByRole( 'searchbox', { name: 'Filter visitors' } ),
		row: ( text ) => list.getByRole( 'option' ).filter( { hasText: text } ),
		pin: ( place ) =>
			page.getByRole( 'button', {
				name: new RegExp( `^${ literal( place ) }: \\d+ visitors?$` ),
			} ),
		drawer: ( name ) => page.getByRole( 'dialog', { name, exact: true } ),
	};
}

/**
 * Opens the Visitors screen and waits until the live connection has
 * delivered its first snapshot (the totals card shows a number).
 *
 * @param page A logged-in page.
 */
export async function openVisitorsScreen(
	page: Page
): Promise< VisitorsScreen > {
	await page.goto( VISITORS_SCREEN );
	await describedValue( page, 'Live visitors' )
		.filter( { hasText: /^\d/ } )
		.waitFor();
	return visitorsScreen( page );
}

/** When (Unix ms, this machine's clock) a visitor's row and pin first showed. */
export interface ShownAt {
	row: number;
	pin: number;
}

/**
 * Starts watching the screen for a row containing `rowText` and for one more
 * visitor on the pin of `pinPlace` than when the watch began (the pin may
 * already be there for others); `shown` resolves with the moment each first
 * appeared in the DOM (a MutationObserver, so no polling delay is counted).
 *
 * @param page      The Visitors screen.
 * @param rowText   Text of the awaited row.
 * @param pinPlace  The awaited pin's place, e.g. "St Albans, United Kingdom".
 * @param timeoutMs Give up after this long.
 */
export async function watchForVisitor(
	page: Page,
	rowText: string,
	pinPlace: string,
	timeoutMs = 15_000
): Promise< { shown: Promise< ShownAt > } > {
	await page.evaluate(
		( [ text, place ] ) => {
			const pinCount = (): number => {
				for ( const pin of document.querySelectorAll(
					'[role="button"][aria-label]'
				) ) {
					const label = pin.getAttribute( 'aria-label' ) ?? '';
					if ( label.startsWith( `${ place }: ` ) ) {
						return Number(
							/: (\d+) visitors?/.exec( label )?.[ 1 ]
						);
					}
				}
				return 0;
			};
			const before = pinCount();
			const seen: { row?: number; pin?: number } = {};
			const check = () => {
				const now = Date.now();
				if (
					seen.row === undefined &&
					[ ...document.querySelectorAll( '[role="option"]' ) ].some(
						( row ) => row.textContent?.includes( text )
					)
				) {
					seen.row = now;
				}
				if ( seen.pin === undefined && pinCount() > before ) {
					seen.pin = now;
				}
				if ( seen.row !== undefined && seen.pin !== undefined ) {
					observer.disconnect();
				}
			};
			const observer = new MutationObserver( check );
			observer.observe( document.body, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true,
				attributeFilter: [ 'aria-label' ],
			} );
			( window as unknown as { __ldShown: typeof seen } ).__ldShown =
				seen;
		},
		[ rowText, pinPlace ] as const
	);
	const shown = page
		.waitForFunction(
			() => {
				const seen = (
					window as unknown as {
						__ldShown: { row?: number; pin?: number };
					}
				 ).__ldShown;
				return seen.row !== undefined && seen.pin !== undefined
					? seen
					: null;
			},
			undefined,
			{ timeout: timeoutMs, polling: 100 }
		)
		.then( ( handle ) => handle.jsonValue() as Promise< ShownAt > );
	// Handled here so an early failure is not reported as unhandled; the
	// caller awaits the same promise and sees the error.
	shown.catch( () => undefined );
	return { shown };
}

/**
 * When the page's `load` event fired, in Unix ms (this machine's clock).
 *
 * @param page A loaded page.
 */
export function loadedAt( page: Page ): Promise< number > {
	return page.evaluate( () => {
		const [ navigation ] = performance.getEntriesByType(
			'navigation'
		) as PerformanceNavigationTiming[];
		return performance.timeOrigin + ( navigation?.loadEventStart ?? 0 );
	} );
}

/**
 * Polls `read` until `accept` holds for its value; returns that value.
 *
 * @param read      Reads the current value.
 * @param accept    Whether the value is the awaited one.
 * @param what      What is awaited (for the error).
 * @param timeoutMs Give up after this long.
 */
export async function eventually< T >(
	read: () => Promise< T >,
	accept: ( value: T ) => boolean,
	what: string,
	timeoutMs = 10_000
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if ( accept( value ) ) {
			return value;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`${ what }: still ${ JSON.stringify( value ) } after ${ timeoutMs } ms`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
}
