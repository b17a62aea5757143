/**
 * Internal dependencies
 */
import type { MessageAuthor } from '../../../protocol';
import { el } from './dom';

/** One line of the conversation as the panel shows it. */
export interface ViewItem {
	/** Stable across states: a message of ours keeps its key from typed to seen. */
	key: string;
	author: MessageAuthor;
	/** The author's name: shown above agent messages, read out only for the visitor's. */
	name: string;
	/** Plain text (written by a visitor or an agent): always set as text. */
	body: string;
	/** Time of day, formatted ('' while unsent). */
	time: string;
	/** The state of the visitor's own message (Sent, Delivered, Seen…), '' otherwise. */
	state: string;
	failed: boolean;
	/** The label of a button on the item (Retry), '' for none. */
	action: string;
}

interface Node {
	root: HTMLElement;
	who: HTMLElement;
	body: HTMLElement;
	meta: HTMLElement;
	button?: HTMLButtonElement;
}

/** Keeps a list element in step with the items, touching only what changed. */
export interface MessageList {
	render: ( items: readonly ViewItem[] ) => void;
}

/**
 * A message list rendered into `log` (the panel's `role="log"` region): new
 * items are inserted, changed ones updated in place and gone ones removed,
 * so a screen reader announces each message once, when it appears.
 *
 * @param doc      The document.
 * @param log      The list element.
 * @param onAction An item's button was pressed (its key).
 */
export function createMessageList(
	doc: Document,
	log: HTMLElement,
	onAction: ( key: string ) => void
): MessageList {
	const nodes = new Map< string, Node >();

	const make = (): Node => {
		const node = {
			root: el( doc, 'div' ),
			who: el( doc, 'span', 'who' ),
			body: el( doc, 'span', 'txt' ),
			meta: el( doc, 'span', 'meta' ),
		};
		node.root.append( node.who, node.body, node.meta );
		return node;
	};

	const setText = ( target: HTMLElement, text: string ) => {
		if ( target.textContent !== text ) {
			target.textContent = text;
		}
	};

	const update = ( node: Node, item: ViewItem ) => {
		const className =
			'msg ' + item.author + ( item.failed ? ' failed' : '' );
		if ( node.root.className !== className ) {
			node.root.className = className;
		}
		// Visitors know their own messages by their place: their name is for
		// screen readers only. System notes have no author line.
		node.who.className = item.author === 'visitor' ? 'who vh' : 'who';
		node.who.hidden = item.author === 'system' || ! item.name;
		setText( node.who, item.name );
		setText( node.body, item.body );
		setText(
			node.meta,
			[ item.time, item.state ].filter( Boolean ).join( ' · ' )
		);
		node.meta.hidden = ! node.meta.textContent;
		if ( item.action && ! node.button ) {
			node.button = el( doc, 'button', 'act', { type: 'button' } );
			node.button.addEventListener( 'click', () => onAction( item.key ) );
			node.root.append( node.button );
		}
		if ( node.button ) {
			node.button.hidden = ! item.action;
			setText( node.button, item.action );
		}
	};

	return {
		render( items ) {
			const keys = new Set( items.map( ( item ) => item.key ) );
			nodes.forEach( ( node, key ) => {
				if ( ! keys.has( key ) ) {
					node.root.remove();
					nodes.delete( key );
				}
			} );
			let previous: HTMLElement | null = null;
			items.forEach( ( item ) => {
				let node = nodes.get( item.key );
				if ( ! node ) {
					node = make();
					nodes.set( item.key, node );
				}
				update( node, item );
				const expected: ChildNode | null = previous
					? previous.nextSibling
					: log.firstChild;
				if ( expected !== node.root ) {
					log.insertBefore( node.root, expected );
				}
				previous = node.root;
			} );
		},
	};
}
