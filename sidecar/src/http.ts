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

const LOOPBACK = new Set( [ '127.0.0.1', '::1', '::ffff:127.0.0.1' ] );

/**
 * Whether the caller reached the sidecar directly from this machine (an
 * operator or a monitor), not through the site's public proxy. Only such
 * callers see the details: the database target, version and uptime are not
 * for the internet.
 *
 * @param req The request.
 */
export function isDirectLocalCaller( req: IncomingMessage ): boolean {
	const proxied =
		req.headers[ 'x-forwarded-for' ] !== undefined ||
		req.headers.forwarded !== undefined;
	return ! proxied && LOOPBACK.has( req.socket.remoteAddress ?? '' );
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
				sendJson(
					req,
					res,
					statusCode,
					isDirectLocalCaller( req )
						? report
						: { status: report.status }
				),
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
