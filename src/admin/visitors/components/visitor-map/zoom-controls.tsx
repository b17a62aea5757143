/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/** Props of the zoom buttons. */
export interface ZoomControlsProps {
	onZoomIn: () => void;
	onZoomOut: () => void;
	onReset: () => void;
	canZoomIn: boolean;
	canZoomOut: boolean;
}

/**
 * Zoom in, zoom out and reset buttons, for those who do not use a wheel or
 * pinch (and for keyboard users).
 *
 * @param props            Handlers and limits.
 * @param props.onZoomIn
 * @param props.onZoomOut
 * @param props.onReset
 * @param props.canZoomIn
 * @param props.canZoomOut
 */
export default function ZoomControls( {
	onZoomIn,
	onZoomOut,
	onReset,
	canZoomIn,
	canZoomOut,
}: ZoomControlsProps ) {
	return (
		<div
			className="livedesk-visitor-map__zoom"
			role="group"
			aria-label={ __( 'Map zoom', 'livedesk' ) }
		>
			<Button
				variant="secondary"
				onClick={ onZoomIn }
				disabled={ ! canZoomIn }
				accessibleWhenDisabled
				label={ __( 'Zoom in', 'livedesk' ) }
				showTooltip
			>
				<span aria-hidden="true">+</span>
			</Button>
			<Button
				variant="secondary"
				onClick={ onZoomOut }
				disabled={ ! canZoomOut }
				accessibleWhenDisabled
				label={ __( 'Zoom out', 'livedesk' ) }
				showTooltip
			>
				<span aria-hidden="true">−</span>
			</Button>
			<Button
				variant="secondary"
				onClick={ onReset }
				label={ __( 'Reset zoom', 'livedesk' ) }
				showTooltip
			>
				<span aria-hidden="true">⟲</span>
			</Button>
		</div>
	);
}
