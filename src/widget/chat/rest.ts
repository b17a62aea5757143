/**
 * Internal dependencies
 */
import type { SignedIdentity, VisitorIdentity } from '../../protocol';

/** Header that carries the visitor's signed id to the plugin's public chat routes. */
export const VISITOR_HEADER = 'X-LiveDesk-Visitor';

/** Header that carries a `SignedIdentity` (base64url of its JSON). */
export const IDENTITY_HEADER = 'X-LiveDesk-Identity';

/** Header that carries a playground token (an admin's test chat). */
export const PLAYGROUND_HEADER = 'X-LiveDesk-Playground';

/** How long one REST request may take before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 15000;

/** A REST answer: the HTTP status (0 when the request failed) and the decoded JSON body. */
export interface RestAnswer {
	status: number;
	data: unknown;
}

/**
 * The URL of a `livedesk/v1` route: `base` is rest_url( 'livedesk/v1/' ),
 * which with plain permalinks is `…/?rest_route=/livedesk/v1/`, so a query
 * joins with `&` there and with `?` otherwise.
 *
 * @param base  The REST base, ending with a slash.
 * @param route The route below it, e.g. `chat/messages`.
 * @param query Query arguments.
 */
export function restRoute(
	base: string,
	route: string,
	query: Record< string, string | number > = {}
): string {
	const args = Object.entries( query )
		.map(
			( [ key, value ] ) =>
				encodeURIComponent( key ) +
				'=' +
				encodeURIComponent( String( value ) )
		)
		.join( '&' );
	const url = base + route;
	return args ? url + ( url.includes( '?' ) ? '&' : '?' ) + args : url;
}

/**
 * base64url (RFC 4648 §5, no padding) of a binary string (one byte per
 * character).
 *
 * @param binary The bytes.
 */
export function base64Url( binary: string ): string {
	return btoa( binary )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

/**
 * A string's UTF-8 bytes as a binary string (for btoa).
 *
 * @param text The text.
 */
export function utf8( text: string ): string {
	return encodeURIComponent( text ).replace( /%([0-9A-F]{2})/g, ( _, hex ) =>
		String.fromCharCode( parseInt( hex, 16 ) )
	);
}

/**
 * The headers that say who a visitor request comes from: the signed visitor
 * id, a signed identity and a playground token, each when there is one.
 *
 * @param visitor    The visitor's signed id.
 * @param identity   A signed identity (site or plugin).
 * @param playground A playground token.
 */
export function visitorHeaders(
	visitor: VisitorIdentity | undefined,
	identity?: SignedIdentity | null,
	playground?: string
): Record< string, string > {
	const headers: Record< string, string > = {};
	if ( visitor ) {
		headers[ VISITOR_HEADER ] = visitor.id + '.' + visitor.sig;
	}
	if ( identity ) {
		headers[ IDENTITY_HEADER ] = base64Url(
			utf8( JSON.stringify( identity ) )
		);
	}
	if ( playground ) {
		headers[ PLAYGROUND_HEADER ] = playground;
	}
	return headers;
}

/** Options of {@link requestJson}. */
export interface RequestOptions {
	method?: 'GET' | 'POST';
	headers?: Record< string, string >;
	/** Sent as JSON. */
	body?: unknown;
}

/**
 * One request to the plugin: JSON in and out, same-origin cookies, a
 * timeout. Never rejects: a network failure or timeout is status 0, a body
 * that is not JSON is null.
 *
 * @param fetchImpl The fetch implementation.
 * @param url       The URL.
 * @param options   Method, headers, body.
 */
export async function requestJson(
	fetchImpl: typeof fetch,
	url: string,
	options: RequestOptions = {}
): Promise< RestAnswer > {
	const abort = new AbortController();
	// Assigned before the try: the finally clears it.
	let timer: ReturnType< typeof setTimeout > | undefined;
	try {
		timer = setTimeout( () => abort.abort(), REQUEST_TIMEOUT_MS );
		const response = await fetchImpl( url, {
			method: options.method ?? 'GET',
			credentials: 'same-origin',
			headers: {
				Accept: 'application/json',
				...( options.body === undefined
					? {}
					: { 'Content-Type': 'application/json' } ),
				...options.headers,
			},
			body:
				options.body === undefined
					? undefined
					: JSON.stringify( options.body ),
			signal: abort.signal,
		} );
		let data: unknown = null;
		try {
			data = await response.json();
		} catch {
			// Not JSON (a proxy's error page): status only.
		}
		return { status: response.status, data };
	} catch {
		return { status: 0, data: null };
	} finally {
		clearTimeout( timer );
	}
}
