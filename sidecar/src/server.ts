/**
 * Wires the sidecar together and runs it. `startSidecar()` is the library
 * entry (tests); running this file (dist/server.js) is the CLI.
 */

/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Internal dependencies
 */
import { version } from '../package.json';
import { SecretStore } from './auth/secret-store';
import { createChat } from './chat';
import type { Chat } from './chat';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import { describeDbError } from './db/errors';
import { checkDb } from './db/health';
import { OptionsRepository } from './db/options-repository';
import { createPool } from './db/pool';
import { describeDbTarget } from './db/target';
import { buildHealthReport } from './health';
import { createHttpHandler } from './http';
import { createLogger } from './log';
import type { Logger } from './log';
import { createEnricher } from './enrich';
import { PageViewsRepository } from './db/page-views-repository';
import { VisitorsRepository } from './db/visitors-repository';
import { PresenceWriter } from './persist/writer';
import { PresenceEngine } from './presence/engine';
import { DEFAULT_CAP } from './settings/site-settings';
import type { SiteSettings } from './settings/site-settings';
import { SiteSettingsStore } from './settings/store';
import { createShutdown } from './shutdown';
import { setupAgentNamespace } from './transport/agent';
import { PRESENCE_ROOM, PresenceFanout } from './transport/fanout';
import { createIo } from './transport/io';
import type { Io } from './transport/io';
import {
	disconnectAllVisitors,
	setupVisitorNamespace,
} from './transport/visitor';

/** A running sidecar. */
export interface SidecarHandle {
	/** The port actually bound (useful with port 0). */
	readonly port: number;
	/** Stops accepting, disconnects sockets, stops refreshing, closes the pool. */
	close: () => Promise< void >;
}

/** Optional collaborators of {@link startSidecar}. */
export interface SidecarOptions {
	/** Defaults to a JSON logger on stdout at `config.logLevel`. */
	logger?: Logger;
}

const SHUTDOWN_TIMEOUT_MS = 10_000;

function listen(
	server: HttpServer,
	port: number,
	host: string
): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => {
			server.off( 'error', reject );
			resolve( ( server.address() as AddressInfo ).port );
		} );
	} );
}

interface Parts {
	io: Io[ 'io' ];
	httpServer: HttpServer;
	secrets: SecretStore;
	settings: SiteSettingsStore;
	fanout: PresenceFanout;
	writer: PresenceWriter;
	chat: Chat;
	pool: ReturnType< typeof createPool >;
	log: Logger;
}

// Idempotent close, in dependency order: connections first, buffered
// writes next, pool last.
function closer( parts: Parts ) {
	const {
		io,
		httpServer,
		secrets,
		settings,
		fanout,
		writer,
		chat,
		pool,
		log,
	} = parts;
	const httpClosed = new Promise< void >( ( resolve ) =>
		httpServer.once( 'close', () => resolve() )
	);
	let closing: Promise< void > | undefined;
	return () => {
		closing ??= ( async () => {
			// Disconnects every socket and starts closing the HTTP server, but
			// does not wait for it; httpClosed does.
			fanout.stop();
			await io.close();
			await httpClosed;
			await chat.tail.stop();
			await writer.stop();
			await settings.stop();
			await secrets.stop();
			await pool.end();
			log.info( 'sidecar stopped' );
		} )();
		return closing;
	};
}

function logStartup( log: Logger, config: Config, port: number ): void {
	const { db } = config;
	log.info(
		{
			host: config.host,
			port,
			version,
			db: describeDbTarget( db.target ),
			database: db.database,
			dbUser: db.user,
			tablePrefix: db.tablePrefix,
		},
		'sidecar listening'
	);
}

/**
 * Starts the sidecar. A database that is down does not stop it: /healthz
 * reports the problem and the secret keeps being retried.
 *
 * @param config  Validated configuration.
 * @param options Optional collaborators.
 */
