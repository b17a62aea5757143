/**
 * WordPress dependencies
 */
import { Card, CardBody, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ScreenHeader from '../../components/screen-header';
import { store as settingsStore } from '../../store/settings';
import SettingsForm from '../settings-form';
import type { SettingsScreenProps } from './types';

/**
 * The Settings screen: loads settings from the store and shows the form, a loading or an error state.
 *
 * @param props Whether the user may change settings.
 */
export default function SettingsScreen( props: SettingsScreenProps ) {
	const { canManage } = props;
	const { settings, loadError } = useSelect( ( select ) => {
		const { getSettings, getLoadError } = select( settingsStore );
		return { settings: getSettings(), loadError: getLoadError() };
	}, [] );
	const { invalidateResolution } = useDispatch( settingsStore );

	let body;
	if ( settings ) {
		body = <SettingsForm settings={ settings } canManage={ canManage } />;
	} else if ( loadError ) {
		body = (
			<Notice
				status="error"
				isDismissible={ false }
				actions={ [
					{
						label: __( 'Try again', 'livedesk' ),
						onClick: () =>
							invalidateResolution( 'getSettings', [] ),
						variant: 'secondary',
					},
				] }
			>
				{ sprintf(
					/* translators: %s: error message from the server. */
					__(
						'LiveDesk could not load its settings: %s',
						'livedesk'
					),
					loadError.message
				) }
			</Notice>
		);
	} else {
		body = (
			<Card>
				<CardBody>
					<p role="status">
						<Spinner />
						{ __( 'Loading settings…', 'livedesk' ) }
					</p>
				</CardBody>
			</Card>
		);
	}

	return (
		<>
			<ScreenHeader
				title={ __( 'Settings', 'livedesk' ) }
				description={ __(
					'Choose how visitors are tracked, how the chat looks and works, what happens to LiveDesk data and where the live connection runs.',
					'livedesk'
				) }
			/>
			{ ! canManage && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'You can view these settings, but only administrators (users with the livedesk_manage capability) can change them.',
						'livedesk'
					) }
				</Notice>
			) }
			{ body }
		</>
	);
}
