/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	Notice,
	SelectControl,
	Spinner,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { memo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import { EMAIL_CAPTURE_MODES } from '../../store/chat/types';
import type { ChatPosition, EmailCaptureMode } from '../../store/chat/types';
import IdentitySecret from './identity-secret';
import ChatSaveNotice from './save-notice';
import ChatTextsForm from './texts-form';
import type { ChatSectionProps } from './types';
import useChatSettingsSave from './use-chat-settings-save';
import './style.scss';

function captureOptions(): Array< { value: EmailCaptureMode; label: string } > {
	return [
		{ value: 'off', label: __( 'Do not ask', 'livedesk' ) },
		{ value: 'optional', label: __( 'Ask, optional', 'livedesk' ) },
		{ value: 'required', label: __( 'Ask, required', 'livedesk' ) },
	];
}

function positionOptions(): Array< { value: ChatPosition; label: string } > {
	return [
		{ value: 'right', label: __( 'Bottom right', 'livedesk' ) },
		{ value: 'left', label: __( 'Bottom left', 'livedesk' ) },
	];
}

/**
 * Settings → Chat: the chat switch, launcher position, e-mail capture and
 * "require a verified identity" save on change; colour, greeting and the
 * offline e-mail save with their button; the identity secret and the code to
 * use it. Without `livedesk_manage` everything is read-only (the screen's
 * notice says why) and the secret is not shown.
 *
 * @param props Whether the user may change settings.
 */
function ChatSection( props: ChatSectionProps ) {
	const { canManage } = props;
	const state = useSelect(
		( select ) => select( chatStore ).getChatSettingsState(),
		[]
	);
	const { invalidateResolution } = useDispatch( chatStore );
	const { isSaving, pending, saveChatSettings } = useChatSettingsSave();
	const settings = state.values;
	const locked = ! canManage || isSaving;

	let body;
	if ( settings ) {
		const enabled = pending.chat_enabled ?? settings.chat_enabled;
		const position = pending.chat_position ?? settings.chat_position;
		const capture =
			pending.chat_email_capture ?? settings.chat_email_capture;
		const verified =
			pending.chat_require_verified ?? settings.chat_require_verified;
		body = (
			<>
				<ChatSaveNotice />
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Turn chat on', 'livedesk' ) }
					help={ __(
						'When on, visitors see a chat button on every page of your site. When off, the button goes away and no new chats start.',
						'livedesk'
					) }
					checked={ enabled }
					disabled={ locked }
					onChange={ ( value: boolean ) =>
						saveChatSettings( { chat_enabled: value } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Launcher position', 'livedesk' ) }
					options={ positionOptions() }
					value={ position }
					disabled={ locked }
					onChange={ ( value: string ) => {
						if (
							( value === 'left' || value === 'right' ) &&
							value !== position
						) {
							saveChatSettings( { chat_position: value } );
						}
					} }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __(
						'Ask for an e-mail address before the chat',
						'livedesk'
					) }
					options={ captureOptions() }
					value={ capture }
					disabled={ locked }
					onChange={ ( value: string ) => {
						const mode = EMAIL_CAPTURE_MODES.find(
							( known ) => known === value
						);
						if ( mode && mode !== capture ) {
							saveChatSettings( { chat_email_capture: mode } );
						}
					} }
				/>
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __( 'Require a verified identity', 'livedesk' ) }
					help={ __(
						'When on, only visitors your site (or WordPress, for logged-in users) vouches for can start a chat. Everyone else is asked to log in.',
						'livedesk'
					) }
					checked={ verified }
					disabled={ locked }
					onChange={ ( value: boolean ) =>
						saveChatSettings( { chat_require_verified: value } )
					}
				/>
				<ChatTextsForm settings={ settings } canManage={ canManage } />
				<IdentitySecret settings={ settings } canManage={ canManage } />
			</>
		);
	} else if ( state.status === 'error' ) {
		body = (
			<Notice
				status="error"
				isDismissible={ false }
				actions={ [
					{
						label: __( 'Try again', 'livedesk' ),
						onClick: () =>
							invalidateResolution( 'getChatSettingsState', [] ),
						variant: 'secondary',
					},
				] }
			>
				{ state.error?.message ??
					__( 'The chat settings could not be loaded.', 'livedesk' ) }
			</Notice>
		);
	} else {
		body = (
			<p role="status">
				<Spinner />
				{ __( 'Loading chat settings…', 'livedesk' ) }
			</p>
		);
	}

	return (
		<Card className="livedesk-chat-settings">
			<CardHeader>
				<h2>{ __( 'Chat', 'livedesk' ) }</h2>
			</CardHeader>
			<CardBody>{ body }</CardBody>
		</Card>
	);
}

// Memoised: typing in the other settings forms does not re-render this card.
export default memo( ChatSection );
