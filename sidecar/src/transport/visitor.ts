/**
 * The `/visitor` namespace: visitors' browsers (the widget's tracker).
 *
 * The handshake is refused unless the sidecar is ready, the browser's origin
 * is the site's own (or a configured extra), tracking is on and the auth is
 * well formed. An accepted connection is one tab: it is enriched once (IP →
 * location, user agent → browser), joins the presence engine and is stored
 * through the batched writer. Identity comes only from the signed id in the
 * handshake, never from event payloads.
 *
 * A chat panel's connection (`auth.chat`, docs/chat.md) or an admin's
 * playground is not a tab: it is never listed, stores no page view, is
 * accepted while tracking is off, and is handed to the chat handlers.
 */

/**
 * Internal dependencies
 */
import {
	EVENTS,
	TABS_MAX,
	checkPageView,
	checkPageVisibility,
	checkVisitorAuth,
} from '../../../src/protocol';
import type { PageView, SessionError } from '../../../src/protocol';
import {
	issueVisitorIdentity,
	verifyVisitorIdentity,
} from '../auth/visitor-identity';
import { verifyPlaygroundToken } from '../chat/identity';
import type { Enrichment } from '../enrich';
import type { Logger } from '../log';
import type { PresenceEngine } from '../presence/engine';
import type { PresenceWriter } from '../persist/writer';
import type { SiteSettings } from '../settings/site-settings';
import type { ChatHub } from './chat-hub';
import type { PresenceFanout } from './fanout';
import { HandshakeError } from './handshake-error';
import { TokenBucket } from './rate-limit';
import type { VisitorNamespace, VisitorSocket } from './types';
import type { VisitorChat } from './visitor-chat';

/** Room of the tracker's tabs (not chat connections). */
export const TABS_ROOM = 'tabs';

/** Events a tab may send in a burst, and per second on average. */
const EVENT_BURST = 20;
const EVENTS_PER_SECOND = 2;

/** Collaborators of the `/visitor` namespace. */
export interface VisitorNamespaceDeps {
	secret: () => string | null;
	settings: () => SiteSettings | null;
	engine: PresenceEngine;
	fanout: PresenceFanout;
	writer: PresenceWriter;
	enrich: ( input: {
		remoteAddress: string | undefined;
		forwardedFor: string | string[] | undefined;
		userAgent: string | undefined;
		settings: SiteSettings;
	} ) => Enrichment;
	log: Logger;
	now: () => number;
	/** Chat connections' handlers. */
	chat: VisitorChat;
	/** Who is chatting, for tabs that connect. */
	hub: ChatHub;
}

function refuse(
	next: ( error?: Error ) => void,
	code: ConstructorParameters< typeof HandshakeError >[ 0 ],
	message: string
): void {
	next( new HandshakeError( code, message ) );
}

// Handshake middleware: everything checked before a tab exists.
function admit( deps: VisitorNamespaceDeps ) {
	return ( socket: VisitorSocket, next: ( error?: Error ) => void ) => {
		const secret = deps.secret();
		const settings = deps.settings();
		if ( secret === null || settings === null ) {
			refuse(
				next,
				'server_not_ready',
				'sidecar not ready: shared secret or settings not loaded (see /healthz)'
			);
			return;
		}
		const { origin } = socket.handshake.headers;
		if ( typeof origin !== 'string' || ! settings.origins.has( origin ) ) {
			// The header is the browser's (or anyone's) text: log a bounded slice.
			deps.log.info(
				{
					origin:
						typeof origin === 'string'
							? origin.slice( 0, 200 )
							: origin,
				},
				'visitor refused: origin not allowed'
			);
			refuse(
				next,
				'origin_not_allowed',
				'this origin may not connect; add it to LIVEDESK_ALLOWED_ORIGINS if it is yours'
			);
			return;
		}
		const auth = checkVisitorAuth( socket.handshake.auth );
		if ( ! auth.ok ) {
			refuse( next, 'invalid_payload', auth.reason );
			return;
		}
		const known = verifyVisitorIdentity( auth.value, secret );
		// Only a token WordPress signed for this very (verified) id counts.
		const playground =
			known !== null &&
			auth.value.playground !== undefined &&
			verifyPlaygroundToken( known.id, auth.value.playground, secret );
		const chat = auth.value.chat === true || playground;
		// Chat has its own switch: a chat connection is no tab (docs/chat.md).
		if ( ! settings.tracking && ! chat ) {
			refuse(
				next,
				'tracking_off',
				'tracking is turned off on this site'
			);
			return;
		}
		let open = 0;
		if ( known ) {
			open = chat
				? deps.chat.connections( known.id )
				: ( deps.engine.get( known.id )?.tabs.length ?? 0 );
		}
		if ( open >= TABS_MAX ) {
			refuse(
				next,
				'too_many_tabs',
				`this browser already has ${ TABS_MAX } ${
					chat ? 'chat connections' : 'tabs'
				} connected`
			);
			return;
		}
		const identity = known ?? issueVisitorIdentity( secret );
		const check =
			chat && auth.value.identity
				? deps.chat.checkIdentity( auth.value.identity )
				: null;
		socket.data = {
			visitorId: identity.id,
			sig: identity.sig,
			returning: known !== null,
			firstPage: chat ? null : ( auth.value.page ?? null ),
			chat,
			playground,
			identity: check?.verified ? check.identity : null,
			identityCheck:
				check &&
				( check.verified
					? { verified: true }
					: { verified: false, reason: check.reason } ),
			chatKeys: [],
		};
		next();
	};
}

