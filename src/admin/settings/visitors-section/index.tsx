/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	SelectControl,
	ToggleControl,
} from '@wordpress/components';
import { createInterpolateElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { IP_MODES } from '../../store/settings/types';
import type { IpMode, SettingsChanges } from '../../store/settings/types';
import SaveStatusNotice from '../save-status-notice';
import TrustedProxiesForm from '../trusted-proxies-form';
import useSettingsSave from '../use-settings-save';
import VisitorCapForm from '../visitor-cap-form';
import type { VisitorsSectionProps } from './types';
import './style.scss';

/** The settings this section changes; its save notice reports only on them. */
export const VISITOR_FIELDS: ReadonlyArray< keyof SettingsChanges > = [
	'tracking',
	'consent_mode',
	'ip_mode',
	'visitor_cap',
	'trusted_proxies',
];

function ipModeOptions(): Array< { value: IpMode; label: string } > {
	return [
		{
			value: 'anonymised',
			label: __( 'Anonymised (recommended)', 'livedesk' ),
		},
		{ value: 'full', label: __( 'Full address', 'livedesk' ) },
		{ value: 'none', label: __( 'Not stored', 'livedesk' ) },
	];
}

function ipModeHelp( mode: IpMode ): string {
	switch ( mode ) {
		case 'full':
			return __(
				'The whole IP address is stored with each chat.',
				'livedesk'
			);
		case 'none':
			return __( 'No IP address is stored.', 'livedesk' );
		default:
			return __(
				'The last part of the address is zeroed before it is stored (203.0.113.7 becomes 203.0.113.0; for IPv6 the last 80 bits).',
				'livedesk'
			);
	}
}

/**
 * Settings → Visitors: tracking, consent mode and IP mode save on change; the cap and the
 * trusted proxies save with their own buttons. Without `livedesk_manage` every control is
 * read-only, and the screen's notice directly above says why.
 *
 * @param props The saved settings and whether the user may change them.
 */
export default function VisitorsSection( props: VisitorsSectionProps ) {
	const { settings, canManage } = props;
	const { isSaving, pending, saveSettings } = useSettingsSave();
	const locked = ! canManage || isSaving;

	// While a change is in flight the control shows it; a failed save falls
	// back to the confirmed value, which reverts the control.
	const tracking = pending.tracking ?? settings.tracking;
	const consentMode = pending.consent_mode ?? settings.consent_mode;
	const ipMode = pending.ip_mode ?? settings.ip_mode;

	return (
		<Card className="livedesk-visitors-settings">
			<CardHeader>
				<h2>{ __( 'Visitors', 'livedesk' ) }</h2>
			</CardHeader>
			<CardBody>
				<SaveStatusNotice fields={ VISITOR_FIELDS } />
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Track visitors', 'livedesk' ) }
					help={ __(
						'When off, the widget sends nothing about visitors and nothing new is stored. Pages that are already open follow the change.',
						'livedesk'
					) }
					checked={ tracking }
					disabled={ locked }
					onChange={ ( value: boolean ) =>
						saveSettings( { tracking: value } )
					}
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Wait for consent', 'livedesk' ) }
					help={ createInterpolateElement(
						__(
							'When on, nothing connects or is stored until your consent tool calls <code>window.LiveDesk.inject()</code> or the WP Consent API grants the “statistics” category.',
							'livedesk'
						),
						{ code: <code /> }
					) }
					checked={ consentMode }
					disabled={ locked }
					onChange={ ( value: boolean ) =>
						saveSettings( { consent_mode: value } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Visitor IP addresses', 'livedesk' ) }
					help={ ipModeHelp( ipMode ) }
					options={ ipModeOptions() }
					value={ ipMode }
					disabled={ locked }
					onChange={ ( value: string ) => {
						const mode = IP_MODES.find(
							( known ) => known === value
						);
						if ( mode && mode !== ipMode ) {
							saveSettings( { ip_mode: mode } );
						}
					} }
				/>
				<VisitorCapForm
					savedCap={ settings.visitor_cap }
					canManage={ canManage }
				/>
				<TrustedProxiesForm
					savedProxies={ settings.trusted_proxies }
					canManage={ canManage }
				/>
			</CardBody>
		</Card>
	);
}
