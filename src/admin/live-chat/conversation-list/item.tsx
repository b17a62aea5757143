/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	longTime,
	shortTime,
	sourceLabel,
	systemText,
	unreadLabel,
} from '../lib/labels';
import type { ConversationItemProps } from './types';

function excerpt( props: ConversationItemProps ): string {
	const { conversation, typing } = props;
	if ( typing ) {
		return __( 'typing…', 'livedesk' );
	}
	const last = conversation.last_message;
	if ( ! last ) {
		return __( 'No messages yet', 'livedesk' );
	}
	switch ( last.author ) {
		case 'agent':
			/* translators: %s: the start of an agent's reply. */
			return sprintf( __( 'Agent: %s', 'livedesk' ), last.body );
		case 'system':
			return systemText( last.body );
		default:
			return last.body;
	}
}

/**
 * One conversation in the list: a button with the name, source, last
 * activity, an excerpt of the newest message and the unread count.
 *
 * @param props The conversation and its state.
 */
export default function ConversationItem( props: ConversationItemProps ) {
	const { conversation, label, selected, now, onSelect } = props;
	const time = conversation.last_message_at ?? conversation.created_at;
	const unread = conversation.unread_count;
	return (
		<li className="livedesk-conversation-item">
			<button
				type="button"
				className={
					'livedesk-conversation-item__button' +
					( selected ? ' is-selected' : '' ) +
					( unread > 0 ? ' has-unread' : '' )
				}
				aria-current={ selected ? 'true' : undefined }
				onClick={ () => onSelect( conversation.id ) }
			>
				<span className="livedesk-conversation-item__top">
					<span className="livedesk-conversation-item__name">
						{ label }
					</span>
					<time
						className="livedesk-conversation-item__time"
						dateTime={ time }
						title={ longTime( time ) }
					>
						{ shortTime( time, now ) }
					</time>
				</span>
				<span className="livedesk-conversation-item__bottom">
					<span
						className={
							'livedesk-conversation-item__source is-' +
							conversation.source
						}
					>
						{ sourceLabel( conversation.source ) }
					</span>
					<span className="livedesk-conversation-item__excerpt">
						{ excerpt( props ) }
					</span>
					{ unread > 0 && (
						<span
							className="livedesk-conversation-item__unread"
							aria-label={ unreadLabel( unread ) }
						>
							{ unread }
						</span>
					) }
				</span>
			</button>
		</li>
	);
}
