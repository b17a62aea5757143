/**
 * The one TypeScript/JSX transform every jest config here uses: the Babel
 * setup of WordPress scripts (its preset strips types; tsc checks them).
 */
const path = require( 'path' );

module.exports = {
	'\\.m?[jt]sx?$': path.join(
		path.dirname( require.resolve( '@wordpress/scripts/package.json' ) ),
		'config',
		'babel-transform'
	),
};
