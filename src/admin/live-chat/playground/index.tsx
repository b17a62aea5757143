/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getBootConfig } from '../../boot';
import { store as chatStore } from '../../store/chat';
import type { PlaygroundGrant } from '../../store/chat/api';
import { mountChat } from '../../../widget/chat/index';
import type { ChatHandle, ChatOptions } from '../../../widget/chat/index';
import './style.scss';

/** Mounts the visitor's chat panel (the widget's own code); tests replace it. */
export type MountChat = (
	host: HTMLElement,
	options: ChatOptions
) => ChatHandle;

/** Props of the playground. */
export interface PlaygroundProps {
	mount?: MountChat;
}

/**
 * The `livedesk/v1/` REST base for the widget: from the boot config, else
 * the site's `?rest_route=` form (it works with every permalink setting).
 */
export function widgetRestUrl(): string {
	const { restUrl, restNamespace } = getBootConfig();
	if ( restUrl ) {
		return restUrl.endsWith( '/' ) ? restUrl : `${ restUrl }/`;
	}
	// wp-admin/admin.php → the site's root, where index.php reads rest_route.
	return new URL(
		`../?rest_route=/${ restNamespace }/`,
		window.location.href
	).href;
}

type State =
	| { status: 'closed' }
	| { status: 'starting' }
	| { status: 'open'; grant: PlaygroundGrant }
	| { status: 'error'; message: string };

function Panel( {
	grant,
	mount,
	onClose,
}: {
	grant: PlaygroundGrant;
	mount: MountChat;
	onClose: () => void;
} ) {
	const host = useRef< HTMLDivElement >( null );
	const [ failed, setFailed ] = useState( false );
	// The screen makes room for the panel instead of hiding under it.
	useEffect( () => {
		document.body.classList.add( 'livedesk-playground-open' );
		return () =>
			document.body.classList.remove( 'livedesk-playground-open' );
	}, [] );
	useEffect( () => {
		const element = host.current;
		if ( ! element ) {
			return undefined;
		}
		let handle: ChatHandle | null = null;
		try {
			handle = mount( element, {
				restUrl: widgetRestUrl(),
				sidecarUrl: getBootConfig().sidecarUrl,
				visitor: grant.visitor,
				playground: grant.playground,
				inline: true,
				open: true,
			} );
		} catch {
			setFailed( true );
		}
		return () => handle?.destroy();
	}, [ grant, mount ] );

	return (
		<aside
			className="livedesk-playground"
			aria-labelledby="livedesk-playground-title"
		>
			<header className="livedesk-playground__header">
				<h2 id="livedesk-playground-title">
					{ __( 'Test chat', 'livedesk' ) }
				</h2>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onClose }
				>
					{ __( 'Close test chat', 'livedesk' ) }
				</Button>
			</header>
			<p className="livedesk-playground__help">
				{ __(
					'You are a visitor here. Write a message, then answer it from the conversation list: it is marked “Playground” and never shows on the Visitors map.',
					'livedesk'
				) }
			</p>
			{ failed ? (
				<PlaygroundFallback />
			) : (
				<div className="livedesk-playground__chat" ref={ host } />
			) }
		</aside>
	);
}

function PlaygroundFallback() {
	const home = new URL( '../', window.location.href ).href;
	return (
		<Notice status="warning" isDismissible={ false }>
			{ __(
				'The chat panel could not be shown here. Open your site in a private window and start a chat from the launcher to test as a visitor.',
				'livedesk'
			) }{ ' ' }
			<a href={ home } target="_blank" rel="noreferrer">
				{ __( 'Open the site in a new tab', 'livedesk' ) }
			</a>
		</Notice>
	);
}

/**
 * "Test chat": asks WordPress for a playground visitor and opens the
 * visitor's chat panel in a side panel, so an agent can try replies without a
 * second browser.
 *
 * @param props The mount function (the widget's mountChat by default).
 */
export default function Playground( props: PlaygroundProps ) {
	const { mount = mountChat as unknown as MountChat } = props;
	const [ state, setState ] = useState< State >( { status: 'closed' } );
	const { startPlayground } = useDispatch( chatStore );

	const start = async () => {
		setState( { status: 'starting' } );
		const result = await startPlayground();
		setState(
			'grant' in result
				? { status: 'open', grant: result.grant }
				: { status: 'error', message: result.error.message }
		);
	};

	return (
		<>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				isBusy={ state.status === 'starting' }
				disabled={
					state.status === 'starting' || state.status === 'open'
				}
				accessibleWhenDisabled
				onClick={ start }
			>
				{ __( 'Test chat', 'livedesk' ) }
			</Button>
			{ state.status === 'error' && (
				<Notice
					status="error"
					onRemove={ () => setState( { status: 'closed' } ) }
				>
					{ __( 'The test chat could not be opened.', 'livedesk' ) }{ ' ' }
					{ state.message }
				</Notice>
			) }
			{ state.status === 'open' && (
				<Panel
					grant={ state.grant }
					mount={ mount }
					onClose={ () => setState( { status: 'closed' } ) }
				/>
			) }
		</>
	);
}
