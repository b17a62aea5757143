#!/usr/bin/env node
/**
 * Prints "<passed> <failed>" for one suite's result file, so bin/test can sum
 * every suite into its closing line. A missing or unreadable file counts as one
 * failure: a suite that crashed before reporting must not pass silently.
 *
 * Usage: count-results.mjs jest|junit <file>
 */
import { readFileSync } from 'node:fs';

const [ kind, file ] = process.argv.slice( 2 );

/**
 * Counts from a jest --json report; suites that failed to run count as failures.
 *
 * @param {string} text JSON text.
 * @return {[number, number]} passed, failed.
 */
function jest( text ) {
	const r = JSON.parse( text );
	const failed =
		r.numFailedTests +
		r.numRuntimeErrorTestSuites +
		r.numPendingTests +
		r.numTodoTests;
	if ( r.numTotalTests === 0 ) {
		return [ 0, 1 ];
	}
	return [ r.numPassedTests, failed ];
}

/**
 * Counts from a JUnit XML report (PHPUnit): skipped tests count as failures.
 *
 * @param {string} text XML text.
 * @return {[number, number]} passed, failed.
 */
function junit( text ) {
	const m = text.match( /<testsuite\b[^>]*>/ );
	if ( ! m ) {
		return [ 0, 1 ];
	}
	const attr = ( name ) =>
		Number(
			( m[ 0 ].match( new RegExp( `\\b${ name }="(\\d+)"` ) ) ||
				[] )[ 1 ] || 0
		);
	const tests = attr( 'tests' );
	const bad = attr( 'failures' ) + attr( 'errors' ) + attr( 'skipped' );
	if ( tests === 0 ) {
		return [ 0, 1 ];
	}
	return [ tests - bad, bad ];
}

let counts = [ 0, 1 ];
try {
	const text = readFileSync( file, 'utf8' );
	counts = kind === 'junit' ? junit( text ) : jest( text );
} catch {
	// Unreadable: the suite crashed; counted as one failure.
}
process.stdout.write( `${ counts[ 0 ] } ${ counts[ 1 ] }\n` );
