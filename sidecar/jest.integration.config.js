/**
 * Integration tests of the sidecar against a real MariaDB (see
 * test/helpers/db.ts for the LIVEDESK_TEST_DB_* variables). Run with:
 * npx jest --config sidecar/jest.integration.config.js --runInBand
 */
const transform = require( '../jest.transform' );

module.exports = {
	displayName: 'sidecar-integration',
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: [ '<rootDir>/test/*.test.ts' ],
	transform,
	testTimeout: 30000,
};
