/**
 * URL clean-up shared by the widget (before sending) and the sidecar (before
 * storing or fanning out): query strings and fragments never travel further.
 */

/**
 * Removes the query string and the fragment from a URL or path.
 *
 * @param url Absolute URL, path, or anything else.
 * @return The input up to its first `?` or `#`.
 */
export function stripQueryAndFragment( url: string ): string {
	const cut = url.search( /[?#]/ );
	return cut === -1 ? url : url.slice( 0, cut );
}

/**
 * A referrer as LiveDesk keeps it: `scheme://host[:port]/path`, without
 * credentials, query or fragment; '' when it is not an http(s) URL.
 *
 * @param referrer The raw referrer (document.referrer or a payload field).
 */
export function cleanReferrer( referrer: string ): string {
	const match = /^(https?):\/\/(?:[^/?#@]*@)?([^/?#@\s]+)(\/[^?#\s]*)?/i.exec(
		referrer.trim()
	);
	if ( ! match ) {
		return '';
	}
	const [ , scheme = '', host = '', path = '/' ] = match;
	return `${ scheme.toLowerCase() }://${ host.toLowerCase() }${ path }`;
}
