<?php
/**
 * Runs when the plugin is deleted from wp-admin. Removes data only if the
 * site opted in (Settings: "Remove all LiveDesk data when the plugin is
 * deleted"); see LiveDesk\Uninstaller.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/plugin/autoload.php';

( new \LiveDesk\Uninstaller(
	$GLOBALS['wpdb'],
	new \LiveDesk\Database\Migrations( $GLOBALS['wpdb'] ),
	new \LiveDesk\Capabilities(),
	new \LiveDesk\Settings()
) )->uninstall();
