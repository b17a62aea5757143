/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import useSettingsSave from '../use-settings-save';
import type { VisitorCapFormProps } from './types';

/** Smallest cap the server accepts (Settings::VISITOR_CAP_MIN). */
export const VISITOR_CAP_MIN = 1;

/** Largest cap the server accepts (Settings::VISITOR_CAP_MAX). */
export const VISITOR_CAP_MAX = 100000;

/**
 * The cap typed in the field, or null when it is not a whole number in range.
 *
 * @param value What the field holds.
 */
export function parseVisitorCap( value: string ): number | null {
	const trimmed = value.trim();
	if ( ! /^[0-9]{1,7}$/.test( trimmed ) ) {
		return null;
	}
	const cap = Number( trimmed );
	return cap >= VISITOR_CAP_MIN && cap <= VISITOR_CAP_MAX ? cap : null;
}

/**
 * The visitor cap: a number field saved with its own button, checked before it is sent.
 *
 * @param props The saved cap and whether the user may change it.
 */
export default function VisitorCapForm( props: VisitorCapFormProps ) {
	const { savedCap, canManage } = props;
	const { isSaving, saveSettings, failedOn } = useSettingsSave();
	// null while the field shows the saved value; a string once edited.
	const [ draft, setDraft ] = useState< string | null >( null );

	const cap = draft === null ? savedCap : parseVisitorCap( draft );
	const invalid = cap === null;
	const changed = draft !== null && cap !== savedCap;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canManage || isSaving || cap === null || ! changed ) {
			return;
		}
		if ( await saveSettings( { visitor_cap: cap } ) ) {
			setDraft( null );
		}
	};

	const format = ( value: number ) => value.toLocaleString();
	const help = __(
		'How many visitors at once are listed on the Visitors screen; visitors beyond it are counted but not listed.',
		'livedesk'
	);

	return (
		<form className="livedesk-settings-field" onSubmit={ onSubmit }>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="number"
				min={ VISITOR_CAP_MIN }
				max={ VISITOR_CAP_MAX }
				step={ 1 }
				label={ __( 'Visitor cap', 'livedesk' ) }
				help={
					<>
						{ invalid && (
							<span
								className="livedesk-settings-field__error"
								role="alert"
							>
								{ sprintf(
									/* translators: 1: smallest allowed cap, 2: largest allowed cap. */
									__(
										'Enter a whole number from %1$s to %2$s.',
										'livedesk'
									),
									format( VISITOR_CAP_MIN ),
									format( VISITOR_CAP_MAX )
								) }{ ' ' }
							</span>
						) }
						{ help }
					</>
				}
				aria-invalid={ invalid || failedOn( 'visitor_cap' ) }
				value={ draft ?? String( savedCap ) }
				readOnly={ ! canManage }
				onChange={ ( value: string ) => setDraft( value ) }
			/>
			<Button
				__next40pxDefaultSize
				className="livedesk-settings-field__save"
				type="submit"
				variant="secondary"
				isBusy={ isSaving }
				disabled={ ! canManage || isSaving || invalid || ! changed }
				accessibleWhenDisabled
			>
				{ __( 'Save visitor cap', 'livedesk' ) }
			</Button>
		</form>
	);
}
