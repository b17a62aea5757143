/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/** Props of the archive confirmation. */
export interface ArchiveDialogProps {
	label: string;
	onConfirm: () => void;
	onCancel: () => void;
}

/**
 * Asks before archiving: it closes the chat and takes the visitor off the map.
 *
 * @param props Who, and what to do on each answer.
 */
export default function ArchiveDialog( props: ArchiveDialogProps ) {
	const { label, onConfirm, onCancel } = props;
	return (
		<Modal
			title={ __( 'Archive this conversation?', 'livedesk' ) }
			onRequestClose={ onCancel }
			size="small"
		>
			<p>
				<strong>{ label }</strong>
			</p>
			<p>
				{ __(
					'The chat is closed and the visitor is taken off the Visitors map at once (their number is freed). If they write again, a new conversation starts.',
					'livedesk'
				) }
			</p>
			<div className="livedesk-archive-dialog__actions">
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onCancel }
				>
					{ __( 'Cancel', 'livedesk' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="primary"
					isDestructive
					onClick={ onConfirm }
				>
					{ __( 'Archive', 'livedesk' ) }
				</Button>
			</div>
		</Modal>
	);
}
