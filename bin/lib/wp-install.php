<?php
/**
 * Installs the local WordPress site for bin/dev and bin/test (there is no WP-CLI
 * here): `php wp-install.php <wordpress-dir> install|setup`.
 *
 * "install" runs wp_install() once; "setup" runs in a normal WordPress load and
 * sets permalinks, activates LiveDesk and creates the demo users. Both are safe
 * to run again. Settings come from the LD_* environment variables bin/ sets.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

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
 * parse_url() before WordPress (and its wp_parse_url()) is loaded.
 *
 * @param string $url       URL.
 * @param int    $component PHP_URL_* constant.
 * @return mixed
 */
function livedesk_parse_url( string $url, int $component ) {
	return parse_url( $url, $component ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
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

// WordPress reads the request's host even on the command line.
$livedesk_host              = (string) livedesk_parse_url( livedesk_env( 'LD_SITE_URL' ), PHP_URL_HOST );
$livedesk_port              = (string) livedesk_parse_url( livedesk_env( 'LD_SITE_URL' ), PHP_URL_PORT );
$_SERVER['HTTP_HOST']       = $livedesk_host . ':' . $livedesk_port;
$_SERVER['SERVER_NAME']     = $livedesk_host;
$_SERVER['SERVER_PORT']     = $livedesk_port;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';

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
	echo 'Installed WordPress ' . esc_html( get_bloginfo( 'version' ) ) . "\n";
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
