/**
 * Webpack config: the @wordpress/scripts defaults with one entry per wp-admin
 * screen. Each entry emits build/admin-<screen>.js and .asset.php (WordPress
 * dependencies + version; PHP enqueues it as handle livedesk-admin-<screen>)
 * and, when the screen imports styles, admin-<screen>.css and -rtl.css.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const ADMIN_SCREENS = [ 'live-chat', 'visitors', 'analytics', 'settings' ];

module.exports = {
	...defaultConfig,
	entry: Object.fromEntries(
		ADMIN_SCREENS.map( ( screen ) => [
			`admin-${ screen }`,
			path.resolve( __dirname, 'src', 'admin', screen, 'index.tsx' ),
		] )
	),
	optimization: {
		...defaultConfig.optimization,
		splitChunks: {
			...defaultConfig.optimization.splitChunks,
			cacheGroups: {
				...defaultConfig.optimization.splitChunks.cacheGroups,
				// The default group moves every `style.scss` into a shared
				// `style-<first entry>.css` (the block front-end convention).
				// Admin screens keep their styles in their own
				// `admin-<screen>.css`, so PHP can enqueue it by name.
				style: false,
			},
		},
	},
};
