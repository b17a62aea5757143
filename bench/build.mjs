/**
 * Bundles a benchmark's load generator (bench/<name>.ts) into one file that
 * node runs. Our own code (src/widget, src/protocol, the sidecar's token
 * signing) is inlined; npm packages stay external and resolve from the
 * repository's node_modules, so the output must live inside the repository
 * (bin/bench writes it to .stack/bench/).
 *
 *     node bench/build.mjs presence .stack/bench/presence.js
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname( fileURLToPath( import.meta.url ) );
// esbuild is the sidecar's build dependency and lives in its node_modules.
const { build } = createRequire(
	path.join( here, '..', 'sidecar', 'package.json' )
)( 'esbuild' );
const [ name, outfile ] = process.argv.slice( 2 );
if ( ! name || ! outfile || ! /^[a-z-]+$/.test( name ) ) {
	process.stderr.write(
		'usage: node bench/build.mjs <benchmark> <outfile>\n'
	);
	process.exit( 2 );
}

await build( {
	entryPoints: [ path.join( here, `${ name }.ts` ) ],
	outfile,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
} );
