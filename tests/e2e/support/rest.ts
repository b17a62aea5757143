/**
 * External dependencies
 */
import type { Page } from 'playwright-core';

/** What a REST call answered: the HTTP status and the decoded JSON body. */
export interface RestResponse< T = unknown > {
	status: number;
	body: T;
}

/** HTTP methods the helpers send. */
export type RestMethod = 'GET' | 'POST' | 'DELETE';

/**
 * Calls the site's REST API from a logged-in page, the way wp-admin screens
 * do (cookie + a fresh `wp_rest` nonce), and returns whatever it answered —
 * errors included, so a test can assert a refusal.
 *
 * @param page   A page of the site, in a logged-in context.
 * @param method HTTP method.
 * @param path   Route under /wp-json, e.g. `/livedesk/v1/settings`.
 * @param data   JSON body.
 */
export async function restRequest< T = unknown >(
	page: Page,
	method: RestMethod,
	path: string,
	data?: Record< string, unknown >
): Promise< RestResponse< T > > {
	const result = await page.evaluate(
		async ( [ m, p, d ] ) => {
			const nonce = await (
				await fetch( '/wp-admin/admin-ajax.php?action=rest-nonce' )
			).text();
			const response = await fetch( `/wp-json${ p }`, {
				method: m,
				headers: {
					'X-WP-Nonce': nonce,
					'Content-Type': 'application/json',
				},
				body: d ? JSON.stringify( d ) : undefined,
			} );
			return { status: response.status, body: await response.json() };
		},
		[ method, path, data ] as const
	);
	return result as RestResponse< T >;
}

/**
 * Like restRequest, for calls that must succeed: any status but 2xx throws
 * with the route, the status and the body.
 *
 * @param page   A page of the site, in a logged-in context.
 * @param method HTTP method.
 * @param path   Route under /wp-json.
 * @param data   JSON body.
 */
export async function rest< T = unknown >(
	page: Page,
	method: RestMethod,
	path: string,
	data?: Record< string, unknown >
): Promise< T > {
	const { status, body } = await restRequest< T >( page, method, path, data );
	if ( status < 200 || status > 299 ) {
		throw new Error(
			`${ method } ${ path }: HTTP ${ status } ${ JSON.stringify( body ) }`
		);
	}
	return body;
}
