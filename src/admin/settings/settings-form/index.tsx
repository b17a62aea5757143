/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { createInterpolateElement, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as settingsStore } from '../../store/settings';
import SaveStatusNotice from '../save-status-notice';
import ChatSection from '../chat-section';
import VisitorsSection from '../visitors-section';
import type { SettingsChanges } from '../../store/settings/types';
import type { SettingsFormProps } from './types';
import './style.scss';

/** The fields of the cards below the Visitors section, which has its own notice. */
const GENERAL_FIELDS: ReadonlyArray< keyof SettingsChanges > = [
	'delete_data_on_uninstall',
	'sidecar_url',
];

/**
 * The editable settings: the Visitors and Chat sections, the uninstall toggle (saves on
 * change) and the sidecar URL (saved with its button).
 *
 * @param props The saved settings and whether the user may change them.
 */
export default function SettingsForm( props: SettingsFormProps ) {
	const { settings, canManage } = props;
	const saveStatus = useSelect(
		( select ) => select( settingsStore ).getSaveStatus(),
		[]
	);
	const { saveSettings } = useDispatch( settingsStore );
	// null while the field shows the saved value; a string once edited.
	const [ draftUrl, setDraftUrl ] = useState< string | null >( null );

	const isSaving = saveStatus.status === 'saving';
	const pending = isSaving ? saveStatus.changes : {};
	const deleteData =
		pending.delete_data_on_uninstall ?? settings.delete_data_on_uninstall;
	const sidecarUrl = draftUrl ?? settings.sidecar_url;
	const urlChanged =
		draftUrl !== null && draftUrl.trim() !== settings.sidecar_url;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canManage || isSaving || draftUrl === null || ! urlChanged ) {
			return;
		}
		if ( await saveSettings( { sidecar_url: draftUrl.trim() } ) ) {
			setDraftUrl( null );
		}
	};

	return (
		<div className="livedesk-settings-form">
			<VisitorsSection settings={ settings } canManage={ canManage } />
			<ChatSection canManage={ canManage } />
			<SaveStatusNotice fields={ GENERAL_FIELDS } />
			<Card>
				<CardHeader>
					<h2>{ __( 'Uninstall', 'livedesk' ) }</h2>
				</CardHeader>
				<CardBody>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Delete all LiveDesk data when the plugin is uninstalled',
							'livedesk'
						) }
						help={ __(
							'When on, deleting the plugin also removes its conversations, visitor history and settings from the database. When off, they are kept so a reinstall picks up where you left off.',
							'livedesk'
						) }
						checked={ deleteData }
						disabled={ ! canManage || isSaving }
						onChange={ ( value: boolean ) =>
							saveSettings( { delete_data_on_uninstall: value } )
						}
					/>
				</CardBody>
			</Card>
			<form onSubmit={ onSubmit }>
				<Card>
					<CardHeader>
						<h2>{ __( 'Live connection', 'livedesk' ) }</h2>
					</CardHeader>
					<CardBody>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							type="url"
							label={ __( 'Sidecar URL', 'livedesk' ) }
							help={ createInterpolateElement(
								__(
									'Where the LiveDesk sidecar (the live-connection server) runs. Leave empty to use this site’s own address. Used now: <url />',
									'livedesk'
								),
								// The URL is passed as an element, not formatted into
								// the string, so it can never be parsed as markup.
								{
									url: (
										<code>
											{ settings.effective_sidecar_url }
										</code>
									),
								}
							) }
							value={ sidecarUrl }
							readOnly={ ! canManage }
							onChange={ ( value: string ) =>
								setDraftUrl( value )
							}
						/>
						<Button
							__next40pxDefaultSize
							className="livedesk-settings-form__save"
							type="submit"
							variant="primary"
							isBusy={ isSaving }
							disabled={ ! canManage || isSaving || ! urlChanged }
							accessibleWhenDisabled
						>
							{ __( 'Save', 'livedesk' ) }
						</Button>
					</CardBody>
				</Card>
			</form>
		</div>
	);
}
