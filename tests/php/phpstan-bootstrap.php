<?php
/**
 * Constants PHPStan needs to analyse the plugin without loading WordPress:
 * the plugin's own (livedesk.php defines them) and the WordPress constants
 * the code uses, which the stubs do not declare.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own constants, stubbed for analysis.

define( 'LIVEDESK_VERSION', '0.1.0' );
define( 'LIVEDESK_FILE', dirname( __DIR__, 2 ) . '/livedesk.php' );
define( 'LIVEDESK_DIR', dirname( __DIR__, 2 ) . '/' );

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'WP_UNINSTALL_PLUGIN', 'livedesk/livedesk.php' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'OBJECT', 'OBJECT' );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost' );
