<?php
/**
 * What WordPress reads of the request, set up for command-line scripts
 * (bin/lib/wp-install.php and the PHPUnit bootstrap), which load it with no
 * web server in front.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

/**
 * Fills $_SERVER as a GET / request to the given site URL would.
 *
 * @param string $site_url The site's URL, e.g. http://127.0.0.1:8797.
 */
function livedesk_cli_server_globals( string $site_url ): void {
	// phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	$parts = parse_url( $site_url );
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
