<?php
/**
 * Plugin Name: LiveDesk local mail catcher
 * Description: For LiveDesk's local dev and test stacks only (installed by bin/): every
 * wp_mail() is appended as one JSON line to logs/mail.log instead of being sent, so
 * tests can read what the site would have mailed.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

// phpcs:disable WordPress.WP.AlternativeFunctions -- a local log file, not a file WordPress manages.

add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, array $atts ) {
		$log = getenv( 'LIVEDESK_MAIL_LOG' );
		if ( ! is_string( $log ) || '' === $log ) {
			$log = dirname( ABSPATH ) . '/logs/mail.log';
		}
		$line = wp_json_encode(
			array(
				'time'    => gmdate( 'c' ),
				'to'      => $atts['to'],
				'subject' => $atts['subject'],
				'message' => $atts['message'],
				'headers' => $atts['headers'],
			)
		);
		file_put_contents( $log, $line . "\n", FILE_APPEND | LOCK_EX );
		return true;
	},
	10,
	2
);