export async function startSidecar(
	config: Config,
	options: SidecarOptions = {}
): Promise< SidecarHandle > {
	const log = options.logger ?? createLogger( config.logLevel );
	const startedAt = Date.now();
	const now = Date.now;
	const pool = createPool( config.db );
	const { tablePrefix } = config.db;
	const describeError = ( error: unknown ) =>
		describeDbError( error, config.db );
	const optionsTable = new OptionsRepository( pool, tablePrefix );
	const secrets = new SecretStore( {
		source: optionsTable,
		intervalMs: config.secretRefreshMs,
		log,
		describeError,
	} );
	const settings = new SiteSettingsStore( {
		source: optionsTable,
		extraOrigins: config.allowedOrigins,
		intervalMs: config.settingsRefreshMs,
		log,
		describeError,
	} );
	await Promise.all( [ secrets.start(), settings.start() ] );
	const engine = new PresenceEngine( {
		cap: settings.current()?.cap ?? DEFAULT_CAP,
		offlineTailMs: config.offlineTailMs,
		now,
	} );
	engine.setTracking( settings.current()?.tracking ?? true );
	const pageViews = new PageViewsRepository( pool, tablePrefix );
	const writer = new PresenceWriter( {
		visitors: new VisitorsRepository( pool, tablePrefix ),
		pageViews,
		log,
		describeError,
	} );
	const health = async () =>
		buildHealthReport( {
			version,
			uptimeSeconds: ( Date.now() - startedAt ) / 1000,
			db: await checkDb( pool, config.db ),
			secret: secrets.status(),
			presence: engine.counts(),
			writes: writer.stats(),
			chat: {
				agentsAnswering: chat.hub.answeringCount(),
				agentsOnline: chat.hub.agentsOnline(),
				tailError: chat.tail.error(),
			},
		} );
	const httpServer = createServer( createHttpHandler( health, log ) );
	const { io, agents, visitors } = createIo( httpServer );
	const fanout = new PresenceFanout( {
		engine,
		send: ( update ) =>
			agents.to( PRESENCE_ROOM ).emit( 'presence:update', update ),
		tickMs: config.fanoutTickMs,
		sweepMs: Math.min( 1000, config.offlineTailMs / 4 ),
		now,
	} );
	const enricher = createEnricher();
	const chat = createChat( {
		pool,
		tablePrefix,
		engine,
		fanout,
		writer,
		pageViews,
		visitors,
		agents,
		settings: () => settings.current(),
		tailMs: config.chatTailMs,
		log,
		describeError,
		now,
	} );
	setupAgentNamespace( agents, {
		secret: () => secrets.current(),
		snapshot: () => fanout.snapshot(),
		log,
		chat: chat.agents,
	} );
	setupVisitorNamespace( visitors, {
		secret: () => secrets.current(),
		settings: () => settings.current(),
		engine,
		fanout,
		writer,
		enrich: ( input ) =>
			enricher.enrich( {
				remoteAddress: input.remoteAddress,
				forwardedFor: input.forwardedFor,
				userAgent: input.userAgent,
				trusted: input.settings.trustedProxies,
				ipMode: input.settings.ipMode,
			} ),
		log,
		now,
		chat: chat.visitors,
		hub: chat.hub,
	} );
	settings.onChange( ( current: SiteSettings, previous ) => {
		engine.setCap( current.cap );
		engine.setTracking( current.tracking );
		if ( ! current.tracking && previous?.tracking !== false ) {
			// Off means off at once: no live entries, nothing more stored.
			disconnectAllVisitors( visitors );
			engine.clear();
			writer.discard();
		}
		if ( current.chatEnabled !== previous?.chatEnabled ) {
			chat.hub
				.broadcastStatus()
				.catch( ( error: unknown ) =>
					log.warn( { err: error }, 'chat status not sent' )
				);
		}
		fanout.changed();
	} );
	await chat.tail.start();
	const close = closer( {
		io,
		httpServer,
		secrets,
		settings,
		fanout,
		writer,
		chat,
		pool,
		log,
	} );
	try {
		const port = await listen( httpServer, config.port, config.host );
		logStartup( log, config, port );
		return { port, close };
	} catch ( error ) {
		await close();
		throw error;
	}
}

function failBoot( error: unknown ): void {
	// stdout stays JSON lines for log shippers; stderr is for the human.
	const log = createLogger( 'info' );
	if ( error instanceof ConfigError ) {
		log.fatal( { problems: error.problems }, error.message );
		process.stderr.write( `livedesk-sidecar: ${ error.message }\n` );
	} else {
		log.fatal( { err: error }, 'sidecar failed to start' );
		process.stderr.write(
			`livedesk-sidecar: failed to start: ${ String( error ) }\n`
		);
	}
	process.exit( 1 );
}

/** CLI entry: configuration from the environment, logs on stdout. */
export async function main(): Promise< void > {
	process.setSourceMapsEnabled( true );
	let config: Config;
	try {
		config = loadConfig( process.env, ( file ) =>
			readFileSync( file, 'utf8' )
		);
	} catch ( error ) {
		failBoot( error );
		return;
	}
	const log = createLogger( config.logLevel );
	process.on( 'uncaughtException', ( error ) => {
		log.fatal( { err: error }, 'uncaught exception' );
		process.exit( 1 );
	} );
	let handle: SidecarHandle;
	try {
		handle = await startSidecar( config, { logger: log } );
	} catch ( error ) {
		failBoot( error );
		return;
	}
	const shutdown = createShutdown( {
		close: handle.close,
		log,
		exit: ( code ) => process.exit( code ),
		timeoutMs: SHUTDOWN_TIMEOUT_MS,
	} );
	process.on( 'SIGTERM', shutdown );
	process.on( 'SIGINT', shutdown );
}

if ( require.main === module ) {
	void main();
}
