/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { statusLabel } from '../../visitors/lib/status';
import { orDash, pageLabel } from '../../visitors/lib/format';
import { longTime } from '../lib/labels';
import ArchiveDialog from './archive-dialog';
import VisitorInfo from './info';
import type { VisitorPanelProps } from './types';
import './style.scss';

/**
 * Who the agent is talking to: name, e-mail and the verified-identity badge
 * (only for a valid signed identity), the site's custom data, the pages they
 * browsed, details in a popover, and the Archive / Assign buttons.
 *
 * @param props The conversation, the visitor's live entry and the actions.
 */
export default function VisitorPanel( props: VisitorPanelProps ) {
	const {
		conversation,
		visitor,
		label,
		canChat,
		userId,
		action,
		onArchive,
		onAssign,
		now,
	} = props;
	const [ confirming, setConfirming ] = useState( false );
	const pending = action?.status === 'pending';
	const mine = userId !== null && conversation.assigned_agent_id === userId;
	const customData = Object.entries( conversation.custom_data );
	const pages = conversation.visitor.pages;

	return (
		<aside
			className="livedesk-visitor-panel"
			aria-labelledby="livedesk-visitor-panel-title"
		>
			<h2
				id="livedesk-visitor-panel-title"
				className="livedesk-visitor-panel__title"
			>
				{ __( 'About this visitor', 'livedesk' ) }
			</h2>
			<p className="livedesk-visitor-panel__label">{ label }</p>
			{ conversation.verified ? (
				<p className="livedesk-visitor-panel__verified">
					<span aria-hidden="true">✓ </span>
					{ __( 'Verified identity', 'livedesk' ) }
				</p>
			) : (
				<p className="livedesk-visitor-panel__unverified">
					{ __( 'Identity not verified', 'livedesk' ) }
				</p>
			) }
			<dl className="livedesk-visitor-panel__fields">
				<dt>{ __( 'Name', 'livedesk' ) }</dt>
				<dd>{ orDash( conversation.name ) }</dd>
				<dt>{ __( 'E-mail', 'livedesk' ) }</dt>
				<dd>{ orDash( conversation.email ) }</dd>
				{ conversation.verified && conversation.identity_id && (
					<>
						<dt>{ __( 'Identity', 'livedesk' ) }</dt>
						<dd>{ conversation.identity_id }</dd>
					</>
				) }
				<dt>{ __( 'Status', 'livedesk' ) }</dt>
				<dd>
					{ visitor
						? statusLabel( visitor.status )
						: __( 'Not on the site', 'livedesk' ) }
				</dd>
				{ visitor && visitor.status !== 'offline' && (
					<>
						<dt>{ __( 'Now on', 'livedesk' ) }</dt>
						<dd>{ pageLabel( visitor.page ) }</dd>
					</>
				) }
				<dt>{ __( 'Started', 'livedesk' ) }</dt>
				<dd>{ longTime( conversation.created_at ) }</dd>
			</dl>
			<VisitorInfo
				conversation={ conversation }
				visitor={ visitor }
				now={ now }
			/>
			{ customData.length > 0 && (
				<>
					<h3 className="livedesk-visitor-panel__heading">
						{ __( 'Custom data', 'livedesk' ) }
					</h3>
					<dl className="livedesk-visitor-panel__fields">
						{ customData.map( ( [ key, value ] ) => (
							<div key={ key }>
								<dt>{ key }</dt>
								<dd>{ value }</dd>
							</div>
						) ) }
					</dl>
				</>
			) }
			<h3 className="livedesk-visitor-panel__heading">
				{ __( 'Last pages', 'livedesk' ) }
			</h3>
			{ pages.length > 0 ? (
				<ol className="livedesk-visitor-panel__pages">
					{ pages.map( ( page, index ) => (
						<li key={ `${ page.viewed_at }-${ index }` }>
							<span className="livedesk-visitor-panel__page-title">
								{ pageLabel( page ) }
							</span>
							<span className="livedesk-visitor-panel__page-path">
								{ page.path }
							</span>
						</li>
					) ) }
				</ol>
			) : (
				<p className="livedesk-visitor-panel__none">
					{ __( 'No pages recorded.', 'livedesk' ) }
				</p>
			) }
			{ action?.status === 'error' && (
				<Notice status="error" isDismissible={ false }>
					{ action.action === 'archive'
						? __( 'The conversation was not archived.', 'livedesk' )
						: __(
								'The assignment did not change.',
								'livedesk'
							) }{ ' ' }
					{ action.error.message }
				</Notice>
			) }
			{ canChat && conversation.status === 'open' && (
				<div className="livedesk-visitor-panel__actions">
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isBusy={ pending && action?.action === 'assign' }
						disabled={ pending }
						accessibleWhenDisabled
						onClick={ () => onAssign( mine ? null : 'me' ) }
					>
						{ mine
							? __( 'Unassign me', 'livedesk' )
							: __( 'Assign to me', 'livedesk' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isDestructive
						isBusy={ pending && action?.action === 'archive' }
						disabled={ pending }
						accessibleWhenDisabled
						onClick={ () => setConfirming( true ) }
					>
						{ __( 'Archive', 'livedesk' ) }
					</Button>
				</div>
			) }
			{ confirming && (
				<ArchiveDialog
					label={ label }
					onCancel={ () => setConfirming( false ) }
					onConfirm={ () => {
						setConfirming( false );
						onArchive();
					} }
				/>
			) }
		</aside>
	);
}
