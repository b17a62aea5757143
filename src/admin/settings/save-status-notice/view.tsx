/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { RequestError } from '../../store/settings/types';

/** Where a save stands, as both settings stores keep it. */
export type SaveState =
	| { status: 'idle' }
	| { status: 'saving' }
	| { status: 'saved' }
	| { status: 'error'; error: RequestError };

/** Props of {@link SaveNoticeView}. */
export interface SaveNoticeViewProps {
	save: SaveState;
	/** Dismisses a saved or failed notice. */
	onRemove: () => void;
	/** What "saved" says; "Settings saved." by default. */
	savedText?: string;
}

/**
 * Says, in words, whether a settings change is saving, saved or failed (with
 * the server's reasons). Renders nothing while idle.
 *
 * @param props See {@link SaveNoticeViewProps}.
 */
export default function SaveNoticeView( props: SaveNoticeViewProps ) {
	const { save, onRemove, savedText } = props;
	switch ( save.status ) {
		case 'saving':
			return (
				<Notice status="info" isDismissible={ false }>
					{ __( 'Saving…', 'livedesk' ) }
				</Notice>
			);
		case 'saved':
			return (
				<Notice status="success" onRemove={ onRemove }>
					{ savedText ?? __( 'Settings saved.', 'livedesk' ) }
				</Notice>
			);
		case 'error':
			return (
				<Notice status="error" onRemove={ onRemove }>
					<p>
						{ __( 'Your change was not saved.', 'livedesk' ) }{ ' ' }
						{ save.error.message }
					</p>
					{ save.error.details.length > 0 && (
						<ul>
							{ save.error.details.map( ( detail ) => (
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