function sendError( socket: VisitorSocket, error: SessionError ): void {
	socket.emit( EVENTS.sessionError, error );
}

/**
 * Installs the handshake checks and the tab lifecycle on `/visitor`.
 *
 * @param nsp  The `/visitor` namespace.
 * @param deps Collaborators.
 */
export function setupVisitorNamespace(
	nsp: VisitorNamespace,
	deps: VisitorNamespaceDeps
): void {
	const { engine, fanout, writer, log, now } = deps;
	nsp.use( admit( deps ) );
	nsp.on( 'connection', ( socket ) => {
		const settings = deps.settings();
		if ( settings === null ) {
			socket.disconnect();
			return;
		}
		const { visitorId, sig, returning, firstPage } = socket.data;
		const tabId = socket.id;
		const { headers } = socket.handshake;
		const enrichment = deps.enrich( {
			remoteAddress: socket.handshake.address,
			forwardedFor: headers[ 'x-forwarded-for' ],
			userAgent: headers[ 'user-agent' ],
			settings,
		} );
		// The HTTP request that opened the connection is not read again (the
		// handshake kept what we need), so let it go, as socket.io's memory
		// guide suggests for servers with many connections.
		( socket.conn as unknown as { request: unknown } ).request = null;
		if ( socket.data.chat ) {
			socket.emit( EVENTS.sessionReady, {
				id: visitorId,
				sig,
				returning,
			} );
			deps.chat.setup( socket, enrichment );
			log.debug( { visitorId }, 'chat connection' );
			return;
		}
		void socket.join( TABS_ROOM );
		const { newVisit } = engine.connectTab( {
			visitorId,
			tabId,
			returning,
			page: firstPage,
			geo: enrichment.geo,
			device: enrichment.device,
		} );
		// The tab's latest page: its language and time zone go with every row.
		let lastPage = firstPage;
		const store = ( page: PageView | null, visitsDelta: number ) => {
			// Turning tracking off stops storing at once, even for open tabs.
			if ( deps.settings()?.tracking !== true ) {
				return;
			}
			const time = now();
			const latest = page ?? lastPage;
			writer.recordVisitor( {
				visitorKey: visitorId,
				time,
				visitsDelta,
				ip: enrichment.ip,
				geo: enrichment.geo,
				device: enrichment.device,
				language: latest?.language ?? '',
				browserTimezone: latest?.timezone ?? '',
				referrer: latest?.referrer ?? '',
			} );
			if ( page !== null ) {
				writer.recordPageView( {
					visitorKey: visitorId,
					path: page.path,
					title: page.title,
					time,
				} );
			}
		};
		// An open conversation and a connection make the visitor "chatting".
		deps.hub.tabSeen( visitorId );
		store( firstPage, newVisit ? 1 : 0 );
		fanout.changed();
		socket.emit( EVENTS.sessionReady, { id: visitorId, sig, returning } );
		log.debug( { visitorId, tabId, newVisit }, 'visitor connected' );

		const bucket = new TokenBucket( EVENT_BURST, EVENTS_PER_SECOND, now );
		const allowed = ( event: string ) => {
			if ( bucket.take() ) {
				return true;
			}
			sendError( socket, {
				code: 'invalid_payload',
				message: `${ event } refused: too many events, slow down`,
			} );
			return false;
		};

		socket.on( EVENTS.pageView, ( input: unknown ) => {
			if ( ! allowed( EVENTS.pageView ) ) {
				return;
			}
			const view = checkPageView( input );
			if ( ! view.ok ) {
				sendError( socket, {
					code: 'invalid_payload',
					message: `${ EVENTS.pageView } refused: ${ view.reason }`,
				} );
				return;
			}
			if ( engine.pageView( visitorId, tabId, view.value ) ) {
				// Back after an archive released the entry: chatting or not.
				deps.hub.tabSeen( visitorId );
				lastPage = view.value;
				store( view.value, 0 );
				fanout.changed();
			}
		} );

		socket.on( EVENTS.pageVisibility, ( input: unknown ) => {
			if ( ! allowed( EVENTS.pageVisibility ) ) {
				return;
			}
			const change = checkPageVisibility( input );
			if ( ! change.ok ) {
				sendError( socket, {
					code: 'invalid_payload',
					message: `${ EVENTS.pageVisibility } refused: ${ change.reason }`,
				} );
				return;
			}
			if (
				engine.setVisibility( visitorId, tabId, change.value.visible )
			) {
				fanout.changed();
			}
		} );

		socket.on( 'disconnect', ( reason ) => {
			engine.disconnectTab( visitorId, tabId );
			fanout.changed();
			store( null, 0 ); // last seen = when the tab closed
			log.debug( { visitorId, tabId, reason }, 'visitor disconnected' );
		} );
	} );
}

/**
 * Ends every tab's connection, telling each why (tracking turned off). Chat
 * connections stay: chat has its own switch.
 *
 * @param nsp The `/visitor` namespace.
 */
export function disconnectAllVisitors( nsp: VisitorNamespace ): void {
	nsp.to( TABS_ROOM ).emit( EVENTS.sessionError, {
		code: 'tracking_off',
		message: 'tracking was turned off on this site',
	} );
	nsp.in( TABS_ROOM ).disconnectSockets( true );
}
