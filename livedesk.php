<?php
/**
 * Plugin Name:       LiveDesk
 * Description:       See who is on your site right now, on a live map, and chat with them from wp-admin.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            LiveDesk
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       livedesk
 * Domain Path:       /languages
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

define( 'LIVEDESK_VERSION', '0.1.0' );
define( 'LIVEDESK_FILE', __FILE__ );
define( 'LIVEDESK_DIR', plugin_dir_path( __FILE__ ) );

require_once __DIR__ . '/plugin/autoload.php';

register_activation_hook( __FILE__, array( \LiveDesk\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \LiveDesk\Plugin::class, 'deactivate' ) );

\LiveDesk\Plugin::instance()->register_hooks();
