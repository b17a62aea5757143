/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, TextControl, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ChatSettingsChanges } from '../../store/chat/types';
import type { ChatSettingsPartProps } from './types';
import useChatSettingsSave from './use-chat-settings-save';

/** Longest greeting the server keeps. */
export const GREETING_MAX = 500;

const COLOR = /^#[0-9a-f]{6}$/i;
// A plain check; the server validates for real.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Draft = Pick<
	ChatSettingsChanges,
	'chat_color' | 'chat_greeting' | 'chat_offline_email'
>;

/**
 * The launcher colour, the greeting and the offline e-mail address, saved
 * together with one button; each is checked before it is sent.
 *
 * @param props The saved settings and whether the user may change them.
 */
export default function ChatTextsForm( props: ChatSettingsPartProps ) {
	const { settings, canManage } = props;
	const { isSaving, saveChatSettings } = useChatSettingsSave();
	const [ draft, setDraft ] = useState< Draft >( {} );

	const color = draft.chat_color ?? settings.chat_color;
	const greeting = draft.chat_greeting ?? settings.chat_greeting;
	const email = draft.chat_offline_email ?? settings.chat_offline_email;
	const errors = {
		color: COLOR.test( color )
			? ''
			: __( 'Use a colour like #2563eb.', 'livedesk' ),
		greeting:
			greeting.length > GREETING_MAX
				? __(
						'The greeting is too long (at most 500 characters).',
						'livedesk'
					)
				: '',
		email:
			email.trim() === '' || EMAIL.test( email.trim() )
				? ''
				: __(
						'Enter an e-mail address, or leave it empty.',
						'livedesk'
					),
	};
	const changes: ChatSettingsChanges = {};
	if ( color !== settings.chat_color ) {
		changes.chat_color = color;
	}
	if ( greeting !== settings.chat_greeting ) {
		changes.chat_greeting = greeting;
	}
	if ( email.trim() !== settings.chat_offline_email ) {
		changes.chat_offline_email = email.trim();
	}
	const valid = ! errors.color && ! errors.greeting && ! errors.email;
	const changed = Object.keys( changes ).length > 0;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canManage || isSaving || ! valid || ! changed ) {
			return;
		}
		if ( await saveChatSettings( changes ) ) {
			setDraft( {} );
		}
	};

	return (
		<form className="livedesk-chat-settings__texts" onSubmit={ onSubmit }>
			<div className="livedesk-chat-settings__color">
				<label htmlFor="livedesk-chat-color">
					{ __( 'Launcher colour', 'livedesk' ) }
				</label>
				<input
					id="livedesk-chat-color"
					type="color"
					value={ COLOR.test( color ) ? color : '#2563eb' }
					disabled={ ! canManage }
					onChange={ ( event ) =>
						setDraft( { ...draft, chat_color: event.target.value } )
					}
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Launcher colour (hex)', 'livedesk' ) }
					hideLabelFromVision
					value={ color }
					readOnly={ ! canManage }
					help={ errors.color }
					onChange={ ( value: string ) =>
						setDraft( { ...draft, chat_color: value.trim() } )
					}
				/>
			</div>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Greeting', 'livedesk' ) }
				help={
					errors.greeting ||
					__(
						'Shown above the first message. Leave empty for the default greeting in the visitor’s language.',
						'livedesk'
					)
				}
				value={ greeting }
				readOnly={ ! canManage }
				rows={ 3 }
				onChange={ ( value: string ) =>
					setDraft( { ...draft, chat_greeting: value } )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="email"
				label={ __( 'E-mail for offline messages', 'livedesk' ) }
				help={
					errors.email ||
					__(
						'Messages left while no agent is online are sent here. Leave empty to use the site’s admin e-mail address.',
						'livedesk'
					)
				}
				value={ email }
				readOnly={ ! canManage }
				onChange={ ( value: string ) =>
					setDraft( { ...draft, chat_offline_email: value } )
				}
			/>
			<Button
				__next40pxDefaultSize
				type="submit"
				variant="primary"
				isBusy={ isSaving }
				disabled={ ! canManage || isSaving || ! changed || ! valid }
				accessibleWhenDisabled
			>
				{ __( 'Save chat texts', 'livedesk' ) }
			</Button>
		</form>
	);
}
