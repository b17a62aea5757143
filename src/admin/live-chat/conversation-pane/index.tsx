/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { useLayoutEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import Composer from '../composer';
import { longTime } from '../lib/labels';
import ThreadEntry from './thread-entry';
import type { ConversationPaneProps } from './types';
import './style.scss';

/** Within this many pixels of the bottom, the thread follows new messages. */
const FOLLOW_PX = 120;

function typingText(
	typing: ConversationPaneProps[ 'typing' ],
	label: string
): string {
	const first = typing[ 0 ];
	if ( ! first ) {
		return '';
	}
	if ( typing.length > 1 ) {
		return __( 'Several people are typing…', 'livedesk' );
	}
	const name =
		first.author === 'visitor'
			? label
			: first.name || __( 'Another agent', 'livedesk' );
	/* translators: %s: who is typing, e.g. "Visitor 3". */
	return sprintf( __( '%s is typing…', 'livedesk' ), name );
}

/**
 * The open conversation: its messages (a polite live region, so new ones are
 * read out), who is typing, and the reply box for agents who may reply.
 *
 * @param props The conversation, its thread and what to do.
 */
export default function ConversationPane( props: ConversationPaneProps ) {
	const {
		conversation,
		label,
		thread,
		messages,
		typing,
		reads,
		canChat,
		offline,
		userId,
		onSend,
		onTyping,
		onRetry,
		onDiscard,
		onReloadMessages,
	} = props;
	const scroller = useRef< HTMLDivElement >( null );
	const following = useRef( true );
	const archived = conversation.status === 'archived';

	// Follow new messages unless the agent scrolled up to read older ones.
	useLayoutEffect( () => {
		const element = scroller.current;
		if ( element && following.current ) {
			element.scrollTop = element.scrollHeight;
		}
	}, [ thread, typing ] );
	useLayoutEffect( () => {
		following.current = true;
	}, [ conversation.id ] );

	const onScroll = () => {
		const element = scroller.current;
		if ( element ) {
			following.current =
				element.scrollHeight -
					element.scrollTop -
					element.clientHeight <
				FOLLOW_PX;
		}
	};

	let assigned = '';
	if ( conversation.assigned_agent_id !== null ) {
		assigned =
			conversation.assigned_agent_id === userId
				? __( 'Assigned to you', 'livedesk' )
				: sprintf(
						/* translators: %s: an agent's name. */
						__( 'Assigned to %s', 'livedesk' ),
						conversation.assigned_agent_name ||
							__( 'another agent', 'livedesk' )
					);
	}

	return (
		<section
			className="livedesk-pane"
			aria-labelledby="livedesk-pane-title"
		>
			<header className="livedesk-pane__header">
				<h2 id="livedesk-pane-title" className="livedesk-pane__title">
					{ label }
				</h2>
				<span className="livedesk-pane__status">
					{ archived
						? __( 'Archived', 'livedesk' )
						: __( 'Open', 'livedesk' ) }
					{ assigned && ` · ${ assigned }` }
				</span>
			</header>
			<div
				className="livedesk-pane__scroller"
				ref={ scroller }
				onScroll={ onScroll }
			>
				{ messages.status === 'loading' && thread.length === 0 && (
					<p className="livedesk-pane__loading" role="status">
						<Spinner />
						{ __( 'Loading messages…', 'livedesk' ) }
					</p>
				) }
				{ messages.status === 'error' && (
					<Notice
						status="error"
						isDismissible={ false }
						actions={ [
							{
								label: __( 'Try again', 'livedesk' ),
								onClick: onReloadMessages,
								variant: 'secondary',
							},
						] }
					>
						{ messages.error?.message ??
							__(
								'The messages could not be loaded.',
								'livedesk'
							) }
					</Notice>
				) }
				<ol
					key={ conversation.id }
					className="livedesk-thread"
					role="log"
					aria-live="polite"
					aria-label={ __( 'Messages', 'livedesk' ) }
				>
					{ thread.map( ( entry ) => (
						<ThreadEntry
							key={
								entry.kind === 'message'
									? `m${ entry.message.id }`
									: `p${ entry.item.client_id }`
							}
							entry={ entry }
							label={ label }
							reads={ reads }
							userId={ userId }
							onRetry={ onRetry }
							onDiscard={ onDiscard }
						/>
					) ) }
				</ol>
			</div>
			<p className="livedesk-pane__typing" role="status">
				{ typingText( typing, label ) }
			</p>
			{ archived && (
				<p className="livedesk-pane__note">
					{ conversation.archived_at
						? sprintf(
								/* translators: %s: date and time. */
								__(
									'This conversation was archived on %s. Replies are closed.',
									'livedesk'
								),
								longTime( conversation.archived_at )
							)
						: __(
								'This conversation is archived. Replies are closed.',
								'livedesk'
							) }
				</p>
			) }
			{ canChat && ! archived && (
				<>
					{ offline && (
						<p className="livedesk-pane__note">
							{ __(
								'The live connection is down: replies are sent through WordPress, and new messages show up every few seconds.',
								'livedesk'
							) }
						</p>
					) }
					<Composer
						conversationId={ conversation.id }
						onSend={ onSend }
						onTyping={ onTyping }
					/>
				</>
			) }
		</section>
	);
}
