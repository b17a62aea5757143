/**
 * Plain HTTP routes beside socket.io (which answers under /socket.io itself).
 */

/**
 * External dependencies
 */
import type {
	IncomingMessage,
	RequestListener,
	ServerResponse,
} from 'node:http';

/**
 * Internal dependencies
 */
import type { HealthResponse } from './health';
import type { Logger } from './log';

function sendJson(
	req: IncomingMessage,
	res: ServerResponse,
	statusCode: number,
	body: unknown,
	headers: Record< string, string > = {}
): void {
	const text = JSON.stringify( body );
	res.writeHead( statusCode, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength( text ),
		// Health is live state; a cached answer is a wrong answer.
		'Cache-Control': 'no-store',
		...headers,
	} );
	res.end( req.method === 'HEAD' ? undefined : text );
}

/**
 * Handles GET /healthz; every other path is a JSON 404.
 *
 * @param health Produces the current health response.
 * @param log    For failures.
 */
export function createHttpHandler(
	health: () => Promise< HealthResponse >,
	log: Logger
): RequestListener {
	return ( req, res ) => {
		const { pathname } = new URL( req.url ?? '/', 'http://sidecar' );
		if ( pathname !== '/healthz' ) {
			sendJson( req, res, 404, {
				error: 'not_found',
				message: `no route for ${ pathname }`,
			} );
			return;
		}
		if ( req.method !== 'GET' && req.method !== 'HEAD' ) {
			sendJson(
				req,
				res,
				405,
				{ error: 'method_not_allowed', message: 'use GET' },
				{ Allow: 'GET, HEAD' }
			);
			return;
		}
		health().then(
			( { statusCode, report } ) =>
				sendJson( req, res, statusCode, report ),
			( error: unknown ) => {
				log.error( { err: error }, 'health check failed' );
				sendJson( req, res, 500, {
					error: 'internal_error',
					message: 'health check failed; see the sidecar log',
				} );
			}
		);
	};
}
