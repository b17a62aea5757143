/**
 * Unit tests for every TypeScript part: admin and widget (jsdom, with the
 * preset of WordPress scripts), protocol, and the sidecar's pure modules (node).
 * Integration suites that need real services have their own configs and are
 * started by bin/test once those services run.
 */
const transform = require( './jest.transform' );
const {
	reporters,
	...base
} = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	reporters,
	projects: [
		{
			...base,
			displayName: 'web',
			rootDir: __dirname,
			transform,
			// d3 and the map library ship ES modules only: compile them too.
			transformIgnorePatterns: [
				'/node_modules/(?!(d3-[^/]+|internmap|react-simple-maps|topojson-client)/)',
			],
			testMatch: [
				'<rootDir>/src/**/test/*.test.[jt]s?(x)',
				'<rootDir>/blocks/**/test/*.test.[jt]s?(x)',
			],
		},
		{
			displayName: 'sidecar',
			rootDir: __dirname,
			transform,
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/sidecar/src/**/test/*.test.ts' ],
		},
		{
			// The benchmarks' pure parts (parsing /proc, statistics, options).
			displayName: 'bench',
			rootDir: __dirname,
			transform,
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/bench/**/test/*.test.ts' ],
		},
	],
};
