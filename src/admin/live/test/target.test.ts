/**
 * Internal dependencies
 */
import { agentSocketTarget } from '../target';

describe( 'agentSocketTarget', () => {
	it.each( [
		[
			'http://127.0.0.1:8787/livedesk-sidecar/',
			'http://127.0.0.1:8787/agent',
			'/livedesk-sidecar/socket.io',
		],
		[
			'https://shop.example/livedesk-sidecar',
			'https://shop.example/agent',
			'/livedesk-sidecar/socket.io',
		],
		[ 'https://live.example', 'https://live.example/agent', '/socket.io' ],
		[
			'https://shop.example/sub/site/livedesk-sidecar/?x=1#y',
			'https://shop.example/agent',
			'/sub/site/livedesk-sidecar/socket.io',
		],
	] )( '%s → %s with path %s', ( url, uri, path ) => {
		expect( agentSocketTarget( url ) ).toEqual( { uri, path } );
	} );

	it.each( [
		'',
		'/livedesk-sidecar/',
		'javascript:alert(1)',
		'ftp://x.example/',
	] )( 'rejects %j', ( url ) => {
		expect( agentSocketTarget( url ) ).toBeNull();
	} );
} );
