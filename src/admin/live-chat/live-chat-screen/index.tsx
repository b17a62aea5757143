/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	Conversation,
	ConversationStatus,
	PresenceVisitor,
} from '../../../protocol';
import { getBootConfig } from '../../boot';
import EmptyState from '../../components/empty-state';
import ScreenHeader from '../../components/screen-header';
import { store as chatStore } from '../../store/chat';
import { sendTypingNotice } from '../../store/chat/channel';
import { makeQuery } from '../../store/chat/query';
import { store as presenceStore } from '../../store/presence';
import ConversationList from '../conversation-list';
import ConversationPane from '../conversation-pane';
import {
	useAttention,
	useDebounced,
	useInterval,
	useUnreadTitle,
} from '../lib/hooks';
import { useNow } from '../../hooks/use-now';
import { conversationLabel } from '../lib/labels';
import { readTarget, withConversation } from '../lib/url';
import NotificationControls from '../notification-controls';
import Playground from '../playground';
import type { PlaygroundProps } from '../playground';
import VisitorPanel from '../visitor-panel';
import { handleNotice } from './notices';
import { useReadReceipts } from './use-read-receipts';
import { useTarget } from './use-target';
import { startLive as defaultStartLive } from './use-live';
import type { StartLive } from './use-live';
import './style.scss';

/** While the live connection is down, REST is asked this often. */
export const FALLBACK_POLL_MS = 10_000;

/** The search waits for this pause in typing before asking the server. */
export const SEARCH_DELAY_MS = 300;

/** Props of the Live Chat screen; tests replace the live connection. */
export interface LiveChatScreenProps {
	startLive?: StartLive;
	/** The playground's chat mount (tests). */
	mountChat?: PlaygroundProps[ 'mount' ];
}

type Visitors = Record< string, PresenceVisitor | null >;

const NOTHING_SELECTED = {
	thread: [],
	typing: [],
	reads: null,
	action: null,
} as const;

/**
 * The Live Chat screen: the conversation list, the open conversation and the
 * visitor's details, live over the sidecar and over REST while it is down.
 *
 * @param props Collaborators (tests).
 */
