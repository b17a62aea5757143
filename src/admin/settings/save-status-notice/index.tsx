/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as settingsStore } from '../../store/settings';
import type { SaveStatusNoticeProps } from './types';

/**
 * Says, in words, whether the latest settings change is saving, saved or failed.
 *
 * @param props Which fields this notice reports on (all when omitted).
 */
export default function SaveStatusNotice( props: SaveStatusNoticeProps ) {
	const { fields } = props;
	const saveStatus = useSelect(
		( select ) => select( settingsStore ).getSaveStatus(),
		[]
	);
	const { clearSaveStatus } = useDispatch( settingsStore );

	// A notice placed beside some fields stays quiet about the others, so a
	// change is confirmed (or explained) next to the control that made it.
	if (
		saveStatus.status !== 'idle' &&
		fields !== undefined &&
		! fields.some( ( field ) => field in saveStatus.changes )
	) {
		return null;
	}

	switch ( saveStatus.status ) {
		case 'saving':
			return (
				<Notice status="info" isDismissible={ false }>
					{ __( 'Saving…', 'livedesk' ) }
				</Notice>
			);
		case 'saved':
			return (
				<Notice status="success" onRemove={ clearSaveStatus }>
					{ __( 'Settings saved.', 'livedesk' ) }
				</Notice>
			);
		case 'error':
			return (
				<Notice status="error" onRemove={ clearSaveStatus }>
					<p>
						{ __( 'Your change was not saved.', 'livedesk' ) }{ ' ' }
						{ saveStatus.error.message }
					</p>
					{ saveStatus.error.details.length > 0 && (
						<ul>
							{ saveStatus.error.details.map( ( detail ) => (
								<li key={ detail }>{ detail }</li>
							) ) }
						</ul>
					) }
				</Notice>
			);
		default:
			return null;
	}
}
