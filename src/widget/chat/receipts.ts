/**
 * Internal dependencies
 */
import type { MessageStore } from './messages';

/** Read receipts both ways, and the count of unseen agent messages. */
export interface Receipts {
	/**
	 * The visitor sees the panel: everything shown counts as seen, and the
	 * agents hear up to which message (once per new message).
	 */
	markRead: () => void;
	/** Recounts the unseen agent messages (0 while the panel shows). */
	countUnread: () => void;
	/** The agents read the visitor's messages up to this id. */
	agentsRead: ( upTo: number ) => void;
	/** The highest visitor message id the agents have read. */
	seenUpTo: () => number;
}

/** Options of {@link createReceipts}. */
export interface ReceiptsOptions {
	store: MessageStore;
	/** Whether the visitor can see the panel now (open, tab visible). */
	showing: () => boolean;
	/** Sends `chat:read`; false when it could not go (not connected). */
	sendRead: ( upTo: number ) => boolean;
	onUnread?: ( count: number ) => void;
}

/**
 * The panel's read state: `chat:read` goes when new agent or system messages
 * are on screen (and again after a reconnect if it could not go), the
 * launcher's badge counts agent messages that arrived while the panel was
 * closed and that the visitor has not read on another page.
 *
 * @param options See {@link ReceiptsOptions}.
 */
export function createReceipts( options: ReceiptsOptions ): Receipts {
	const { store, showing, sendRead, onUnread } = options;
	let sent = 0;
	let seenLocally = 0;
	let unread = -1;
	let agentsSeen = 0;

	return {
		markRead() {
			if ( ! showing() ) {
				return;
			}
			seenLocally = Math.max( seenLocally, store.lastId() );
			const others = store
				.list()
				.filter( ( m ) => m.author !== 'visitor' );
			const top = others[ others.length - 1 ]?.id ?? 0;
			if ( top > sent && sendRead( top ) ) {
				sent = top;
			}
		},
		countUnread() {
			const count = showing()
				? 0
				: store
						.list()
						.filter(
							( m ) =>
								m.author === 'agent' &&
								m.read_at === null &&
								m.id > seenLocally
						).length;
			if ( count !== unread ) {
				unread = count;
				onUnread?.( count );
			}
		},
		agentsRead( upTo ) {
			agentsSeen = Math.max( agentsSeen, upTo );
		},
		seenUpTo: () => agentsSeen,
	};
}
