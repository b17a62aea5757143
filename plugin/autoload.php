<?php
/**
 * Class loading, shared by livedesk.php and uninstall.php.
 *
 * Development checkouts have Composer's autoloader; release zips do not ship
 * vendor/, so a minimal PSR-4 loader for `LiveDesk\` → plugin/ stands in.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

if ( is_readable( dirname( __DIR__ ) . '/vendor/autoload.php' ) ) {
	require_once dirname( __DIR__ ) . '/vendor/autoload.php';
} else {
	spl_autoload_register(
		static function ( string $class_name ): void {
			$prefix = 'LiveDesk\\';
			if ( 0 !== strncmp( $class_name, $prefix, strlen( $prefix ) ) ) {
				return;
			}
			$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
			if ( is_readable( $file ) ) {
				require_once $file;
			}
		}
	);
}
