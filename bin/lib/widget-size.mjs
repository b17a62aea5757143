#!/usr/bin/env node
/**
 * Checks the widget bundles public pages load against their budgets: gzips
 * each (zlib level 9, as a server at its best would) and exits 1 when one is
 * over its budget or missing. Run it after `npx wp-scripts build`.
 *
 *   widget-tracker.js   ≤ 3,072 bytes (every page)
 *   widget-launcher.js  ≤ 2,048 bytes (every page where chat is on)
 *   widget-chat.js      ≤ 30,720 bytes (when the visitor opens the chat)
 *
 * Usage: widget-size.mjs [build directory]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGETS = {
	'widget-tracker.js': 3072,
	'widget-launcher.js': 2048,
	'widget-chat.js': 30 * 1024,
};
const dir =
	process.argv[ 2 ] ??
	fileURLToPath( new URL( '../../build', import.meta.url ) );

let failed = false;
for ( const [ file, budget ] of Object.entries( BUDGETS ) ) {
	let source;
	try {
		source = readFileSync( join( dir, file ) );
	} catch ( error ) {
		console.error(
			`${ file }: not built (${ error.code ?? error.message }); run npx wp-scripts build`
		);
		failed = true;
		continue;
	}
	const size = gzipSync( source, { level: 9 } ).length;
	console.log( `${ file }: ${ size } bytes gzipped (budget ${ budget })` );
	if ( size > budget ) {
		console.error( `${ file } is ${ size - budget } bytes over budget` );
		failed = true;
	}
}
process.exit( failed ? 1 : 0 );
