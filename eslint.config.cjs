/**
 * ESLint flat config: the @wordpress/scripts defaults, plus TypeScript test
 * files and Node scripts (sidecar, bench, bin, e2e) as Node code.
 */
const globals = require( 'globals' );
const wpConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	{
		ignores: [
			'**/build/**',
			'**/dist/**',
			'**/node_modules/**',
			'**/vendor/**',
			'.stack/**',
		],
	},
	...wpConfig,
	...wpPlugin.configs[ 'test-unit' ].map( ( c ) => ( {
		...c,
		files: [ '**/test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}' ],
	} ) ),
	{
		files: [
			'sidecar/**',
			'bench/**',
			'bin/**',
			'tests/e2e/**',
			'*.{js,cjs,mjs}',
		],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'no-console': 'off',
			'import/no-extraneous-dependencies': 'off',
		},
	},
];
