/**
 * Enrichment at connect: who the visitor is in network terms (IP as stored
 * per the IP setting), where they are and what they browse with.
 */

/**
 * Internal dependencies
 */
import type { PresenceDevice, PresenceGeo } from '../../../src/protocol';
import { lookupGeo } from './geo';
import type { GeoLocator } from './geo';
import { clientIp, storedIp } from './ip';
import type { IpMode, TrustedProxies } from './ip';
import { UserAgentParser } from './user-agent';

export * from './ip';
export * from './geo';
export * from './user-agent';

/** What is learnt about a visitor's connection. */
export interface Enrichment {
	/** The client IP as the IP setting allows it to be stored ('' for none). */
	ip: string;
	geo: PresenceGeo;
	device: PresenceDevice;
}

/** What one connection offers to enrich. */
export interface EnrichInput {
	/** The socket's remote address. */
	remoteAddress: string | undefined;
	/** X-Forwarded-For header(s) of the handshake. */
	forwardedFor: string | string[] | undefined;
	userAgent: string | undefined;
	trusted: TrustedProxies;
	ipMode: IpMode;
}

/** Collaborators of an enricher; the real ones by default. */
export interface EnricherDeps {
	geo?: GeoLocator;
	userAgents?: Pick< UserAgentParser, 'parse' >;
}

/** Enriches connections. */
export interface Enricher {
	enrich: ( input: EnrichInput ) => Enrichment;
}

/**
 * Builds an enricher. Geo is looked up on the full client IP, before it is
 * anonymised or dropped, because anonymised addresses locate badly; only the
 * stored `ip` follows the IP setting.
 *
 * @param deps Geo locator and user-agent parser, for tests.
 */
export function createEnricher( deps: EnricherDeps = {} ): Enricher {
	const geo = deps.geo ?? lookupGeo;
	const userAgents = deps.userAgents ?? new UserAgentParser();
	return {
		enrich: ( input ) => {
			const ip = clientIp(
				input.remoteAddress,
				input.forwardedFor,
				input.trusted
			);
			return {
				ip: storedIp( ip, input.ipMode ),
				geo: geo( ip ),
				device: userAgents.parse( input.userAgent ),
			};
		},
	};
}
