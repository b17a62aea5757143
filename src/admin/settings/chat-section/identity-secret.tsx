/**
 * WordPress dependencies
 */
import { Button, Modal, TextControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import { JS_SNIPPET, PHP_SNIPPET } from './snippets';
import type { ChatSettingsPartProps } from './types';
import useChatSettingsSave from './use-chat-settings-save';

async function copyText( text: string, field: HTMLInputElement | null ) {
	try {
		await window.navigator.clipboard.writeText( text );
		return true;
	} catch {
		// No clipboard API (or not allowed): select the text for Ctrl+C.
		field?.select();
		return false;
	}
}

/**
 * The identity secret (managers only) with Copy and Regenerate, and the code
 * a site uses to sign its visitors' identities with it.
 *
 * @param props The saved settings and whether the user may change them.
 */
export default function IdentitySecret( props: ChatSettingsPartProps ) {
	const { settings, canManage } = props;
	const { isSaving } = useChatSettingsSave();
	const { regenerateSecret } = useDispatch( chatStore );
	const [ copied, setCopied ] = useState< boolean | null >( null );
	const [ confirming, setConfirming ] = useState( false );
	const field = useRef< HTMLInputElement >( null );
	const secret = settings.identity_secret;

	return (
		<div className="livedesk-chat-settings__identity">
			<h3>{ __( 'Identity verification', 'livedesk' ) }</h3>
			<p>
				{ __(
					'Logged-in WordPress users are verified by LiveDesk itself. Your site can also vouch for its own customers: its server signs who they are with this secret, and the page passes the signed identity to the chat. Agents then see a “Verified identity” badge, and the same person’s conversation follows them across devices.',
					'livedesk'
				) }
			</p>
			{ canManage && secret ? (
				<div className="livedesk-chat-settings__secret">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						ref={ field }
						label={ __( 'Identity secret', 'livedesk' ) }
						help={ __(
							'Keep it on your server, like a password. Never put it in the page or in JavaScript.',
							'livedesk'
						) }
						value={ secret }
						readOnly
						onChange={ () => undefined }
						onFocus={ ( event ) => event.target.select() }
					/>
					<div className="livedesk-chat-settings__secret-actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ async () =>
								setCopied(
									await copyText( secret, field.current )
								)
							}
						>
							{ __( 'Copy', 'livedesk' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							isDestructive
							disabled={ isSaving }
							accessibleWhenDisabled
							onClick={ () => setConfirming( true ) }
						>
							{ __( 'Regenerate', 'livedesk' ) }
						</Button>
						<span role="status">
							{ copied === true && __( 'Copied.', 'livedesk' ) }
							{ copied === false &&
								__(
									'Your browser did not allow copying: the secret is selected, press Ctrl+C (⌘C).',
									'livedesk'
								) }
						</span>
					</div>
				</div>
			) : (
				<p>
					{ __(
						'The identity secret is shown to users who can manage LiveDesk settings.',
						'livedesk'
					) }
				</p>
			) }
			<p>
				{ __( 'Sign the identity on your server (PHP):', 'livedesk' ) }
			</p>
			<pre className="livedesk-chat-settings__code">
				<code>{ PHP_SNIPPET }</code>
			</pre>
			<p>{ __( 'Then pass it to the chat on the page:', 'livedesk' ) }</p>
			<pre className="livedesk-chat-settings__code">
				<code>{ JS_SNIPPET }</code>
			</pre>
			{ confirming && (
				<Modal
					title={ __(
						'Regenerate the identity secret?',
						'livedesk'
					) }
					onRequestClose={ () => setConfirming( false ) }
					size="small"
				>
					<p>
						{ __(
							'Identities your site signed with the current secret stop being verified at once. Update your site’s code with the new secret right after.',
							'livedesk'
						) }
					</p>
					<div className="livedesk-chat-settings__dialog-actions">
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							onClick={ () => setConfirming( false ) }
						>
							{ __( 'Cancel', 'livedesk' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ () => {
								setConfirming( false );
								setCopied( null );
								void regenerateSecret();
							} }
						>
							{ __( 'Regenerate', 'livedesk' ) }
						</Button>
					</div>
				</Modal>
			) }
		</div>
	);
}