export default function LiveChatScreen( props: LiveChatScreenProps ) {
	const { startLive = defaultStartLive, mountChat } = props;
	const { caps, user } = getBootConfig();
	const userId = user?.id ?? null;
	const [ target ] = useState( () => readTarget( window.location.search ) );
	const [ status, setStatus ] = useState< ConversationStatus >( 'open' );
	const [ search, setSearch ] = useState( '' );
	const [ selectedId, setSelectedId ] = useState< string | null >(
		target.conversation
	);
	const settledSearch = useDebounced( search, SEARCH_DELAY_MS );
	const query = useMemo(
		() => makeQuery( status, settledSearch ),
		[ status, settledSearch ]
	);
	const now = useNow( 30_000 );
	const attention = useAttention();

	const { conversations, list, unreadTotal, connection, selected, typingIn } =
		useSelect(
			( select ) => {
				const chat = select( chatStore );
				return {
					conversations: chat.getConversationList( query ),
					list: chat.getListState( query ),
					unreadTotal: chat.getUnreadTotal(),
					connection: chat.getConnection(),
					selected: selectedId
						? chat.getConversation( selectedId )
						: null,
					typingIn: chat.getTypingConversationIds(),
				};
			},
			[ query, selectedId ]
		);
	const visitors = useSelect(
		( select ) => {
			const presence = select( presenceStore );
			const found: Visitors = {};
			[ ...conversations, ...( selected ? [ selected ] : [] ) ].forEach(
				( conversation ) => {
					found[ conversation.id ] = conversation.visitor_id
						? presence.getVisitor( conversation.visitor_id )
						: null;
				}
			);
			return found;
		},
		[ conversations, selected ]
	);
	const chat = useDispatch( chatStore );

	const labelOf = useCallback(
		( conversation: Conversation ) =>
			conversationLabel(
				conversation,
				visitors[ conversation.id ] ?? null
			),
		[ visitors ]
	);

	// What the live notices need to know now, without restarting the connection.
	const latest = useRef( { selectedId, labelOf } );
	latest.current = { selectedId, labelOf };
	const select = useCallback( ( id: string | null ) => {
		setSelectedId( id );
		window.history.replaceState(
			window.history.state,
			'',
			withConversation( window.location.href, id )
		);
	}, [] );

	useEffect(
		() =>
			startLive( {
				userId,
				onNotice: ( notice ) =>
					handleNotice( notice, { ...latest.current, select } ),
			} ),
		[ startLive, userId, select ]
	);

	useUnreadTitle( unreadTotal );

	// Opened by address: a conversation by id, or a visitor's open one.
	const [ targetMissing, setTargetMissing ] = useTarget(
		target,
		selectedId,
		select
	);

	// A conversation opened again catches up over REST (cheap: after its last id).
	const messages = useSelect(
		( selectFrom ) =>
			selectedId
				? selectFrom( chatStore ).getMessagesState( selectedId )
				: null,
		[ selectedId ]
	);
	const openedBefore = useRef( new Set< string >() );
	useEffect( () => {
		if ( ! selectedId ) {
			return;
		}
		if ( openedBefore.current.has( selectedId ) ) {
			void chat.loadMessages( selectedId );
		}
		openedBefore.current.add( selectedId );
	}, [ selectedId ] ); // eslint-disable-line react-hooks/exhaustive-deps

	const down =
		connection.status === 'reconnecting' || connection.status === 'offline';
	// Live connection down: REST keeps the list and the open thread current.
	useInterval( down, FALLBACK_POLL_MS, () => {
		void chat.fetchList( query, 1 );
		if ( selectedId ) {
			void chat.loadMessages( selectedId );
		}
	} );

	const { thread, typing, reads, action } = useSelect(
		( selectFrom ) => {
			const store = selectFrom( chatStore );
			return selectedId
				? {
						thread: store.getThread( selectedId ),
						typing: store.getTyping( selectedId ),
						reads: store.getReadMarks( selectedId ),
						action: store.getConversationAction( selectedId ),
					}
				: NOTHING_SELECTED;
		},
		[ selectedId ]
	);

	// Read receipts: the agent sees the newest messages while the page has their attention.
	useReadReceipts( selected, messages, attention );

	const onTyping = useCallback(
		( typingNow: boolean ) => {
			if ( selectedId ) {
				sendTypingNotice( selectedId, typingNow );
			}
		},
		[ selectedId ]
	);

	let downNotice = null;
	if ( down ) {
		downNotice = (
			<Notice status="warning" isDismissible={ false }>
				{ connection.reason?.retrying === false
					? __(
							'The live connection is down. Reload the page, or ask an administrator to check the LiveDesk sidecar. Replies are still sent through WordPress.',
							'livedesk'
						)
					: __(
							'The live connection is down; reconnecting… Meanwhile conversations are loaded through WordPress every few seconds, and replies are still sent.',
							'livedesk'
						) }
			</Notice>
		);
	}

	const selectedLabel = selected ? labelOf( selected ) : '';
	return (
		<>
			<ScreenHeader
				title={ __( 'Live Chat', 'livedesk' ) }
				description={ __(
					'Reply to visitors who start a chat on your site.',
					'livedesk'
				) }
			/>
			<div className="livedesk-chat-toolbar">
				<NotificationControls />
				{ caps.chat && <Playground mount={ mountChat } /> }
			</div>
			{ ! caps.chat && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'You can read conversations here. Replying, archiving and assigning need the livedesk_chat capability, which LiveDesk Agents and administrators have.',
						'livedesk'
					) }
				</Notice>
			) }
			{ downNotice }
			{ targetMissing && ! selected && (
				<Notice
					status="warning"
					onRemove={ () => setTargetMissing( false ) }
				>
					{ target.visitor
						? __(
								'This visitor has no open conversation.',
								'livedesk'
							)
						: __(
								'This conversation could not be found.',
								'livedesk'
							) }
				</Notice>
			) }
			<div
				className={
					'livedesk-chat' + ( selected ? ' has-selection' : '' )
				}
			>
				<ConversationList
					status={ status }
					onStatusChange={ setStatus }
					search={ search }
					onSearchChange={ setSearch }
					conversations={ conversations }
					list={ list }
					unreadTotal={ unreadTotal }
					selectedId={ selectedId }
					onSelect={ select }
					onLoadMore={ () => void chat.fetchMore( query ) }
					onRetry={ () => void chat.fetchList( query, 1 ) }
					labelOf={ labelOf }
					typingIn={ typingIn }
					now={ now }
				/>
				{ selected && messages && reads ? (
					<>
						<ConversationPane
							conversation={ selected }
							label={ selectedLabel }
							thread={ thread }
							messages={ messages }
							typing={ typing }
							reads={ reads }
							canChat={ caps.chat }
							offline={ down }
							userId={ userId }
							onSend={ ( body ) =>
								void chat.sendMessage( selected.id, body )
							}
							onTyping={ onTyping }
							onRetry={ ( clientId ) =>
								chat.retryMessage( clientId )
							}
							onDiscard={ ( clientId ) =>
								chat.discardMessage( clientId )
							}
							onReloadMessages={ () =>
								void chat.loadMessages( selected.id )
							}
						/>
						<VisitorPanel
							conversation={ selected }
							visitor={ visitors[ selected.id ] ?? null }
							label={ selectedLabel }
							canChat={ caps.chat }
							userId={ userId }
							action={ action }
							onArchive={ () =>
								void chat.archiveConversation( selected.id )
							}
							onAssign={ ( assignee ) =>
								void chat.assignConversation(
									selected.id,
									assignee
								)
							}
							now={ now }
						/>
					</>
				) : (
					<div className="livedesk-chat__placeholder">
						<EmptyState
							title={ __(
								'No conversation selected',
								'livedesk'
							) }
						>
							<p>
								{ __(
									'Choose a conversation from the list to read it and reply. New chats appear there the moment a visitor writes.',
									'livedesk'
								) }
							</p>
						</EmptyState>
					</div>
				) }
			</div>
		</>
	);
}
