/**
 * Internal dependencies
 */
import { AGENT_NAMESPACE } from '../../protocol';

/** Where socket.io connects for the `/agent` namespace of a sidecar. */
export interface AgentSocketTarget {
	/** The sidecar's origin plus the namespace, e.g. `https://shop.example/agent`. */
	uri: string;
	/** socket.io's HTTP path, e.g. `/livedesk-sidecar/socket.io`. */
	path: string;
}

/**
 * The socket.io target of a sidecar base URL, under which the sidecar serves
 * `socket.io/` (the same rule as the widget's). Null for anything but an
 * absolute http(s) URL.
 *
 * @param sidecarUrl e.g. `http://127.0.0.1:8787/livedesk-sidecar/`.
 */
export function agentSocketTarget(
	sidecarUrl: string
): AgentSocketTarget | null {
	let url: URL;
	try {
		url = new URL( sidecarUrl );
	} catch {
		return null;
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		return null;
	}
	const base = url.pathname.endsWith( '/' )
		? url.pathname
		: `${ url.pathname }/`;
	return { uri: url.origin + AGENT_NAMESPACE, path: `${ base }socket.io` };
}
