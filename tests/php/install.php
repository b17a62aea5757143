<?php
/**
 * Installs the PHPUnit site and activates LiveDesk.
 *
 * Installs WordPress under LIVEDESK_TABLE_PREFIX if needed. Run by
 * bootstrap.php in its own process:
 *
 *     php tests/php/install.php <wordpress-dir>
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- CLI script; WP_INSTALLING is WordPress's own constant.

if ( 'cli' !== PHP_SAPI || ! isset( $argv[1] ) ) {
	fwrite( STDERR, "usage: php install.php <wordpress-dir>\n" );
	exit( 2 );
}

require __DIR__ . '/server-globals.php';
livedesk_tests_server_globals();

// An uninstalled site redirects to install.php unless WordPress is installing.
define( 'WP_INSTALLING', true );
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	$livedesk_result = wp_install( 'LiveDesk tests', 'admin', 'admin@example.org', false, '', wp_generate_password() );
	fwrite( STDOUT, 'Installed WordPress for the tests under the "' . $GLOBALS['wpdb']->prefix . "\" prefix.\n" );
}

if ( ! is_plugin_active( 'livedesk/livedesk.php' ) ) {
	$livedesk_result = activate_plugin( 'livedesk/livedesk.php' );
	if ( is_wp_error( $livedesk_result ) ) {
		fwrite( STDERR, 'LiveDesk did not activate: ' . $livedesk_result->get_error_message() . "\n" );
		exit( 1 );
	}
}
