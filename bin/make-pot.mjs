#!/usr/bin/env node
/**
 * Writes languages/livedesk.pot from the translatable strings in the plugin's
 * PHP and TypeScript (WP-CLI's make-pot is not available here).
 *
 *   node bin/make-pot.mjs           write languages/livedesk.pot
 *   node bin/make-pot.mjs --check   exit 1 if the file is out of date
 *
 * It reads calls whose text and domain are string literals — __(), _e(),
 * esc_html__(), esc_html_e(), esc_attr__(), esc_attr_e(), _x(), _n() — which
 * is how LiveDesk writes them. The output has no dates, so it changes only
 * when the strings do (references name files, not lines, for the same reason).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath( new URL( '..', import.meta.url ) );
const OUT = join( ROOT, 'languages', 'livedesk.pot' );
const SOURCES = [ 'livedesk.php', 'uninstall.php', 'plugin', 'src', 'blocks' ];
const STRING = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`;
const SEP = String.raw`\s*,\s*`;
const DOMAIN = String.raw`['"]livedesk['"]`;
const PATTERNS = [
	{
		re: new RegExp(
			String.raw`\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*${ STRING }${ SEP }${ DOMAIN }`,
			'g'
		),
		entry: ( m ) => ( { msgid: m[ 1 ] } ),
	},
	{
		re: new RegExp(
			String.raw`\b_x\(\s*${ STRING }${ SEP }${ STRING }${ SEP }${ DOMAIN }`,
			'g'
		),
		entry: ( m ) => ( { msgid: m[ 1 ], msgctxt: m[ 2 ] } ),
	},
	{
		re: new RegExp(
			String.raw`\b_n\(\s*${ STRING }${ SEP }${ STRING }${ SEP }[^,]+${ SEP }${ DOMAIN }`,
			'g'
		),
		entry: ( m ) => ( { msgid: m[ 1 ], plural: m[ 2 ] } ),
	},
];

/**
 * Source files below a path, skipping tests.
 *
 * @param {string} path Absolute path.
 * @return {string[]} Files.
 */
function files( path ) {
	if ( statSync( path ).isFile() ) {
		return /\.(php|tsx?)$/.test( path ) ? [ path ] : [];
	}
	return readdirSync( path )
		.filter( ( name ) => name !== 'test' && name !== 'node_modules' )
		.flatMap( ( name ) => files( join( path, name ) ) );
}

/**
 * The text of a PHP or JS string literal.
 *
 * @param {string} literal Quoted literal.
 * @return {string} Its value.
 */
function unquote( literal ) {
	const body = literal.slice( 1, -1 );
	return literal[ 0 ] === "'"
		? body.replace( /\\(['\\])/g, '$1' )
		: body.replace( /\\(["\\$])/g, '$1' ).replace( /\\n/g, '\n' );
}

/**
 * A PO string.
 *
 * @param {string} text Value.
 * @return {string} Quoted for a .pot file.
 */
function po( text ) {
	return `"${ text
		.replace( /\\/g, '\\\\' )
		.replace( /"/g, '\\"' )
		.replace( /\n/g, '\\n' ) }"`;
}

const entries = new Map();
for ( const file of SOURCES.flatMap( ( s ) => files( join( ROOT, s ) ) ) ) {
	const text = readFileSync( file, 'utf8' );
	for ( const { re, entry } of PATTERNS ) {
		for ( const m of text.matchAll( re ) ) {
			const e = entry( m );
			const key = `${ e.msgctxt ?? '' }\u0004${ unquote( e.msgid ) }`;
			const comment = text
				.slice( Math.max( 0, m.index - 300 ), m.index )
				.match( /\/\*\s*(translators:[\s\S]*?)\*\/\s*(?:\w+\(\s*)?$/ );
			const found = entries.get( key ) ?? {
				comment: comment?.[ 1 ].trim(),
				msgid: unquote( e.msgid ),
				msgctxt: e.msgctxt && unquote( e.msgctxt ),
				plural: e.plural && unquote( e.plural ),
				refs: [],
			};
			// File names only: line numbers would make the check fail on
			// every edit that moves a string.
			const ref = relative( ROOT, file );
			if ( ! found.refs.includes( ref ) ) {
				found.refs.push( ref );
			}
			entries.set( key, found );
		}
	}
}

const header = [
	'# Copyright (C) LiveDesk contributors',
	'# This file is distributed under the GPL-2.0-or-later.',
	'msgid ""',
	'msgstr ""',
	'"Project-Id-Version: LiveDesk\\n"',
	'"MIME-Version: 1.0\\n"',
	'"Content-Type: text/plain; charset=UTF-8\\n"',
	'"Content-Transfer-Encoding: 8bit\\n"',
	'"X-Domain: livedesk\\n"',
	'',
];
const body = [ ...entries.values() ]
	.sort( ( a, b ) => a.refs[ 0 ].localeCompare( b.refs[ 0 ] ) )
	.flatMap( ( e ) => [
		...( e.comment ? [ `#. ${ e.comment }` ] : [] ),
		`#: ${ e.refs.join( ' ' ) }`,
		...( e.msgctxt ? [ `msgctxt ${ po( e.msgctxt ) }` ] : [] ),
		`msgid ${ po( e.msgid ) }`,
		...( e.plural
			? [
					`msgid_plural ${ po( e.plural ) }`,
					'msgstr[0] ""',
					'msgstr[1] ""',
				]
			: [ 'msgstr ""' ] ),
		'',
	] );
const pot = [ ...header, ...body ].join( '\n' );

if ( process.argv.includes( '--check' ) ) {
	let current = '';
	try {
		current = readFileSync( OUT, 'utf8' );
	} catch {}
	if ( current !== pot ) {
		console.error(
			'languages/livedesk.pot is out of date: run node bin/make-pot.mjs'
		);
		process.exit( 1 );
	}
	console.log(
		`languages/livedesk.pot is up to date (${ entries.size } strings).`
	);
} else {
	writeFileSync( OUT, pot );
	console.log( `Wrote languages/livedesk.pot (${ entries.size } strings).` );
}
