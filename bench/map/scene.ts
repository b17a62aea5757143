/**
 * What the simulated visitors of the map benchmark and of the screenshot do:
 * browse a small shop's pages, so every page view changes what the Visitors
 * screen shows (the row's page title), as real navigation does.
 */

/**
 * Internal dependencies
 */
import type { PageView, VisitorAuth } from '../../src/protocol';
import { pick } from '../lib/fleet';
import type { FleetScript } from '../lib/fleet';

/** The site's pages: path and title. */
export const SITE_PAGES: ReadonlyArray< { path: string; title: string } > = [
	{ path: '/', title: 'Home' },
	{ path: '/pricing/', title: 'Pricing' },
	{ path: '/shop/', title: 'Shop' },
	{ path: '/product/trail-running-shoes/', title: 'Trail running shoes' },
	{ path: '/product/merino-hoodie/', title: 'Merino hoodie' },
	{ path: '/cart/', title: 'Cart' },
	{ path: '/checkout/', title: 'Checkout' },
	{ path: '/docs/getting-started/', title: 'Getting started' },
	{ path: '/blog/spring-collection/', title: 'Our spring collection' },
	{ path: '/about/', title: 'About us' },
	{ path: '/contact/', title: 'Contact us' },
];

const REFERRERS = [
	'',
	'https://www.google.com/',
	'',
	'https://duckduckgo.com/',
	'https://www.instagram.com/',
];

/** A browser's language and time zone. */
export interface Locale {
	language: string;
	timezone: string;
}

const LOCALES: readonly Locale[] = [
	{ language: 'en-US', timezone: 'America/New_York' },
	{ language: 'en-GB', timezone: 'Europe/London' },
	{ language: 'de-DE', timezone: 'Europe/Berlin' },
	{ language: 'fr-FR', timezone: 'Europe/Paris' },
	{ language: 'es-ES', timezone: 'Europe/Madrid' },
	{ language: 'pt-BR', timezone: 'America/Sao_Paulo' },
];

/**
 * The page a visitor views at its `step`-th navigation: every visitor walks
 * the site in its own order, so neighbouring visitors show different pages.
 *
 * @param index The visitor.
 * @param step  0 for the landing page, then 1, 2, …
 */
export function sitePage(
	index: number,
	step: number
): { path: string; title: string } {
	return pick( SITE_PAGES, index * 7 + step * ( 1 + ( index % 4 ) ) );
}

/** Options of {@link siteScript}. */
export interface SiteScriptOptions {
	/** A browser's language and time zone; default: one of six, by index. */
	locale?: ( index: number ) => Locale;
	/** The handshake identity (for returning visitors); default none. */
	identity?: ( index: number ) => Pick< VisitorAuth, 'id' | 'sig' >;
	/** Public address of a visitor; default the fleet's. */
	address?: ( index: number ) => string;
}

/**
 * Visitors who land on one of the site's pages and then move on to the next
 * one with each page view.
 *
 * @param options Locale, identity and address per visitor.
 */
export function siteScript( options: SiteScriptOptions = {} ): FleetScript {
	const steps = new Map< number, number >();
	const locale = options.locale ?? ( ( index ) => pick( LOCALES, index ) );
	const view = ( index: number, step: number ): PageView => ( {
		...sitePage( index, step ),
		referrer: pick( REFERRERS, index ),
		...locale( index ),
		visible: true,
	} );
	return {
		auth: ( index ) => ( {
			...options.identity?.( index ),
			page: view( index, 0 ),
		} ),
		pageView: ( index ) => {
			const step = ( steps.get( index ) ?? 0 ) + 1;
			steps.set( index, step );
			return view( index, step );
		},
		address: options.address,
	};
}
