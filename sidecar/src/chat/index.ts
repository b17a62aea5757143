/**
 * Live chat assembled: storage rules, the directory of open conversations,
 * the hub that pushes changes, the tail that finds others' writes, and the
 * socket handlers of both namespaces. `server.ts` wires what this returns.
 */

/**
 * External dependencies
 */
import type { Pool } from 'mysql2/promise';

/**
 * Internal dependencies
 */
import type { ConversationVisitorSnapshot } from '../../../src/protocol';
import { ConversationsRepository } from '../db/conversations-repository';
import { MessagesRepository } from '../db/messages-repository';
import type { PageViewsRepository } from '../db/page-views-repository';
import { UsersRepository } from '../db/users-repository';
import type { Enrichment } from '../enrich';
import type { Logger } from '../log';
import type { PresenceWriter } from '../persist/writer';
import type { PresenceEngine } from '../presence/engine';
import type { SiteSettings } from '../settings/site-settings';
import type { AgentChatDeps } from '../transport/agent-chat';
import { ChatHub } from '../transport/chat-hub';
import type { PresenceFanout } from '../transport/fanout';
import type { AgentNamespace, VisitorNamespace } from '../transport/types';
import { VisitorChat } from '../transport/visitor-chat';
import { AgentNames } from './agent-names';
import { ChatDirectory } from './directory';
import { ChatService } from './service';
import { SNAPSHOT_PAGES, buildSnapshot } from './snapshot';
import { ChatTail } from './tail';
import { ChatViews } from './views';

/** What live chat needs from the rest of the sidecar. */
export interface ChatDeps {
	pool: Pool;
	tablePrefix: string;
	engine: PresenceEngine;
	fanout: PresenceFanout;
	writer: PresenceWriter;
	pageViews: PageViewsRepository;
	visitors: VisitorNamespace;
	agents: AgentNamespace;
	settings: () => SiteSettings | null;
	tailMs: number;
	log: Logger;
	describeError: ( error: unknown ) => string;
	now: () => number;
}

/** Live chat's parts, for wiring. */
export interface Chat {
	hub: ChatHub;
	tail: ChatTail;
	visitors: VisitorChat;
	agents: AgentChatDeps;
}

/**
 * Builds live chat; nothing runs until `tail.start()`.
 *
 * @param deps The sidecar's collaborators.
 */
export function createChat( deps: ChatDeps ): Chat {
	const { pool, tablePrefix, engine, writer, pageViews, log, now } = deps;
	const conversations = new ConversationsRepository( tablePrefix );
	const messages = new MessagesRepository( tablePrefix );
	const users = new UsersRepository( tablePrefix );
	const names = new AgentNames(
		( ids ) => users.displayNames( pool, ids ),
		now
	);
	const service = new ChatService( {
		pool,
		conversations,
		messages,
		now,
	} );
	const views = new ChatViews( { pool, conversations, messages, names } );
	const directory = new ChatDirectory();
	const hub = new ChatHub( {
		service,
		views,
		directory,
		visitors: deps.visitors,
		agents: deps.agents,
		engine,
		fanout: deps.fanout,
		settings: deps.settings,
		log,
		now,
	} );
	// The pages a conversation records: buffered page views are written
	// first, and the page shown right now is added if it is not stored yet.
	const snapshot = async (
		visitorId: string,
		enrichment: Enrichment
	): Promise< ConversationVisitorSnapshot > => {
		await writer.flush();
		const storedPages = await pageViews.recent( visitorId, SNAPSHOT_PAGES );
		const entry = engine.get( visitorId );
		return buildSnapshot( {
			ip: enrichment.ip,
			geo: enrichment.geo,
			device: enrichment.device,
			language: entry?.language ?? '',
			browserTimezone: entry?.timezone ?? '',
			storedPages,
			currentPage: entry && entry.page.path !== '' ? entry.page : null,
			now: now(),
		} );
	};
	const tail = new ChatTail( {
		pool,
		conversations,
		messages,
		hub,
		intervalMs: deps.tailMs,
		log,
		describeError: deps.describeError,
		now,
	} );
	return {
		hub,
		tail,
		visitors: new VisitorChat( {
			hub,
			service,
			views,
			settings: deps.settings,
			snapshot,
			describeError: deps.describeError,
			log,
			now,
		} ),
		agents: {
			hub,
			service,
			views,
			names,
			describeError: deps.describeError,
			log,
			now,
		},
	};
}
