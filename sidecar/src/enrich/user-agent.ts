/**
 * The visitor's browser, OS and kind of device from the User-Agent header,
 * with a small LRU cache: most visitors share a handful of user agents, and
 * parsing runs a few hundred regular expressions.
 */

/**
 * External dependencies
 */
import UAParser from 'ua-parser-js';

/**
 * Internal dependencies
 */
import type { PresenceDevice } from '../../../src/protocol';

/** Longest user agent parsed; the header is visitor-controlled. */
export const MAX_USER_AGENT_LENGTH = 512;

/** Longest value kept for each of browser, OS and device. */
export const MAX_DEVICE_FIELD_LENGTH = 64;

// ua-parser's device types that the protocol knows; desktop is implied.
const DEVICE_TYPES: ReadonlySet< string > = new Set( [
	'mobile',
	'tablet',
	'smarttv',
	'console',
	'wearable',
	'embedded',
] );

// Control characters have no place in a label shown to agents.
const CONTROL = /[\u0000-\u001f\u007f]/g;

const clip = ( value: string | undefined ): string =>
	( value ?? '' )
		.replace( CONTROL, '' )
		.trim()
		.slice( 0, MAX_DEVICE_FIELD_LENGTH );

const unknown = (): PresenceDevice => ( { browser: '', os: '', device: '' } );

/** Parses user agents into {@link PresenceDevice}, remembering recent ones. */
export class UserAgentParser {
	private readonly cache = new Map< string, PresenceDevice >();

	/**
	 * @param maxEntries How many distinct user agents to remember (at least 1).
	 */
	constructor( private readonly maxEntries = 1000 ) {}

	/** How many user agents are remembered now. */
	get size(): number {
		return this.cache.size;
	}

	/**
	 * The browser, OS and device of a user agent; '' for what is unknown.
	 * Returns a fresh object each time, so callers may keep or change it.
	 *
	 * @param ua The User-Agent header, if any.
	 */
	parse( ua: string | undefined ): PresenceDevice {
		const key = ( ua ?? '' ).slice( 0, MAX_USER_AGENT_LENGTH ).trim();
		if ( key === '' ) {
			return unknown();
		}
		let device = this.cache.get( key );
		if ( device ) {
			// Re-insert so the Map's order stays least recently used first.
			this.cache.delete( key );
		} else {
			device = this.compute( key );
		}
		this.cache.set( key, device );
		while ( this.cache.size > Math.max( 1, this.maxEntries ) ) {
			const oldest = this.cache.keys().next();
			if ( oldest.done ) {
				break;
			}
			this.cache.delete( oldest.value );
		}
		return { ...device };
	}

	private compute( ua: string ): PresenceDevice {
		try {
			const result = new UAParser( ua ).getResult();
			const browser = clip( result.browser.name );
			const os = clip( result.os.name );
			const type = result.device.type ?? '';
			let device = '';
			if ( DEVICE_TYPES.has( type ) ) {
				device = type;
			} else if ( type === '' && ( browser || os ) ) {
				device = 'desktop';
			}
			return { browser, os, device };
		} catch {
			return unknown();
		}
	}
}
