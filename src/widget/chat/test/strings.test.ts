/*
 * @jest-environment node
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Internal dependencies
 */
import { DEFAULT_STRINGS, mergeStrings } from '../strings';

const ROOT = join( __dirname, '../../../..' );

// The keys a file lists as `key`: or 'key' =>, in order.
function keysOf( text: string, pattern: RegExp ): string[] {
	return [ ...text.matchAll( pattern ) ].map(
		( match ) => match[ 1 ] as string
	);
}

describe( 'the widget strings', () => {
	it( 'are the same keys in the panel, the plugin and docs/chat.md', () => {
		const php = readFileSync(
			join( ROOT, 'plugin/Chat/WidgetStrings.php' ),
			'utf8'
		);
		const docs = readFileSync( join( ROOT, 'docs/chat.md' ), 'utf8' );
		const strings = docs.slice(
			docs.indexOf( '### Strings' ),
			docs.indexOf( '## Identity verification' )
		);
		const panel = Object.keys( DEFAULT_STRINGS ).sort();
		expect(
			keysOf( php, /^\t+'([a-z_]+)'\s+=>\s+(?:__|self::)/gm ).sort()
		).toEqual( panel );
		expect( keysOf( strings, /^- `([a-z_]+)`:/gm ).sort() ).toEqual(
			panel
		);
	} );

	it( 'keep English for keys that are missing, empty or not strings', () => {
		const merged = mergeStrings( {
			send: 'Envoyer',
			retry: ' ',
			close: 3,
		} );
		expect( merged.send ).toBe( 'Envoyer' );
		expect( merged.retry ).toBe( DEFAULT_STRINGS.retry );
		expect( merged.close ).toBe( DEFAULT_STRINGS.close );
	} );
} );
