/**
 * A fetch stand-in for the chat panel's tests: answers the plugin's routes
 * from handlers a test sets, and records every request.
 */

/** One recorded request. */
export interface FakeRequest {
	method: string;
	url: string;
	/** The route below the REST base, e.g. `chat/messages`. */
	route: string;
	query: Record< string, string >;
	headers: Record< string, string >;
	body: unknown;
}

/** A handler's answer: status and JSON body (or a thrown network error). */
export type FakeAnswer = { status: number; body?: unknown } | 'network-error';

type Handler = ( request: FakeRequest ) => FakeAnswer | Promise< FakeAnswer >;

/** The REST base the tests use. */
export const REST = 'https://shop.example/wp-json/livedesk/v1/';

/** The admin-ajax URL the tests use. */
export const AJAX = 'https://shop.example/wp-admin/admin-ajax.php';

/** A fake fetch with its handlers and the requests it saw. */
export function createFakeRest() {
	const requests: FakeRequest[] = [];
	const handlers = new Map< string, Handler >();
	// Unhandled routes: chat/config fails like a server without the route.
	const fallback: Handler = () => ( {
		status: 404,
		body: { code: 'rest_no_route' },
	} );

	const fetch = jest.fn( async ( input: unknown, init: RequestInit = {} ) => {
		const url = new URL( String( input ) );
		const method = init.method ?? 'GET';
		const route = url.href.startsWith( REST )
			? url.pathname.slice( new URL( REST ).pathname.length )
			: url.pathname;
		const request: FakeRequest = {
			method,
			url: url.href,
			route,
			query: Object.fromEntries( url.searchParams ),
			headers: { ...( init.headers as Record< string, string > ) },
			body:
				typeof init.body === 'string'
					? JSON.parse( init.body )
					: undefined,
		};
		requests.push( request );
		const handler =
			handlers.get( `${ method } ${ route }` ) ??
			handlers.get( route ) ??
			fallback;
		const answer = await handler( request );
		if ( answer === 'network-error' ) {
			throw new TypeError( 'Failed to fetch' );
		}
		return {
			ok: answer.status >= 200 && answer.status < 300,
			status: answer.status,
			json: async () => answer.body,
			text: async () => String( answer.body ?? '' ),
		};
	} );

	return {
		fetch: fetch as unknown as typeof window.fetch,
		requests,
		/**
		 * Answers `METHOD route` (or any method of `route`).
		 * @param key
		 * @param handler
		 */
		on( key: string, handler: Handler ) {
			handlers.set( key, handler );
		},
		/**
		 * Requests of one route.
		 * @param key `METHOD route`.
		 */
		calls( key: string ) {
			return requests.filter(
				( r ) => `${ r.method } ${ r.route }` === key
			);
		},
	};
}
