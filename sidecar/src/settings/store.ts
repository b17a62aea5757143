/**
 * Keeps the site's settings current: re-reads them on an interval and tells
 * listeners what changed, so tracking, the cap and the IP mode apply to live
 * connections within one interval, without a restart.
 */

/**
 * Internal dependencies
 */
import type { Logger } from '../log';
import { Poller } from '../poller';
import { SITE_OPTIONS, parseSiteSettings } from './site-settings';
import type { SiteSettings } from './site-settings';

/** Where option rows come from (the options repository in production). */
export interface SiteOptionsSource {
	getMany: (
		names: readonly string[]
	) => Promise< ReadonlyMap< string, string > >;
}

/** Collaborators of a {@link SiteSettingsStore}. */
export interface SiteSettingsStoreDeps {
	source: SiteOptionsSource;
	extraOrigins: readonly string[];
	intervalMs: number;
	log: Logger;
	describeError: ( error: unknown ) => string;
}

/** Called after each change with the new and the previous settings. */
export type SettingsListener = (
	settings: SiteSettings,
	previous: SiteSettings | null
) => void;

function sameSet( a: ReadonlySet< string >, b: ReadonlySet< string > ) {
	return a.size === b.size && [ ...a ].every( ( item ) => b.has( item ) );
}

function changed( a: SiteSettings, b: SiteSettings ): boolean {
	return (
		a.tracking !== b.tracking ||
		a.consentMode !== b.consentMode ||
		a.ipMode !== b.ipMode ||
		a.cap !== b.cap ||
		a.chatEnabled !== b.chatEnabled ||
		a.chatRequireVerified !== b.chatRequireVerified ||
		a.identitySecret !== b.identitySecret ||
		a.trustedProxies.entries.join( '\n' ) !==
			b.trustedProxies.entries.join( '\n' ) ||
		! sameSet( a.origins, b.origins )
	);
}

/** Holds the settings in force; null until the first successful read. */
export class SiteSettingsStore {
	private settings: SiteSettings | null = null;
	private problems = '';
	private readonly listeners: SettingsListener[] = [];
	private readonly poller: Poller;
	private readonly deps: SiteSettingsStoreDeps;

	constructor( deps: SiteSettingsStoreDeps ) {
		this.deps = deps;
		this.poller = new Poller( () => this.read(), deps.intervalMs );
	}

	/** The settings in force, or null while none could be read yet. */
	current(): SiteSettings | null {
		return this.settings;
	}

	/**
	 * Registers a listener for changes (including the first read).
	 *
	 * @param listener Called with the new and previous settings.
	 */
	onChange( listener: SettingsListener ): void {
		this.listeners.push( listener );
	}

	/** Reads now (never throws), then keeps re-reading. */
	start(): Promise< void > {
		return this.poller.start();
	}

	/** Stops re-reading. */
	stop(): Promise< void > {
		return this.poller.stop();
	}

	/** Re-reads now. */
	refresh(): Promise< void > {
		return this.poller.runNow();
	}

	private async read(): Promise< void > {
		const { source, extraOrigins, log, describeError } = this.deps;
		let rows: ReadonlyMap< string, string >;
		try {
			rows = await source.getMany( SITE_OPTIONS );
		} catch ( error ) {
			// Keep the last good settings through a database blip.
			this.report( [
				`cannot read settings: ${ describeError( error ) }`,
			] );
			return;
		}
		const { settings, problems } = parseSiteSettings( rows, extraOrigins );
		this.report( problems );
		const previous = this.settings;
		if ( previous !== null && ! changed( settings, previous ) ) {
			return;
		}
		this.settings = settings;
		log.info(
			{
				tracking: settings.tracking,
				consentMode: settings.consentMode,
				ipMode: settings.ipMode,
				cap: settings.cap,
				trustedProxies: settings.trustedProxies.entries,
				origins: [ ...settings.origins ],
				chatEnabled: settings.chatEnabled,
				chatRequireVerified: settings.chatRequireVerified,
				// Whether one is set, never the secret itself.
				identitySecret: settings.identitySecret !== null,
			},
			previous === null ? 'settings loaded' : 'settings changed'
		);
		for ( const listener of this.listeners ) {
			listener( settings, previous );
		}
	}

	// Logged when the list changes, not on every read.
	private report( problems: string[] ): void {
		const text = problems.join( '; ' );
		if ( text !== '' && text !== this.problems ) {
			this.deps.log.warn( { problems }, 'settings problems' );
		}
		this.problems = text;
	}
}
