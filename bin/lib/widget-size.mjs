#!/usr/bin/env node
/**
 * Checks the tracker every public page loads against its budget: gzips
 * build/widget-tracker.js (zlib level 9, as a server at its best would) and
 * exits 1 when it is over 3 KB or missing. Run it after `npx wp-scripts build`.
 *
 * Usage: widget-size.mjs
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FILE = 'widget-tracker.js';
const BUDGET = 3072;
const path = fileURLToPath(
	new URL( `../../build/${ FILE }`, import.meta.url )
);

let source;
try {
	source = readFileSync( path );
} catch ( error ) {
	console.error(
		`${ FILE }: not built (${ error.code ?? error.message }); run npx wp-scripts build`
	);
	process.exit( 1 );
}

const size = gzipSync( source, { level: 9 } ).length;
console.log( `${ FILE }: ${ size } bytes gzipped (budget ${ BUDGET })` );
if ( size > BUDGET ) {
	console.error( `${ FILE } is ${ size - BUDGET } bytes over budget` );
	process.exit( 1 );
}
