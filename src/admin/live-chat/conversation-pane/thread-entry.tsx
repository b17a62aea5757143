/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ChatMessage } from '../../../protocol';
import type { OutboxItem } from '../../store/chat/types';
import { authorLabel, longTime, shortTime, systemText } from '../lib/labels';
import type { ThreadEntryProps } from './types';

function deliveryLabel( message: ChatMessage, visitorRead: number ): string {
	return message.read_at !== null || message.id <= visitorRead
		? __( 'Seen', 'livedesk' )
		: __( 'Delivered', 'livedesk' );
}

function pendingLabel( item: OutboxItem ): string {
	if ( item.state === 'failed' ) {
		return __( 'Not sent', 'livedesk' );
	}
	return item.error
		? __( 'Not sent yet, trying again…', 'livedesk' )
		: __( 'Sending…', 'livedesk' );
}

/**
 * One message of the thread: the author, the time and the text (as text,
 * line breaks kept), with the delivery state of the agents' messages, or a
 * message still on its way (Sending… / Not sent, with Retry and Discard).
 *
 * @param props The entry and what the agent may do with it.
 */
export default function ThreadEntry( props: ThreadEntryProps ) {
	const { entry, label, reads, userId, onRetry, onDiscard } = props;

	if ( entry.kind === 'pending' ) {
		const { item } = entry;
		return (
			<li className="livedesk-thread__entry is-agent is-pending">
				<div className="livedesk-thread__meta">
					<span className="livedesk-thread__author">
						{ __( 'You', 'livedesk' ) }
					</span>
				</div>
				<div className="livedesk-thread__body">{ item.body }</div>
				<div
					className={
						'livedesk-thread__state' +
						( item.state === 'failed' ? ' is-failed' : '' )
					}
				>
					{ pendingLabel( item ) }
					{ item.state === 'failed' && item.error && (
						<>
							{ ' ' }
							<span>{ item.error.message }</span>{ ' ' }
							<Button
								variant="link"
								onClick={ () => onRetry( item.client_id ) }
							>
								{ __( 'Retry', 'livedesk' ) }
							</Button>{ ' ' }
							<Button
								variant="link"
								isDestructive
								onClick={ () => onDiscard( item.client_id ) }
							>
								{ __( 'Discard', 'livedesk' ) }
							</Button>
						</>
					) }
				</div>
			</li>
		);
	}

	const { message } = entry;
	if ( message.author === 'system' ) {
		return (
			<li className="livedesk-thread__entry is-system">
				<span className="livedesk-thread__body">
					{ systemText( message.body ) }
				</span>{ ' ' }
				<time
					className="livedesk-thread__time"
					dateTime={ message.created_at }
				>
					{ longTime( message.created_at ) }
				</time>
			</li>
		);
	}
	return (
		<li className={ `livedesk-thread__entry is-${ message.author }` }>
			<div className="livedesk-thread__meta">
				<span className="livedesk-thread__author">
					{ authorLabel( message, label, userId ) }
				</span>{ ' ' }
				<time
					className="livedesk-thread__time"
					dateTime={ message.created_at }
					title={ longTime( message.created_at ) }
				>
					{ shortTime( message.created_at ) }
				</time>
			</div>
			<div className="livedesk-thread__body">{ message.body }</div>
			{ message.author === 'agent' && (
				<div className="livedesk-thread__state">
					{ deliveryLabel( message, reads.visitor ) }
				</div>
			) }
		</li>
	);
}
