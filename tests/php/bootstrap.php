<?php
/**
 * PHPUnit bootstrap: loads a real WordPress on a real database.
 *
 * Needs LIVEDESK_WP_DIR (a WordPress root whose wp-config.php points at a
 * test database and takes its table prefix from LIVEDESK_TABLE_PREFIX).
 * bin/test's .stack/test/env provides both:
 *
 *     source .stack/test/env && LIVEDESK_TABLE_PREFIX=phpunit_ vendor/bin/phpunit
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput, WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec, WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- CLI bootstrap before WordPress loads; WP_USE_THEMES is WordPress's own constant.

/**
 * Stops the run with a message on STDERR.
 *
 * @param string $message What went wrong and how to fix it.
 */
function livedesk_tests_fail( string $message ): never {
	fwrite( STDERR, "LiveDesk tests: {$message}\n" );
	exit( 1 );
}

$livedesk_wp_dir = getenv( 'LIVEDESK_WP_DIR' );
if ( ! is_string( $livedesk_wp_dir ) || '' === $livedesk_wp_dir ) {
	livedesk_tests_fail( 'LIVEDESK_WP_DIR is not set. Start the test stack (bin/test), then: source .stack/test/env && LIVEDESK_TABLE_PREFIX=phpunit_ vendor/bin/phpunit' );
}
$livedesk_wp_dir = rtrim( $livedesk_wp_dir, '/' );
if ( ! is_file( $livedesk_wp_dir . '/wp-load.php' ) || ! is_file( $livedesk_wp_dir . '/wp-config.php' ) ) {
	livedesk_tests_fail( "LIVEDESK_WP_DIR ({$livedesk_wp_dir}) is not a configured WordPress root: wp-load.php or wp-config.php is missing." );
}

// The tests drop tables and delete options: never let them near the e2e
// site, which uses the default prefix.
$livedesk_prefix = getenv( 'LIVEDESK_TABLE_PREFIX' );
if ( ! is_string( $livedesk_prefix ) || '' === $livedesk_prefix || 'wp_' === $livedesk_prefix ) {
	livedesk_tests_fail( 'LIVEDESK_TABLE_PREFIX must name a test-only table prefix (e.g. phpunit_), not "' . (string) $livedesk_prefix . '".' );
}

// Install WordPress and activate LiveDesk with the stacks' own installer, in
// separate processes: an uninstalled site can only be loaded with
// WP_INSTALLING, which must not stay on for the tests.
$livedesk_site_url = getenv( 'LIVEDESK_SITE_URL' );
$livedesk_site_url = is_string( $livedesk_site_url ) && '' !== $livedesk_site_url ? $livedesk_site_url : 'http://localhost';
$livedesk_password = bin2hex( random_bytes( 12 ) );
foreach ( array(
	'LD_SITE_URL'       => $livedesk_site_url,
	'LD_ADMIN_USER'     => 'admin',
	'LD_ADMIN_PASSWORD' => $livedesk_password,
	'LD_AGENT_USER'     => 'agent',
	'LD_AGENT_PASSWORD' => $livedesk_password,
) as $livedesk_name => $livedesk_value ) {
	putenv( "{$livedesk_name}={$livedesk_value}" );
}
foreach ( array( 'install', 'setup' ) as $livedesk_step ) {
	$livedesk_command = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__, 2 ) . '/bin/lib/wp-install.php' )
		. ' ' . escapeshellarg( $livedesk_wp_dir ) . ' ' . $livedesk_step . ' 2>&1';
	$livedesk_output  = array();
	$livedesk_status  = 0;
	exec( $livedesk_command, $livedesk_output, $livedesk_status );
	if ( 0 !== $livedesk_status ) {
		livedesk_tests_fail( "installing the test site ({$livedesk_step}) failed:\n" . implode( "\n", $livedesk_output ) );
	}
}

require dirname( __DIR__, 2 ) . '/bin/lib/wp-cli-globals.php';
livedesk_cli_server_globals( $livedesk_site_url );

define( 'WP_USE_THEMES', false );
require $livedesk_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( ! defined( 'LIVEDESK_FILE' ) || ! is_plugin_active( 'livedesk/livedesk.php' ) ) {
	livedesk_tests_fail( 'LiveDesk is not active on the test site after installation.' );
}
if ( realpath( LIVEDESK_FILE ) !== realpath( dirname( __DIR__, 2 ) . '/livedesk.php' ) ) {
	livedesk_tests_fail( 'the test site loads LiveDesk from ' . LIVEDESK_FILE . ', not from this checkout.' );
}
