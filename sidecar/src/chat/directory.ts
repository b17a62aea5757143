/**
 * The open conversations this sidecar knows of, and which visitors are in
 * them: it answers "which conversation is this visitor's?" without a query
 * for typing and read receipts, and "is this visitor chatting?" for the map.
 * Loaded from the database at start and kept current by this sidecar's own
 * writes and by the tail (other writers). Writes never trust it alone: they
 * check the conversation row in the same transaction. Pure.
 */

/** What the directory keeps of an open conversation. */
export interface OpenConversation {
	rowId: number;
	/** Public id. */
	id: string;
	openKey: string;
	/** The visitor who started it ('' for API chats). */
	visitorKey: string;
	/** What the visitor sees of it (`chat:status`). */
	name: string;
	email: string;
	verified: boolean;
}

/** Open conversations by key and the visitors taking part. */
export class ChatDirectory {
	private readonly byKey = new Map< string, OpenConversation >();
	private readonly byId = new Map< string, OpenConversation >();
	/** Public id → visitors in it (its starter, and other devices of its identity). */
	private readonly visitorsOf = new Map< string, Set< string > >();
	/** Visitor → public ids of the open conversations they are in. */
	private readonly conversationsOf = new Map< string, Set< string > >();

	/**
	 * Records an open conversation (replacing what was known of it or its
	 * key; a conversation that held the key before was archived meanwhile).
	 *
	 * @param conversation The conversation.
	 * @return Visitors now chatting who were not, and visitors of a
	 *         conversation it replaced (no longer in it).
	 */
	open( conversation: OpenConversation ): {
		chatting: string[];
		released: string[];
	} {
		const previous = this.byId.get( conversation.id );
		if ( previous && previous.openKey !== conversation.openKey ) {
			this.byKey.delete( previous.openKey );
		}
		const holder = this.byKey.get( conversation.openKey );
		const released =
			holder && holder.id !== conversation.id
				? this.close( holder.id )
				: [];
		this.byKey.set( conversation.openKey, conversation );
		this.byId.set( conversation.id, conversation );
		const chatting =
			conversation.visitorKey === ''
				? []
				: this.attach( conversation.visitorKey, conversation.id );
		return { chatting, released };
	}

	/**
	 * A visitor's connection reached this conversation (e.g. the same
	 * identity on another device): the visitor is in it too.
	 *
	 * @param visitorId The visitor.
	 * @param id        Public id of an open conversation.
	 * @return [ visitorId ] when the visitor was not chatting before, else [].
	 */
	attach( visitorId: string, id: string ): string[] {
		if ( ! this.byId.has( id ) ) {
			return [];
		}
		const visitors = this.visitorsOf.get( id ) ?? new Set< string >();
		visitors.add( visitorId );
		this.visitorsOf.set( id, visitors );
		const conversations =
			this.conversationsOf.get( visitorId ) ?? new Set< string >();
		const wasChatting = conversations.size > 0;
		conversations.add( id );
		this.conversationsOf.set( visitorId, conversations );
		return wasChatting ? [] : [ visitorId ];
	}

	/**
	 * The conversation is no longer open (archived).
	 *
	 * @param id Public id.
	 * @return The visitors who were in it.
	 */
	close( id: string ): string[] {
		const conversation = this.byId.get( id );
		if ( ! conversation ) {
			return [];
		}
		this.byId.delete( id );
		if ( this.byKey.get( conversation.openKey )?.id === id ) {
			this.byKey.delete( conversation.openKey );
		}
		const visitors = [ ...( this.visitorsOf.get( id ) ?? [] ) ];
		this.visitorsOf.delete( id );
		for ( const visitorId of visitors ) {
			const conversations = this.conversationsOf.get( visitorId );
			conversations?.delete( id );
			if ( conversations?.size === 0 ) {
				this.conversationsOf.delete( visitorId );
			}
		}
		return visitors;
	}

	/**
	 * The open conversation under the first of `keys` that has one.
	 *
	 * @param keys Open keys, preferred first.
	 */
	find( keys: readonly string[] ): OpenConversation | undefined {
		for ( const key of keys ) {
			const found = this.byKey.get( key );
			if ( found ) {
				return found;
			}
		}
		return undefined;
	}

	/**
	 * An open conversation by public id.
	 *
	 * @param id Public id.
	 */
	get( id: string ): OpenConversation | undefined {
		return this.byId.get( id );
	}

	/**
	 * Whether the visitor is in an open conversation.
	 *
	 * @param visitorId The visitor.
	 */
	isChatting( visitorId: string ): boolean {
		return ( this.conversationsOf.get( visitorId )?.size ?? 0 ) > 0;
	}

	/**
	 * The name the visitor gave in an open conversation ('' when none).
	 *
	 * @param visitorId The visitor.
	 */
	nameOf( visitorId: string ): string {
		for ( const id of this.conversationsOf.get( visitorId ) ?? [] ) {
			const name = this.byId.get( id )?.name ?? '';
			if ( name !== '' ) {
				return name;
			}
		}
		return '';
	}

	/** How many open conversations are known. */
	get size(): number {
		return this.byId.size;
	}
}
