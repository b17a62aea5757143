/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * A device type as the sidecar names it, in words; '' when unknown.
 *
 * @param device `desktop`, `mobile`, `tablet`, … or ''.
 */
export function deviceLabel( device: string ): string {
	switch ( device ) {
		case 'desktop':
			return __( 'Desktop', 'livedesk' );
		case 'mobile':
			return __( 'Mobile', 'livedesk' );
		case 'tablet':
			return __( 'Tablet', 'livedesk' );
		case 'smarttv':
			return __( 'Smart TV', 'livedesk' );
		case 'console':
			return __( 'Games console', 'livedesk' );
		case 'wearable':
			return __( 'Wearable', 'livedesk' );
		case 'embedded':
			return __( 'Embedded device', 'livedesk' );
		default:
			return device;
	}
}
