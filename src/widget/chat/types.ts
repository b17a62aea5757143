/**
 * Internal dependencies
 */
import type {
	ChatProfile,
	VisitorConversation,
	VisitorIdentity,
} from '../../protocol';
import type { WebSocketConstructor } from '../socket';
import type { ChatSettings } from './config';

/** Options of `mountChat()`. */
export interface ChatOptions {
	/** `livedesk/v1/` REST base URL, ending with a slash (may hold `?rest_route=`). */
	restUrl: string;
	/** The sidecar's public http(s) URL; socket.io is under `<sidecarUrl>socket.io/`. */
	sidecarUrl: string;
	/** admin-ajax.php URL: when set, a logged-in WordPress user is identified by the plugin. */
	ajaxUrl?: string;
	/** Accent colour (`#rrggbb`); `GET chat/config` may override it. */
	color?: string;
	/** Corner of the floating panel; `GET chat/config` may override it. */
	position?: 'left' | 'right';
	/** Show the panel at once (default true). */
	open?: boolean;
	/** The panel comes back open from the previous page: it does not take the focus. */
	restored?: boolean;
	/** Fill the host instead of floating over the page (e.g. wp-admin's playground). */
	inline?: boolean;
	/**
	 * A fixed visitor identity (the playground's): used as is, never stored,
	 * and the outbox lives in memory only.
	 */
	visitor?: VisitorIdentity;
	/** The playground token WordPress signed for `visitor` (`auth.playground`). */
	playground?: string;
	/** The panel was opened or closed (by the visitor or a call). */
	onOpenChange?: ( open: boolean ) => void;
	/** Agent messages not yet seen because the panel was closed. */
	onUnread?: ( count: number ) => void;
	/** The window (default `window`). */
	win?: Window;
	/** WebSocket implementation (default `globalThis.WebSocket`). */
	WebSocket?: WebSocketConstructor;
	/** fetch implementation (default the window's). */
	fetch?: typeof fetch;
	/** Uniform random numbers in [0, 1), for ids and backoff jitter. */
	random?: () => number;
}

/** A mounted chat panel. */
export interface ChatHandle {
	open: () => void;
	close: () => void;
	isOpen: () => boolean;
	/** `LiveDesk.identify()`: a signed identity from the site's server. */
	identify: ( identity: unknown ) => void;
	/** `LiveDesk.setData()`: key → value strings about the visitor. */
	setData: ( data: unknown ) => void;
	/** Disconnects and removes the panel. */
	destroy: () => void;
}

/** The panel's state besides messages and outbox. */
export interface ChatState {
	settings: ChatSettings;
	/** The visitor's open conversation, null when none. */
	conversation: VisitorConversation | null;
	/** Null until the server said. */
	agentsOnline: boolean | null;
	/** The server accepted a signed identity for this visitor. */
	identified: boolean;
	/** The pre-chat answers (null until given, or when not needed). */
	profile: ChatProfile | null;
	/** The offline form was stored. */
	offlineSent: boolean;
	/** A conversation ended here; the visitor has not started a new one yet. */
	ended: boolean;
}
