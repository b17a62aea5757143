/**
 * The shared secret WordPress signs tokens with, kept in memory and re-read
 * on an interval so a secret rotated in wp-admin applies without a restart.
 */

/**
 * External dependencies
 */
import { createHash } from 'node:crypto';

/**
 * Internal dependencies
 */
import type { HealthReport } from '../../../src/protocol';
import type { Logger } from '../log';
import { Poller } from '../poller';

/** WordPress option holding the secret (not autoloaded, 64 hex characters). */
export const SECRET_OPTION = 'livedesk_secret';

const SECRET_FORMAT = /^[0-9a-fA-F]{64}$/;

/** Where the secret is read from (the options repository in production). */
export interface SecretSource {
	readonly table: string;
	get: ( name: string ) => Promise< string | null >;
}

/** Collaborators of a {@link SecretStore}. */
export interface SecretStoreDeps {
	source: SecretSource;
	intervalMs: number;
	log: Logger;
	/** Turns a database error into an operator-readable sentence. */
	describeError: ( error: unknown ) => string;
}

// A short, non-reversible tag so logs show which secret is active.
function fingerprint( secret: string ): string {
	return createHash( 'sha256' )
		.update( secret )
		.digest( 'hex' )
		.slice( 0, 8 );
}

/** Holds the current secret and refreshes it until stopped. */
export class SecretStore {
	private secret: string | null = null;
	private problem: string | undefined = 'not read yet';
	private readonly poller: Poller;
	private readonly deps: SecretStoreDeps;

	constructor( deps: SecretStoreDeps ) {
		this.deps = deps;
		this.poller = new Poller( () => this.read(), deps.intervalMs );
	}

	/** The secret to verify tokens with, or null when none is usable. */
	current(): string | null {
		return this.secret;
	}

	/** The `secret` part of the health report. */
	status(): HealthReport[ 'secret' ] {
		return this.secret === null
			? { loaded: false, error: this.problem ?? 'not loaded' }
			: { loaded: true };
	}

	/** Reads once now (never throws), then keeps refreshing on the interval. */
	start(): Promise< void > {
		return this.poller.start();
	}

	/** Stops refreshing and waits for a read in flight. */
	stop(): Promise< void > {
		return this.poller.stop();
	}

	/** Re-reads the option now; failures are recorded, not thrown. */
	refresh(): Promise< void > {
		return this.poller.runNow();
	}

	private async read(): Promise< void > {
		const { source, describeError } = this.deps;
		let value: string | null;
		try {
			value = await source.get( SECRET_OPTION );
		} catch ( error ) {
			// Keep the last good secret: a database blip must not lock agents out.
			this.setProblem(
				`cannot read option ${ SECRET_OPTION }: ${ describeError( error ) }`
			);
			return;
		}
		if ( value === null ) {
			this.setSecret(
				null,
				`option ${ SECRET_OPTION } not found in ${ source.table }; is the LiveDesk plugin active?`
			);
		} else if ( ! SECRET_FORMAT.test( value ) ) {
			this.setSecret(
				null,
				`option ${ SECRET_OPTION } in ${ source.table } is not 64 hex characters`
			);
		} else {
			this.setSecret( value, undefined );
		}
	}

	private setSecret(
		secret: string | null,
		problem: string | undefined
	): void {
		const previous = this.secret;
		this.secret = secret;
		if ( secret !== null && secret !== previous ) {
			this.deps.log.info(
				{ fingerprint: fingerprint( secret ) },
				previous === null
					? 'shared secret loaded'
					: 'shared secret rotated'
			);
		}
		this.setProblem( problem );
	}

	// Logged on change only: the refresh runs every few seconds.
	private setProblem( problem: string | undefined ): void {
		if ( problem !== undefined && problem !== this.problem ) {
			this.deps.log.warn(
				{ problem },
				'cannot use or refresh the shared secret'
			);
		}
		this.problem = problem;
	}
}
