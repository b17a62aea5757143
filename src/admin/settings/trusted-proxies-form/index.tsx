/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import useSettingsSave from '../use-settings-save';
import type { TrustedProxiesFormProps } from './types';

/**
 * The entries of the textarea: one per line, trimmed, blank lines dropped.
 *
 * @param value What the textarea holds.
 */
export function parseProxyLines( value: string ): string[] {
	return value
		.split( /\r?\n/ )
		.map( ( line ) => line.trim() )
		.filter( ( line ) => line !== '' );
}

/**
 * Trusted proxies: a textarea (one IP or CIDR range per line) saved with its own button.
 * The server checks each entry and names the first bad one.
 *
 * @param props The saved proxies and whether the user may change them.
 */
export default function TrustedProxiesForm( props: TrustedProxiesFormProps ) {
	const { savedProxies, canManage } = props;
	const { isSaving, saveSettings, failedOn } = useSettingsSave();
	// null while the field shows the saved value; a string once edited.
	const [ draft, setDraft ] = useState< string | null >( null );

	const saved = savedProxies.join( '\n' );
	const entries = draft === null ? savedProxies : parseProxyLines( draft );
	const changed = draft !== null && entries.join( '\n' ) !== saved;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canManage || isSaving || ! changed ) {
			return;
		}
		if ( await saveSettings( { trusted_proxies: entries } ) ) {
			// Show the server's canonical forms (e.g. 10.0.0.0/8 for 10.1.2.3/8).
			setDraft( null );
		}
	};

	return (
		<form className="livedesk-settings-field" onSubmit={ onSubmit }>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Trusted proxies', 'livedesk' ) }
				help={ __(
					'One IP address or CIDR range per line (for example 10.0.0.0/8). The visitor’s address is read from the X-Forwarded-For header only when the request comes from one of these; leave empty to trust no proxy.',
					'livedesk'
				) }
				rows={ 4 }
				spellCheck={ false }
				aria-invalid={ failedOn( 'trusted_proxies' ) }
				value={ draft ?? saved }
				readOnly={ ! canManage }
				onChange={ ( value: string ) => setDraft( value ) }
			/>
			<Button
				__next40pxDefaultSize
				className="livedesk-settings-field__save"
				type="submit"
				variant="secondary"
				isBusy={ isSaving }
				disabled={ ! canManage || isSaving || ! changed }
				accessibleWhenDisabled
			>
				{ __( 'Save trusted proxies', 'livedesk' ) }
			</Button>
		</form>
	);
}
