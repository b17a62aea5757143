/**
 * Internal dependencies
 */
import { STATUS_COLORS, statusLabel } from '../../lib';
import type { StatusDotProps } from './types';

/**
 * A dot in the status's colour with its name as text for assistive technology.
 *
 * @param props        The status.
 * @param props.status
 */
export default function StatusDot( { status }: StatusDotProps ) {
	return (
		<span className="livedesk-status-dot">
			<span
				className="livedesk-status-dot__dot"
				style={ { backgroundColor: STATUS_COLORS[ status ] } }
				aria-hidden="true"
			/>
			<span className="screen-reader-text">
				{ statusLabel( status ) }
			</span>
		</span>
	);
}
