/**
 * End-to-end tests: playwright-core drives Debian's Chromium against the stack
 * bin/test starts (its env file provides LIVEDESK_SITE_URL and the logins).
 */
const transform = require( '../../jest.transform' );

module.exports = {
	displayName: 'e2e',
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: [ '<rootDir>/**/*.test.ts' ],
	transform,
	testTimeout: 60000,
};
