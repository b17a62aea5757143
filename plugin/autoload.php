<?php
/**
 * Class loading, shared by livedesk.php and uninstall.php.
 *
 * The plugin has no runtime Composer dependencies, so it always uses this
 * small PSR-4 loader for `LiveDesk\` → plugin/. Composer's autoloader is for
 * development tools only: loading it here would pull PHPUnit's and PHPStan's
 * files into every request (and fatal in a zip that leaves them out).
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

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
