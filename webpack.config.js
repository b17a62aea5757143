/**
 * Webpack config: the @wordpress/scripts defaults with one entry per wp-admin
 * screen. Each entry emits build/admin-<screen>.js and .asset.php (WordPress
 * dependencies + version; PHP enqueues it as handle livedesk-admin-<screen>)
 * and, when the screen imports styles, admin-<screen>.css and -rtl.css.
 *
 * Entry `widget-tracker` is the tracker every public page loads:
 * build/widget-tracker.js (≤ 3 KB gzipped, checked by bin/lib/widget-size.mjs)
 * and an .asset.php that lists no dependencies (PHP enqueues it as handle livedesk-tracker).
 * Entries `widget-launcher` (the chat button, ≤ 2 KB, handle livedesk-launcher)
 * and `widget-chat` (the chat panel the launcher loads on demand, ≤ 30 KB) are
 * the same kind: no WordPress dependencies, budgets checked the same way.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const ADMIN_SCREENS = [ 'live-chat', 'visitors', 'analytics', 'settings' ];

module.exports = {
	...defaultConfig,
	entry: {
		...Object.fromEntries(
			ADMIN_SCREENS.map( ( screen ) => [
				`admin-${ screen }`,
				path.resolve( __dirname, 'src', 'admin', screen, 'index.tsx' ),
			] )
		),
		...Object.fromEntries(
			[ 'tracker', 'launcher', 'chat' ].map( ( name ) => [
				`widget-${ name }`,
				path.resolve( __dirname, 'src', 'widget', `${ name }.ts` ),
			] )
		),
	},
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
