<?php
/**
 * Installs a local WordPress site (there is no WP-CLI here) for bin/dev, bin/test
 * and the PHPUnit bootstrap: `php wp-install.php <wordpress-dir> install|setup`.
 *
 * "install" runs wp_install() once; "setup" runs in a normal WordPress load and
 * sets permalinks, activates LiveDesk and creates the demo users. Both are safe
 * to run again. Settings come from the LD_* environment variables bin/ sets.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- a CLI script writing to its terminal; WP_INSTALLING is WordPress's own constant.

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$livedesk_wp_dir = rtrim( (string) ( $argv[1] ?? '' ), '/' );
$livedesk_step   = (string) ( $argv[2] ?? '' );
if ( ! is_file( $livedesk_wp_dir . '/wp-load.php' ) || ! in_array( $livedesk_step, array( 'install', 'setup' ), true ) ) {
	fwrite( STDERR, "usage: php wp-install.php <wordpress-dir> install|setup\n" );
	exit( 2 );
}

/**
 * An environment variable bin/ must set.
 *
 * @param string $name Variable name.
 * @return string
 */
function livedesk_env( string $name ): string {
	$value = getenv( $name );
	if ( false === $value || '' === $value ) {
		fwrite( STDERR, "missing environment variable $name\n" );
		exit( 2 );
	}
	return $value;
}

require __DIR__ . '/wp-cli-globals.php';
livedesk_cli_server_globals( livedesk_env( 'LD_SITE_URL' ) );

if ( 'install' === $livedesk_step ) {
	define( 'WP_INSTALLING', true );
}
require $livedesk_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( 'install' === $livedesk_step ) {
	if ( is_blog_installed() ) {
		echo "WordPress is already installed.\n";
		exit( 0 );
	}
	wp_install( 'LiveDesk local', livedesk_env( 'LD_ADMIN_USER' ), 'admin@example.org', false, '', livedesk_env( 'LD_ADMIN_PASSWORD' ) );
	echo 'Installed WordPress ' . get_bloginfo( 'version' ) . "\n";
	exit( 0 );
}

// Setup: pretty permalinks (nginx routes every path to index.php).
if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
	global $wp_rewrite;
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
	flush_rewrite_rules( false );
}

if ( ! is_plugin_active( 'livedesk/livedesk.php' ) ) {
	$livedesk_error = activate_plugin( 'livedesk/livedesk.php' );
	if ( is_wp_error( $livedesk_error ) ) {
		fwrite( STDERR, 'LiveDesk did not activate: ' . $livedesk_error->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "Activated LiveDesk.\n";
}

$livedesk_users = array(
	array( livedesk_env( 'LD_AGENT_USER' ), livedesk_env( 'LD_AGENT_PASSWORD' ), 'livedesk_agent', 'LiveDesk Agent' ),
	array( 'subscriber', livedesk_env( 'LD_AGENT_PASSWORD' ), 'subscriber', 'Sam Subscriber' ),
);
foreach ( $livedesk_users as list( $livedesk_login, $livedesk_password, $livedesk_role, $livedesk_name ) ) {
	if ( username_exists( $livedesk_login ) ) {
		continue;
	}
	$livedesk_id = wp_insert_user(
		array(
			'user_login'   => $livedesk_login,
			'user_pass'    => $livedesk_password,
			'user_email'   => $livedesk_login . '@example.org',
			'display_name' => $livedesk_name,
			'role'         => $livedesk_role,
		)
	);
	if ( is_wp_error( $livedesk_id ) ) {
		fwrite( STDERR, "Could not create user $livedesk_login: " . $livedesk_id->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "Created user $livedesk_login ($livedesk_role).\n";
}
