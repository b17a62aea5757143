/**
 * Internal dependencies
 */
import type { HealthReport } from '../../src/protocol';

/** Everything the health verdict is derived from. */
export interface HealthInputs {
	version: string;
	uptimeSeconds: number;
	db: HealthReport[ 'db' ];
	secret: HealthReport[ 'secret' ];
	presence?: HealthReport[ 'presence' ];
	writes?: HealthReport[ 'writes' ];
	chat?: HealthReport[ 'chat' ];
}

/** A health report and the HTTP status that carries it. */
export interface HealthResponse {
	statusCode: 200 | 503;
	report: HealthReport;
}

/**
 * Healthy means able to do the job: the database answers and tokens can be
 * verified. Anything less is 503 so load balancers and monitors react.
 *
 * @param inputs Current measurements.
 */
export function buildHealthReport( inputs: HealthInputs ): HealthResponse {
	const healthy = inputs.db.ok && inputs.secret.loaded;
	return {
		statusCode: healthy ? 200 : 503,
		report: {
			status: healthy ? 'ok' : 'error',
			version: inputs.version,
			uptimeSeconds: Math.max( 0, Math.floor( inputs.uptimeSeconds ) ),
			db: inputs.db,
			secret: inputs.secret,
			...( inputs.presence && { presence: inputs.presence } ),
			...( inputs.writes && { writes: inputs.writes } ),
			...( inputs.chat && { chat: inputs.chat } ),
		},
	};
}
