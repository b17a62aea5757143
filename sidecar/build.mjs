/**
 * Bundles the sidecar into dist/server.js. Our own code (including
 * ../src/protocol) is inlined; npm packages stay external and are resolved
 * from node_modules at run time, so native or data-bearing packages
 * (geoip-lite's database) keep working.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname( fileURLToPath( import.meta.url ) );

await build( {
	entryPoints: [ path.join( here, 'src', 'server.ts' ) ],
	outfile: path.join( here, 'dist', 'server.js' ),
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
} );
