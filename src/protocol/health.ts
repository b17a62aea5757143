import type { PresenceCounts } from './presence';

/** Overall verdict of GET /healthz: `ok` answers 200, `error` answers 503. */
export type HealthStatus = 'ok' | 'error';

/** Body of the sidecar's GET /healthz response. */
export interface HealthReport {
	status: HealthStatus;
	/** Sidecar package version. */
	version: string;
	/** Whole seconds since the sidecar process started. */
	uptimeSeconds: number;
	db: {
		ok: boolean;
		/** Round trip of `SELECT 1`, when it answered. */
		latencyMs?: number;
		/** Human-readable cause when `ok` is false; never contains credentials. */
		error?: string;
	};
	secret: {
		/** Whether the shared secret from option `livedesk_secret` is in memory. */
		loaded: boolean;
		/** Human-readable cause when `loaded` is false. */
		error?: string;
	};
	/** Who is on the site now, as agents see it. */
	presence?: PresenceCounts;
	/** The batched writer of visitors and page views. */
	writes?: {
		/** Rows waiting to be written. */
		buffered: number;
		/** Rows written since start. */
		written: number;
		/** Rows lost (buffer full while the database was down). */
		dropped: number;
		/** Why the last write failed, while it keeps failing. */
		lastError: string | null;
	};
	/** Live chat on this sidecar. */
	chat?: {
		/** Agents with `livedesk_chat` connected here. */
		agentsAnswering: number;
		/** Whether the widget says "we're online" (an agent is here and chat is on). */
		agentsOnline: boolean;
		/** Why the tail of WordPress's chat changes cannot read the database, while it cannot. */
		tailError: string | null;
	};
}
