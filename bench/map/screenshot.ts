/**
 * The screenshot in docs/ (`bin/bench map --screenshot docs/visitors-screen.png`):
 * about forty simulated visitors from many countries on the benchmark stack
 * — some returning, some gone (offline), one with two tabs — and the
 * administrator's Visitors screen with the newest visitor's drawer open.
 */

/**
 * External dependencies
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Internal dependencies
 */
import { signVisitorId } from '../../sidecar/src/auth/visitor-identity';
import type { VisitorIdentity } from '../../src/protocol';
import { BenchDb } from '../lib/db';
import { VisitorFleet, visitorAddress } from '../lib/fleet';
import type { FleetScript } from '../lib/fleet';
import { ScreenSession, SCREEN_PATH } from './page';
import type { MapTarget } from './types';
import { siteScript, sitePage } from './scene';
import type { Locale } from './scene';

/** Visitors already on the site when the featured one arrives. */
export const CROWD = 39;
/** Of them, these have left (offline, greyed). */
const GONE = [ 6, 13, 27 ];
/** The visitor whose drawer is open (its address is that of crowd visitor 18, in Brazil: a pin the drawer does not cover). */
const FEATURED_ADDRESS = visitorAddress( 18 );

// Browser languages of the countries the crowd comes from (else en-US).
const LANGUAGES: Readonly< Record< string, string > > = {
	AT: 'de-AT',
	AU: 'en-AU',
	BG: 'bg-BG',
	BR: 'pt-BR',
	CN: 'zh-CN',
	DE: 'de-DE',
	FI: 'fi-FI',
	FR: 'fr-FR',
	GB: 'en-GB',
	GR: 'el-GR',
	IL: 'he-IL',
	IT: 'it-IT',
	KR: 'ko-KR',
	KW: 'ar-KW',
	MX: 'es-MX',
	NL: 'nl-NL',
	RU: 'ru-RU',
	SE: 'sv-SE',
	TH: 'th-TH',
};

/**
 * A browser locale that fits a visitor's country and time zone.
 *
 * @param country  ISO country code, or ''.
 * @param timezone IANA time zone, or ''.
 */
export function localeFor( country: string, timezone: string ): Locale {
	return {
		language: LANGUAGES[ country ] ?? 'en-US',
		timezone: timezone || 'UTC',
	};
}

/**
 * A stable visitor identity for a name, signed as the sidecar would sign it.
 *
 * @param name   Anything unique.
 * @param secret The site's `livedesk_secret`.
 */
export function identityFor( name: string, secret: string ): VisitorIdentity {
	const id = createHash( 'sha256' )
		.update( `livedesk-screenshot:${ name }` )
		.digest( 'hex' )
		.slice( 0, 32 );
	return { id, sig: signVisitorId( id, secret ) };
}

// Locale per address, from the same geo database the sidecar uses.
async function localeOf(): Promise< ( address: string ) => Locale > {
	const { default: geoip } = await import( 'geoip-lite' );
	return ( address ) => {
		const found = geoip.lookup( address );
		return localeFor( found?.country ?? '', found?.timezone ?? '' );
	};
}

/**
 * The featured visitor's two tabs: the shop in front, the docs behind.
 * @param identity
 * @param locale
 */
function featuredScript(
	identity: VisitorIdentity,
	locale: Locale
): FleetScript {
	const front = siteScript( {
		identity: () => identity,
		locale: () => locale,
		address: () => FEATURED_ADDRESS,
	} );
	return {
		...front,
		auth: ( index ) =>
			index === 0
				? front.auth( 0 )
				: {
						...identity,
						page: {
							...sitePage( 3, 4 ),
							referrer: '',
							...locale,
							visible: false,
						},
					},
	};
}

/**
 * Builds the scene and saves the screenshot.
 *
 * @param target   The stack.
 * @param path     Where to write the PNG.
 * @param progress Called with a line of progress for a human.
 */
export async function takeScreenshot(
	target: MapTarget,
	path: string,
	progress: ( line: string ) => void
): Promise< void > {
	const db = await BenchDb.connect( target.env );
	const secret = await db.option( 'livedesk_secret' );
	await db.close();
	if ( ! secret ) {
		throw new Error(
			'option livedesk_secret is not set: is the plugin active?'
		);
	}
	const locale = await localeOf();
	const origin = new URL( target.siteUrl ).origin;
	const crowd = new VisitorFleet( {
		sidecarUrl: target.sidecarUrl,
		origin,
		script: siteScript( {
			locale: ( index ) => locale( visitorAddress( index ) ),
			// Every third visitor has been here before.
			identity: ( index ) =>
				index % 3 === 1
					? identityFor( `crowd-${ index }`, secret )
					: {},
		} ),
	} );
	const featured = new VisitorFleet( {
		sidecarUrl: target.sidecarUrl,
		origin,
		script: featuredScript(
			identityFor( 'featured', secret ),
			locale( FEATURED_ADDRESS )
		),
	} );
	const screen = await ScreenSession.start(
		target.siteUrl,
		target.admin,
		null
	);
	try {
		progress( `${ CROWD } visitors arrive, browse and some leave` );
		await crowd.ramp( CROWD, 20, performance.now() + 30_000 );
		for ( let round = 0; round < 3; round++ ) {
			await sleep( 1200 );
			for ( let index = 0; index < CROWD; index++ ) {
				if ( index % 4 > round ) {
					crowd.pageView( index );
				}
			}
		}
		GONE.forEach( ( index ) => crowd.close( index ) );
		progress( 'The featured visitor arrives with two tabs and browses' );
		await featured.ramp( 2, 2, performance.now() + 30_000 );
		for ( let step = 0; step < 3; step++ ) {
			await sleep( 1500 );
			featured.pageView( 0 );
		}
		// The sidecar writes page views once a second; the drawer reads them back.
		await sleep( 2500 );
		await photograph(
			screen,
			identityFor( 'featured', secret ).id,
			path,
			CROWD + 1
		);
		progress( `Saved ${ path }` );
	} finally {
		await screen.close();
		crowd.closeAll();
		featured.closeAll();
	}
}

async function photograph(
	screen: ScreenSession,
	visitorId: string,
	path: string,
	listed: number
): Promise< void > {
	const { page } = screen;
	await page.goto( SCREEN_PATH );
	await page
		.locator( `.livedesk-visitor-row[aria-setsize="${ listed }"]` )
		.first()
		.waitFor();
	await page.locator( `[data-visitor-id="${ visitorId }"]` ).click();
	await page
		.locator( '.livedesk-visitor-drawer__pages li' )
		.nth( 2 )
		.waitFor();
	// Fonts (the emoji flags among them) and the last frame.
	await page.evaluate( () => document.fonts.ready.then( () => undefined ) );
	await sleep( 500 );
	if ( screen.errors.length > 0 ) {
		throw new Error(
			`errors on the page: ${ screen.errors.join( ' | ' ) }`
		);
	}
	mkdirSync( dirname( path ), { recursive: true } );
	await page.screenshot( { path } );
}
