/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Notice, SearchControl, Spinner } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConversationStatus } from '../../../protocol';
import { unreadLabel } from '../lib/labels';
import ConversationItem from './item';
import type { ConversationListProps } from './types';
import './style.scss';

const TABS: ReadonlyArray< ConversationStatus > = [ 'open', 'archived' ];

function tabLabel( status: ConversationStatus ): string {
	return status === 'open'
		? __( 'Open', 'livedesk' )
		: __( 'Archived', 'livedesk' );
}

function emptyText( status: ConversationStatus, search: string ): string {
	if ( search.trim() !== '' ) {
		return __( 'No conversations match your search.', 'livedesk' );
	}
	return status === 'open'
		? __(
				'No open conversations. New chats appear here the moment a visitor writes.',
				'livedesk'
			)
		: __( 'No archived conversations yet.', 'livedesk' );
}

/**
 * The conversation list: Open / Archived tabs, a search field and the
 * conversations, latest activity first, with "Load more" for older ones.
 *
 * @param props What to list and what to do on a choice.
 */
export default function ConversationList( props: ConversationListProps ) {
	const {
		status,
		onStatusChange,
		search,
		onSearchChange,
		conversations,
		list,
		unreadTotal,
		selectedId,
		onSelect,
		onLoadMore,
		onRetry,
		labelOf,
		typingIn,
		now,
	} = props;
	const tabs = useRef< Array< HTMLButtonElement | null > >( [] );

	// Arrow keys move between the tabs (the WAI-ARIA tabs pattern).
	const onTabKeyDown = ( event: KeyboardEvent< HTMLButtonElement > ) => {
		if ( event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' ) {
			return;
		}
		event.preventDefault();
		const next = TABS[ ( TABS.indexOf( status ) + 1 ) % TABS.length ];
		if ( next ) {
			onStatusChange( next );
			tabs.current[ TABS.indexOf( next ) ]?.focus();
		}
	};

	const loading = list.status === 'loading' || list.status === 'idle';
	return (
		<div className="livedesk-conversation-list">
			<div
				className="livedesk-conversation-list__tabs"
				role="tablist"
				aria-label={ __( 'Conversations', 'livedesk' ) }
			>
				{ TABS.map( ( tab, index ) => (
					<button
						key={ tab }
						ref={ ( element ) => {
							tabs.current[ index ] = element;
						} }
						type="button"
						role="tab"
						id={ `livedesk-chat-tab-${ tab }` }
						aria-controls="livedesk-chat-tabpanel"
						aria-selected={ tab === status }
						tabIndex={ tab === status ? 0 : -1 }
						className={
							'livedesk-conversation-list__tab' +
							( tab === status ? ' is-active' : '' )
						}
						onClick={ () => onStatusChange( tab ) }
						onKeyDown={ onTabKeyDown }
					>
						{ tabLabel( tab ) }
						{ tab === 'open' && unreadTotal > 0 && (
							<span
								className="livedesk-conversation-list__badge"
								aria-label={ unreadLabel( unreadTotal ) }
							>
								{ unreadTotal }
							</span>
						) }
					</button>
				) ) }
			</div>
			<div
				id="livedesk-chat-tabpanel"
				role="tabpanel"
				aria-labelledby={ `livedesk-chat-tab-${ status }` }
				className="livedesk-conversation-list__panel"
			>
				<SearchControl
					__nextHasNoMarginBottom
					className="livedesk-conversation-list__search"
					label={ __( 'Search conversations', 'livedesk' ) }
					placeholder={ __(
						'Search names, e-mails, messages…',
						'livedesk'
					) }
					value={ search }
					onChange={ ( value: string ) => onSearchChange( value ) }
				/>
				{ list.status === 'error' && (
					<Notice
						status="error"
						isDismissible={ false }
						actions={ [
							{
								label: __( 'Try again', 'livedesk' ),
								onClick: onRetry,
								variant: 'secondary',
							},
						] }
					>
						{ list.error?.message ??
							__(
								'The conversations could not be loaded.',
								'livedesk'
							) }
					</Notice>
				) }
				{ conversations.length > 0 ? (
					<ul
						className="livedesk-conversation-list__items"
						aria-label={ tabLabel( status ) }
					>
						{ conversations.map( ( conversation ) => (
							<ConversationItem
								key={ conversation.id }
								conversation={ conversation }
								label={ labelOf( conversation ) }
								selected={ conversation.id === selectedId }
								typing={ typingIn.has( conversation.id ) }
								now={ now }
								onSelect={ onSelect }
							/>
						) ) }
					</ul>
				) : (
					! loading &&
					list.status !== 'error' && (
						<p className="livedesk-conversation-list__empty">
							{ emptyText( status, search ) }
						</p>
					)
				) }
				{ loading && (
					<p
						className="livedesk-conversation-list__loading"
						role="status"
					>
						<Spinner />
						{ __( 'Loading conversations…', 'livedesk' ) }
					</p>
				) }
				{ list.hasMore && list.status === 'ready' && (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						className="livedesk-conversation-list__more"
						onClick={ onLoadMore }
					>
						{ __( 'Load older conversations', 'livedesk' ) }
					</Button>
				) }
			</div>
		</div>
	);
}
