/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useId, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	countryFlag,
	countryName,
	deviceLabel,
	formatDateTime,
	formatDuration,
	formatLocalTime,
	languageName,
	orDash,
	pageLabel,
	safeHttpUrl,
	statusLabel,
	userLocale,
	visitorLabel,
} from '../../lib';
import { StatusDot } from '../visitor-list';
import { RecentPages, visitCount } from './history';
import type { VisitorDrawerProps } from './types';
import { useNow } from '../../../hooks/use-now';
import './style.scss';

function Field( { label, children }: { label: string; children: ReactNode } ) {
	return (
		<>
			<dt>{ label }</dt>
			<dd>{ children }</dd>
		</>
	);
}

// A referrer is visitor-supplied: a link only for http(s), never followed or credited.
function Referrer( { referrer }: { referrer: string } ) {
	const href = safeHttpUrl( referrer );
	if ( href === null ) {
		return <>{ orDash( referrer ) }</>;
	}
	return (
		<a
			href={ href }
			target="_blank"
			rel="noopener noreferrer nofollow"
			className="livedesk-visitor-drawer__referrer"
		>
			{ referrer }
		</a>
	);
}

/**
 * Everything known about one visitor: the live entry (ticking time on page,
 * local time) and the stored history. Focus moves into it when it opens and
 * back where it was when it closes; Escape closes it.
 *
 * @param props The visitor, its history and what the buttons do.
 */
export default function VisitorDrawer( props: VisitorDrawerProps ) {
	const { visitor, serverOffset, history, canChat, onOpenChat, onClose } =
		props;
	const titleId = useId();
	const root = useRef< HTMLDivElement >( null );
	const now = useNow( 1000 ) + serverOffset;
	const locale = userLocale();

	useEffect( () => {
		const opener = root.current?.ownerDocument.activeElement as
			HTMLElement | null | undefined;
		root.current?.focus();
		return () => {
			if ( opener && opener.isConnected ) {
				opener.focus();
			}
		};
	}, [] );

	// Escape anywhere inside the drawer closes it (the latest onClose).
	const close = useRef( onClose );
	close.current = onClose;
	useEffect( () => {
		const element = root.current;
		const onKeyDown = ( event: KeyboardEvent ) => {
			if ( event.key === 'Escape' ) {
				event.preventDefault();
				event.stopPropagation();
				close.current();
			}
		};
		element?.addEventListener( 'keydown', onKeyDown );
		return () => element?.removeEventListener( 'keydown', onKeyDown );
	}, [] );

	const { geo, device, page } = visitor;
	// An offline visitor's time on page stopped when they left.
	const pageEnd = visitor.leftAt ?? now;
	const flag = countryFlag( geo.country );
	const country = countryName( geo.country, locale ) || geo.country;
	const timezone = visitor.timezone || geo.timezone;
	const language = languageName( visitor.language, locale );

	return (
		<div
			ref={ root }
			className="livedesk-visitor-drawer"
			role="dialog"
			aria-labelledby={ titleId }
			tabIndex={ -1 }
		>
			<div className="livedesk-visitor-drawer__header">
				<StatusDot status={ visitor.status } />
				<h2 id={ titleId } className="livedesk-visitor-drawer__title">
					{ visitorLabel( visitor ) }
				</h2>
				<Button
					className="livedesk-visitor-drawer__close"
					variant="tertiary"
					size="compact"
					onClick={ onClose }
				>
					{ __( 'Close', 'livedesk' ) }
				</Button>
			</div>
			{ visitor.status === 'chatting' && (
				<Button
					className="livedesk-visitor-drawer__chat"
					variant="primary"
					onClick={ () => onOpenChat( visitor.id ) }
				>
					{ canChat
						? __( 'Open chat', 'livedesk' )
						: __( 'View conversation', 'livedesk' ) }
				</Button>
			) }
			<dl className="livedesk-visitor-drawer__fields">
				<Field label={ __( 'Status', 'livedesk' ) }>
					{ statusLabel( visitor.status ) }
					{ visitor.returning &&
						` · ${ __( 'Returning visitor', 'livedesk' ) }` }
				</Field>
				<Field label={ __( 'Connected at', 'livedesk' ) }>
					{ formatDateTime( visitor.connectedAt, locale ) }
				</Field>
				{ visitor.leftAt !== null && (
					<Field label={ __( 'Left at', 'livedesk' ) }>
						{ formatDateTime( visitor.leftAt, locale ) }
					</Field>
				) }
				<Field label={ __( 'Current page', 'livedesk' ) }>
					<span className="livedesk-visitor-drawer__page-title">
						{ pageLabel( page ) }
					</span>
					<span className="livedesk-visitor-drawer__page-meta">
						{ page.path }
					</span>
				</Field>
				<Field label={ __( 'Time on this page', 'livedesk' ) }>
					<span className="livedesk-visitor-drawer__time-on-page">
						{ formatDuration( pageEnd - page.since ) }
					</span>
				</Field>
				{ visitor.tabs.length > 0 && (
					<Field label={ __( 'Open tabs', 'livedesk' ) }>
						<ul className="livedesk-visitor-drawer__tabs">
							{ visitor.tabs.map( ( tab ) => (
								<li key={ tab.id }>
									{ pageLabel( tab ) }
									{ ! tab.visible &&
										` (${ __( 'in the background', 'livedesk' ) })` }
								</li>
							) ) }
						</ul>
					</Field>
				) }
				<Field label={ __( 'Referrer', 'livedesk' ) }>
					<Referrer referrer={ visitor.referrer } />
				</Field>
				<Field label={ __( 'Browser language', 'livedesk' ) }>
					{ language
						? `${ language } (${ visitor.language })`
						: orDash( visitor.language ) }
				</Field>
				<Field label={ __( 'Time zone', 'livedesk' ) }>
					{ orDash( timezone ) }
				</Field>
				<Field label={ __( 'Visitor’s local time', 'livedesk' ) }>
					{ formatLocalTime( now, timezone, locale ) }
				</Field>
				<Field label={ __( 'Country', 'livedesk' ) }>
					{ flag !== '' && (
						<span aria-hidden="true">{ `${ flag } ` }</span>
					) }
					{ orDash( country ) }
					{ geo.approximate &&
						geo.country !== '' &&
						` (${ __( 'approximate location', 'livedesk' ) })` }
				</Field>
				<Field label={ __( 'Region', 'livedesk' ) }>
					{ orDash( geo.region ) }
				</Field>
				<Field label={ __( 'City', 'livedesk' ) }>
					{ orDash( geo.city ) }
				</Field>
				<Field label={ __( 'Browser', 'livedesk' ) }>
					{ orDash( device.browser ) }
				</Field>
				<Field label={ __( 'Operating system', 'livedesk' ) }>
					{ orDash( device.os ) }
				</Field>
				<Field label={ __( 'Device', 'livedesk' ) }>
					{ orDash( deviceLabel( device.device ) ) }
				</Field>
				<Field label={ __( 'Visits', 'livedesk' ) }>
					{ visitCount( history ) }
				</Field>
			</dl>
			<h3 className="livedesk-visitor-drawer__subtitle">
				{ __( 'Last pages viewed', 'livedesk' ) }
			</h3>
			<RecentPages history={ history } />
		</div>
	);
}
