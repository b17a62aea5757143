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

/** Says, in words, whether the latest settings change is saving, saved or failed. */
export default function SaveStatusNotice() {
	const saveStatus = useSelect(
		( select ) => select( settingsStore ).getSaveStatus(),
		[]
	);
	const { clearSaveStatus } = useDispatch( settingsStore );

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
