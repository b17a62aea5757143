/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store as settingsStore } from '../../store/settings';
import type { SaveStatusNoticeProps } from './types';
import SaveNoticeView from './view';

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

	return <SaveNoticeView save={ saveStatus } onRemove={ clearSaveStatus } />;
}
