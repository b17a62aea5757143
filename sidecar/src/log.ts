/**
 * External dependencies
 */
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/**
 * Internal dependencies
 */
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/**
 * Creates the JSON-lines logger (stdout by default). Secret-bearing fields are
 * redacted by name as a backstop; code should not log them in the first place.
 *
 * @param level       Minimum level.
 * @param destination Where lines go; stdout when omitted.
 */
export function createLogger(
	level: LogLevel,
	destination?: DestinationStream
): Logger {
	const options = {
		level,
		base: { service: 'livedesk-sidecar', pid: process.pid },
		timestamp: pino.stdTimeFunctions.isoTime,
		// Level names, not numbers: readable in journald and log shippers alike.
		formatters: { level: ( label: string ) => ( { level: label } ) },
		redact: {
			paths: [
				'password',
				'*.password',
				'secret',
				'*.secret',
				'token',
				'*.token',
			],
			censor: '[redacted]',
		},
	};
	// Synchronous stdout: log lines survive a crash or a forced exit.
	return pino(
		options,
		destination ?? pino.destination( { dest: 1, sync: true } )
	);
}
