/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../protocol';
import { getBootConfig } from '../../boot';
import EmptyState from '../../components/empty-state';
import ScreenHeader from '../../components/screen-header';
import { store as presenceStore } from '../../store/presence';
import { startPresence } from '../../store/presence/start';
import { store as settingsStore } from '../../store/settings';
import VisitorDrawer from '../components/visitor-drawer';
import VisitorFilter, {
	useFilteredVisitors,
} from '../components/visitor-filter';
import VisitorList from '../components/visitor-list';
import VisitorMap from '../components/visitor-map';
import { useDrawerHistory } from './use-drawer-history';
import { useTracking } from './use-tracking';
import './style.scss';

/** Props of the Visitors screen; tests replace the live connection. */
export interface VisitorsScreenProps {
	/** Starts the live connection and returns its stop function. */
	startLive?: () => () => void;
}

/**
 * The Live Chat screen, on the conversation of one visitor.
 * @param id
 */
function chatUrl( id: string ): string {
	return `admin.php?page=livedesk&visitor=${ encodeURIComponent( id ) }`;
}

function Drawer( {
	visitor,
	serverOffset,
	onClose,
}: {
	visitor: PresenceVisitor;
	serverOffset: number;
	onClose: () => void;
} ) {
	const history = useDrawerHistory( visitor, serverOffset );
	return (
		<VisitorDrawer
			visitor={ visitor }
			serverOffset={ serverOffset }
			history={ history }
			canChat={ getBootConfig().caps.chat }
			onOpenChat={ ( id ) => window.location.assign( chatUrl( id ) ) }
			onClose={ onClose }
		/>
	);
}

function TrackingOff() {
	const { caps, settingsUrl } = getBootConfig();
	return (
		<EmptyState title={ __( 'Tracking is off', 'livedesk' ) }>
			<p>
				{ __(
					'LiveDesk is not following visitors on this site, so the map and the list stay empty.',
					'livedesk'
				) }
			</p>
			<p>
				{ caps.manage && settingsUrl ? (
					<a href={ settingsUrl }>
						{ __( 'Turn tracking on in Settings', 'livedesk' ) }
					</a>
				) : (
					__(
						'An administrator can turn it on in LiveDesk Settings.',
						'livedesk'
					)
				) }
			</p>
		</EmptyState>
	);
}

/**
 * The Visitors screen: who is on the site right now, on a map and a list.
 * @param root0
 * @param root0.startLive
 */
export default function VisitorsScreen( {
	startLive = startPresence,
}: VisitorsScreenProps ) {
	useEffect( () => startLive(), [ startLive ] );
	const [ query, setQuery ] = useState( '' );
	const [ selectedId, setSelectedId ] = useState< string | null >( null );
	const {
		visitors,
		selected,
		counts,
		connection,
		serverOffset,
		settingsTracking,
	} = useSelect(
		( select ) => {
			const presence = select( presenceStore );
			return {
				visitors: presence.getVisitors(),
				// A lookup by id: no scan of the list on every update.
				selected:
					selectedId === null
						? null
						: presence.getVisitor( selectedId ),
				counts: presence.getCounts(),
				connection: presence.getConnection(),
				serverOffset: presence.getServerOffset(),
				settingsTracking:
					select( settingsStore ).getSettings()?.tracking,
			};
		},
		[ selectedId ]
	);
	// Turning tracking off (or on) shows here without a reload.
	const tracking = useTracking( counts?.tracking, settingsTracking );
	const shown = useFilteredVisitors( visitors, query );
	const close = useCallback( () => setSelectedId( null ), [] );
	const down =
		connection.status === 'reconnecting' || connection.status === 'offline';

	const header = (
		<ScreenHeader
			title={ __( 'Visitors', 'livedesk' ) }
			description={ __(
				'See who is on your site right now, where they are and which page they are on.',
				'livedesk'
			) }
		/>
	);
	if ( tracking === false ) {
		return (
			<>
				{ header }
				<TrackingOff />
			</>
		);
	}
	return (
		<>
			{ header }
			{ down && (
				<Notice status="warning" isDismissible={ false }>
					{ connection.reason?.retrying === false
						? __(
								'The live connection is down. Reload the page, or ask an administrator to check the LiveDesk sidecar.',
								'livedesk'
							)
						: __(
								'The live connection is down; reconnecting… What you see is the last known state.',
								'livedesk'
							) }
				</Notice>
			) }
			<div
				className={
					'livedesk-visitors' + ( down ? ' is-disconnected' : '' )
				}
			>
				<aside className="livedesk-visitors__sidebar">
					{ counts !== null && visitors.length === 0 ? (
						<p className="livedesk-visitors__nobody">
							{ __(
								'Nobody is on your site right now. Visitors appear here the moment they arrive.',
								'livedesk'
							) }
						</p>
					) : (
						<VisitorList
							visitors={ shown }
							selectedId={ selectedId }
							onSelect={ setSelectedId }
						/>
					) }
					<VisitorFilter
						value={ query }
						onChange={ setQuery }
						matches={ shown.length }
						total={ visitors.length }
					/>
				</aside>
				<div className="livedesk-visitors__map">
					<VisitorMap
						visitors={ shown }
						counts={ counts }
						selectedId={ selectedId }
						onSelect={ setSelectedId }
					/>
				</div>
				{ selected && (
					<Drawer
						// Another visitor is another drawer: fresh history
						// timers, focus moved into it.
						key={ selected.id }
						visitor={ selected }
						serverOffset={ serverOffset }
						onClose={ close }
					/>
				) }
			</div>
		</>
	);
}
