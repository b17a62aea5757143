<?php
/**
 * The request globals WordPress expects, for command-line runs.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

/**
 * Fills $_SERVER as a request to the test site's home page would.
 * The URL comes from LIVEDESK_SITE_URL (set by .stack/test/env).
 */
function livedesk_tests_server_globals(): void {
	$url = getenv( 'LIVEDESK_SITE_URL' );
	$url = is_string( $url ) && '' !== $url ? $url : 'http://localhost';

	// phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	$parts = parse_url( $url );
	$host  = is_array( $parts ) && isset( $parts['host'] ) ? $parts['host'] : 'localhost';
	$port  = is_array( $parts ) && isset( $parts['port'] ) ? (int) $parts['port'] : 80;

	$_SERVER['HTTP_HOST']       = 80 === $port ? $host : $host . ':' . $port;
	$_SERVER['SERVER_NAME']     = $host;
	$_SERVER['SERVER_PORT']     = (string) $port;
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
	$_SERVER['PHP_SELF']        = '/index.php';
	$_SERVER['SCRIPT_NAME']     = '/index.php';
}
